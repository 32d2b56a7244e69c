/**
 * A circuit breaker for the judge endpoint: after `failures` consecutive failures it opens and no request is sent for
 * `cooldownMs`; then one trial request is let through (half-open) and its outcome closes or reopens it.
 */
export class CircuitBreaker {
  private consecutive = 0;
  private openedAt: number | undefined;
  private trial = false;

  constructor(
    private readonly failures: number,
    private readonly cooldownMs: number,
    private readonly clock: () => number,
  ) {}

  get open(): boolean {
    return this.openedAt !== undefined && this.clock() - this.openedAt < this.cooldownMs;
  }

  /** May a request be sent now? */
  allow(): boolean {
    if (this.openedAt === undefined) return true;
    if (this.open || this.trial) return false;
    this.trial = true;
    return true;
  }

  /** A trial that was allowed but never sent (budget): the next request may try. */
  cancelTrial(): void {
    this.trial = false;
  }

  success(): void {
    this.consecutive = 0;
    this.openedAt = undefined;
    this.trial = false;
  }

  failure(): void {
    this.consecutive++;
    if (this.trial || this.consecutive >= this.failures) this.openedAt = this.clock();
    this.trial = false;
  }
}
