import { Registry, type Counter } from 'prom-client';
import type { ErrorCode } from '../errors.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { getOrCreateCounter } from '../metrics/registry.js';

/** Why a sink did not deliver findings it was given. */
export type SinkLoss = 'dropped' | 'failed' | 'refused';

export interface SinkAccountingOptions {
  registry?: Registry;
  logger?: Logger;
}

/**
 * What every finding sink reports about itself: findings written, dropped (queue full), failed (the write failed) and
 * refused (written after shutdown), on one counter family `tracehound_sink_findings_total{sink,outcome}`; failures
 * logged with their code once per failure streak (first failure, then again only after a success), never per finding.
 */
export class SinkAccounting {
  private readonly counter: Counter<'sink' | 'outcome'>;
  private readonly logger: Logger;
  private failing = false;
  private refusedLogged = false;
  private closed = false;
  readonly counts = { written: 0, dropped: 0, failed: 0, refused: 0 };

  constructor(
    readonly sink: string,
    opts: SinkAccountingOptions = {},
  ) {
    this.counter = getOrCreateCounter(opts.registry ?? new Registry(), {
      name: 'tracehound_sink_findings_total',
      help: 'Findings given to each finding sink, by outcome: written, dropped (queue full), failed (write error), refused (after shutdown).',
      labelNames: ['sink', 'outcome'] as const,
    });
    this.logger = (opts.logger ?? silentLogger).child({ component: 'sink', sink });
  }

  /** True once shutdown() began: the sink refuses writes from then on. */
  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
  }

  /** Call at the top of write(): false (and the findings counted as refused, logged once) after shutdown. */
  admit(n: number): boolean {
    if (!this.closed) return true;
    this.add('refused', n);
    if (!this.refusedLogged) {
      this.refusedLogged = true;
      this.logger.warn({ code: 'TH_SINK_CLOSED', findings: n }, 'findings written after shutdown were refused');
    }
    return false;
  }

  written(n: number): void {
    this.add('written', n);
    if (this.failing) {
      this.failing = false;
      this.logger.info({ sink: this.sink }, 'finding sink writes again');
    }
  }

  dropped(n: number): void {
    this.add('dropped', n);
  }

  /** A write failed: counted, and logged with `code` when it starts a failure streak. */
  failed(n: number, code: ErrorCode, err: unknown): void {
    this.add('failed', n);
    if (this.failing) return;
    this.failing = true;
    const e = err as { code?: unknown; name?: unknown } | undefined;
    // The error's code and name, never its message (a path or payload could be in it).
    this.logger.warn(
      { code, cause: typeof e?.code === 'string' ? e.code : undefined, error: String(e?.name ?? 'Error'), findings: n },
      'finding sink write failed',
    );
  }

  /** True while the latest write failed (readiness). */
  get isFailing(): boolean {
    return this.failing;
  }

  private add(outcome: SinkLoss | 'written', n: number): void {
    if (n <= 0) return;
    this.counts[outcome] += n;
    this.counter.inc({ sink: this.sink, outcome }, n);
  }
}
