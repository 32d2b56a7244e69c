import { createHash } from 'node:crypto';
import type { Detection, Interaction } from '@tracehound/core';
import { evidenceSnippet } from '@tracehound/core/privacy';
import type { JudgeTierConfig } from '../config.js';
import type { TierMetrics } from '../metrics.js';
import { TIER_RULE } from '../rules.js';
import { JudgeBudget } from './budget.js';
import { CircuitBreaker } from './breaker.js';
import { LruCache } from './cache.js';
import { chatCompletion, JudgeRequestError, type FetchLike } from './client.js';
import { judgeMessages, judgeTexts, parseVerdict, type JudgeVerdict } from './prompt.js';

export interface JudgeTierOptions {
  metrics: TierMetrics;
  clock: () => number;
  fetch?: FetchLike;
  /** Monotonic milliseconds (latency). */
  now?: () => number;
}

/** Rough token estimate of a request before it is sent (4 characters a token), plus its max_tokens. */
function estimateTokens(chars: number, maxTokens: number): number {
  return Math.ceil(chars / 4) + maxTokens;
}

/**
 * The LLM judge tier: a selected interaction's redacted system instructions, input (and optionally output) go to an
 * OpenAI-compatible endpoint, at most `concurrency` at once, the rest queued (bounded, drops counted). Verdicts are
 * cached by content hash; the budget and the circuit breaker decide whether a request is sent at all.
 */
export class JudgeTier {
  private readonly budget: JudgeBudget;
  private readonly breaker: CircuitBreaker;
  private readonly cache: LruCache<JudgeVerdict>;
  private readonly fetchFn: FetchLike;
  private readonly now: () => number;
  private readonly waiting: Array<() => void> = [];
  private active = 0;
  private closed = false;

  constructor(
    private readonly config: JudgeTierConfig,
    private readonly opts: JudgeTierOptions,
  ) {
    this.budget = new JudgeBudget(config.budget.requestsPerMinute, config.budget.tokensPerDay, opts.clock);
    this.breaker = new CircuitBreaker(config.breaker.failures, config.breaker.cooldownMs, opts.clock);
    this.cache = new LruCache(config.cache.maxEntries);
    this.fetchFn = opts.fetch ?? (globalThis.fetch as unknown as FetchLike);
    this.now = opts.now ?? (() => performance.now());
    this.publishBudget();
  }

  get queueDepth(): number {
    return this.waiting.length;
  }

  private drop(reason: string): undefined {
    this.opts.metrics.dropped.inc({ tier: 'judge', reason });
    return undefined;
  }

  private publishBudget(): void {
    const left = this.budget.remaining();
    this.opts.metrics.budgetRemaining.set({ budget: 'requests_per_minute' }, left.requestsPerMinute);
    this.opts.metrics.budgetRemaining.set({ budget: 'tokens_per_day' }, left.tokensPerDay);
    this.opts.metrics.breakerOpen.set(this.breaker.open ? 1 : 0);
  }

  async detect(ix: Interaction): Promise<Detection[]> {
    const texts = judgeTexts(ix, this.config);
    if (!texts.input) return [];
    const verdict = await this.judge(judgeMessages(texts, this.config));
    if (!verdict) return [];
    const base = { tier: 'judge', tierModel: this.config.model };
    const evidence = evidenceSnippet(texts.input, 0, Math.min(texts.input.length, 120));
    if (verdict.kind === 'attack' && verdict.score >= this.config.threshold)
      return [
        {
          ruleId: TIER_RULE.judge,
          confidence: verdict.score,
          channel: 'prompt',
          evidence,
          details: {
            ...base,
            tierLabel: 'attack',
            tierScore: verdict.score,
            ...(verdict.reason ? { tierReason: verdict.reason } : {}),
          },
        },
      ];
    if (verdict.kind === 'unsafe')
      return [
        {
          ruleId: TIER_RULE.judgeUnsafe,
          confidence: 1,
          channel: this.config.includeOutput && texts.output ? 'output' : 'prompt',
          evidence,
          details: { ...base, tierLabel: 'unsafe', tierScore: 1, tierCategories: verdict.categories },
        },
      ];
    return [];
  }

  /** The verdict for these messages: cached, or asked within budget, breaker and queue; undefined when not asked. */
  async judge(messages: ReturnType<typeof judgeMessages>): Promise<JudgeVerdict | undefined> {
    const key = createHash('sha256')
      .update(JSON.stringify([this.config.model, this.config.format, messages]))
      .digest('hex');
    const cached = this.cache.get(key);
    if (cached) {
      this.opts.metrics.calls.inc({ tier: 'judge', outcome: 'cached' });
      return cached;
    }
    if (this.closed) return this.drop('shutdown');
    if (this.active >= this.config.concurrency) {
      if (this.waiting.length >= this.config.maxQueue) return this.drop('queue_full');
      // Woken with the slot of the request that finished (active stays as it is), or by shutdown.
      await new Promise<void>((r) => {
        this.waiting.push(r);
        this.opts.metrics.queueDepth.set({ tier: 'judge' }, this.waiting.length);
      });
      this.opts.metrics.queueDepth.set({ tier: 'judge' }, this.waiting.length);
      if (this.closed) return this.drop('shutdown');
    } else this.active++;
    try {
      return await this.ask(key, messages);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  private async ask(key: string, messages: ReturnType<typeof judgeMessages>): Promise<JudgeVerdict | undefined> {
    if (!this.breaker.allow()) return this.drop('breaker_open');
    const chars = messages.reduce((n, m) => n + m.content.length, 0);
    const estimate = estimateTokens(chars, this.config.maxTokens);
    if (!this.budget.tryTake(estimate)) {
      this.publishBudget();
      // An unused half-open trial must not keep the breaker shut.
      this.breaker.cancelTrial();
      return this.drop('budget');
    }
    const started = this.now();
    try {
      const answer = await chatCompletion(
        this.fetchFn,
        {
          baseUrl: this.config.baseUrl,
          model: this.config.model,
          headers: this.config.headers,
          apiKey: this.config.apiKey,
          maxTokens: this.config.maxTokens,
          timeoutMs: this.config.timeoutMs,
        },
        messages,
      );
      this.breaker.success();
      if (answer.totalTokens !== undefined) this.budget.correct(estimate, answer.totalTokens);
      this.opts.metrics.latency.observe({ tier: 'judge', model: this.config.model }, (this.now() - started) / 1000);
      const verdict = parseVerdict(answer.content, this.config.format);
      if (!verdict) {
        this.opts.metrics.calls.inc({ tier: 'judge', outcome: 'parse_failure' });
        return undefined;
      }
      this.opts.metrics.calls.inc({
        tier: 'judge',
        outcome: verdict.kind === 'attack' || verdict.kind === 'unsafe' ? 'attack' : 'benign',
      });
      this.cache.set(key, verdict);
      return verdict;
    } catch (err) {
      this.breaker.failure();
      return this.drop(err instanceof JudgeRequestError && err.reason === 'timeout' ? 'timeout' : 'error');
    } finally {
      this.publishBudget();
    }
  }

  shutdown(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w();
  }
}
