import * as grpc from '@grpc/grpc-js';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtoLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
  type ReadableLogRecord,
} from '@opentelemetry/sdk-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/log/logger.js';
import { createRegistry } from '../../src/metrics/registry.js';
import { T } from '../../src/otlp/proto.js';
import type { LogBatch, TraceBatch } from '@tracehound/core';
import type { PipelineStage } from '../../src/pipeline/stage.js';
import { createService } from '../../src/service/service.js';
import {
  createNextHop,
  freePort,
  makeSpans,
  metricValue,
  startService,
  testConfig,
  until,
  type NextHop,
  type Running,
} from './helpers.js';

const done = (f: (cb: (r: ExportResult) => void) => void): Promise<ExportResult> => new Promise((r) => f(r));

async function makeLogs(n: number): Promise<ReadableLogRecord[]> {
  const memory = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': 'chat-app' }),
    processors: [new SimpleLogRecordProcessor({ exporter: memory })],
  });
  const logger = provider.getLogger('gen-ai-events');
  for (let i = 0; i < n; i++) {
    logger.emit({
      eventName: 'gen_ai.user.message',
      severityNumber: SeverityNumber.INFO,
      body: { content: `hello ${i}` },
      attributes: { i },
    });
  }
  await provider.forceFlush();
  const records = memory.getFinishedLogRecords();
  await provider.shutdown();
  return records;
}

function rawExport(
  address: string,
  signal: 'trace' | 'logs',
  body: Buffer,
  metadata = new grpc.Metadata(),
): Promise<{ code: number; details: string }> {
  const path =
    signal === 'trace'
      ? '/opentelemetry.proto.collector.trace.v1.TraceService/Export'
      : '/opentelemetry.proto.collector.logs.v1.LogsService/Export';
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      path,
      (b: Buffer) => b,
      (b: Buffer) => b,
      body,
      metadata,
      (err) => {
        client.close();
        resolve(err ? { code: err.code, details: err.details } : { code: 0, details: '' });
      },
    );
  });
}

describe('OTLP/gRPC receiver', () => {
  let hop: NextHop;
  let svc: Running;
  beforeAll(async () => {
    hop = createNextHop();
    await hop.listen();
    svc = await startService(testConfig({ endpoint: hop.url }, { authToken: 'grpc-token' }));
  });
  afterAll(async () => {
    await svc.stop();
    await hop.close();
  });
  const address = (): string => svc.grpcUrl.replace('http://', '');

  it('receives from the official gRPC exporter and forwards the same bytes over OTLP/HTTP', async () => {
    const spans = await makeSpans(6);
    const metadata = new grpc.Metadata();
    metadata.set('authorization', 'Bearer grpc-token');
    const exporter = new GrpcTraceExporter({ url: svc.grpcUrl, metadata });
    const before = hop.requests.length;
    const result = await done((cb) => exporter.export(spans, cb));
    expect(result.code).toBe(ExportResultCode.SUCCESS);
    await exporter.shutdown();
    expect(hop.requests[before].path).toBe('/v1/traces');
    expect(
      Buffer.compare(hop.requests[before].body, Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!)),
    ).toBe(0);
    expect(await metricValue(svc.service, 'tracehound_receiver_accepted_spans_total', { transport: 'grpc' })).toBe(6);
  });

  it('maps errors to gRPC codes: UNAUTHENTICATED, INVALID_ARGUMENT', async () => {
    const body = Buffer.from(ProtobufTraceSerializer.serializeRequest(await makeSpans(1))!);
    expect((await rawExport(address(), 'trace', body)).code).toBe(grpc.status.UNAUTHENTICATED);
    const md = new grpc.Metadata();
    md.set('authorization', 'Bearer grpc-token');
    const bad = await rawExport(address(), 'trace', body.subarray(0, body.length - 3), md);
    expect(bad.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(bad.details).toContain('TH_BAD_REQUEST');
  });

  it('next hop down → UNAVAILABLE', async () => {
    const port = await freePort();
    const down = await startService(testConfig({ endpoint: `http://127.0.0.1:${port}` }));
    try {
      const body = Buffer.from(ProtobufTraceSerializer.serializeRequest(await makeSpans(1))!);
      const res = await rawExport(down.grpcUrl.replace('http://', ''), 'trace', body);
      expect(res.code).toBe(grpc.status.UNAVAILABLE);
      expect(res.details).toContain('TH_NEXT_HOP_UNAVAILABLE');
    } finally {
      await down.stop();
    }
  });
});

