/**
 * Findings held for a bounded time while their span waits for an ancestor that carries the identity (a framework
 * that puts user and session on the root span only, exported in a later batch than its model calls). Released when
 * the ancestry is complete, when the wait is over, or at flush; at most `maxHeld` entries (the oldest is released
 * early when full, and counted).
 */
export interface Held<T> {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  deadline: number;
  item: T;
}

export class IdentityWait<T> {
  private held: Held<T>[] = [];
  /** Entries released before their ancestry arrived: the wait ran out, or the buffer was full. */
  expired = 0;
  overflowed = 0;

  constructor(
    private readonly clock: () => number,
    readonly waitMs: number,
    private readonly maxHeld = 1000,
  ) {}

  get size(): number {
    return this.held.length;
  }

  /** Hold an entry; returns one released early to make room (the oldest), if any. */
  hold(traceId: string, spanId: string, parentSpanId: string | undefined, item: T): Held<T> | undefined {
    let early: Held<T> | undefined;
    if (this.held.length >= this.maxHeld) {
      early = this.held.shift();
      this.overflowed++;
    }
    this.held.push({ traceId, spanId, parentSpanId, deadline: this.clock() + this.waitMs, item });
    return early;
  }

  /**
   * Release the entries that are ready: `complete(h)` says whether its ancestry is now known; the others are released
   * once their deadline passed (or all of them when `all`).
   */
  release(complete: (h: Held<T>) => boolean, all = false): Held<T>[] {
    if (this.held.length === 0) return [];
    const now = this.clock();
    const out: Held<T>[] = [];
    const keep: Held<T>[] = [];
    for (const h of this.held) {
      if (complete(h)) out.push(h);
      else if (all || now >= h.deadline) {
        this.expired++;
        out.push(h);
      } else keep.push(h);
    }
    this.held = keep;
    return out;
  }
}
