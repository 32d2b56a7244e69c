/**
 * A sum over a sliding window cut into fixed slices (a bucketed counter). Advancing clears only the slices that fell
 * out, at most `slices` per call and usually none, so an add is amortized O(1) with memory fixed at creation.
 */
export class SlidingSum {
  private readonly values: number[];
  private lastSlice = -1;
  private total = 0;

  constructor(
    readonly slices: number,
    readonly sliceMs: number,
  ) {
    this.values = new Array<number>(slices).fill(0);
  }

  /** Add x at time now; returns the sum over the window ending now. */
  add(now: number, x: number): number {
    this.advance(now);
    this.values[this.lastSlice % this.slices] += x;
    this.total += x;
    return this.total;
  }

  /** The sum over the window ending now. */
  sum(now: number): number {
    this.advance(now);
    return this.total;
  }

  private advance(now: number): void {
    const slice = Math.floor(now / this.sliceMs);
    if (this.lastSlice < 0) {
      this.lastSlice = slice;
      return;
    }
    if (slice <= this.lastSlice) return; // clock went back: keep counting into the current slice
    const steps = Math.min(slice - this.lastSlice, this.slices);
    for (let i = 1; i <= steps; i++) {
      const idx = (this.lastSlice + i) % this.slices;
      this.total -= this.values[idx];
      this.values[idx] = 0;
    }
    if (steps === this.slices || this.total < 0) this.total = steps === this.slices ? 0 : Math.max(0, this.total);
    this.lastSlice = slice;
  }
}