describe('logs, emitted findings and failing stages', () => {
  let hop: NextHop;
  let svc: Running;
  const logged: Array<Record<string, unknown>> = [];
  const capture: Logger = {
    debug() {},
    info() {},
    warn() {},
    error(obj) {
      logged.push(obj);
    },
    child() {
      return capture;
    },
  };
  const finder: PipelineStage = {
    name: 'finder',
    processTraces(batch: TraceBatch) {
      const first = batch.spans()[0];
      batch.emitLogs([
        {
          timeUnixNano: 1_700_000_000_000_000_000n,
          traceId: first.view.traceId,
          spanId: first.view.spanId,
          eventName: 'tracehound.finding',
          severityNumber: 17,
          severityText: 'ERROR',
          body: 'prompt injection',
          attributes: { 'rule.id': 'TH-PI-001', 'event.kind': 'alert' },
          resource: { 'service.name': 'chat-app' },
        },
      ]);
    },
    processLogs(batch: LogBatch) {
      for (const { index, view } of batch.logs())
        if (view.eventName === 'gen_ai.user.message') batch.setLogAttributes(index, { seen: true });
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  /** Fails while set (on traces synchronously, on logs asynchronously). */
  let failing = false;
  const thrower: PipelineStage = {
    name: 'thrower',
    processTraces(batch: TraceBatch) {
      if (!failing) return;
      batch.setSpanAttributes(batch.spans()[0].ref, { half: 'done' });
      batch.emitLogs([]);
      throw new SyntaxError('Unexpected token in "secret prompt text"');
    },
    async processLogs() {
      if (failing) throw new Error('async failure');
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };

  beforeAll(async () => {
    hop = createNextHop();
    await hop.listen();
    const service = createService({
      config: testConfig({ endpoint: hop.url }),
      stages: [thrower, finder],
      logger: capture,
      registry: createRegistry(),
    });
    const { httpPort, grpcPort } = await service.start();
    svc = {
      service,
      httpUrl: `http://127.0.0.1:${httpPort}`,
      grpcUrl: `http://127.0.0.1:${grpcPort}`,
      stop: async () => {
        await service.shutdown();
      },
    };
  });
  afterAll(async () => {
    await svc.stop();
    await hop.close();
  });

  it('a throwing stage fails closed: nothing forwarded, 503 + Retry-After, counted and logged without content', async () => {
    const spans = await makeSpans(3);
    const body = ProtobufTraceSerializer.serializeRequest(spans)!;
    hop.requests.length = 0;
    failing = true;
    const res = await fetch(`${svc.httpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body,
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('x-tracehound-error')).toBe('TH_STAGE_UNAVAILABLE');
    expect(res.headers.get('retry-after')).toBe('1');
    const grpcAnswer = await rawExport(svc.grpcUrl.replace('http://', ''), 'trace', Buffer.from(body));
    expect(grpcAnswer.code).toBe(grpc.status.UNAVAILABLE);
    expect(grpcAnswer.details).toContain('TH_STAGE_UNAVAILABLE');
    expect(hop.requests).toHaveLength(0); // neither the batch nor a finding left
    expect(
      await metricValue(svc.service, 'tracehound_stage_errors_total', { stage: 'thrower', signal: 'traces' }),
    ).toBe(2);
    expect(await metricValue(svc.service, 'tracehound_receiver_refused_spans_total', { reason: 'stage_failed' })).toBe(
      6,
    );
    const line = logged.find((l) => l.code === 'TH_STAGE_FAILED' && l.stage === 'thrower');
    expect(line).toMatchObject({ answer: 'TH_STAGE_UNAVAILABLE', errorType: 'SyntaxError' });
    expect(JSON.stringify(logged)).not.toContain('secret prompt');

    // Once the stage works again the client's retry goes through, edits and all.
    failing = false;
    const retry = await fetch(`${svc.httpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body,
    });
    expect(retry.status).toBe(200);
    expect(hop.requests.filter((r) => r.path === '/v1/traces')).toHaveLength(1);
  });

  it('emitted finding logs go to the next hop /v1/logs with the batch', async () => {
    const spans = await makeSpans(2);
    hop.requests.length = 0;
    await fetch(`${svc.httpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: ProtobufTraceSerializer.serializeRequest(spans)!,
    });
    // Finding records of the acknowledged batch follow through their own queue.
    await until(() => hop.requests.some((r) => r.path === '/v1/logs'), 'the finding logs at the hop');
    const logs = hop.requests.find((r) => r.path === '/v1/logs')!;
    const decoded = T.ExportLogsServiceRequest.toObject(T.ExportLogsServiceRequest.decode(logs.body), {
      bytes: String,
      longs: String,
    }) as {
      resourceLogs: {
        resource: { attributes: unknown[] };
        scopeLogs: { scope: { name: string }; logRecords: Record<string, unknown>[] }[];
      }[];
    };
    const rec = decoded.resourceLogs[0].scopeLogs[0].logRecords[0];
    expect(decoded.resourceLogs[0].scopeLogs[0].scope.name).toBe('tracehound');
    expect(rec.eventName).toBe('tracehound.finding');
    expect(Buffer.from(rec.spanId as string, 'base64').toString('hex')).toBe(spans[0].spanContext().spanId);
    expect(rec.body).toEqual({ stringValue: 'prompt injection' });
    expect(await metricValue(svc.service, 'tracehound_emitted_log_records_total')).toBeGreaterThanOrEqual(1);
  });

  it('accepts logs from the official protobuf and JSON log exporters and applies log attribute edits', async () => {
    const records = await makeLogs(3);
    failing = false;
    for (const exporter of [
      new ProtoLogExporter({ url: `${svc.httpUrl}/v1/logs` }),
      new JsonLogExporter({ url: `${svc.httpUrl}/v1/logs` }),
    ]) {
      hop.requests.length = 0;
      const result = await done((cb) => exporter.export(records, cb));
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      const data = hop.requests.find((r) => !r.body.includes(Buffer.from('tracehound.finding')))!;
      const got = T.ExportLogsServiceRequest.toObject(T.ExportLogsServiceRequest.decode(data.body), {
        longs: String,
      }) as {
        resourceLogs: { scopeLogs: { logRecords: { eventName: string; attributes: { key: string }[] }[] }[] }[];
      };
      const recs = got.resourceLogs[0].scopeLogs[0].logRecords;
      expect(recs).toHaveLength(3);
      expect(
        recs.every((r) => r.eventName === 'gen_ai.user.message' && r.attributes.some((a) => a.key === 'seen')),
      ).toBe(true);
    }
    // A failing logs stage refuses the batch too (asynchronous rejection included).
    failing = true;
    const refused = await done((cb) =>
      new ProtoLogExporter({ url: `${svc.httpUrl}/v1/logs`, timeoutMillis: 1500 }).export(records, cb),
    );
    expect(refused.code).toBe(ExportResultCode.FAILED);
    expect(
      await metricValue(svc.service, 'tracehound_stage_errors_total', { stage: 'thrower', signal: 'logs' }),
    ).toBeGreaterThanOrEqual(1);
    failing = false;
  });
});
