import zlib from 'node:zlib';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../src/otlp/proto.js';
import {
  createNextHop,
  makeSpans,
  metricValue,
  startService,
  testConfig,
  type NextHop,
  type Running,
} from '../service/helpers.js';

function exportWith(
  exporter: { export(s: ReadableSpan[], cb: (r: ExportResult) => void): void },
  spans: ReadableSpan[],
): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export(spans, resolve));
}

interface DecodedSpan {
  name: string;
  spanId: Uint8Array;
  attributes: { key: string; value: { stringValue?: string } }[];
}
function decodeSpans(body: Buffer): DecodedSpan[] {
  const req = T.ExportTraceServiceRequest.decode(body) as unknown as {
    resourceSpans: { scopeSpans: { spans: DecodedSpan[] }[] }[];
  };
  return req.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
}

describe('OTLP/HTTP receiver, pass-through', () => {
  let hop: NextHop;
  let svc: Running;
  beforeAll(async () => {
    hop = createNextHop();
    await hop.listen();
    svc = await startService(testConfig({ endpoint: hop.url }));
  });
  afterAll(async () => {
    await svc.stop();
    await hop.close();
  });

  it('forwards protobuf from the official exporter byte for byte', async () => {
    const spans = await makeSpans(5);
    const before = hop.requests.length;
    const result = await exportWith(new ProtoTraceExporter({ url: `${svc.httpUrl}/v1/traces` }), spans);
    expect(result.code).toBe(ExportResultCode.SUCCESS);
    const got = hop.requests[before];
    expect(got.path).toBe('/v1/traces');
    expect(got.headers['content-type']).toBe('application/x-protobuf');
    expect(Buffer.compare(got.body, Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!))).toBe(0);
    expect(await metricValue(svc.service, 'tracehound_receiver_accepted_spans_total')).toBeGreaterThanOrEqual(5);
  });

  it('accepts OTLP/JSON (hex ids) and forwards the same spans as protobuf', async () => {
    const spans = await makeSpans(3);
    const before = hop.requests.length;
    const result = await exportWith(new JsonTraceExporter({ url: `${svc.httpUrl}/v1/traces` }), spans);
    expect(result.code).toBe(ExportResultCode.SUCCESS);
    const forwarded = decodeSpans(hop.requests[before].body);
    const expected = decodeSpans(Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!));
    expect(forwarded.map((s) => Buffer.from(s.spanId).toString('hex'))).toEqual(
      spans.map((s) => s.spanContext().spanId),
    );
    const plain = (b: Uint8Array): unknown =>
      T.ExportTraceServiceRequest.toObject(T.ExportTraceServiceRequest.decode(b), {
        bytes: String,
        longs: String,
        defaults: false,
      });
    expect(plain(hop.requests[before].body)).toEqual(plain(ProtobufTraceSerializer.serializeRequest(spans)!));
    expect(forwarded).toHaveLength(expected.length);
  });

  it('accepts gzip from the official exporter and forwards the decompressed request', async () => {
    const spans = await makeSpans(4);
    const before = hop.requests.length;
    const exporter = new ProtoTraceExporter({ url: `${svc.httpUrl}/v1/traces`, compression: 'gzip' as never });
    expect((await exportWith(exporter, spans)).code).toBe(ExportResultCode.SUCCESS);
    expect(
      Buffer.compare(hop.requests[before].body, Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!)),
    ).toBe(0);
  });

  it('answers partial_success for spans with invalid ids and forwards the rest', async () => {
    const spans = await makeSpans(3);
    const json = JSON.parse(
      new TextDecoder().decode(
        (await import('@opentelemetry/otlp-transformer')).JsonTraceSerializer.serializeRequest(spans)!,
      ),
    ) as { resourceSpans: { scopeSpans: { spans: { spanId: string; name: string }[] }[] }[] };
    json.resourceSpans[0].scopeSpans[0].spans[1].spanId = 'abcd'; // 2 bytes: invalid
    const before = hop.requests.length;
    const res = await fetch(`${svc.httpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const answer = (await res.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(answer.partialSuccess.rejectedSpans).toBe('1');
    expect(answer.partialSuccess.errorMessage).toContain('span_id');
    const names = decodeSpans(hop.requests[before].body).map((s) => s.name);
    expect(names).toEqual([spans[0].name, spans[2].name]);
    expect(await metricValue(svc.service, 'tracehound_receiver_refused_spans_total', { reason: 'invalid' })).toBe(1);
  });

  it('answers partial_success in protobuf for protobuf requests', async () => {
    const spans = await makeSpans(2);
    const req = T.ExportTraceServiceRequest.decode(ProtobufTraceSerializer.serializeRequest(spans)!) as unknown as {
      resourceSpans: { scopeSpans: { spans: { traceId: Uint8Array }[] }[] }[];
    };
    req.resourceSpans[0].scopeSpans[0].spans[0].traceId = new Uint8Array(0);
    const res = await fetch(`${svc.httpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: T.ExportTraceServiceRequest.encode(req).finish(),
    });
    expect(res.status).toBe(200);
    const answer = T.ExportTraceServiceResponse.decode(new Uint8Array(await res.arrayBuffer())) as unknown as {
      partialSuccess: { rejectedSpans: { toNumber(): number }; errorMessage: string };
    };
    expect(Number(answer.partialSuccess.rejectedSpans.toString())).toBe(1);
    expect(answer.partialSuccess.errorMessage).toContain('trace_id');
  });

  it('passes /v1/metrics through untouched', async () => {
    const body = T.ExportTraceServiceRequest.encode({}).finish(); // any valid bytes: an empty metrics request
    const payload = Buffer.concat([Buffer.from(body), Buffer.from([0x0a, 0x00, 0xa0, 0x06, 0x01])]); // empty ResourceMetrics + unknown field 100
    const before = hop.requests.length;
    const res = await fetch(`${svc.httpUrl}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: payload,
    });
    expect(res.status).toBe(200);
    expect(hop.requests[before].path).toBe('/v1/metrics');
    expect(Buffer.compare(hop.requests[before].body, payload)).toBe(0);
  });
});

describe('OTLP/HTTP receiver, error matrix', () => {
  let svc: Running;
  let hop: NextHop;
  beforeAll(async () => {
    hop = createNextHop();
    await hop.listen();
    svc = await startService(testConfig({ endpoint: hop.url }, { maxBodyBytes: 64 * 1024, authToken: 's3cret-token' }));
  });
  afterAll(async () => {
    await svc.stop();
    await hop.close();
  });

  const auth = { authorization: 'Bearer s3cret-token' };
  const post = (path: string, headers: Record<string, string>, body: Uint8Array | string): Promise<Response> =>
    fetch(`${svc.httpUrl}${path}`, { method: 'POST', headers, body });

  async function validBody(): Promise<Buffer> {
    return Buffer.from(ProtobufTraceSerializer.serializeRequest(await makeSpans(2))!);
  }

  it('401 without or with a wrong bearer token, in the request content type', async () => {
    const body = await validBody();
    const none = await post('/v1/traces', { 'content-type': 'application/json' }, '{}');
    expect(none.status).toBe(401);
    expect(((await none.json()) as { message: string }).message).toContain('TH_UNAUTHORIZED');
    const wrong = await post(
      '/v1/traces',
      { 'content-type': 'application/x-protobuf', authorization: 'Bearer nope' },
      body,
    );
    expect(wrong.status).toBe(401);
    const status = T.Status.decode(new Uint8Array(await wrong.arrayBuffer())) as unknown as {
      code: number;
      message: string;
    };
    expect(status.code).toBe(16);
    expect(status.message).toContain('TH_UNAUTHORIZED');
    const ok = await post('/v1/traces', { 'content-type': 'application/x-protobuf', ...auth }, body);
    expect(ok.status).toBe(200);
  });

  it('400 for truncated protobuf with a clear message', async () => {
    const body = await validBody();
    const res = await post(
      '/v1/traces',
      { 'content-type': 'application/x-protobuf', ...auth },
      body.subarray(0, body.length - 7),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('x-tracehound-error')).toBe('TH_BAD_REQUEST');
    const status = T.Status.decode(new Uint8Array(await res.arrayBuffer())) as unknown as {
      code: number;
      message: string;
    };
    expect(status.code).toBe(3);
    expect(status.message).toMatch(/malformed protobuf/);
  });

  it('400 for invalid JSON and for JSON of the wrong shape, never quoting the body', async () => {
    const bad = await post(
      '/v1/traces',
      { 'content-type': 'application/json', ...auth },
      '{"resourceSpans": [ secret-prompt',
    );
    expect(bad.status).toBe(400);
    const msg = ((await bad.json()) as { message: string }).message;
    expect(msg).toContain('not valid JSON');
    expect(msg).not.toContain('secret-prompt');
    const shape = await post('/v1/traces', { 'content-type': 'application/json', ...auth }, '{"resourceSpans": 5}');
    expect(shape.status).toBe(400);
  });

  it('415 for unknown content type and unknown encoding', async () => {
    const ct = await post('/v1/traces', { 'content-type': 'text/plain', ...auth }, 'hello');
    expect(ct.status).toBe(415);
    expect(((await ct.json()) as { message: string }).message).toContain('TH_UNSUPPORTED_MEDIA_TYPE');
    const enc = await post(
      '/v1/traces',
      { 'content-type': 'application/x-protobuf', 'content-encoding': 'br', ...auth },
      await validBody(),
    );
    expect(enc.status).toBe(415);
  });

  it('413 for oversize bodies, before and after decompression (gzip bomb)', async () => {
    const big = await post(
      '/v1/traces',
      { 'content-type': 'application/x-protobuf', ...auth },
      Buffer.alloc(65 * 1024),
    );
    expect(big.status).toBe(413);
    const bomb = zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024)); // 8 MiB of zeros in ~8 KB, limit is 64 KiB
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await post(
      '/v1/traces',
      { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip', ...auth },
      bomb,
    );
    expect(res.status).toBe(413);
    expect(res.headers.get('x-tracehound-error')).toBe('TH_BODY_TOO_LARGE');
  });

  it('400 for a corrupt gzip body', async () => {
    const res = await post(
      '/v1/traces',
      { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip', ...auth },
      Buffer.from('not gzip at all'),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('x-tracehound-error')).toBe('TH_BAD_GZIP');
  });

  it('404 with a catalogue code on unknown paths', async () => {
    const res = await post('/v1/nope', { 'content-type': 'application/json', ...auth }, '{}');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-tracehound-error')).toBe('TH_NOT_FOUND');
  });

  it('serves healthz, readyz and metrics', async () => {
    expect((await fetch(`${svc.httpUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${svc.httpUrl}/readyz`)).status).toBe(200);
    const text = await (await fetch(`${svc.httpUrl}/metrics`)).text();
    expect(text).toContain('tracehound_receiver_accepted_spans_total');
    expect(text).toContain('tracehound_inflight_bytes');
    expect(text).toContain('tracehound_processor_duration_seconds');
  });
});
