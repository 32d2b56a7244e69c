import type { EmittedLog } from '@tracehound/core';
import type { Counter, Gauge } from 'prom-client';
import type { Logger } from '../log/logger.js';
import { encodeEmittedLogs } from '../otlp/emitted.js';
import type { ForwardResult } from '../otlp/forwarder.js';

/**
 * Finding log records on their way to the next hop's /v1/logs, delivered independently of the spans they were found
 * in: a client's span export is acknowledged once the spans are forwarded, and its findings are queued here — bounded
 * (the newest records beyond `maxRecords` are dropped and counted), sent in batches, retried with exponential backoff
 * (honouring the hop's Retry-After) while the hop answers a retryable error, dropped and counted when it refuses them
 * for good (4xx) or when they have waited `maxRetryMs`. A logs endpoint that is down or missing therefore neither
 * makes the client re-send its spans nor loses spans; only finding records can be lost, and each lost one is counted
 * in tracehound_findings_forward_dropped_total{reason} and logged (TH_FINDINGS_DROPPED).
 */

export type DropReason = 'queue_full' | 'rejected' | 'expired' | 'shutdown';

export interface FindingLogQueueMetrics {
  queued: Gauge<never>;
  forwarded: Counter<never>;
  dropped: Counter<'reason'>;
}

export interface FindingLogQueueOptions {
  /** Sends one ExportLogsServiceRequest to the next hop. */
  send(body: Buffer): Promise<ForwardResult>;
  maxRecords: number;
  /** A record not delivered this long after it was queued is dropped (ms). */
  maxRetryMs: number;
  metrics: FindingLogQueueMetrics;
  logger: Logger;
  /** Records per request. */
  batchRecords?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Monotonic milliseconds; injectable for tests. */
  now?: () => number;
  random?: () => number;
}

interface Item {
  log: EmittedLog;
  queuedAt: number;
}

/** Retry delay of attempt n: exponential from base, capped, with jitter in [cap/2, cap]. */
function backoff(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(20, Math.max(0, attempt - 1)));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

export class FindingLogQueue {
  private items: Item[] = [];
  private head = 0;
  private running?: Promise<void>;
  private stopped = false;
  private wake?: () => void;
  private timer?: NodeJS.Timeout;
  private lastWarn = -Infinity;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly o: FindingLogQueueOptions) {
    this.now = o.now ?? (() => performance.now());
    this.random = o.random ?? Math.random;
  }

  /** Records waiting to be delivered. */
  get length(): number {
    return this.items.length - this.head;
  }

  enqueue(logs: readonly EmittedLog[]): void {
    if (logs.length === 0) return;
    if (this.stopped) return this.drop('shutdown', logs.length);
    const room = Math.max(0, this.o.maxRecords - this.length);
    const t = this.now();
    for (let i = 0; i < Math.min(room, logs.length); i++) this.items.push({ log: logs[i], queuedAt: t });
    if (logs.length > room) this.drop('queue_full', logs.length - room);
    this.o.metrics.queued.set(this.length);
    this.running ??= this.pump().finally(() => (this.running = undefined));
  }

  /** Waits until the queue is empty or `deadlineMs` passed; true when it is empty. */
  async flush(deadlineMs: number): Promise<boolean> {
    const end = this.now() + deadlineMs;
    this.wakeUp(); // a pending backoff would outlast a short deadline
    while (this.length > 0 && this.running && this.now() < end) {
      await Promise.race([
        this.running,
        new Promise((r) => setTimeout(r, Math.min(50, Math.max(1, end - this.now())))),
      ]);
    }
    return this.length === 0;
  }

  /**
   * Delivers what it can within `deadlineMs`, then stops; what is left is dropped and counted ('shutdown'). Resolves
   * with the number of records dropped so.
   */
  async shutdown(deadlineMs: number): Promise<number> {
    await this.flush(deadlineMs);
    this.stopped = true;
    this.wakeUp();
    await this.running;
    const left = this.length;
    this.items = [];
    this.head = 0;
    if (left > 0) this.drop('shutdown', left);
    this.o.metrics.queued.set(0);
    return left;
  }

  private async pump(): Promise<void> {
    let attempt = 0;
    while (this.length > 0 && !this.stopped) {
      this.expire();
      if (this.length === 0) break;
      const n = Math.min(this.length, this.o.batchRecords ?? 1000);
      const batch = this.items.slice(this.head, this.head + n);
      let result: ForwardResult;
      try {
        result = await this.o.send(encodeEmittedLogs(batch.map((i) => i.log)));
      } catch {
        result = { ok: false, retryable: true, reason: 'connection', message: 'send failed' };
      }
      if (result.ok) {
        this.take(n);
        this.o.metrics.forwarded.inc(n);
        attempt = 0;
        continue;
      }
      if (!result.retryable) {
        this.take(n);
        this.drop('rejected', n, { status: result.status, message: result.message });
        attempt = 0;
        continue;
      }
      attempt++;
      this.warnRetrying(result, n);
      const delay = Math.max(
        backoff(attempt, this.o.baseDelayMs ?? 200, this.o.maxDelayMs ?? 10_000, this.random),
        (result.retryAfterSeconds ?? 0) * 1000,
      );
      await this.sleep(Math.min(delay, Math.max(1, this.o.maxRetryMs)));
    }
  }

  /** Drops records that waited longer than maxRetryMs (oldest first: the queue is in arrival order). */
  private expire(): void {
    const limit = this.now() - this.o.maxRetryMs;
    let n = 0;
    while (this.head + n < this.items.length && this.items[this.head + n].queuedAt < limit) n++;
    if (n > 0) {
      this.take(n);
      this.drop('expired', n);
    }
  }

  private take(n: number): void {
    this.head += n;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    }
    this.o.metrics.queued.set(this.length);
  }

  private drop(reason: DropReason, n: number, detail: Record<string, unknown> = {}): void {
    this.o.metrics.dropped.inc({ reason }, n);
    this.o.logger.warn(
      { code: 'TH_FINDINGS_DROPPED', signal: 'logs', reason, records: n, ...detail },
      'finding log records dropped, not delivered to the next hop',
    );
  }

  /** At most one warning every 10 s while the hop keeps refusing: an outage must not flood the logs. */
  private warnRetrying(result: Extract<ForwardResult, { ok: false }>, records: number): void {
    const t = this.now();
    if (t - this.lastWarn < 10_000) return;
    this.lastWarn = t;
    this.o.logger.warn(
      {
        code: 'TH_NEXT_HOP_UNAVAILABLE',
        signal: 'logs',
        reason: result.reason,
        status: result.status,
        records,
        queued: this.length,
      },
      'forwarding finding log records failed; retrying (the spans they came from were delivered)',
    );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
      this.timer.unref();
    });
  }

  private wakeUp(): void {
    clearTimeout(this.timer);
    this.wake?.();
    this.wake = undefined;
  }
}
