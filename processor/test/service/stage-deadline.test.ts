import * as grpc from '@grpc/grpc-js';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../src/log/logger.js';
import { silentLogger } from '../../src/log/logger.js';
import { createRegistry } from '../../src/metrics/registry.js';
import { WireTraceBatch } from '../../src/otlp/batch.js';
import { indexItems, TRACE_SHAPE } from '../../src/otlp/item-index.js';
import { Pipeline } from '../../src/pipeline/runner.js';
import type { PipelineStage } from '../../src/pipeline/stage.js';
import { createService } from '../../src/service/service.js';
import { createNextHop, makeSpans, metricValue, testConfig, type Running } from './helpers.js';

/**
 * A stage that never settles must not hang a request, pin memory or block shutdown: the stages of one batch share
 * server.stageTimeoutMs, past which the client gets 503 + Retry-After (TH_STAGE_TIMEOUT) and retries.
 */

function capturingLogger(lines: Array<Record<string, unknown>>): Logger {
  const l: Logger = {
    debug() {},
    info() {},
    warn: (o) => void lines.push(o),
    error: (o) => void lines.push(o),
    child: () => l,
  };
  return l;
}

/** A stage whose first `hangs` calls never settle (until `release()`), and which works normally afterwards. */
function hangingStage(
  hangs: number,
  name = 'stuck',
): PipelineStage & { calls: number; release(): void; flushHangs: boolean } {
  const pending: Array<() => void> = [];
  const stage = {
    name,
    calls: 0,
    flushHangs: false,
    processTraces(): void | Promise<void> {
      stage.calls++;
      if (stage.calls <= hangs) return new Promise<void>((resolve) => pending.push(resolve));
    },
    release() {
      for (const r of pending.splice(0)) r();
    },
    forceFlush: () => (stage.flushHangs ? new Promise<void>(() => {}) : Promise.resolve()),
    shutdown: async () => {},
  };
  return stage;
}

function traceBatch(): WireTraceBatch {
  const body = Buffer.from(ProtobufTraceSerializer.serializeRequest([])!);
  return new WireTraceBatch(body, indexItems(TRACE_SHAPE, body));
}

describe('Pipeline stage deadline', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('abandons a batch whose stage does not settle in time, and does not run later stages on it', async () => {
    vi.useFakeTimers();
    const lines: Array<Record<string, unknown>> = [];
    const stuck = hangingStage(1);
    const after = hangingStage(0, 'after');
    const p = new Pipeline([stuck, after], capturingLogger(lines), undefined, { stageTimeoutMs: 1000 });
    const run = p.runTraces(traceBatch());
    await vi.advanceTimersByTimeAsync(1000);
    expect(await run).toEqual({ ok: false, reason: 'timeout', stage: 'stuck', timeoutMs: 1000 });
    expect(after.calls).toBe(0);
    expect(lines).toContainEqual(
      expect.objectContaining({ code: 'TH_STAGE_TIMEOUT', stage: 'stuck', signal: 'traces' }),
    );
    expect(p.abandonedCalls).toBe(1);
    stuck.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.abandonedCalls).toBe(0);
    expect(await p.runTraces(traceBatch())).toEqual({ ok: true });
    expect(after.calls).toBe(1);
  });

  it('a synchronous stage always completes, however long it runs', async () => {
    vi.useFakeTimers();
    const slow: PipelineStage = {
      name: 'cpu-bound',
      processTraces: () => void vi.advanceTimersByTime(5000), // the clock moves past the deadline while it runs
      forceFlush: async () => {},
      shutdown: async () => {},
    };
    const p = new Pipeline([slow], silentLogger, undefined, { stageTimeoutMs: 10 });
    expect(await p.runTraces(traceBatch())).toEqual({ ok: true });
  });

  it('refuses new batches without running the stages while too many abandoned calls are pending (bounded memory)', async () => {
    vi.useFakeTimers();
    const stuck = hangingStage(2);
    const p = new Pipeline([stuck], silentLogger, undefined, { stageTimeoutMs: 50, maxAbandoned: 2 });
    for (let i = 0; i < 2; i++) {
      const run = p.runTraces(traceBatch());
      await vi.advanceTimersByTimeAsync(50);
      expect((await run).ok).toBe(false);
    }
    expect(await p.runTraces(traceBatch())).toEqual({ ok: false, reason: 'timeout', stage: 'stuck', timeoutMs: 50 });
    expect(stuck.calls).toBe(2);
    stuck.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(await p.runTraces(traceBatch())).toEqual({ ok: true });
    expect(stuck.calls).toBe(3);
  });

  it('a stage rejecting after it was abandoned causes no unhandled rejection; no deadline means wait', async () => {
    vi.useFakeTimers();
    let fail!: (e: Error) => void;
    const late: PipelineStage = {
      name: 'late',
      processTraces: () => new Promise<void>((_r, reject) => (fail = reject)),
      forceFlush: async () => {},
      shutdown: async () => {},
    };
    const p = new Pipeline([late], silentLogger, undefined, { stageTimeoutMs: 20 });
    const run = p.runTraces(traceBatch());
    await vi.advanceTimersByTimeAsync(20);
    expect((await run).ok).toBe(false);
    fail(new Error('too late'));
    await vi.advanceTimersByTimeAsync(0);
    expect(p.abandonedCalls).toBe(0);

    const patient = new Pipeline([late], silentLogger); // no stageTimeoutMs: the batch waits for the stage
    let settled = false;
    const waiting = patient.runTraces(traceBatch()).then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
    fail(new Error('finally'));
    // A rejection is a stage failure, not a timeout: the batch is refused all the same (fail closed).
    expect(await waiting).toEqual({ ok: false, reason: 'failed', stage: 'late' });
  });
});

