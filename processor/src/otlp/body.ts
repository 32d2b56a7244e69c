import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ErrorCode } from '../errors.js';
import type { InflightLease } from './inflight.js';

/**
 * Reading request bodies under limits: the raw body (≤ maxBodyBytes, counted against the in-flight budget as it
 * arrives) and its decompression (on the zlib thread pool, stopped as soon as the output passes maxBodyBytes, so a
 * gzip bomb costs at most the limit).
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

export function readBody(stream: Readable, limit: number, lease: InflightLease): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const stop = (err: BodyError): void => {
      if (done) return;
      done = true;
      stream.removeListener('data', onData);
      stream.resume(); // discard the rest so the socket can still carry our answer
      reject(err);
    };
    const onData = (chunk: Buffer): void => {
      if (done) return;
      size += chunk.length;
      if (size > limit) return stop(new BodyError('TH_BODY_TOO_LARGE', `more than ${limit} bytes`));
      if (!lease.add(chunk.length)) return stop(new BodyError('TH_OVERLOADED'));
      chunks.push(chunk);
    };
    stream.on('data', onData);
    stream.once('end', () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    });
    stream.once('error', () => stop(new BodyError('TH_BAD_REQUEST', 'the request body was interrupted')));
    stream.once('aborted', () => stop(new BodyError('TH_BAD_REQUEST', 'the request body was interrupted')));
  });
}

const gunzipAsync = promisify(zlib.gunzip);
const inflateAsync = promisify(zlib.inflate);

export async function decompress(body: Buffer, encoding: ContentEncoding, limit: number): Promise<Buffer> {
  if (encoding === 'identity') return body;
  try {
    const opts = { maxOutputLength: Math.max(1, limit) };
    return encoding === 'gzip' ? await gunzipAsync(body, opts) : await inflateAsync(body, opts);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new BodyError('TH_BODY_TOO_LARGE', `more than ${limit} bytes after decompression`);
    }
    throw new BodyError('TH_BAD_GZIP', encoding === 'gzip' ? undefined : 'the request body is not valid deflate data');
  }
}
