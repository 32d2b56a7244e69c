import { createHmac } from 'node:crypto';

/** HMAC-SHA256 of text (UTF-8) under key, lowercase hex. Equal texts give equal digests under one key. */
export function hmacText(key: string | Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** Prefix that marks a hashed content value in forwarded spans, so analysts know it is a digest, not content. */
export const HASH_PREFIX = 'hmac-sha256:';