describe('service with a stage that never settles', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function setup(stage: PipelineStage, lines: Array<Record<string, unknown>>, shutdownTimeoutMs = 5000) {
    const hop = createNextHop();
    await hop.listen();
    cleanup.push(() => hop.close());
    const config = testConfig({ endpoint: hop.url }, { stageTimeoutMs: 100, shutdownTimeoutMs });
    const service = createService({
      config,
      stages: [stage],
      logger: capturingLogger(lines),
      registry: createRegistry(),
    });
    const { httpPort, grpcPort } = await service.start();
    const svc: Running = {
      service,
      httpUrl: `http://127.0.0.1:${httpPort}`,
      grpcUrl: `http://127.0.0.1:${grpcPort}`,
      stop: async () => {
        await service.shutdown();
      },
    };
    cleanup.push(() => svc.stop());
    return { hop, svc };
  }

  it('HTTP → 503 + Retry-After TH_STAGE_TIMEOUT, nothing forwarded; counted and logged with the code', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const { hop, svc } = await setup(hangingStage(Infinity), lines);
    const res = await fetch(`${svc.httpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: ProtobufTraceSerializer.serializeRequest(await makeSpans(4))!,
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('x-tracehound-error')).toBe('TH_STAGE_TIMEOUT');
    expect(hop.received).toBe(0);
    expect(await metricValue(svc.service, 'tracehound_receiver_refused_spans_total', { reason: 'stage_timeout' })).toBe(
      4,
    );
    expect(await metricValue(svc.service, 'tracehound_receiver_requests_total', { code: 'TH_STAGE_TIMEOUT' })).toBe(1);
    expect(await metricValue(svc.service, 'tracehound_inflight_bytes')).toBe(0);
    expect(lines).toContainEqual(expect.objectContaining({ code: 'TH_STAGE_TIMEOUT', stage: 'stuck' }));
  });

  it('gRPC → UNAVAILABLE carrying TH_STAGE_TIMEOUT', async () => {
    const { svc } = await setup(hangingStage(Infinity), []);
    const client = new grpc.Client(svc.grpcUrl.replace('http://', ''), grpc.credentials.createInsecure());
    const body = Buffer.from(ProtobufTraceSerializer.serializeRequest(await makeSpans(1))!);
    const err = await new Promise<grpc.ServiceError | null>((resolve) =>
      client.makeUnaryRequest(
        '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
        (b: Buffer) => b,
        (b: Buffer) => b,
        body,
        (e) => resolve(e),
      ),
    );
    client.close();
    expect(err?.code).toBe(grpc.status.UNAVAILABLE);
    expect(err?.details).toContain('TH_STAGE_TIMEOUT');
  });

  it('the official exporter retries after the timeout and the batch is delivered once, as sent', async () => {
    const stage = hangingStage(1);
    const { hop, svc } = await setup(stage, []);
    const spans = await makeSpans(3);
    const exporter = new ProtoTraceExporter({ url: `${svc.httpUrl}/v1/traces`, timeoutMillis: 10_000 });
    const result = await new Promise<ExportResult>((r) => exporter.export(spans, r));
    await exporter.shutdown();
    expect(result.code).toBe(ExportResultCode.SUCCESS);
    expect(stage.calls).toBe(2);
    expect(hop.requests).toHaveLength(1);
    expect(Buffer.compare(hop.requests[0].body, Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!))).toBe(0);
  });

  it('shutdown completes although stage calls are still pending and the stage flush never settles', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const stage = hangingStage(Infinity);
    stage.flushHangs = true;
    const { svc } = await setup(stage, lines, 200);
    const res = await fetch(`${svc.httpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: ProtobufTraceSerializer.serializeRequest(await makeSpans(1))!,
    });
    expect(res.status).toBe(503);
    await svc.stop(); // resolves: the stage shutdown is bounded by the drain deadline
    expect(svc.service.ready).toBe(false);
    expect(lines).toContainEqual(expect.objectContaining({ code: 'TH_STAGE_FAILED', op: 'shutdown' }));
  });
});
