import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointName, segmentName, sha256Hex, type StoredRecord } from '../../src/archive/format.js';
import { listArchive } from '../../src/archive/store.js';
import { verifyArchive } from '../../src/archive/verify.js';
import { DAY, HOUR, T0, fakeClock, keyPair, open, parse, readLines, removeDir, tempDir } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

function allRecords(d: string): StoredRecord[] {
  return listArchive(d).segments.flatMap((i) => readLines(d, i).map(parse));
}

describe('retention', () => {
  it('deletes only sealed segments past the retention age, records each deletion, and still verifies', async () => {
    const d = dir();
    const { privateKey, publicKey } = keyPair();
    const clock = fakeClock();
    const a = open(d, privateKey, clock.now, { retention: { maxAgeDays: 2 } });
    // One segment per hour for 4 hours (sealed at T0+1h .. T0+4h), then nothing until day 2 + 2.5h.
    for (let h = 0; h < 4; h++) {
      clock.set(T0 + h * HOUR);
      await a.append({ type: 'finding', data: { h } });
    }
    await a.maintain(); // not yet expired: nothing deleted
    clock.set(T0 + 4 * HOUR);
    await a.maintain(); // seals segment 4 by age
    const ckptHashes = [1, 2, 3, 4].map((i) => sha256Hex(readFileSync(join(d, checkpointName(i)))));
    expect(listArchive(d).checkpoints).toEqual([1, 2, 3, 4]);

    clock.set(T0 + 2 * DAY + 2.5 * HOUR); // segments sealed at 1h and 2h are past 2 days; 3h and 4h are not
    await a.maintain();
    await a.shutdown({ seal: false });

    const listing = listArchive(d);
    expect(listing.segments).toEqual([3, 4, 5]);
    expect(listing.checkpoints).toEqual([3, 4]);
    const retention = readLines(d, 5)
      .map(parse)
      .filter((r) => r.type === 'retention');
    expect(retention.map((r) => (r.data as { segment: string }).segment)).toEqual([segmentName(1), segmentName(2)]);
    expect(retention.map((r) => (r.data as { checkpointSha256: string }).checkpointSha256)).toEqual(
      ckptHashes.slice(0, 2),
    );
    expect(retention[0].data).toMatchObject({ firstSeq: 1, lastSeq: 1, recordCount: 1, maxAgeDays: 2 });

    const v = verifyArchive(d, { publicKey });
    expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(v).toMatchObject({ ok: true, lastGoodSeq: 6 });

    // A segment deleted by anything else than retention is still caught.
    rmSync(join(d, segmentName(3)));
    rmSync(join(d, checkpointName(3)));
    const bad = verifyArchive(d, { publicKey });
    expect(bad.ok).toBe(false);
    expect(bad.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'segment_missing', segment: segmentName(3) })]),
    );
  });

  it('keeps verifying across generations (segments holding retention records expire too) and restarts', async () => {
    const d = dir();
    const { privateKey, publicKey } = keyPair();
    const clock = fakeClock();
    let a = open(d, privateKey, clock.now, { retention: { maxAgeDays: 1 } });
    for (let day = 0; day < 6; day++) {
      for (let h = 0; h < 3; h++) {
        clock.set(T0 + day * DAY + h * HOUR);
        await a.append({ type: 'finding', data: { day, h } });
      }
      if (day === 3) {
        await a.shutdown();
        a = open(d, privateKey, clock.now, { retention: { maxAgeDays: 1 } });
      }
    }
    await a.shutdown();
    const listing = listArchive(d);
    expect(listing.segments[0]).toBeGreaterThan(1);
    const v = verifyArchive(d, { publicKey });
    expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(v.ok).toBe(true);
    const recs = allRecords(d);
    expect(recs.at(-1)?.seq).toBe(v.lastGoodSeq);
    expect(recs.filter((r) => r.type === 'retention').length).toBeGreaterThan(0);
    // Nothing sealed within the last day was deleted.
    for (const i of listing.checkpoints) {
      const c = JSON.parse(readFileSync(join(d, checkpointName(i)), 'utf8')) as { sealedAt: string };
      expect(T0 + 5 * DAY + 2 * HOUR - Date.parse(c.sealedAt)).toBeLessThanOrEqual(DAY + 3 * HOUR);
    }
  });

  it('never deletes anything when retention is 0, and never the open segment', async () => {
    const d = dir();
    const { privateKey, publicKey } = keyPair();
    const clock = fakeClock();
    const a = open(d, privateKey, clock.now, { retention: { maxAgeDays: 0 } });
    for (let h = 0; h < 3; h++) {
      clock.set(T0 + h * HOUR);
      await a.append({ type: 'finding', data: h });
    }
    clock.set(T0 + 1000 * DAY);
    await a.maintain();
    await a.shutdown();
    expect(listArchive(d).segments).toEqual([1, 2, 3]);
    expect(verifyArchive(d, { publicKey }).ok).toBe(true);
    expect(existsSync(join(d, checkpointName(3)))).toBe(true);
  });

  it('finishes an interrupted deletion without recording it twice', async () => {
    const d = dir();
    const { privateKey, publicKey } = keyPair();
    const clock = fakeClock();
    let a = open(d, privateKey, clock.now, { retention: { maxAgeDays: 1 } });
    for (let h = 0; h < 3; h++) {
      clock.set(T0 + h * HOUR);
      await a.append({ type: 'finding', data: h });
    }
    const savedCheckpoint = readFileSync(join(d, checkpointName(1)));
    clock.set(T0 + DAY + 1.5 * HOUR); // only segment 1 (sealed at 1h) is expired
    await a.maintain();
    await a.shutdown({ seal: false });
    expect(listArchive(d).checkpoints).toEqual([2, 3]);
    // A crash between deleting the segment and deleting its checkpoint leaves the checkpoint behind.
    writeFileSync(join(d, checkpointName(1)), savedCheckpoint);
    const mid = verifyArchive(d, { publicKey });
    expect(mid.ok).toBe(true);
    expect(mid.problems.map((p) => p.code)).toContain('retention_incomplete');

    a = open(d, privateKey, clock.now, { retention: { maxAgeDays: 1 } });
    await a.forceFlush();
    await a.shutdown({ seal: false });
    expect(listArchive(d).checkpoints).toEqual([2, 3]);
    expect(allRecords(d).filter((r) => r.type === 'retention').length).toBe(1);
    const v = verifyArchive(d, { publicKey });
    expect(v.ok).toBe(true);
    expect(v.problems.map((p) => p.code)).not.toContain('retention_incomplete');
  });
});
