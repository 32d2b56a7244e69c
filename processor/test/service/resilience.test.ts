import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { T } from '../../src/otlp/proto.js';
import {
  createNextHop,
  freePort,
  grpcExport,
  makeSpans,
  metricValue,
  startService,
  testConfig,
  until,
  type NextHop,
  type Running,
} from './helpers.js';

const exportWith = (e: ProtoTraceExporter, spans: ReadableSpan[]): Promise<ExportResult> =>
  new Promise((r) => e.export(spans, r));
const post = (url: string, body: Uint8Array): Promise<Response> =>
  fetch(`${url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body });

describe('next hop failures and back-pressure', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  async function setup(
    forward: Parameters<typeof testConfig>[0],
    server: Parameters<typeof testConfig>[1] = {},
  ): Promise<Running> {
    const svc = await startService(testConfig(forward, server));
    cleanup.push(() => svc.stop());
    return svc;
  }

  it('next hop down → 503 + Retry-After; it comes back, the official exporter retries, every span arrives as sent', async () => {
    const port = await freePort();
    const svc = await setup({ endpoint: `http://127.0.0.1:${port}` });
    const spans = await makeSpans(20);
    const direct = await post(svc.httpUrl, ProtobufTraceSerializer.serializeRequest(spans)!);
    expect(direct.status).toBe(503);
    expect(direct.headers.get('retry-after')).toBe('1');
    expect(direct.headers.get('x-tracehound-error')).toBe('TH_NEXT_HOP_UNAVAILABLE');

    const failedBefore = await metricValue(svc.service, 'tracehound_exporter_send_failed_spans_total');
    const exporting = exportWith(
      new ProtoTraceExporter({ url: `${svc.httpUrl}/v1/traces`, timeoutMillis: 15_000 }),
      spans,
    );
    await until(
      async () => (await metricValue(svc.service, 'tracehound_exporter_send_failed_spans_total')) > failedBefore,
      'a refused attempt',
    );
    const hop = createNextHop();
    await hop.listen(port);
    cleanup.push(() => hop.close());
    expect((await exporting).code).toBe(ExportResultCode.SUCCESS);
    expect(hop.requests).toHaveLength(1);
    expect(Buffer.compare(hop.requests[0].body, Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!))).toBe(0);
  });

  it('next hop 503/429 → 503 with the larger Retry-After; 5xx is retryable, never a 500', async () => {
    const hop = createNextHop();
    await hop.listen();
    cleanup.push(() => hop.close());
    const svc = await setup({ endpoint: hop.url });
    const body = ProtobufTraceSerializer.serializeRequest(await makeSpans(1))!;
    for (const [status, retryAfter, expected] of [
      [503, '7', '7'],
      [429, undefined, '1'],
      [500, undefined, '1'],
    ] as const) {
      hop.respond = () => ({
        status,
        headers: retryAfter ? { 'retry-after': retryAfter } : ({} as Record<string, string>),
      });
      const res = await post(svc.httpUrl, body);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe(expected);
    }
  });

  it('a permanent 4xx from the next hop → 400 carrying its message', async () => {
    const hop = createNextHop();
    await hop.listen();
    cleanup.push(() => hop.close());
    const svc = await setup({ endpoint: hop.url });
    hop.respond = () => ({ status: 400, body: JSON.stringify({ code: 3, message: 'field xyz is bad' }) });
    const res = await post(svc.httpUrl, ProtobufTraceSerializer.serializeRequest(await makeSpans(1))!);
    expect(res.status).toBe(400);
    const status = T.Status.decode(new Uint8Array(await res.arrayBuffer())) as unknown as { message: string };
    expect(status.message).toContain('field xyz is bad');
  });

  it('in-flight budget exhausted → 429 + Retry-After; the request alone in flight always passes', async () => {
    const hop = createNextHop();
    await hop.listen();
    cleanup.push(() => hop.close());
    const body = ProtobufTraceSerializer.serializeRequest(await makeSpans(30))!;
    const svc = await setup({ endpoint: hop.url }, { maxInFlightBytes: 100 });
    let release!: () => void;
    hop.gate = new Promise((r) => (release = r));
    const first = post(svc.httpUrl, body); // larger than the budget, but alone: accepted
    await until(() => hop.received >= 1, 'the first request at the hop');
    const second = await post(svc.httpUrl, body);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
    // Over gRPC the call is refused before its message is read (grpc-js would otherwise inflate it first).
    const grpcAnswer = await grpcExport(svc.grpcUrl.replace('http://', ''), 'traces', Buffer.from(body));
    expect(grpcAnswer.code).toBe(8); // RESOURCE_EXHAUSTED, retried by the Collector
    expect(grpcAnswer.details).toContain('TH_OVERLOADED');
    release();
    expect((await first).status).toBe(200);
    expect(await metricValue(svc.service, 'tracehound_inflight_bytes')).toBe(0);
  });

  it('with no next hop (embedded default) data is acknowledged once the pipeline ran', async () => {
    const svc = await setup({ endpoint: '' });
    const res = await post(svc.httpUrl, ProtobufTraceSerializer.serializeRequest(await makeSpans(3))!);
    expect(res.status).toBe(200);
    expect(await metricValue(svc.service, 'tracehound_receiver_accepted_spans_total')).toBe(3);
  });
});

describe('graceful shutdown', () => {
  let hop: NextHop;
  it('drains requests in flight, refuses new ones, reports not ready', async () => {
    hop = createNextHop();
    await hop.listen();
    const svc = await startService(testConfig({ endpoint: hop.url }, { shutdownTimeoutMs: 10_000 }));
    const body = ProtobufTraceSerializer.serializeRequest(await makeSpans(5))!;
    let release!: () => void;
    hop.gate = new Promise((r) => (release = r));
    const inflight = [post(svc.httpUrl, body), post(svc.httpUrl, body)];
    await until(() => hop.received >= 2, 'both requests at the hop');
    expect(svc.service.ready).toBe(true);
    const stopping = svc.service.shutdown();
    expect(svc.service.ready).toBe(false);
    const late = await post(svc.httpUrl, body).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(late === 'refused' || late === 503).toBe(true);
    release();
    const answers = await Promise.all(inflight);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    await stopping;
    expect(hop.requests).toHaveLength(2);
    await hop.close();
  });
});
