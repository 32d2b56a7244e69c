import type protobuf from 'protobufjs';
import type { ErrorCode } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { TransportMetrics } from '../metrics/transport.js';
import { WireLogBatch, WireTraceBatch } from '../otlp/batch.js';
import type { ExportHandler, ExportOutcome, ExportRequest } from '../otlp/export-types.js';
import type { Signal } from '../otlp/signal.js';
import type { Forwarder, ForwardResult } from '../otlp/forwarder.js';
import { indexItems, LOG_SHAPE, TRACE_SHAPE } from '../otlp/item-index.js';
import { JsonError, jsonRequestToProtobuf } from '../otlp/json.js';
import { OutOfRangeError } from '../otlp/json-fields.js';
import { T } from '../otlp/proto.js';
import { errorMessage } from '../otlp/responses.js';
import { validateMessage } from '../otlp/validate.js';
import { WireError } from '../otlp/wire.js';
import { BatchEffects } from '../pipeline/acknowledgement.js';
import type { Pipeline } from '../pipeline/runner.js';
import type { FindingLogQueue } from './finding-log-queue.js';

/**
 * The transport-independent core of an export: decode/validate, index, run the pipeline, forward, and decide the
 * answer. HTTP and gRPC receivers both call it, so limits, partial success and back-pressure behave the same.
 *
 * The answer depends on the batch's own data only: it is acknowledged once the next hop accepted it. Its effects —
 * findings handed to the sinks, finding log records queued for the next hop (finding-log-queue.ts) — happen only
 * then; a batch answered 429/503/400 emits nothing, so the client's retry does not duplicate findings.
 */

const REQUEST_TYPE: Record<Signal, protobuf.Type> = {
  traces: T.ExportTraceServiceRequest,
  logs: T.ExportLogsServiceRequest,
  metrics: T.ExportMetricsServiceRequest,
};

export interface ExportHandlerOptions {
  pipeline: Pipeline;
  forwarder: Forwarder;
  /** Where finding log records of acknowledged batches go (absent: they are not forwarded). */
  findingLogs?: FindingLogQueue;
  metrics: TransportMetrics;
  logger: Logger;
  retryAfterSeconds: number;
  /** Monotonic seconds clock (injectable for tests). */
  now?: () => number;
}

function fail(code: ErrorCode, detail?: string, retryAfterSeconds?: number): ExportOutcome {
  return { ok: false, code, message: errorMessage(code, detail), retryAfterSeconds };
}

export class ServiceExportHandler implements ExportHandler {
  private readonly now: () => number;
  private lastWarn = new Map<string, number>();
  private readonly inflight = new Set<Promise<unknown>>();
  private expired = false;

  constructor(private readonly o: ExportHandlerOptions) {
    this.now = o.now ?? (() => performance.now() / 1000);
  }

  async handle(req: ExportRequest): Promise<ExportOutcome> {
    const work = this.process(req);
    this.inflight.add(work);
    try {
      const outcome = await work;
      this.o.metrics.requests.inc({
        transport: req.transport,
        signal: req.signal,
        code: outcome.ok ? 'OK' : outcome.code,
      });
      return outcome;
    } finally {
      this.inflight.delete(work);
    }
  }

  /** Exports being handled right now. */
  get pending(): number {
    return this.inflight.size;
  }

  /** Resolves once no export is being handled (those in flight now have their answer). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /**
   * The shutdown deadline passed: from now on nothing more is forwarded. Exports in flight that have not reached the
   * next hop are answered 503 TH_SHUTTING_DOWN (the client retries elsewhere or after the restart); those whose
   * data is on its way get the next hop's verdict.
   */
  expire(): void {
    this.expired = true;
  }

  refusedEarly(signal: Signal, transport: ExportRequest['transport'], code: ErrorCode): void {
    this.o.metrics.requests.inc({ transport, signal, code });
  }

