import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, RECORDS_FILE, SUMS_FILE, verifyBundle, type BundleManifest } from '../../src/archive/bundle.js';
import { exportBundle } from '../../src/archive/export.js';
import { decodeRecord, splitLines } from '../../src/archive/format.js';
import { HOUR, T0, buildArchive, keyPair, removeDir, tempDir } from './helpers.js';

const { privateKey, publicKey } = keyPair();
let src: string;
const outs: string[] = [];
beforeAll(async () => {
  src = tempDir();
  await buildArchive(src, privateKey, 3, 6, 4); // segments 1..3 sealed (hourly), 4 open
});
afterAll(() => {
  removeDir(src);
  for (const o of outs) removeDir(o);
});
function out(): string {
  const d = tempDir('th-bundle-');
  outs.push(d);
  return join(d, 'bundle');
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('evidence bundle export', () => {
  it('selects by window and session, ships segments, checkpoints and key, and hashes every file', () => {
    const o = out();
    const res = exportBundle(src, {
      from: T0 + HOUR,
      to: T0 + 2 * HOUR - 1,
      session: 'sess-1',
      out: o,
      publicKey,
      clock: () => T0 + 100 * HOUR,
    });
    expect(res.verification.ok).toBe(true);
    expect(res.segments).toEqual(['segment-000002.jsonl']);
    const manifest = JSON.parse(readFileSync(join(o, MANIFEST_FILE), 'utf8')) as BundleManifest;
    expect(manifest.recordCount).toBe(3);
    expect(manifest.createdAt).toBe(new Date(T0 + 100 * HOUR).toISOString());
    for (const f of manifest.files) {
      const b = readFileSync(join(o, f.path));
      expect(sha(b)).toBe(f.sha256);
      expect(b.length).toBe(f.bytes);
    }
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        RECORDS_FILE,
        'archive/segment-000002.jsonl',
        'archive/segment-000002.checkpoint.json',
        expect.stringMatching(/^public-key-/),
      ]),
    );
    // SHA256SUMS covers the manifest too, in sha256sum format.
    const sums = readFileSync(join(o, SUMS_FILE), 'utf8').trim().split('\n');
    expect(sums).toContain(`${sha(readFileSync(join(o, MANIFEST_FILE)))}  ${MANIFEST_FILE}`);
    expect(res.manifestSha256).toBe(sha(readFileSync(join(o, MANIFEST_FILE))));
    const records = splitLines(readFileSync(join(o, RECORDS_FILE))).lines.map((l) => decodeRecord(l.bytes));
    for (const r of records) {
      if (!r.ok) throw new Error('bad record');
      expect(r.record.session).toBe('sess-1');
      expect(Date.parse(r.record.time)).toBeGreaterThanOrEqual(T0 + HOUR);
    }
    expect(verifyBundle(o, publicKey)).toMatchObject({ ok: true, verifiedRecords: 3 });
  });

  it('includes complete lines of the open segment, and a bundle spanning several segments verifies', () => {
    const o = out();
    const res = exportBundle(src, { from: T0, to: T0 + 10 * HOUR, out: o });
    expect(res.recordCount).toBe(22);
    expect(res.segments.length).toBe(4);
    const v = verifyBundle(o);
    expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(v.problems.map((p) => p.code)).toContain('key_not_pinned');
  });

  it('detects a bundle edited after export', () => {
    const o = out();
    exportBundle(src, { from: T0, to: T0 + 10 * HOUR, session: 'sess-0', out: o, publicKey });
    const p = join(o, RECORDS_FILE);
    writeFileSync(p, readFileSync(p, 'utf8').replace('"i":0', '"i":9'));
    const v = verifyBundle(o, publicKey);
    expect(v.ok).toBe(false);
    expect(v.problems.map((x) => x.code)).toEqual(
      expect.arrayContaining(['bundle_file_mismatch', 'bundle_record_mismatch']),
    );
    // Re-hashing the manifest does not help: the record no longer matches the sealed segment.
    const manifest = JSON.parse(readFileSync(join(o, MANIFEST_FILE), 'utf8')) as BundleManifest;
    for (const f of manifest.files) f.sha256 = sha(readFileSync(join(o, f.path)));
    writeFileSync(join(o, MANIFEST_FILE), JSON.stringify(manifest));
    expect(verifyBundle(o, publicKey).problems.map((x) => x.code)).toContain('bundle_record_mismatch');
  });

  it('refuses a non-empty output folder', () => {
    const o = out();
    mkdirSync(o, { recursive: true });
    writeFileSync(join(o, 'x'), 'x');
    expect(() => exportBundle(src, { from: T0, to: T0 + HOUR, out: o })).toThrow(
      expect.objectContaining({ code: 'TH_ARCHIVE_IO' }),
    );
  });
});
