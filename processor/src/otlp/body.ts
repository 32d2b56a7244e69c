import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { ErrorCode } from '../errors.js';
import type { InflightLease } from './inflight.js';
import { REFUSAL } from './refusals.js';

/**
 * Reading request bodies under limits: the raw body (≤ maxBodyBytes, counted against the in-flight budget as it
 * arrives) and its decompression (on the zlib thread pool, counted against the budget as it inflates, stopped as soon
 * as the output passes maxBodyBytes or the budget, so gzip bombs cost at most the limit).
 */

export class BodyError extends Error {
  override readonly name = 'BodyError';
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ?? code);
  }
}

export type ContentEncoding = 'identity' | 'gzip' | 'deflate';

/** Parses Content-Encoding; undefined for an encoding we do not support (→ 415). */
export function parseContentEncoding(header: string | undefined): ContentEncoding | undefined {
  const v = (header ?? '').trim().toLowerCase();
  if (v === '' || v === 'identity') return 'identity';
  if (v === 'gzip' || v === 'x-gzip') return 'gzip';
  if (v === 'deflate') return 'deflate';
  return undefined;
}

/**
 * Reads the whole body: at most `limit` bytes, each chunk charged to `lease` as it arrives, within `timeoutMs` (a
 * stalled upload is given up — TH_REQUEST_TIMEOUT — and its bytes released, instead of holding the budget).
 */
export function readBody(stream: Readable, limit: number, lease: InflightLease, timeoutMs = 0): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => stop(new BodyError(REFUSAL.stalled, `no complete body within ${timeoutMs} ms`)), timeoutMs)
        : undefined;
    const stop = (err: BodyError): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      chunks.length = 0;
      stream.removeListener('data', onData);
      stream.resume(); // discard the rest so the socket can still carry our answer
      reject(err);
    };
    const onData = (chunk: Buffer): void => {
      if (done) return;
      size += chunk.length;
      if (size > limit) return stop(new BodyError(REFUSAL.tooLarge, `more than ${limit} bytes`));
      if (!lease.add(chunk.length)) return stop(new BodyError(REFUSAL.overloaded));
      chunks.push(chunk);
    };
    stream.on('data', onData);
    stream.once('end', () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    });
    stream.once('error', () => stop(new BodyError(REFUSAL.badRequest, 'the request body was interrupted')));
    stream.once('aborted', () => stop(new BodyError(REFUSAL.badRequest, 'the request body was interrupted')));
  });
}

/** Output chunk size of the inflater: each chunk is charged to the lease before the next is produced. */
const INFLATE_CHUNK = 64 * 1024;

/** The uncompressed size a gzip member declares in its trailer (ISIZE, modulo 2^32); 0 when there is none. */
function gzipSizeHint(body: Buffer): number {
  return body.length >= 18 ? body.readUInt32LE(body.length - 4) : 0;
}

/**
 * Decompresses `body` on the zlib thread pool, charging the output to `lease` as it is produced: a request whose
 * inflation would take the in-flight budget past its maximum is stopped there (TH_OVERLOADED → 429), one that
 * inflates past `limit` too (TH_BODY_TOO_LARGE → 413), so many small gzip bombs at once cost at most the budget.
 * A gzip body's declared size (trailer) is charged up front and inflated into one buffer of that size — no copy when
 * the declaration is true; output past it (multi-member gzip, a false trailer, deflate) is charged chunk by chunk, and
 * so is the copy that joins those chunks.
 */
export function decompress(
  body: Buffer,
  encoding: ContentEncoding,
  limit: number,
  lease: InflightLease,
): Promise<Buffer> {
  if (encoding === 'identity') return Promise.resolve(body);
  return new Promise((resolve, reject) => {
    const hint = encoding === 'gzip' ? gzipSizeHint(body) : 0;
    let out: Buffer | undefined;
    if (hint > 0 && hint <= limit) {
      if (!lease.add(hint)) return reject(new BodyError(REFUSAL.overloaded));
      out = Buffer.allocUnsafe(hint);
    }
    const inflater =
      encoding === 'gzip'
        ? zlib.createGunzip({ chunkSize: INFLATE_CHUNK })
        : zlib.createInflate({ chunkSize: INFLATE_CHUNK });
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const stop = (err: BodyError): void => {
      if (done) return;
      done = true;
      chunks.length = 0;
      out = undefined;
      inflater.destroy();
      reject(err);
    };
    inflater.on('data', (chunk: Buffer) => {
      if (done) return;
      const next = size + chunk.length;
      if (next > limit) return stop(new BodyError(REFUSAL.tooLarge, `more than ${limit} bytes after decompression`));
      if (out && chunks.length === 0 && next <= out.length) {
        chunk.copy(out, size);
        size = next;
        return;
      }
      if (!lease.add(chunk.length)) return stop(new BodyError(REFUSAL.overloaded));
      if (out && chunks.length === 0) chunks.push(out.subarray(0, size)); // the declared size was wrong
      chunks.push(chunk);
      size = next;
    });
    inflater.once('error', () =>
      stop(
        new BodyError('TH_BAD_GZIP', encoding === 'gzip' ? undefined : 'the request body is not valid deflate data'),
      ),
    );
    inflater.once('end', () => {
      if (done) return;
      done = true;
      if (chunks.length === 0) return resolve(out ? out.subarray(0, size) : Buffer.alloc(0));
      if (chunks.length === 1) return resolve(chunks[0]);
      // Joining copies the chunks once more: charge the copy while both exist.
      if (!lease.add(size)) return reject(new BodyError(REFUSAL.overloaded));
      const joined = Buffer.concat(chunks, size);
      chunks.length = 0;
      lease.give(size);
      resolve(joined);
    });
    inflater.end(body);
  });
}
