/**
 * A bounded memory of finding ids seen recently (LRU + TTL, injectable clock): what the sinks and the forwarded
 * finding logs use to write each finding once when a retried batch produces it again. Evictions are counted; an id
 * evicted before its retry arrives is written a second time (same id, so downstream can still de-duplicate).
 */
import { BoundedStore } from '../behavior/state/store.js';

export interface FindingWindowOptions {
  maxIds?: number;
  ttlMs?: number;
}

export class FindingWindow {
  private readonly ids: BoundedStore<true>;
  /** Repeats recognised (and dropped) by this window. */
  repeats = 0;

  constructor(
    private readonly clock: () => number,
    options: FindingWindowOptions = {},
  ) {
    this.ids = new BoundedStore<true>('finding-ids', options.maxIds ?? 100_000, options.ttlMs ?? 15 * 60_000);
  }

  get evictions(): Readonly<Record<'lru' | 'ttl', number>> {
    return this.ids.evictions;
  }

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.peek(id, this.clock()) !== undefined;
  }

  /** Remember an id; false when it was already in the window (a repeat). */
  add(id: string): boolean {
    const now = this.clock();
    if (this.ids.get(id, now) !== undefined) {
      this.repeats++;
      return false;
    }
    this.ids.set(id, true, now);
    return true;
  }
}