  private async process(req: ExportRequest): Promise<ExportOutcome> {
    const { signal, transport } = req;
    const m = this.o.metrics;
    let body = req.body;
    let gzipped = req.gzipped;
    if (req.format === 'json') {
      try {
        body = jsonRequestToProtobuf(signal, body);
        gzipped = undefined; // the client's bytes are JSON, not what we forward
      } catch (err) {
        if (err instanceof OutOfRangeError) return fail('TH_VALUE_OUT_OF_RANGE', err.message);
        return fail('TH_BAD_REQUEST', err instanceof JsonError ? err.message : 'invalid OTLP/JSON');
      }
    }
    try {
      validateMessage(REQUEST_TYPE[signal], body);
    } catch (err) {
      return fail(
        'TH_BAD_REQUEST',
        err instanceof WireError ? `malformed protobuf: ${err.message}` : 'malformed protobuf',
      );
    }

    if (signal === 'metrics') {
      // Pass-through: validated, forwarded byte for byte.
      const result = body.length > 0 ? await this.o.forwarder.send('metrics', body, gzipped) : ({ ok: true } as const);
      return this.settle(signal, transport, 1, 0, undefined, [result]);
    }

    const shape = signal === 'traces' ? TRACE_SHAPE : LOG_SHAPE;
    let batch: WireTraceBatch | WireLogBatch;
    try {
      const index = indexItems(shape, body);
      batch = signal === 'traces' ? new WireTraceBatch(body, index) : new WireLogBatch(body, index);
    } catch (err) {
      return fail(
        'TH_BAD_REQUEST',
        err instanceof WireError ? `malformed protobuf: ${err.message}` : 'malformed protobuf',
      );
    }
    const rejected = batch.index.invalid.length;
    const valid = batch.validCount;
    if (rejected > 0) m.refused[signal].inc({ transport, reason: 'invalid' }, rejected);
    const rejectMessage =
      rejected > 0 ? `${rejected} ${shape.itemName}(s) rejected: ${batch.index.invalidReason}` : undefined;
    if (valid === 0) return this.settle(signal, transport, 0, rejected, rejectMessage, []);

    const effects = new BatchEffects();
    if (!this.o.pipeline.empty) {
      const t0 = this.now();
      const run =
        batch instanceof WireTraceBatch
          ? await this.o.pipeline.runTraces(batch, effects)
          : await this.o.pipeline.runLogs(batch, effects);
      m.processorDuration.observe({ signal }, this.now() - t0);
      if (!run.ok) {
        effects.discard();
        // The batch is not forwarded: the client keeps it and retries (the runner already logged why).
        if (run.reason === 'failed') {
          m.refused[signal].inc({ transport, reason: 'stage_failed' }, valid);
          return fail('TH_STAGE_UNAVAILABLE', `stage ${run.stage} failed`, this.o.retryAfterSeconds);
        }
        m.refused[signal].inc({ transport, reason: 'stage_timeout' }, valid);
        return fail(
          'TH_STAGE_TIMEOUT',
          `stage ${run.stage} did not finish within ${run.timeoutMs} ms`,
          this.o.retryAfterSeconds,
        );
      }
    }

    if (this.expired) {
      effects.discard();
      m.refused[signal].inc({ transport, reason: 'shutdown' }, valid);
      return fail(
        'TH_SHUTTING_DOWN',
        'the shutdown deadline passed before the batch was forwarded',
        this.o.retryAfterSeconds,
      );
    }
    const results: ForwardResult[] = [];
    if (this.o.forwarder.enabled) {
      const unchanged = batch.unchanged();
      results.push(await this.o.forwarder.send(signal, batch.forwardBody(), unchanged ? gzipped : undefined));
    }
    const outcome = this.settle(signal, transport, valid, rejected, rejectMessage, results);
    if (!outcome.ok) {
      effects.discard();
      return outcome;
    }
    effects.commit();
    const emitted = batch.emittedLogs();
    if (emitted.length > 0 && this.o.forwarder.enabled && this.o.findingLogs) {
      m.emittedLogs.inc(emitted.length);
      this.o.findingLogs.enqueue(emitted);
      // The finding logs are now the queue's to deliver: a retry of this batch must not send them again.
      batch.logsDelivered();
    }
    return outcome;
  }

  private settle(
    signal: Signal,
    transport: ExportRequest['transport'],
    valid: number,
    rejected: number,
    rejectMessage: string | undefined,
    results: ForwardResult[],
  ): ExportOutcome {
    const m = this.o.metrics;
    const failed = results.find((r) => !r.ok);
    if (!failed || failed.ok) {
      if (results.length > 0 && valid > 0) m.sent[signal].inc(valid);
      if (valid > 0) m.accepted[signal].inc({ transport }, valid);
      return { ok: true, rejected, message: rejectMessage };
    }
    if (valid > 0) {
      m.sendFailed[signal].inc({ reason: failed.reason }, valid);
      m.refused[signal].inc(
        {
          transport,
          reason:
            failed.reason === 'shutdown' ? 'shutdown' : failed.retryable ? 'next_hop_unavailable' : 'next_hop_rejected',
        },
        valid,
      );
    }
    if (failed.reason === 'shutdown') return fail('TH_SHUTTING_DOWN', failed.message, this.o.retryAfterSeconds);
    this.warnThrottled(failed.retryable ? 'TH_NEXT_HOP_UNAVAILABLE' : 'TH_BAD_REQUEST', {
      signal,
      reason: failed.reason,
      status: failed.status,
    });
    if (failed.retryable) {
      const retry = Math.max(this.o.retryAfterSeconds, failed.retryAfterSeconds ?? 0);
      return fail('TH_NEXT_HOP_UNAVAILABLE', failed.message, retry);
    }
    return fail('TH_BAD_REQUEST', `the next hop rejected the data (${failed.message})`);
  }

  /** At most one warning per code every 10 s: a hop outage must not flood the logs. */
  private warnThrottled(code: string, fields: Record<string, unknown>): void {
    const t = this.now();
    const last = this.lastWarn.get(code);
    if (last !== undefined && t - last < 10) return;
    this.lastWarn.set(code, t);
    this.o.logger.warn({ code, ...fields }, `forwarding ${String(fields.signal)} failed`);
  }
}
