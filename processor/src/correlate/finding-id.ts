/**
 * Idempotent finding ids: derived from what identifies a finding — trace id, span id, rule, channel and the evidence
 * (which pins the position of what matched) — so the same span analysed again (a client retrying a batch the
 * processor answered 503) yields the same id, and every sink can recognise it. UUID-shaped (version 8, RFC 9562).
 */
import { createHash } from 'node:crypto';
import type { Finding } from '@tracehound/core';

export function findingId(
  f: Pick<Finding, 'traceId' | 'spanId' | 'channel' | 'evidence'> & { ruleId: string },
): string {
  const h = createHash('sha256')
    .update(f.traceId)
    .update('\u0000')
    .update(f.spanId)
    .update('\u0000')
    .update(f.ruleId)
    .update('\u0000')
    .update(f.channel)
    .update('\u0000')
    .update(f.evidence)
    .digest('hex');
  const variant = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
