import type { CliIO } from '../../src/cli/command.js';
import { dispatch } from '../../src/cli/dispatch.js';

/** Run `tracehound <args>` in-process with captured output and a given environment. */
export async function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    out: async (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    env,
    untilSignal: () => new Promise(() => {}),
  };
  const code = await dispatch(args, io, '0.0.0-test');
  return { code, stdout, stderr };
}
