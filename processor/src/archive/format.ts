/**
 * On-disk format of the archive: file names, record lines and checkpoint files.
 *
 * A record line is a JSON object whose last member is `"hash"`: the SHA-256 (hex) of the exact bytes of the same
 * object without that member. Verification hashes bytes, never a re-serialization, so it does not depend on key order
 * or number formatting. A checkpoint file is a JSON object whose last member is `"signature"`: Ed25519 over the exact
 * bytes of the object without it. The hash of a checkpoint is the SHA-256 of the whole file.
 */
import { createHash, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';

export const FORMAT_VERSION = 1;
/** `prev` of the very first record and `prevCheckpointHash` of the very first checkpoint. */
export const GENESIS_HASH = '0'.repeat(64);

const SEGMENT_PREFIX = 'segment-';
const SEGMENT_EXT = '.jsonl';
const CHECKPOINT_EXT = '.checkpoint.json';
const INDEX_DIGITS = 6;

export function segmentName(index: number): string {
  return `${SEGMENT_PREFIX}${String(index).padStart(INDEX_DIGITS, '0')}${SEGMENT_EXT}`;
}

export function checkpointName(index: number): string {
  return `${SEGMENT_PREFIX}${String(index).padStart(INDEX_DIGITS, '0')}${CHECKPOINT_EXT}`;
}

function parseIndex(name: string, ext: string): number | undefined {
  if (!name.startsWith(SEGMENT_PREFIX) || !name.endsWith(ext)) return undefined;
  const digits = name.slice(SEGMENT_PREFIX.length, name.length - ext.length);
  if (digits.length < INDEX_DIGITS) return undefined;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const n = Number(digits);
  return Number.isSafeInteger(n) && n > 0 && segmentName(n) === `${SEGMENT_PREFIX}${digits}${SEGMENT_EXT}`
    ? n
    : undefined;
}

export function parseSegmentName(name: string): number | undefined {
  return parseIndex(name, SEGMENT_EXT);
}

export function parseCheckpointName(name: string): number | undefined {
  return parseIndex(name, CHECKPOINT_EXT);
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export type ArchiveRecordType = 'finding' | 'span' | 'retention' | 'recovery';

/** One line of a segment, as stored. */
export interface StoredRecord {
  v: number;
  seq: number;
  /** Hash of the previous record in the whole archive (links across segments). */
  prev: string;
  /** Archive clock when the record was written (ISO-8601). */
  at: string;
  type: ArchiveRecordType;
  /** Time of the event the record describes (ISO-8601). */
  time: string;
  traceId?: string;
  spanId?: string;
  session?: string;
  data: unknown;
  hash: string;
}

const HASH_MEMBER = ',"hash":"';
const HASH_SUFFIX_BYTES = HASH_MEMBER.length + 64 + 2; // ,"hash":"<64 hex>"}
const CLOSE_BRACE = Buffer.from('}');
const NEWLINE = 0x0a;

/** Serialize a record: returns the full line (with trailing newline) and its hash. */
export function encodeRecord(fields: Omit<StoredRecord, 'hash'>): { line: Buffer; hash: string } {
  const body = JSON.stringify({
    v: fields.v,
    seq: fields.seq,
    prev: fields.prev,
    at: fields.at,
    type: fields.type,
    time: fields.time,
    traceId: fields.traceId,
    spanId: fields.spanId,
    session: fields.session,
    data: fields.data,
  });
  const hash = sha256Hex(body);
  return { line: Buffer.from(`${body.slice(0, -1)}${HASH_MEMBER}${hash}"}\n`), hash };
}

export type DecodedRecord =
  | { ok: true; record: StoredRecord }
  | { ok: false; reason: 'malformed'; detail: string }
  | { ok: false; reason: 'hash_mismatch'; record: StoredRecord; computed: string };

function isHex64(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** Parse and check one line (without its newline). */
export function decodeRecord(line: Buffer): DecodedRecord {
  if (line.length <= HASH_SUFFIX_BYTES + 2) return { ok: false, reason: 'malformed', detail: 'line too short' };
  const cut = line.length - HASH_SUFFIX_BYTES;
  if (line.toString('latin1', cut, cut + HASH_MEMBER.length) !== HASH_MEMBER || line[line.length - 1] !== 0x7d) {
    return { ok: false, reason: 'malformed', detail: 'hash member missing or not last' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed', detail: 'not valid JSON' };
  }
  if (!isStoredRecord(parsed)) return { ok: false, reason: 'malformed', detail: 'missing or mistyped fields' };
  const computed = createHash('sha256').update(line.subarray(0, cut)).update(CLOSE_BRACE).digest('hex');
  if (computed !== parsed.hash) return { ok: false, reason: 'hash_mismatch', record: parsed, computed };
  return { ok: true, record: parsed };
}

const RECORD_TYPES = new Set<string>(['finding', 'span', 'retention', 'recovery']);

function isStoredRecord(x: unknown): x is StoredRecord {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.v === 'number' &&
    Number.isSafeInteger(r.seq) &&
    (r.seq as number) > 0 &&
    isHex64(r.prev) &&
    typeof r.at === 'string' &&
    typeof r.type === 'string' &&
    RECORD_TYPES.has(r.type) &&
    typeof r.time === 'string' &&
    (r.traceId === undefined || typeof r.traceId === 'string') &&
    (r.spanId === undefined || typeof r.spanId === 'string') &&
    (r.session === undefined || typeof r.session === 'string') &&
    isHex64(r.hash)
  );
}

export interface SplitLines {
  /** Complete lines (without newline) with their byte offsets. */
  lines: { offset: number; bytes: Buffer }[];
  /** Bytes after the last newline (an incomplete line), if any. */
  tail?: { offset: number; bytes: Buffer };
}

export function splitLines(buf: Buffer): SplitLines {
  const lines: SplitLines['lines'] = [];
  let start = 0;
  for (;;) {
    const nl = buf.indexOf(NEWLINE, start);
    if (nl < 0) break;
    lines.push({ offset: start, bytes: buf.subarray(start, nl) });
    start = nl + 1;
  }
  return start < buf.length ? { lines, tail: { offset: start, bytes: buf.subarray(start) } } : { lines };
}

/** The seal of one segment. */
export interface Checkpoint {
  v: number;
  segment: string;
  index: number;
  firstSeq: number;
  lastSeq: number;
  recordCount: number;
  bytes: number;
  /** SHA-256 of the segment file. */
  sha256: string;
  /** `prev` of the segment's first record (the last record hash of the segment before). */
  firstPrevHash: string;
  lastRecordHash: string;
  /** Earliest and latest event time of the records (ISO-8601). */
  firstTime: string;
  lastTime: string;
  /** Archive clock at the first record and at sealing (ISO-8601). */
  openedAt: string;
  sealedAt: string;
  /** SHA-256 of the previous checkpoint file (GENESIS_HASH for the first). */
  prevCheckpointHash: string;
  /** First 16 hex of SHA-256 over the public key (SPKI DER). */
  keyId: string;
  /** Public key, SPKI DER base64: lets anyone check integrity; authenticity needs a pinned key. */
  publicKey: string;
  signature: string;
}

const SIGNATURE_MEMBER = Buffer.from(',"signature":"');

export function encodeCheckpoint(payload: Omit<Checkpoint, 'signature'>, privateKey: KeyObject): Buffer {
  const body = JSON.stringify({
    v: payload.v,
    segment: payload.segment,
    index: payload.index,
    firstSeq: payload.firstSeq,
    lastSeq: payload.lastSeq,
    recordCount: payload.recordCount,
    bytes: payload.bytes,
    sha256: payload.sha256,
    firstPrevHash: payload.firstPrevHash,
    lastRecordHash: payload.lastRecordHash,
    firstTime: payload.firstTime,
    lastTime: payload.lastTime,
    openedAt: payload.openedAt,
    sealedAt: payload.sealedAt,
    prevCheckpointHash: payload.prevCheckpointHash,
    keyId: payload.keyId,
    publicKey: payload.publicKey,
  });
  const signature = edSign(null, Buffer.from(body), privateKey).toString('base64');
  return Buffer.from(`${body.slice(0, -1)},"signature":"${signature}"}\n`);
}

export type DecodedCheckpoint =
  { ok: true; checkpoint: Checkpoint; signedBytes: Buffer; hash: string } | { ok: false; detail: string };

export function decodeCheckpoint(buf: Buffer): DecodedCheckpoint {
  const end = buf.length > 0 && buf[buf.length - 1] === NEWLINE ? buf.length - 1 : buf.length;
  const at = buf.lastIndexOf(SIGNATURE_MEMBER, end);
  if (at < 0) return { ok: false, detail: 'signature member missing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.toString('utf8', 0, end));
  } catch {
    return { ok: false, detail: 'not valid JSON' };
  }
  if (!isCheckpoint(parsed)) return { ok: false, detail: 'missing or mistyped fields' };
  const signedBytes = Buffer.concat([buf.subarray(0, at), CLOSE_BRACE]);
  return { ok: true, checkpoint: parsed, signedBytes, hash: sha256Hex(buf) };
}

export function checkSignature(
  decoded: { checkpoint: Checkpoint; signedBytes: Buffer },
  publicKey: KeyObject,
): boolean {
  try {
    return edVerify(null, decoded.signedBytes, publicKey, Buffer.from(decoded.checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

function isCheckpoint(x: unknown): x is Checkpoint {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const c = x as Record<string, unknown>;
  const ints = ['v', 'index', 'firstSeq', 'lastSeq', 'recordCount', 'bytes'];
  const strs = ['segment', 'firstTime', 'lastTime', 'openedAt', 'sealedAt', 'keyId', 'publicKey', 'signature'];
  const hashes = ['sha256', 'firstPrevHash', 'lastRecordHash', 'prevCheckpointHash'];
  return (
    ints.every((k) => Number.isSafeInteger(c[k])) &&
    strs.every((k) => typeof c[k] === 'string') &&
    hashes.every((k) => isHex64(c[k]))
  );
}
