import { readFileSync, existsSync, statSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIO, CommandArgs } from '../../src/cli/command.js';
import { archiveCommand } from '../../src/cli/commands/archive.js';
import { segmentName } from '../../src/archive/format.js';
import { parsePrivateKey } from '../../src/archive/keys.js';
import { HOUR, T0, buildArchive, removeDir, tempDir } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

async function run(
  positionals: string[],
  values: CommandArgs['values'] = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: async (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
    untilSignal: () => new Promise(() => undefined),
  };
  const code = await archiveCommand.run({ positionals, values }, io);
  return { code, out, err };
}

describe('tracehound archive', () => {
  it('keygen, verify (ok, pinned, tampered), export', async () => {
    const keys = dir();
    const k = await run(['keygen'], { out: keys });
    expect(k.code).toBe(0);
    const privFile = join(keys, 'archive-signing-key.pem');
    const pubFile = join(keys, 'archive-public-key.pem');
    expect(statSync(privFile).mode & 0o077).toBe(0);
    expect((await run(['keygen'], { out: keys })).code).toBe(1); // never overwrites a key

    const a = dir();
    await buildArchive(a, parsePrivateKey(readFileSync(privFile, 'utf8'), privFile), 2, 3, 2);
    const ok = await run(['verify', a], { 'public-key': pubFile });
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('OK');

    const json = await run(['verify', a], { json: true });
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, lastGoodSeq: 8 });

    const bundle = join(dir(), 'case-42');
    const ex = await run(['export', a], {
      from: new Date(T0).toISOString(),
      to: new Date(T0 + 3 * HOUR).toISOString(),
      out: bundle,
      'public-key': pubFile,
    });
    expect(ex.code).toBe(0);
    expect(existsSync(join(bundle, 'manifest.json'))).toBe(true);
    expect((await run(['verify', bundle], { 'public-key': pubFile })).code).toBe(0);

    appendFileSync(join(a, segmentName(1)), 'x');
    const bad = await run(['verify', a], { 'public-key': pubFile });
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('segment-000001.jsonl');
    expect(bad.err).toContain('TH_ARCHIVE_TAMPERED');
  });

  it('reports usage errors', async () => {
    await expect(run(['frobnicate', 'x'])).rejects.toThrow(/unknown subcommand/);
    await expect(run(['export', dir()], { to: '2025-01-01T00:00:00Z', out: 'x' })).rejects.toThrow(/--from/);
    expect((await run(['verify', '/nonexistent/archive'])).code).toBe(1);
  });
});
