import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { segmentName } from '../../src/archive/format.js';
import { listArchive } from '../../src/archive/store.js';
import { verifyArchive } from '../../src/archive/verify.js';
import { T0, buildArchive, keyPair, open, parse, readLines, removeDir, tempDir } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const script = fileURLToPath(new URL('./fixtures/append-loop.ts', import.meta.url));

/** Run the append loop in a child, SIGKILL it once it has written `ready` records, wait for it to die. */
function runAndKill(d: string, pem: string, ready: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@tracehound/source', '--import', 'tsx', script, d, String(ready)],
      {
        cwd: repoRoot,
        env: { ...process.env, TRACEHOUND_ARCHIVE_KEY: pem },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`child exited ${code}: ${stderr}`)),
    );
  });
}

describe('crash safety', () => {
  it('survives kill -9 mid-write: verifies up to the last record, then the writer continues the chain', async () => {
    const d = dir();
    const { privateKey, publicKey } = keyPair();
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(await runAndKill(d, pem, 60)).toBe('SIGKILL');

    const before = verifyArchive(d, { publicKey });
    expect(before.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(before.ok).toBe(true);
    expect(before.lastGoodSeq).toBeGreaterThanOrEqual(60);
    expect(before.sealedSegments).toBeGreaterThan(0); // the loop rotated (16 KiB segments) before the kill

    const a = open(d, privateKey, Date.now);
    await a.append({ type: 'finding', data: { after: 'restart' } });
    await a.shutdown();
    const after = verifyArchive(d, { publicKey });
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(after.ok).toBe(true);
    expect(after.lastGoodSeq).toBeGreaterThan(before.lastGoodSeq);
    expect(listArchive(d).temporary).toEqual([]);
  });

  it('cuts a torn last line on reopen, records that it did, and continues the chain', async () => {
    const d = dir();
    const { privateKey, publicKey } = keyPair();
    await buildArchive(d, privateKey, 1, 3, 2); // segment 1 sealed, segment 2 open with seq 4..5
    const torn = '{"v":1,"seq":6,"prev":"00';
    appendFileSync(join(d, segmentName(2)), torn);
    const v1 = verifyArchive(d, { publicKey });
    expect(v1.ok).toBe(true);
    expect(v1.lastGoodSeq).toBe(5);
    expect(v1.problems.map((p) => p.code)).toContain('torn_tail');

    const a = open(d, privateKey, () => T0 + 10_000);
    await a.append({ type: 'finding', data: 'next' });
    await a.shutdown();
    const recs = readLines(d, 2).map(parse);
    expect(recs.map((r) => r.seq)).toEqual([4, 5, 6, 7]);
    expect(recs[2].type).toBe('recovery');
    expect(recs[2].data).toMatchObject({
      action: 'truncate_torn_tail',
      segment: segmentName(2),
      tornBytes: Buffer.byteLength(torn),
    });
    expect(recs[3].data).toBe('next');
    const v2 = verifyArchive(d, { publicKey });
    expect(v2).toMatchObject({ ok: true, lastGoodSeq: 7 });
    expect(v2.problems.map((p) => p.code)).not.toContain('torn_tail');
  });

  it('refuses to write over corruption that is not a torn tail', async () => {
    const d = dir();
    const { privateKey } = keyPair();
    await buildArchive(d, privateKey, 1, 3, 2);
    appendFileSync(join(d, segmentName(2)), 'garbage\n');
    const size = readFileSync(join(d, segmentName(2))).length;
    expect(() => open(d, privateKey, () => T0)).toThrow(expect.objectContaining({ code: 'TH_ARCHIVE_TAMPERED' }));
    expect(readFileSync(join(d, segmentName(2))).length).toBe(size); // evidence left untouched
    expect(existsSync(join(d, segmentName(3)))).toBe(false);
  });
});
