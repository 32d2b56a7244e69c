/**
 * Opening an existing archive for writing: find where the chain ends and, after a crash, cut the torn tail of the
 * open segment (at most one incomplete line) so the chain can continue. Runs once at start-up (synchronous I/O).
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { TracehoundError } from '../errors.js';
import {
  GENESIS_HASH,
  checkpointName,
  decodeCheckpoint,
  decodeRecord,
  segmentName,
  sha256Hex,
  splitLines,
  type StoredRecord,
} from './format.js';
import { listArchive } from './store.js';

/** The segment being written. */
export interface OpenSegmentState {
  index: number;
  bytes: number;
  count: number;
  firstSeq: number;
  firstPrev: string;
  openedAtMs: number;
  minTimeMs: number;
  maxTimeMs: number;
  /** SHA-256 over the bytes written so far. */
  hasher: Hash;
}

export interface ChainState {
  lastSeq: number;
  lastHash: string;
  /** Hash of the checkpoint of the segment before the open (or next) one. */
  prevCheckpointHash: string;
  /** Index the next new segment gets. */
  nextIndex: number;
  open?: OpenSegmentState;
}

export interface TornTail {
  segment: string;
  truncatedAt: number;
  tornBytes: number;
  tornSha256: string;
}

export function readCheckpointFile(dir: string, index: number): ReturnType<typeof decodeCheckpoint> {
  return decodeCheckpoint(readFileSync(join(dir, checkpointName(index))));
}

function tampered(detail: string): TracehoundError {
  return new TracehoundError(
    'TH_ARCHIVE_TAMPERED',
    `${detail}; run \`tracehound archive verify\` before writing again`,
  );
}

function timeMs(iso: string, fallback: number): number {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : fallback;
}

export function openChain(dir: string): { state: ChainState; torn?: TornTail } {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new TracehoundError(
      'TH_ARCHIVE_IO',
      `cannot create ${dir}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  const listing = listArchive(dir);
  for (const name of listing.temporary) rmSync(join(dir, name), { force: true });
  const ckpts = new Set(listing.checkpoints);
  const newest = listing.segments.at(-1);
  const newestCkpt = listing.checkpoints.at(-1);

  if (newest === undefined || (newestCkpt !== undefined && newestCkpt > newest)) {
    if (newestCkpt === undefined) {
      return { state: { lastSeq: 0, lastHash: GENESIS_HASH, prevCheckpointHash: GENESIS_HASH, nextIndex: 1 } };
    }
    return { state: stateAfterCheckpoint(dir, newestCkpt) };
  }
  if (ckpts.has(newest)) return { state: stateAfterCheckpoint(dir, newest) };

  // The newest segment is open: continue it.
  let start: { seq: number; hash: string; ckpt: string } | undefined;
  if (ckpts.has(newest - 1)) {
    const prev = readCheckpointFile(dir, newest - 1);
    if (!prev.ok) throw tampered(`${checkpointName(newest - 1)}: ${prev.detail}`);
    start = { seq: prev.checkpoint.lastSeq, hash: prev.checkpoint.lastRecordHash, ckpt: prev.hash };
  } else if (newest === 1) {
    start = { seq: 0, hash: GENESIS_HASH, ckpt: GENESIS_HASH };
  }

  const name = segmentName(newest);
  const path = join(dir, name);
  const buf = readFileSync(path);
  const { lines, tail } = splitLines(buf);
  const hasher = createHash('sha256');
  let lastSeq = start?.seq ?? 0;
  let lastHash = start?.hash ?? GENESIS_HASH;
  let prevCkpt = start?.ckpt;
  let first: StoredRecord | undefined;
  let minTime = Infinity;
  let maxTime = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const dec = decodeRecord(lines[i].bytes);
    if (!dec.ok) throw tampered(`${name} line ${i + 1}: ${dec.reason}`);
    const r = dec.record;
    if (first === undefined && start === undefined) {
      lastSeq = r.seq - 1;
      lastHash = r.prev;
    }
    if (r.seq !== lastSeq + 1 || r.prev !== lastHash) throw tampered(`${name} line ${i + 1}: chain broken`);
    first ??= r;
    lastSeq = r.seq;
    lastHash = r.hash;
    const t = timeMs(r.time, 0);
    minTime = Math.min(minTime, t);
    maxTime = Math.max(maxTime, t);
    // The checkpoint of a segment deleted by retention is known only through its retention record.
    if (prevCkpt === undefined && r.type === 'retention') {
      const d = r.data as { index?: unknown; checkpointSha256?: unknown } | null;
      if (d && d.index === newest - 1 && typeof d.checkpointSha256 === 'string') prevCkpt = d.checkpointSha256;
    }
  }
  if (prevCkpt === undefined)
    throw tampered(`${name}: the segment before it is missing and no retention record explains it`);

  let torn: TornTail | undefined;
  let bytes = buf.length;
  if (tail) {
    // A crash mid-write leaves one incomplete line: cut it (evidence of it goes into a 'recovery' record).
    torn = { segment: name, truncatedAt: tail.offset, tornBytes: tail.bytes.length, tornSha256: sha256Hex(tail.bytes) };
    const fd = openSync(path, 'r+');
    try {
      ftruncateSync(fd, tail.offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    bytes = tail.offset;
  }
  hasher.update(buf.subarray(0, bytes));
  const state: ChainState = { lastSeq, lastHash, prevCheckpointHash: prevCkpt, nextIndex: newest + 1 };
  state.open = {
    index: newest,
    bytes,
    count: lines.length,
    firstSeq: first?.seq ?? lastSeq + 1,
    firstPrev: first?.prev ?? lastHash,
    openedAtMs: first ? timeMs(first.at, Date.now()) : Number.NaN,
    minTimeMs: minTime,
    maxTimeMs: maxTime,
    hasher,
  };
  return { state, torn };
}

function stateAfterCheckpoint(dir: string, index: number): ChainState {
  const dec = readCheckpointFile(dir, index);
  if (!dec.ok) throw tampered(`${checkpointName(index)}: ${dec.detail}`);
  return {
    lastSeq: dec.checkpoint.lastSeq,
    lastHash: dec.checkpoint.lastRecordHash,
    prevCheckpointHash: dec.hash,
    nextIndex: index + 1,
  };
}
