import { REDACTED_LABEL, safeLabelValue } from './label-value.js';

/**
 * Keeps a metric label's cardinality bounded: the first `max` distinct values are kept as they are, every later one
 * becomes "other". Values pass metrics/label-value.ts first (cut to 64 characters; anything secret- or token-like
 * becomes "redacted"). User, session and key ids are never used as labels at all.
 */
export class LabelLimiter {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  value(v: string | undefined): string {
    if (!v) return 'unknown';
    const s = safeLabelValue(v);
    if (s === REDACTED_LABEL || this.seen.has(s)) return s;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(s);
    return s;
  }
}
