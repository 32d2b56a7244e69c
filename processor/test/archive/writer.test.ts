import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveConfigSchema, archiveDefaults } from '../../src/archive/config.js';
import { GENESIS_HASH, checkpointName, decodeCheckpoint, segmentName, sha256Hex } from '../../src/archive/format.js';
import { findingRecord } from '../../src/archive/records.js';
import { verifyArchive } from '../../src/archive/verify.js';
import type { Finding } from '@tracehound/core';
import { HOUR, T0, fakeClock, keyPair, open, parse, readLines, removeDir, tempDir, testConfig } from './helpers.js';
import { createArchive } from '../../src/archive/writer.js';

const dirs: string[] = [];
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});

const finding: Finding = {
  id: 'f-1',
  timeUnixNano: 1_740_787_200_123_456_789n,
  rule: {
    id: 'TH-INJ-001',
    name: 'Prompt injection',
    category: 'prompt_injection',
    owasp: ['LLM01:2025'],
    atlas: ['AML.T0051'],
  },
  severity: 'high',
  score: 80,
  confidence: 0.9,
  channel: 'prompt',
  evidence: 'ignore previous [REDACTED]',
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  context: { session: 'sess-1', user: 'u-1' },
};

describe('archive writer', () => {
  it('writes hash-chained records whose hashes and links verify', async () => {
    const d = dir();
    const { privateKey, publicKey } = keyPair();
    const a = open(d, privateKey, () => T0);
    await a.append(findingRecord(finding));
    await a.append({
      type: 'span',
      traceId: finding.traceId,
      spanId: finding.spanId,
      data: { name: 'chat', attrs: { n: 3n } },
    });
    await a.shutdown({ seal: false });
    const [l1, l2] = readLines(d, 1).map(parse);
    expect(l1.seq).toBe(1);
    expect(l1.prev).toBe(GENESIS_HASH);
    expect(l2.seq).toBe(2);
    expect(l2.prev).toBe(l1.hash);
    // bigint serialized as a decimal string; the record's event time comes from the finding
    expect((l1.data as { timeUnixNano: string }).timeUnixNano).toBe('1740787200123456789');
    expect(l1.time).toBe('2025-03-01T00:00:00.123Z');
    expect(l1.session).toBe('sess-1');
    expect((l2.data as { attrs: { n: string } }).attrs.n).toBe('3');
    const v = verifyArchive(d, publicKey);
    expect(v.ok).toBe(true);
    expect(v.verifiedRecords).toBe(2);
    expect(v.lastGoodSeq).toBe(2);
  });

  it('rotates by size and links segments and checkpoints', async () => {
    const d = dir();
    const { privateKey, publicKey } = keyPair();
    const a = open(d, privateKey, () => T0, { segment: { maxBytes: 4096 } });
    for (let i = 0; i < 40; i++) await a.append({ type: 'finding', data: { i, pad: 'p'.repeat(200) } });
    await a.shutdown();
    const segs = readdirSync(d)
      .filter((n) => n.endsWith('.jsonl'))
      .sort();
    expect(segs.length).toBeGreaterThan(2);
    let prevCkpt = GENESIS_HASH;
    let lastHash = GENESIS_HASH;
    for (let i = 1; i <= segs.length; i++) {
      const buf = readFileSync(join(d, segmentName(i)));
      expect(buf.length).toBeLessThanOrEqual(4096);
      const cbuf = readFileSync(join(d, checkpointName(i)));
      const c = decodeCheckpoint(cbuf);
      if (!c.ok) throw new Error('checkpoint');
      expect(c.checkpoint.sha256).toBe(sha256Hex(buf));
      expect(c.checkpoint.prevCheckpointHash).toBe(prevCkpt);
      expect(c.checkpoint.firstPrevHash).toBe(lastHash);
      prevCkpt = sha256Hex(cbuf);
      lastHash = c.checkpoint.lastRecordHash;
    }
    const v = verifyArchive(d, { publicKey });
    expect(v).toMatchObject({ ok: true, verifiedRecords: 40, lastGoodSeq: 40, sealedSegments: segs.length });
  });

  it('rotates by age on the injected clock (on append and in maintain)', async () => {
    const d = dir();
    const { privateKey } = keyPair();
    const clock = fakeClock();
    const a = open(d, privateKey, clock.now);
    await a.append({ type: 'finding', data: 1 });
    clock.advance(HOUR - 1);
    await a.append({ type: 'finding', data: 2 });
    expect(existsSync(join(d, checkpointName(1)))).toBe(false);
    clock.advance(1);
    await a.append({ type: 'finding', data: 3 }); // first record is now an hour old: seal before writing
    expect(existsSync(join(d, checkpointName(1)))).toBe(true);
    expect(readLines(d, 2).map(parse)[0].seq).toBe(3);
    clock.advance(HOUR);
    await a.maintain();
    expect(existsSync(join(d, checkpointName(2)))).toBe(true);
    expect(a.stats()).toMatchObject({ lastSeq: 3, sealed: 2, openSegment: undefined });
    await a.shutdown();
  });

  it('continues the chain after a clean restart (sealed or not)', async () => {
    const d = dir();
    const { privateKey, publicKey } = keyPair();
    let a = open(d, privateKey, () => T0);
    await a.append({ type: 'finding', data: 'a' });
    await a.shutdown({ seal: false });
    a = open(d, privateKey, () => T0 + 1000);
    await a.append({ type: 'finding', data: 'b' });
    await a.shutdown();
    a = open(d, privateKey, () => T0 + 2000);
    await a.append({ type: 'finding', data: 'c' });
    await a.shutdown();
    expect(readLines(d, 1).map((l) => parse(l).seq)).toEqual([1, 2]);
    expect(parse(readLines(d, 2)[0]).seq).toBe(3);
    expect(verifyArchive(d, { publicKey })).toMatchObject({ ok: true, verifiedRecords: 3, lastGoodSeq: 3 });
  });

  it('rejects oversized records alone, and everything after shutdown', async () => {
    const d = dir();
    const { privateKey } = keyPair();
    const a = open(d, privateKey, () => T0, { maxRecordBytes: 2048 });
    await expect(a.append({ type: 'finding', data: 'x'.repeat(5000) })).rejects.toMatchObject({
      code: 'TH_ARCHIVE_IO',
    });
    await a.append({ type: 'finding', data: 'small' });
    await expect(a.append({ type: 'retention' as 'finding', data: {} })).rejects.toMatchObject({
      code: 'TH_ARCHIVE_IO',
    });
    await a.shutdown();
    await expect(a.append({ type: 'finding', data: 'late' })).rejects.toMatchObject({ code: 'TH_ARCHIVE_IO' });
    expect(a.stats()).toMatchObject({ appended: 1, rejected: 3, lastSeq: 1 });
  });

  it('bounds the queue', async () => {
    const d = dir();
    const { privateKey } = keyPair();
    const a = open(d, privateKey, () => T0, { maxQueueRecords: 5 });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => a.append({ type: 'finding', data: i })),
    );
    expect(results.filter((r) => r.status === 'rejected').length).toBeGreaterThan(0);
    await a.shutdown();
  });

  it('takes the key from TRACEHOUND_ARCHIVE_KEY, else warns and uses an ephemeral key', async () => {
    const { privateKey, publicKey } = keyPair();
    const d1 = dir();
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().split('\n').join('\\n');
    const a = createArchive(testConfig(d1), {
      clock: () => T0,
      env: { TRACEHOUND_ARCHIVE_KEY: pem },
      warn: () => undefined,
    });
    expect(a.keySource).toBe('env');
    await a.append({ type: 'finding', data: 1 });
    await a.shutdown();
    expect(verifyArchive(d1, publicKey).ok).toBe(true);

    const warnings: string[] = [];
    const b = createArchive(testConfig(dir()), { clock: () => T0, env: {}, warn: (m) => warnings.push(m) });
    expect(b.keySource).toBe('ephemeral');
    expect(warnings.join()).toContain('ephemeral');
    await b.shutdown();
    expect(() =>
      createArchive(testConfig(dir()), { clock: () => T0, env: { TRACEHOUND_ARCHIVE_KEY: 'nope' } }),
    ).toThrow(expect.objectContaining({ code: 'TH_ARCHIVE_KEY' }));
  });

  it('exports defaults and a closed schema', () => {
    expect(archiveDefaults.enabled).toBe(false);
    expect(ArchiveConfigSchema.additionalProperties).toBe(false);
    expect(Object.keys(ArchiveConfigSchema.properties).sort()).toEqual(
      Object.keys(archiveDefaults).concat('signingKeyFile').sort(),
    );
    const validate = new Ajv({ strict: true }).compile(ArchiveConfigSchema);
    expect(validate(archiveDefaults)).toBe(true);
    expect(validate({ ...archiveDefaults, fsync: 'sometimes' })).toBe(false);
    expect(validate({ ...archiveDefaults, extra: 1 })).toBe(false);
  });
});
