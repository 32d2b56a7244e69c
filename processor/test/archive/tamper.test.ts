import { cpSync, readFileSync, rmSync, truncateSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointName, decodeCheckpoint, segmentName } from '../../src/archive/format.js';
import { publicKeyDer } from '../../src/archive/keys.js';
import { verifyArchive, type VerifyResult } from '../../src/archive/verify.js';
import {
  buildArchive,
  forgeSegment,
  keyPair,
  parse,
  readLines,
  reencode,
  removeDir,
  tempDir,
  writeLines,
} from './helpers.js';

// One pristine archive (3 sealed segments of 5 records, an open segment of 3), copied for each tampering.
let pristine: string;
const { privateKey, publicKey } = keyPair();
const copies: string[] = [];

beforeAll(async () => {
  pristine = tempDir();
  await buildArchive(pristine, privateKey, 3, 5, 3);
});
afterAll(() => {
  removeDir(pristine);
  for (const d of copies) removeDir(d);
});

function copy(): string {
  const d = tempDir();
  copies.push(d);
  cpSync(pristine, d, { recursive: true });
  return d;
}

function errors(v: VerifyResult) {
  return v.problems.filter((p) => p.severity === 'error');
}

function has(v: VerifyResult, code: string, segment: number, extra: { line?: number; seq?: number } = {}) {
  expect(v.ok).toBe(false);
  expect(errors(v)).toEqual(
    expect.arrayContaining([expect.objectContaining({ code, segment: segmentName(segment), ...extra })]),
  );
}

