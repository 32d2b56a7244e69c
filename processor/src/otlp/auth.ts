import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The one bearer-token check (OTLP/HTTP and OTLP/gRPC receivers, /metrics, the verdict API): `Bearer` in any case,
 * the token trimmed, compared in constant time; a no-op when no token is configured.
 */

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export function checkBearer(expected: string | undefined, authorization: string | string[] | undefined): boolean {
  if (!expected) return true;
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  if (!header) return false;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space).toLowerCase() !== 'bearer') return false;
  // Hash both sides so the comparison does not leak the token length either.
  return timingSafeEqual(digest(header.slice(space + 1).trim()), digest(expected));
}
