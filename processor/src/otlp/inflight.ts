import type { Gauge } from 'prom-client';

/**
 * Bounds the bytes of requests held at once (compressed bodies being read plus their decompressed form). A request
 * takes a lease and grows it as bytes arrive; when the budget is exhausted the request is refused with 429 so the
 * client backs off. A lease that is alone in flight may always grow (up to maxBodyBytes, checked elsewhere), so a
 * budget smaller than one request cannot block all progress.
 */
export class InflightBudget {
  private used = 0;
  private highWater = 0;

  constructor(
    readonly maxBytes: number,
    private readonly gauge?: Gauge<never>,
    /** Highest `inUse` so far (what sizing maxInFlightBytes needs). */
    private readonly peakGauge?: Gauge<never>,
  ) {}

  get inUse(): number {
    return this.used;
  }

  /** The highest number of bytes held at once since start. */
  get peak(): number {
    return this.highWater;
  }

  lease(): InflightLease {
    return new InflightLease(this);
  }

  /** @internal */
  tryTake(lease: InflightLease, n: number): boolean {
    if (this.used + n > this.maxBytes && this.used !== lease.held) return false;
    this.used += n;
    this.gauge?.set(this.used);
    if (this.used > this.highWater) {
      this.highWater = this.used;
      this.peakGauge?.set(this.used);
    }
    return true;
  }

  /** @internal */
  give(n: number): void {
    this.used = Math.max(0, this.used - n);
    this.gauge?.set(this.used);
  }
}

export class InflightLease {
  held = 0;
  private released = false;

  constructor(private readonly budget: InflightBudget) {}

  /** Takes n more bytes; false when the budget is exhausted (the caller answers 429). */
  add(n: number): boolean {
    if (this.released) return false;
    if (!this.budget.tryTake(this, n)) return false;
    this.held += n;
    return true;
  }

  /** Gives back n of the bytes taken (a transient copy that is gone). */
  give(n: number): void {
    const k = Math.min(n, this.held);
    if (this.released || k <= 0) return;
    this.held -= k;
    this.budget.give(k);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.budget.give(this.held);
    this.held = 0;
  }
}
