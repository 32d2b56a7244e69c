/**
 * The judge's strict budget: requests in a rolling minute and tokens in a rolling day, on an injectable clock. A
 * request is admitted only when both have room for it (tokens estimated before sending, corrected with the usage
 * the endpoint reports).
 */
export class JudgeBudget {
  private readonly requests: number[] = [];
  private readonly tokens: Array<{ at: number; n: number }> = [];
  private tokenSum = 0;

  constructor(
    private readonly requestsPerMinute: number,
    private readonly tokensPerDay: number,
    private readonly clock: () => number,
  ) {}

  private prune(now: number): void {
    while (this.requests.length > 0 && this.requests[0]! <= now - 60_000) this.requests.shift();
    while (this.tokens.length > 0 && this.tokens[0]!.at <= now - 86_400_000) this.tokenSum -= this.tokens.shift()!.n;
  }

  /** Takes one request and `estimatedTokens`; false (nothing taken) when either limit would be passed. */
  tryTake(estimatedTokens: number): boolean {
    const now = this.clock();
    this.prune(now);
    if (this.requests.length >= this.requestsPerMinute) return false;
    if (this.tokenSum + estimatedTokens > this.tokensPerDay) return false;
    this.requests.push(now);
    this.tokens.push({ at: now, n: estimatedTokens });
    this.tokenSum += estimatedTokens;
    return true;
  }

  /** Replaces the estimate of the last admitted request by what the endpoint reported. */
  correct(estimatedTokens: number, actualTokens: number): void {
    const last = this.tokens[this.tokens.length - 1];
    if (!last || last.n !== estimatedTokens || !Number.isFinite(actualTokens) || actualTokens < 0) return;
    this.tokenSum += actualTokens - last.n;
    last.n = actualTokens;
  }

  remaining(): { requestsPerMinute: number; tokensPerDay: number } {
    this.prune(this.clock());
    return {
      requestsPerMinute: this.requestsPerMinute - this.requests.length,
      tokensPerDay: Math.max(0, this.tokensPerDay - this.tokenSum),
    };
  }
}
