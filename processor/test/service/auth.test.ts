import * as grpc from '@grpc/grpc-js';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBearer } from '../../src/otlp/auth.js';
import {
  createNextHop,
  makeSpans,
  metricValue,
  startService,
  testConfig,
  type NextHop,
  type Running,
} from './helpers.js';

/** server.authToken on both receivers, exercised with the official exporters and raw clients. */

const TOKEN = 'a-long-enough-bearer-token';
const exported = (
  e: { export(s: ReadableSpan[], cb: (r: ExportResult) => void): void },
  spans: ReadableSpan[],
): Promise<ExportResult> => new Promise((r) => e.export(spans, r));

function grpcCode(address: string, body: Buffer, authorization?: string): Promise<number> {
  const md = new grpc.Metadata();
  if (authorization !== undefined) md.set('authorization', authorization);
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
      (b: Buffer) => b,
      (b: Buffer) => b,
      body,
      md,
      (err) => {
        client.close();
        resolve(err ? err.code : 0);
      },
    );
  });
}

describe('checkBearer', () => {
  it('accepts only the configured token with the Bearer scheme (any case); no token configured = open', () => {
    expect(checkBearer(TOKEN, `Bearer ${TOKEN}`)).toBe(true);
    expect(checkBearer(TOKEN, `bearer  ${TOKEN} `)).toBe(true);
    expect(checkBearer(TOKEN, [`Bearer ${TOKEN}`])).toBe(true);
    for (const bad of [
      undefined,
      '',
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      'Bearer ',
    ]) {
      expect(checkBearer(TOKEN, bad), String(bad)).toBe(false);
    }
    expect(checkBearer(undefined, undefined)).toBe(true);
  });
});

describe('bearer-token auth on both receivers', () => {
  let hop: NextHop;
  let svc: Running;
  beforeAll(async () => {
    hop = createNextHop();
    await hop.listen();
    svc = await startService(testConfig({ endpoint: hop.url }, { authToken: TOKEN }));
  });
  afterAll(async () => {
    await svc.stop();
    await hop.close();
  });

  it('OTLP/HTTP: the official exporter with the token delivers; a wrong token fails and nothing is forwarded', async () => {
    const spans = await makeSpans(2);
    const wrong = new ProtoTraceExporter({
      url: `${svc.httpUrl}/v1/traces`,
      headers: { Authorization: 'Bearer not-the-token' },
    });
    const before = hop.received;
    expect((await exported(wrong, spans)).code).toBe(ExportResultCode.FAILED);
    await wrong.shutdown();
    expect(hop.received).toBe(before);
    expect(await metricValue(svc.service, 'tracehound_receiver_accepted_spans_total')).toBe(0);

    const right = new ProtoTraceExporter({
      url: `${svc.httpUrl}/v1/traces`,
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect((await exported(right, spans)).code).toBe(ExportResultCode.SUCCESS);
    await right.shutdown();
    expect(hop.received).toBe(before + 1);
  });

  it('OTLP/gRPC: missing, wrong or non-Bearer credentials → UNAUTHENTICATED; the official exporter with the token delivers', async () => {
    const address = svc.grpcUrl.replace('http://', '');
    const body = Buffer.from(ProtobufTraceSerializer.serializeRequest(await makeSpans(1))!);
    const before = hop.received;
    for (const auth of [undefined, 'Bearer not-the-token', `Basic ${TOKEN}`, TOKEN]) {
      expect(await grpcCode(address, body, auth), String(auth)).toBe(grpc.status.UNAUTHENTICATED);
    }
    expect(hop.received).toBe(before);

    const metadata = new grpc.Metadata();
    metadata.set('authorization', `Bearer ${TOKEN}`);
    const exporter = new GrpcTraceExporter({ url: svc.grpcUrl, metadata });
    expect((await exported(exporter, await makeSpans(2))).code).toBe(ExportResultCode.SUCCESS);
    await exporter.shutdown();
    expect(hop.received).toBe(before + 1);
  });

  it('health and readiness probes need no token; /metrics neither unless server.metricsAuth', async () => {
    expect((await fetch(`${svc.httpUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${svc.httpUrl}/readyz`)).status).toBe(200);
    expect((await fetch(`${svc.httpUrl}/metrics`)).status).toBe(200);
  });

  it('the scheme is case-insensitive and the token trimmed the same way over HTTP and gRPC', async () => {
    const address = svc.grpcUrl.replace('http://', '');
    const body = Buffer.from(ProtobufTraceSerializer.serializeRequest(await makeSpans(1))!);
    const http = (authorization: string) =>
      fetch(`${svc.httpUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf', authorization },
        body,
      }).then((r) => r.status);
    for (const auth of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `BEARER ${TOKEN}`, `Bearer   ${TOKEN}`]) {
      expect(await http(auth), `HTTP ${JSON.stringify(auth)}`).toBe(200);
      expect(await grpcCode(address, body, auth), `gRPC ${JSON.stringify(auth)}`).toBe(0);
    }
    for (const auth of [`Bearer ${TOKEN} x`, `Bearer x${TOKEN}`, `Bearer${TOKEN}`]) {
      expect(await http(auth), `HTTP ${JSON.stringify(auth)}`).toBe(401);
      expect(await grpcCode(address, body, auth), `gRPC ${JSON.stringify(auth)}`).toBe(grpc.status.UNAUTHENTICATED);
    }
    // Whitespace at the end of the header value: HTTP/1.1 strips it (RFC 9110), HTTP/2 forbids it (RFC 9113 §8.2.1)
    // and Node's HTTP/2 layer drops such a field before any handler sees it — documented under TH_UNAUTHORIZED.
    expect(await http(`Bearer ${TOKEN}  `)).toBe(200);
    expect(await grpcCode(address, body, `Bearer ${TOKEN}  `)).toBe(grpc.status.UNAUTHENTICATED);
  });
});

describe('server.metricsAuth', () => {
  let svc: Running;
  beforeAll(async () => {
    svc = await startService(testConfig({}, { authToken: TOKEN, metricsAuth: true }));
  });
  afterAll(async () => svc.stop());

  it('/metrics needs the bearer token (401 in the project error format without it); probes stay open', async () => {
    const anonymous = await fetch(`${svc.httpUrl}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(anonymous.headers.get('x-tracehound-error')).toBe('TH_UNAUTHORIZED');
    expect(await anonymous.json()).toMatchObject({ details: [{ reason: 'TH_UNAUTHORIZED' }] });
    expect(
      (await fetch(`${svc.httpUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-here' } })).status,
    ).toBe(401);
    const scraped = await fetch(`${svc.httpUrl}/metrics`, { headers: { authorization: `bearer ${TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('tracehound_receiver_requests_total');
    expect((await fetch(`${svc.httpUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${svc.httpUrl}/readyz`)).status).toBe(200);
  });
});
