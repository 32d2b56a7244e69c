import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withArchiveDefaults, type ArchiveConfig, type ArchiveConfigInput } from '../../src/archive/config.js';
import {
  encodeRecord,
  encodeCheckpoint,
  decodeCheckpoint,
  decodeRecord,
  splitLines,
  sha256Hex,
  segmentName,
  checkpointName,
  type StoredRecord,
} from '../../src/archive/format.js';
import { createArchive, type Archive } from '../../src/archive/writer.js';

export const T0 = Date.parse('2025-03-01T00:00:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function tempDir(prefix = 'th-archive-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function keyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

/** A settable clock. */
export function fakeClock(start = T0): { now: () => number; set: (t: number) => void; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, set: (v) => (t = v), advance: (ms) => (t += ms) };
}

export function testConfig(dir: string, over: ArchiveConfigInput = {}): ArchiveConfig {
  return withArchiveDefaults({
    enabled: true,
    dir,
    maintenanceIntervalMs: 0,
    fsync: 'never',
    ...over,
    segment: { maxBytes: 1 << 20, maxAgeSeconds: 3600, ...over.segment },
  });
}

export function open(dir: string, key: KeyObject, clock: () => number, over: ArchiveConfigInput = {}): Archive {
  return createArchive(testConfig(dir, over), { clock, signingKey: key, warn: () => undefined });
}

/**
 * A sealed archive of `segments` segments with `perSegment` findings each (rotation by age: one hour per segment),
 * plus, when `openRecords` > 0, an unsealed newest segment.
 */
export async function buildArchive(
  dir: string,
  key: KeyObject,
  segments = 3,
  perSegment = 5,
  openRecords = 3,
): Promise<void> {
  const clock = fakeClock();
  const a = open(dir, key, clock.now);
  for (let s = 0; s < segments; s++) {
    for (let i = 0; i < perSegment; i++) {
      await a.append({
        type: 'finding',
        time: clock.now(),
        session: `sess-${i % 2}`,
        traceId: 'ab'.repeat(16),
        spanId: 'cd'.repeat(8),
        data: { rule: 'TH-INJ-001', i, s },
      });
      clock.advance(60_000);
    }
    clock.set(T0 + (s + 1) * HOUR);
  }
  for (let i = 0; i < openRecords; i++) {
    await a.append({ type: 'finding', time: clock.now(), session: 'sess-open', data: { i } });
    clock.advance(1000);
  }
  // Leave the last segment open when it has records.
  await a.shutdown({ seal: openRecords === 0 });
}

export function readLines(dir: string, index: number): Buffer[] {
  return splitLines(readFileSync(join(dir, segmentName(index)))).lines.map((l) => Buffer.from(l.bytes));
}

export function writeLines(dir: string, index: number, lines: Buffer[]): void {
  writeFileSync(join(dir, segmentName(index)), Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
}

export function parse(line: Buffer): StoredRecord {
  const d = decodeRecord(line);
  if (!d.ok) throw new Error(`bad line: ${d.reason}`);
  return d.record;
}

/** Re-encode a record with a recomputed hash (what an attacker without the key can do). */
export function reencode(fields: Omit<StoredRecord, 'hash'>): { line: Buffer; hash: string } {
  const { line, hash } = encodeRecord(fields);
  return { line: line.subarray(0, line.length - 1), hash };
}

/** Rewrite a whole segment's chain after `mutate` and re-sign its checkpoint with `key`: a full forgery of one segment. */
export function forgeSegment(
  dir: string,
  index: number,
  key: KeyObject,
  publicKeyB64: string,
  mutate: (recs: StoredRecord[]) => void,
): void {
  const recs = readLines(dir, index).map(parse);
  mutate(recs);
  let prev = recs[0].prev;
  const lines: Buffer[] = [];
  for (const r of recs) {
    const { hash: _old, ...fields } = r;
    const enc = reencode({ ...fields, prev });
    lines.push(enc.line);
    prev = enc.hash;
  }
  writeLines(dir, index, lines);
  const cpath = join(dir, checkpointName(index));
  const old = decodeCheckpoint(readFileSync(cpath));
  if (!old.ok) throw new Error('bad checkpoint');
  const segBuf = readFileSync(join(dir, segmentName(index)));
  const { signature: _s, ...payload } = old.checkpoint;
  writeFileSync(
    cpath,
    encodeCheckpoint(
      { ...payload, sha256: sha256Hex(segBuf), bytes: segBuf.length, lastRecordHash: prev, publicKey: publicKeyB64 },
      key,
    ),
  );
}
