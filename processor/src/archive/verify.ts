/**
 * Verification of an archive folder: every record's own hash, the hash chain and sequence across all segments, every
 * sealed segment against its signed checkpoint, the checkpoint chain, and that every missing segment was deleted by
 * retention (a 'retention' record in the chain names it). Reads one segment at a time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import {
  GENESIS_HASH,
  checkSignature,
  checkpointName,
  decodeCheckpoint,
  decodeRecord,
  segmentName,
  sha256Hex,
  splitLines,
  type Checkpoint,
} from './format.js';
import { publicKeyDer, publicKeyFromDerBase64, publicKeyId } from './keys.js';
import { listArchive } from './store.js';

export type ProblemCode =
  | 'record_malformed'
  | 'record_hash_mismatch'
  | 'records_missing'
  | 'record_out_of_order'
  | 'chain_broken'
  | 'record_truncated'
  | 'torn_tail'
  | 'segment_missing'
  | 'segment_unreadable'
  | 'segment_hash_mismatch'
  | 'checkpoint_missing'
  | 'checkpoint_malformed'
  | 'checkpoint_mismatch'
  | 'checkpoint_chain_broken'
  | 'signature_invalid'
  | 'key_mismatch'
  | 'key_not_pinned'
  | 'key_changed'
  | 'retention_incomplete'
  | 'archive_empty'
  | 'bundle_malformed'
  | 'bundle_file_mismatch'
  | 'bundle_record_mismatch';

export interface VerifyProblem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** Segment (or checkpoint) file name; '' for archive-wide notes. */
  segment: string;
  seq?: number;
  /** 1-based line in the segment. */
  line?: number;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  problems: VerifyProblem[];
  /** Records whose hash and chain link verified. */
  verifiedRecords: number;
  /** Everything from the start of the retained archive up to this seq verified (0: nothing). */
  lastGoodSeq: number;
  segments: number;
  sealedSegments: number;
}

/** What a 'retention' record says about a segment it deleted. */
interface RetentionNote {
  index: number;
  lastSeq: number;
  lastRecordHash: string;
  checkpointSha256: string;
}

interface SegmentSummary {
  index: number;
  firstSeq?: number;
  firstPrev?: string;
  lastSeq?: number;
  /** Last seq before the first record-level problem in this segment. */
  lastGoodSeq?: number;
  recordError: boolean;
  segmentError: boolean;
  /** Link to the previous segment unknown while reading (first segment, or after a gap): judged at the end. */
  deferredLink?: { missing: number[]; ckptPrev?: string };
}

export interface VerifyOptions {
  /** Pin the signer: every checkpoint must be signed by this key. */
  publicKey?: KeyObject;
  /** Treat only these segment indexes as present (evidence bundles hold a subset); gaps between them are not errors. */
  partial?: boolean;
}

function readRetention(data: unknown): RetentionNote | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (
    Number.isSafeInteger(d.index) &&
    Number.isSafeInteger(d.lastSeq) &&
    typeof d.lastRecordHash === 'string' &&
    typeof d.checkpointSha256 === 'string'
  ) {
    return {
      index: d.index as number,
      lastSeq: d.lastSeq as number,
      lastRecordHash: d.lastRecordHash,
      checkpointSha256: d.checkpointSha256,
    };
  }
  return undefined;
}