describe('archive verification', () => {
  it('accepts the untouched archive', () => {
    const v = verifyArchive(pristine, { publicKey });
    expect(errors(v)).toEqual([]);
    expect(v).toMatchObject({ ok: true, verifiedRecords: 18, lastGoodSeq: 18, segments: 4, sealedSegments: 3 });
  });

  it('detects an edited field in a sealed segment and names the line', () => {
    const d = copy();
    const lines = readLines(d, 2);
    lines[2] = Buffer.from(lines[2].toString().replace('"rule":"TH-INJ-001"', '"rule":"TH-INJ-999"'));
    writeLines(d, 2, lines);
    const v = verifyArchive(d, { publicKey });
    has(v, 'record_hash_mismatch', 2, { line: 3, seq: 8 });
    has(v, 'segment_hash_mismatch', 2);
    expect(v.lastGoodSeq).toBe(7); // the records before the edited one still chain from the start
  });

  it('detects an edited field in the open (unsealed) segment', () => {
    const d = copy();
    const lines = readLines(d, 4);
    lines[1] = Buffer.from(lines[1].toString().replace('"session":"sess-open"', '"session":"sess-else"'));
    writeLines(d, 4, lines);
    const v = verifyArchive(d, { publicKey });
    has(v, 'record_hash_mismatch', 4, { line: 2, seq: 17 });
    expect(v.lastGoodSeq).toBe(16);
  });

  it('detects an edit whose record hash was recomputed (the next link breaks)', () => {
    const d = copy();
    const lines = readLines(d, 4);
    const r = parse(lines[0]);
    const { hash: _h, ...fields } = r;
    lines[0] = reencode({ ...fields, data: { i: 42 } }).line;
    writeLines(d, 4, lines);
    has(verifyArchive(d, { publicKey }), 'chain_broken', 4, { line: 2, seq: 17 });
  });

  it('detects an inserted record', () => {
    const d = copy();
    const lines = readLines(d, 2);
    const before = parse(lines[1]);
    const forged = reencode({
      v: 1,
      seq: before.seq + 1,
      prev: before.hash,
      at: before.at,
      type: 'finding',
      time: before.time,
      data: { forged: true },
    });
    lines.splice(2, 0, forged.line);
    writeLines(d, 2, lines);
    const v = verifyArchive(d, { publicKey });
    has(v, 'record_out_of_order', 2, { line: 4 });
    has(v, 'segment_hash_mismatch', 2);
  });

  it('detects two reordered records', () => {
    const d = copy();
    const lines = readLines(d, 1);
    [lines[1], lines[2]] = [lines[2], lines[1]];
    writeLines(d, 1, lines);
    const v = verifyArchive(d, { publicKey });
    has(v, 'records_missing', 1, { line: 2, seq: 3 });
    has(v, 'record_out_of_order', 1, { line: 3, seq: 2 });
    expect(v.lastGoodSeq).toBe(1);
  });

  it('detects a deleted record', () => {
    const d = copy();
    const lines = readLines(d, 3);
    lines.splice(1, 1);
    writeLines(d, 3, lines);
    const v = verifyArchive(d, { publicKey });
    has(v, 'records_missing', 3, { line: 2, seq: 13 });
    has(v, 'checkpoint_mismatch', 3);
    expect(v.lastGoodSeq).toBe(11);
  });

  it('detects a deleted middle segment (with or without its checkpoint)', () => {
    const d = copy();
    rmSync(join(d, segmentName(2)));
    rmSync(join(d, checkpointName(2)));
    has(verifyArchive(d, { publicKey }), 'segment_missing', 2);
    const e = copy();
    rmSync(join(e, segmentName(2)));
    const v = verifyArchive(e, { publicKey });
    has(v, 'segment_missing', 2);
    expect(v.lastGoodSeq).toBe(5);
  });

  it('detects a deleted first segment (no retention record explains it)', () => {
    const d = copy();
    rmSync(join(d, segmentName(1)));
    rmSync(join(d, checkpointName(1)));
    const v = verifyArchive(d, { publicKey });
    has(v, 'segment_missing', 1);
    expect(v.lastGoodSeq).toBe(0);
  });

  it('detects a replaced checkpoint', () => {
    const d = copy();
    writeFileSync(join(d, checkpointName(2)), readFileSync(join(d, checkpointName(1))));
    const v = verifyArchive(d, { publicKey });
    has(v, 'checkpoint_mismatch', 2);
    has(v, 'segment_hash_mismatch', 2);
    has(v, 'checkpoint_chain_broken', 2);
  });

  it('detects a segment re-chained and re-signed with another key', () => {
    const d = copy();
    const other = keyPair();
    forgeSegment(d, 2, other.privateKey, publicKeyDer(other.publicKey).toString('base64'), (recs) => {
      recs[0].data = { rule: 'nothing to see' };
    });
    // Pinned key: the forged signer is named.
    const pinned = verifyArchive(d, { publicKey });
    has(pinned, 'key_mismatch', 2);
    // Unpinned: the forgery verifies on its own, but the next segment and checkpoint no longer link to it.
    const unpinned = verifyArchive(d);
    has(unpinned, 'chain_broken', 3, { line: 1, seq: 11 });
    has(unpinned, 'checkpoint_chain_broken', 3);
  });

  it('detects a forged signature claiming the real key', () => {
    const d = copy();
    const other = keyPair();
    forgeSegment(d, 3, other.privateKey, publicKeyDer(publicKey).toString('base64'), (recs) => {
      recs.pop();
    });
    has(verifyArchive(d), 'signature_invalid', 3);
    has(verifyArchive(d, { publicKey }), 'signature_invalid', 3);
  });

  it('detects a truncated sealed segment (mid-line and at a line boundary)', () => {
    const d = copy();
    const path = join(d, segmentName(1));
    truncateSync(path, readFileSync(path).length - 10);
    const v = verifyArchive(d, { publicKey });
    has(v, 'record_truncated', 1, { line: 5 });
    has(v, 'segment_hash_mismatch', 1);
    const e = copy();
    writeLines(e, 1, readLines(e, 1).slice(0, 4));
    has(verifyArchive(e, { publicKey }), 'checkpoint_mismatch', 1);
  });

  it('detects a record appended to a sealed segment', () => {
    const d = copy();
    appendFileSync(join(d, segmentName(3)), Buffer.concat([readLines(d, 3)[4], Buffer.from('\n')]));
    const v = verifyArchive(d, { publicKey });
    has(v, 'record_out_of_order', 3, { line: 6 });
    has(v, 'segment_hash_mismatch', 3);
  });

  it('detects a sealed segment whose checkpoint was removed', () => {
    const d = copy();
    rmSync(join(d, checkpointName(2)));
    has(verifyArchive(d, { publicKey }), 'checkpoint_missing', 2);
  });

  it('detects a malformed checkpoint', () => {
    const d = copy();
    const c = decodeCheckpoint(readFileSync(join(d, checkpointName(1))));
    expect(c.ok).toBe(true);
    writeFileSync(join(d, checkpointName(1)), '{"not":"a checkpoint"}\n');
    has(verifyArchive(d, { publicKey }), 'checkpoint_malformed', 1);
  });

  it('tolerates one incomplete trailing line in the open segment as a warning', () => {
    const d = copy();
    appendFileSync(join(d, segmentName(4)), '{"v":1,"seq":19,"prev":"ab');
    const v = verifyArchive(d, { publicKey });
    expect(v.ok).toBe(true);
    expect(v.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'torn_tail', severity: 'warning', segment: segmentName(4), line: 4 }),
      ]),
    );
    expect(v.lastGoodSeq).toBe(18);
  });

  it('does not tolerate a complete garbage line at the end of the open segment', () => {
    const d = copy();
    appendFileSync(join(d, segmentName(4)), 'garbage\n');
    has(verifyArchive(d, { publicKey }), 'record_malformed', 4, { line: 4 });
  });
});
