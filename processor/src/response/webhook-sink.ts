import { Registry, type Counter, type Gauge } from 'prom-client';
import { silentLogger, type Logger } from '../log/logger.js';
import { getOrCreateCounter, getOrCreateGauge } from '../metrics/registry.js';
import { SinkAccounting } from '../output/sink-accounting.js';
import { SEVERITY_ORDER, type Finding, type FindingCategory } from '@tracehound/core';
import { findingToJson, type FindingSink } from '../output/sink.js';
import { redactText } from '@tracehound/core/privacy';
import { backoffDelay, retryAfterMs } from './backoff.js';
import { webhookDefaults, type WebhookConfig } from './config.js';
import { SIGNATURE_HEADER, signPayload } from './signature.js';

/** Deliveries in flight per webhook: enough to keep up with bursts, few enough not to flood a receiver. */
const WORKERS = 4;
/** Longest shutdown waits for the last deliveries. */
const SHUTDOWN_MS = 5000;

export interface WebhookSinkOptions {
  /** Milliseconds since the epoch (the signature timestamp). */
  clock?: () => number;
  /** Waits between retries; injectable so tests drive retries without real time. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetch?: typeof fetch;
  registry?: Registry;
  logger?: Logger;
}

interface Item {
  id: string;
  body: string;
}

/** The JSON a receiver gets: one finding, evidence redacted (again, defensively), bigint time as a string. */
export function webhookPayload(f: Finding, webhook: string): string {
  return JSON.stringify({
    type: 'tracehound.finding',
    version: 1,
    webhook,
    finding: { ...findingToJson(f), evidence: redactText(f.evidence) },
  });
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/**
 * Outbound notifications to one webhook (SOAR, ticketing, chat): findings at or above a severity (and of chosen
 * categories) are POSTed one per request, signed with HMAC-SHA256, retried with exponential backoff and jitter.
 * write() only enqueues: the queue is bounded (the oldest payload is dropped and counted), the pipeline never waits.
 * Each payload carries X-Tracehound-Delivery = the finding id, so receivers can dedupe retried deliveries.
 */
export class WebhookSink implements FindingSink {
  readonly name: string;
  private readonly cfg: Required<Omit<WebhookConfig, 'categories' | 'headers'>> & {
    categories: Set<FindingCategory>;
    headers: Record<string, string>;
  };
  private readonly queue: Item[] = [];
  private active = 0;
  private stopping = false;
  private idleWaiters: Array<() => void> = [];
  private readonly abort = new AbortController();
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly fetchFn: typeof fetch;
  private readonly logger: Logger;
  private readonly outcomes: Counter<'webhook' | 'outcome'>;
  private readonly retries: Counter<'webhook'>;
  private readonly depth: Gauge<'webhook'>;
  /** Writes after shutdown are refused, counted and logged once (the delivery outcomes are counted above). */
  readonly accounting: SinkAccounting;

  constructor(config: WebhookConfig, opts: WebhookSinkOptions = {}) {
    this.cfg = {
      ...webhookDefaults,
      ...config,
      categories: new Set(config.categories ?? []),
      headers: config.headers ?? {},
    } as WebhookSink['cfg'];
    this.name = `webhook:${config.name}`;
    this.clock = opts.clock ?? Date.now;
    this.sleep = opts.sleep ?? defaultSleep;
    this.random = opts.random ?? Math.random;
    this.fetchFn = opts.fetch ?? fetch;
    this.logger = (opts.logger ?? silentLogger).child({ component: 'webhook', webhook: config.name });
    const registry = opts.registry ?? new Registry();
    this.outcomes = getOrCreateCounter(registry, {
      name: 'tracehound_webhook_deliveries_total',
      help: 'Webhook payloads by outcome: delivered, failed (gave up after retries or a permanent 4xx), dropped (queue full or shutdown).',
      labelNames: ['webhook', 'outcome'] as const,
    });
    this.retries = getOrCreateCounter(registry, {
      name: 'tracehound_webhook_retries_total',
      help: 'Webhook delivery retries.',
      labelNames: ['webhook'] as const,
    });
    this.accounting = new SinkAccounting(this.name, { registry, logger: opts.logger });
    this.depth = getOrCreateGauge(registry, {
      name: 'tracehound_webhook_queue',
      help: 'Webhook payloads waiting.',
      labelNames: ['webhook'] as const,
    });
  }

  /** Whether a finding goes to this webhook. */
  accepts(f: Finding): boolean {
    if (SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(this.cfg.minSeverity)) return false;
    return this.cfg.categories.size === 0 || this.cfg.categories.has(f.rule.category);
  }

  write(findings: readonly Finding[]): void {
    if (!this.accounting.admit(findings.length)) return;
    for (const f of findings) {
      if (!this.accepts(f)) continue;
      this.queue.push({ id: f.id, body: webhookPayload(f, this.cfg.name) });
      if (this.queue.length > this.cfg.maxQueue) {
        this.queue.shift();
        this.outcomes.inc({ webhook: this.cfg.name, outcome: 'dropped' });
      }
      this.kick();
    }
    this.depth.set({ webhook: this.cfg.name }, this.queue.length);
  }

  /** Payloads waiting (not counting those in flight). */
  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once everything queued so far was delivered or given up. */
  forceFlush(): Promise<void> {
    if (this.queue.length === 0 && this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops retrying: queued payloads get one last attempt within a deadline, the rest are dropped and counted. */
  async shutdown(): Promise<void> {
    if (this.stopping) return this.forceFlush();
    this.stopping = true;
    this.accounting.close();
    const timer = setTimeout(() => this.abort.abort(), SHUTDOWN_MS);
    timer.unref();
    await this.forceFlush();
    clearTimeout(timer);
  }

  private kick(): void {
    // A new worker takes its first item synchronously, so this never starts more workers than items.
    while (this.active < WORKERS && this.queue.length > 0) {
      this.active++;
      void this.work();
    }
  }

  private async work(): Promise<void> {
    try {
      for (let item = this.queue.shift(); item; item = this.queue.shift()) {
        this.depth.set({ webhook: this.cfg.name }, this.queue.length);
        const outcome = this.abort.signal.aborted ? 'dropped' : await this.deliver(item);
        this.outcomes.inc({ webhook: this.cfg.name, outcome });
      }
    } finally {
      this.active--;
      if (this.active === 0 && this.queue.length === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  }

  private async deliver(item: Item): Promise<'delivered' | 'failed' | 'dropped'> {
    const maxAttempts = this.stopping ? 1 : this.cfg.maxAttempts;
    for (let attempt = 1; ; attempt++) {
      let wait: number | undefined;
      let status = 0;
      try {
        const res = await this.fetchFn(this.cfg.url, {
          method: 'POST',
          headers: {
            ...this.cfg.headers,
            'content-type': 'application/json',
            'user-agent': 'tracehound-webhook/1',
            'x-tracehound-delivery': item.id,
            [SIGNATURE_HEADER]: signPayload(this.cfg.secret, item.body, this.clock() / 1000),
          },
          body: item.body,
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.cfg.timeoutMs)]),
        });
        status = res.status;
        await res.body?.cancel().catch(() => undefined);
        if (status >= 200 && status < 300) return 'delivered';
        // Other 4xx will not get better by retrying (bad URL, bad auth): give up at once.
        if (status < 500 && status !== 408 && status !== 429) {
          this.logger.warn({ status, delivery: item.id }, 'webhook rejected the payload');
          return 'failed';
        }
        wait = retryAfterMs(res.headers.get('retry-after'), this.clock());
      } catch (err) {
        if (this.abort.signal.aborted) return 'dropped';
        this.logger.debug({ error: (err as Error).name }, 'webhook delivery error');
      }
      if (attempt >= maxAttempts || this.stopping) {
        this.logger.warn({ status, attempts: attempt, delivery: item.id }, 'webhook delivery failed');
        return 'failed';
      }
      this.retries.inc({ webhook: this.cfg.name });
      const delay = backoffDelay(attempt, this.cfg.backoffMs, this.cfg.maxBackoffMs, this.random);
      await this.sleep(Math.min(this.cfg.maxBackoffMs, Math.max(delay, wait ?? 0)));
      if (this.abort.signal.aborted) return 'dropped';
    }
  }
}