export function verifyArchive(dir: string, publicKeyOrOptions?: KeyObject | VerifyOptions): VerifyResult {
  const opts: VerifyOptions =
    publicKeyOrOptions && 'asymmetricKeyType' in publicKeyOrOptions
      ? { publicKey: publicKeyOrOptions as KeyObject }
      : ((publicKeyOrOptions as VerifyOptions | undefined) ?? {});
  const problems: VerifyProblem[] = [];
  const add = (p: Omit<VerifyProblem, 'severity'>, severity: VerifyProblem['severity'] = 'error') =>
    problems.push({ ...p, severity });

  const listing = listArchive(dir);
  const segSet = new Set(listing.segments);
  const ckptSet = new Set(listing.checkpoints);
  const all = [...new Set([...listing.segments, ...listing.checkpoints])].sort((a, b) => a - b);
  const pinnedDer = opts.publicKey ? publicKeyDer(opts.publicKey).toString('base64') : undefined;
  if (!opts.publicKey) {
    add(
      {
        code: 'key_not_pinned',
        segment: '',
        message:
          'no public key given: signatures were checked against the key embedded in each checkpoint (integrity, not authorship)',
      },
      'warning',
    );
  }
  if (all.length === 0) {
    add({ code: 'archive_empty', segment: '', message: 'no segment or checkpoint files' }, 'warning');
    return { ok: true, problems, verifiedRecords: 0, lastGoodSeq: 0, segments: 0, sealedSegments: 0 };
  }
  const newest = listing.segments.at(-1);
  const retention = new Map<number, RetentionNote>();
  const summaries: SegmentSummary[] = [];
  let verified = 0;
  let expected: { seq: number; prev: string } | undefined;
  let expectedCkpt: string | undefined;
  let missingRun: number[] = [];
  let firstKeyId: string | undefined;

  const lastIndex = all[all.length - 1];
  for (let index = all[0]; index <= lastIndex; index++) {
    const name = segmentName(index);
    const cname = checkpointName(index);
    if (!segSet.has(index)) {
      // Judged at the end, when every retention record is known. Resync from the checkpoint left behind, if any.
      missingRun.push(index);
      expected = undefined;
      expectedCkpt = undefined;
      continue;
    }
    const summary: SegmentSummary = { index, recordError: false, segmentError: false };
    summaries.push(summary);
    if (missingRun.length > 0 || expected === undefined) summary.deferredLink = { missing: [...missingRun] };
    missingRun = [];
    const segProblem = (code: ProblemCode, message: string) => {
      summary.segmentError = true;
      add({ code, segment: name, message });
    };

    let buf: Buffer;
    try {
      buf = readFileSync(join(dir, name));
    } catch {
      segProblem('segment_unreadable', 'cannot read the segment file');
      expected = undefined;
      expectedCkpt = undefined;
      continue;
    }
    const { lines, tail } = splitLines(buf);
    let lastHash: string | undefined;
    for (let i = 0; i < lines.length; i++) {
      const lineNo = i + 1;
      const dec = decodeRecord(lines[i].bytes);
      const recProblem = (code: ProblemCode, message: string, seq?: number) => {
        if (!summary.recordError) summary.lastGoodSeq = summary.lastSeq;
        summary.recordError = true;
        add({ code, segment: name, line: lineNo, seq, message });
      };
      if (!dec.ok && dec.reason === 'malformed') {
        recProblem('record_malformed', `line is not a valid record (${dec.detail})`);
        expected = undefined; // resync on the next valid record
        continue;
      }
      const r = dec.record;
      if (!dec.ok) {
        recProblem(
          'record_hash_mismatch',
          `record content was changed after it was written (hash ${r.hash.slice(0, 12)}… ≠ content ${dec.computed.slice(0, 12)}…)`,
          r.seq,
        );
      } else if (expected) {
        if (r.seq > expected.seq) {
          recProblem(
            'records_missing',
            `seq jumps from ${expected.seq - 1} to ${r.seq}: ${r.seq - expected.seq} record(s) deleted`,
            r.seq,
          );
        } else if (r.seq < expected.seq) {
          recProblem(
            'record_out_of_order',
            `seq ${r.seq} after ${expected.seq - 1}: records reordered, duplicated or inserted`,
            r.seq,
          );
        } else if (r.prev !== expected.prev) {
          recProblem(
            'chain_broken',
            `prev hash does not match the record before: a record was inserted or replaced`,
            r.seq,
          );
        } else verified++;
      } else verified++;
      if (summary.firstSeq === undefined) {
        summary.firstSeq = r.seq;
        summary.firstPrev = r.prev;
      }
      summary.lastSeq = r.seq;
      lastHash = r.hash;
      expected = { seq: r.seq + 1, prev: r.hash };
      if (r.type === 'retention' && dec.ok) {
        const note = readRetention(r.data);
        if (note) retention.set(note.index, note);
      }
    }
    if (tail) {
      if (index === newest && !ckptSet.has(index)) {
        add(
          {
            code: 'torn_tail',
            segment: name,
            line: lines.length + 1,
            message: `incomplete last line (${tail.bytes.length} bytes), as a crash mid-write leaves; the writer cuts it on restart`,
          },
          'warning',
        );
      } else {
        if (!summary.recordError) summary.lastGoodSeq = summary.lastSeq;
        summary.recordError = true;
        add({
          code: 'record_truncated',
          segment: name,
          line: lines.length + 1,
          message: 'incomplete line in a sealed or older segment: the file was truncated or appended to',
        });
      }
    }
    if (!summary.recordError) summary.lastGoodSeq = summary.lastSeq;

    if (!ckptSet.has(index)) {
      if (index !== newest)
        segProblem('checkpoint_missing', `${cname} is missing: only the newest segment may be unsealed`);
      expectedCkpt = undefined;
      continue;
    }
    let ckptBuf: Buffer;
    try {
      ckptBuf = readFileSync(join(dir, cname));
    } catch {
      segProblem('checkpoint_malformed', `cannot read ${cname}`);
      expectedCkpt = undefined;
      continue;
    }
    const cd = decodeCheckpoint(ckptBuf);
    if (!cd.ok) {
      segProblem('checkpoint_malformed', `${cname}: ${cd.detail}`);
      expectedCkpt = undefined;
      continue;
    }
    const c: Checkpoint = cd.checkpoint;
    const mism: string[] = [];
    if (c.segment !== name || c.index !== index) mism.push(`names ${c.segment}`);
    if (c.recordCount !== lines.length) mism.push(`recordCount ${c.recordCount} ≠ ${lines.length} lines`);
    if (summary.firstSeq !== undefined && c.firstSeq !== summary.firstSeq)
      mism.push(`firstSeq ${c.firstSeq} ≠ ${summary.firstSeq}`);
    if (summary.lastSeq !== undefined && c.lastSeq !== summary.lastSeq)
      mism.push(`lastSeq ${c.lastSeq} ≠ ${summary.lastSeq}`);
    if (summary.firstPrev !== undefined && c.firstPrevHash !== summary.firstPrev) mism.push('firstPrevHash differs');
    if (lastHash !== undefined && c.lastRecordHash !== lastHash) mism.push('lastRecordHash differs');
    if (mism.length > 0)
      segProblem('checkpoint_mismatch', `${cname} does not describe this segment: ${mism.join('; ')}`);
    if (c.bytes !== buf.length || c.sha256 !== sha256Hex(buf)) {
      segProblem(
        'segment_hash_mismatch',
        `segment file (${buf.length} bytes) differs from the one sealed in ${cname} (${c.bytes} bytes)`,
      );
    }
    if (pinnedDer !== undefined && c.publicKey !== pinnedDer) {
      segProblem(
        'key_mismatch',
        `${cname} is signed by key ${c.keyId}, not by the pinned key ${publicKeyId(opts.publicKey as KeyObject)}`,
      );
    } else {
      const key = opts.publicKey ?? publicKeyFromDerBase64(c.publicKey);
      if (!key || !checkSignature(cd, key)) segProblem('signature_invalid', `${cname}: signature does not verify`);
      else if (!opts.publicKey) {
        firstKeyId ??= c.keyId;
        if (c.keyId !== firstKeyId)
          add(
            {
              code: 'key_changed',
              segment: name,
              message: `signed by key ${c.keyId}, earlier checkpoints by ${firstKeyId}`,
            },
            'warning',
          );
      }
    }
    if (expectedCkpt !== undefined && c.prevCheckpointHash !== expectedCkpt) {
      segProblem(
        'checkpoint_chain_broken',
        `${cname} does not link to the previous checkpoint: a checkpoint was replaced`,
      );
    }
    if (summary.deferredLink) summary.deferredLink.ckptPrev = c.prevCheckpointHash;
    expectedCkpt = cd.hash;
  }
  // Checkpoints (or whole segments) at the end without segment files.
  const trailingMissing = missingRun;

  // Judge each discontinuity now that every retention record is known.
  let headBroken = false;
  for (const s of summaries) {
    const link = s.deferredLink;
    if (!link || opts.partial) continue;
    const name = segmentName(s.index);
    const errorsBefore = problems.length;
    judgeLink(s, link, name);
    if (s === summaries[0] && problems.length > errorsBefore) headBroken = true;
  }
  function judgeLink(s: SegmentSummary, link: NonNullable<SegmentSummary['deferredLink']>, name: string): void {
    if (s.index === 1 && link.missing.length === 0) {
      if (s.firstSeq !== undefined && (s.firstSeq !== 1 || s.firstPrev !== GENESIS_HASH)) {
        s.segmentError = true;
        add({
          code: 'records_missing',
          segment: name,
          seq: s.firstSeq,
          message: `the archive starts at seq ${s.firstSeq}, not 1: its first records were deleted`,
        });
      }
      if (link.ckptPrev !== undefined && link.ckptPrev !== GENESIS_HASH) {
        s.segmentError = true;
        add({
          code: 'checkpoint_chain_broken',
          segment: name,
          message: 'the first checkpoint does not start the checkpoint chain',
        });
      }
      return;
    }
    // Missing segments must have been deleted by retention: between two present segments every one of them; before
    // the oldest present segment only its predecessor (older retention records went away with older segments).
    const prevPresent = summaries.filter((p) => p.index < s.index).at(-1)?.index ?? 0;
    const unexplained: number[] = [];
    for (let m = prevPresent === 0 ? s.index - 1 : prevPresent + 1; m < s.index; m++)
      if (!retention.has(m)) unexplained.push(m);
    if (unexplained.length > 0) {
      s.segmentError = true;
      for (const m of unexplained) {
        add({
          code: 'segment_missing',
          segment: segmentName(m),
          message: `deleted, and no retention record says so${ckptSet.has(m) ? ' (its checkpoint is still there)' : ''}`,
        });
      }
      return;
    }
    const note = retention.get(s.index - 1);
    if (!note) return; // s.index - 1 is present: a within-pass link failure was already reported
    if (s.firstSeq !== undefined && (s.firstSeq !== note.lastSeq + 1 || s.firstPrev !== note.lastRecordHash)) {
      s.segmentError = true;
      add({
        code: 'chain_broken',
        segment: name,
        seq: s.firstSeq,
        message: `does not continue ${segmentName(note.index)} as its retention record describes it`,
      });
    }
    if (link.ckptPrev !== undefined && link.ckptPrev !== note.checkpointSha256) {
      s.segmentError = true;
      add({
        code: 'checkpoint_chain_broken',
        segment: name,
        message: `its checkpoint does not link to the checkpoint of ${segmentName(note.index)} named in the retention record`,
      });
    }
  }
  for (const m of trailingMissing) {
    if (!opts.partial && !retention.has(m))
      add({
        code: 'segment_missing',
        segment: segmentName(m),
        message: 'deleted (its checkpoint is still there), and no retention record says so',
      });
  }
  for (const [m] of retention) {
    if (segSet.has(m) || ckptSet.has(m)) {
      add(
        {
          code: 'retention_incomplete',
          segment: segmentName(m),
          message: 'a retention record deleted this segment but files remain (interrupted deletion)',
        },
        'warning',
      );
    }
  }

  // lastGoodSeq: walk from the oldest retained segment until the first problem.
  // A segment-level problem without a record-level one (e.g. a replaced checkpoint) stops before the segment.
  let lastGoodSeq = 0;
  for (const s of summaries) {
    if (s.index === summaries[0].index && headBroken) break;
    if (s.segmentError && !s.recordError) break;
    if (s.lastGoodSeq !== undefined) lastGoodSeq = s.lastGoodSeq;
    if (s.recordError || s.segmentError) break;
  }
  const anyError = problems.some((p) => p.severity === 'error');
  return {
    ok: !anyError,
    problems,
    verifiedRecords: verified,
    lastGoodSeq,
    segments: summaries.length,
    sealedSegments: summaries.filter((s) => ckptSet.has(s.index)).length,
  };
}
