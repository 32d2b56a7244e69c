/**
 * Retry delay of attempt n (1 = first retry): exponential from `baseMs`, capped at `maxMs`, with full jitter
 * (uniform in [cap/2, cap]) so many processors retrying one receiver do not retry in lockstep.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  return Math.round(cap / 2 + random() * (cap / 2));
}

/** Milliseconds a Retry-After header (delta-seconds or an HTTP date) asks to wait, or undefined. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}
