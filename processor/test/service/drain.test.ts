import * as grpc from '@grpc/grpc-js';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/metrics/registry.js';
import { registerOpsRoutes } from '../../src/service/ops-routes.js';
import { createNextHop, makeSpans, startService, testConfig, until, type NextHop } from './helpers.js';

/** Graceful shutdown: readiness flips first, in-flight work on both transports drains, and the deadline is honoured. */

const TRACE_PATH = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';

function grpcExport(address: string, body: Buffer): Promise<{ code: number; details: string }> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      TRACE_PATH,
      (b: Buffer) => b,
      (b: Buffer) => b,
      body,
      (err) => {
        client.close();
        resolve(err ? { code: err.code, details: err.details } : { code: 0, details: '' });
      },
    );
  });
}

const post = (url: string, body: Uint8Array): Promise<number | 'refused'> =>
  fetch(`${url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body }).then(
    (r) => r.status,
    () => 'refused' as const,
  );

describe('/readyz', () => {
  it('answers 200 while ready and 503 "draining" once not ready; /healthz stays 200', async () => {
    let ready = true;
    const app = Fastify();
    registerOpsRoutes(app, { registry: createRegistry(), isReady: () => ready });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    ready = false;
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'draining' });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });
});

describe('graceful shutdown', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  async function gatedHop(): Promise<{ hop: NextHop; release: () => void }> {
    const hop = createNextHop();
    await hop.listen();
    cleanup.push(() => hop.close());
    let release!: () => void;
    hop.gate = new Promise((r) => (release = r));
    return { hop, release };
  }

  it('drains a gRPC export in flight, refuses new calls and probes see the service not ready', async () => {
    const { hop, release } = await gatedHop();
    const svc = await startService(testConfig({ endpoint: hop.url }, { shutdownTimeoutMs: 10_000 }));
    const address = svc.grpcUrl.replace('http://', '');
    const body = Buffer.from(ProtobufTraceSerializer.serializeRequest(await makeSpans(3))!);
    expect((await fetch(`${svc.httpUrl}/readyz`)).status).toBe(200);

    const inflight = grpcExport(address, body);
    await until(() => hop.received >= 1, 'the export at the hop');
    const stopping = svc.service.shutdown();
    expect(svc.service.ready).toBe(false);
    const probe = await fetch(`${svc.httpUrl}/readyz`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(probe === 503 || probe === 'refused').toBe(true);
    const late = await grpcExport(address, body);
    expect(late.code).toBe(grpc.status.UNAVAILABLE);
    expect(await post(svc.httpUrl, body)).not.toBe(200);

    release();
    expect((await inflight).code).toBe(0);
    await stopping;
    expect(hop.requests).toHaveLength(1);
  });

  it('gives up on work still in flight at the deadline: shutdown resolves and the client is not left hanging', async () => {
    const { hop } = await gatedHop(); // never released: the next hop never answers
    const svc = await startService(testConfig({ endpoint: hop.url, timeoutMs: 60_000 }, { shutdownTimeoutMs: 200 }));
    const body = ProtobufTraceSerializer.serializeRequest(await makeSpans(2))!;
    const httpInflight = post(svc.httpUrl, body);
    const grpcInflight = grpcExport(svc.grpcUrl.replace('http://', ''), Buffer.from(body));
    await until(() => hop.received >= 2, 'both exports at the hop');
    await svc.service.shutdown();
    // Neither was acknowledged: the client keeps the data (connection closed, or a retryable status).
    expect(await httpInflight).not.toBe(200);
    expect((await grpcInflight).code).not.toBe(0);
  });
});
