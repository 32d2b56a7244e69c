import { parseArgs } from 'node:util';
import type { CliIO, Command } from './command.js';
import { UsageError } from './command.js';
import { COMMANDS } from './commands/index.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function topLevelHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `tracehound ${version}: security detection for LLM telemetry (OpenTelemetry)

Usage: tracehound <command> [options]

Commands:
${list}

Options:
  -h, --help     show help (also: tracehound <command> --help, tracehound help <command>)
  -v, --version  print the version

Exit codes: 0 success, 1 failure (message with a TH_* code, see docs/errors.md), 2 usage error.
`;
}

export function commandHelp(c: Command): string {
  return `Usage: ${c.synopsis}\n\n${c.summary}\n\n${c.help.trimEnd()}\n`;
}

/** Run `tracehound <argv...>` and return the exit code. */
export async function dispatch(argv: string[], io: CliIO, version: string): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(`tracehound: missing command (TH_CLI_USAGE)\n\n${topLevelHelp(version)}`);
    return EXIT_USAGE;
  }
  if (name === '-h' || name === '--help') {
    await io.out(topLevelHelp(version));
    return EXIT_OK;
  }
  if (name === '-v' || name === '--version') {
    await io.out(`${version}\n`);
    return EXIT_OK;
  }
  if (name === 'help') {
    const target = rest[0] ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (rest[0] && !target) return unknown(rest[0], io, version);
    await io.out(target ? commandHelp(target) : topLevelHelp(version));
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return unknown(name, io, version);

  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.err(`tracehound ${command.name}: ${(err as Error).message} (TH_CLI_USAGE)\n\n${commandHelp(command)}`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    await io.out(commandHelp(command));
    return EXIT_OK;
  }
  const [min, max] = command.positionals;
  const n = parsed.positionals.length;
  if (n < min || n > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    io.err(
      `tracehound ${command.name}: expected ${expected} argument(s), got ${n} (TH_CLI_USAGE)\n\n${commandHelp(command)}`,
    );
    return EXIT_USAGE;
  }
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`tracehound ${command.name}: ${err.message} (TH_CLI_USAGE)\n\n${commandHelp(command)}`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

function unknown(name: string, io: CliIO, version: string): number {
  io.err(`tracehound: unknown command '${name}' (TH_CLI_USAGE)\n\n${topLevelHelp(version)}`);
  return EXIT_USAGE;
}
