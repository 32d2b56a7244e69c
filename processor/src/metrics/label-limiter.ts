import { REDACTED_LABEL, safeLabelValue } from './label-value.js';

/** Raw values whose safe label is remembered: the same few names come with every span. */
const MEMO_MAX = 1024;

/**
 * Keeps a metric label's cardinality bounded: the first `max` distinct values are kept as they are, every later one
 * becomes "other". Values pass metrics/label-value.ts first (cut to 64 characters; anything secret- or token-like
 * becomes "redacted"); that check scans for secrets and PII, so its answer per raw value is memoized (bounded, cleared
 * when full). User, session and key ids are never used as labels at all.
 */
export class LabelLimiter {
  private readonly seen = new Set<string>();
  private readonly memo = new Map<string, string>();

  constructor(private readonly max: number) {}

  value(v: string | undefined): string {
    if (!v) return 'unknown';
    let s = this.memo.get(v);
    if (s === undefined) {
      s = safeLabelValue(v);
      if (this.memo.size >= MEMO_MAX) this.memo.clear();
      this.memo.set(v, s);
    }
    if (s === REDACTED_LABEL || this.seen.has(s)) return s;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(s);
    return s;
  }
}
