import * as grpc from '@grpc/grpc-js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ForwardConfig, ServerConfig } from '../../src/config/types.js';
import { silentLogger } from '../../src/log/logger.js';
import { createRegistry } from '../../src/metrics/registry.js';
import type { PipelineStage } from '../../src/pipeline/stage.js';
import { createService, type Service } from '../../src/service/service.js';

/** Shared fixtures for transport tests: a capturing next hop, a service on ephemeral ports, SDK-made spans. */

export interface CapturedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Body as received (still compressed when content-encoding is set). */
  raw: Buffer;
  /** Body after gzip decoding. */
  body: Buffer;
}

export interface NextHop {
  url: string;
  port: number;
  requests: CapturedRequest[];
  /** Requests received so far (answered or not). */
  received: number;
  /** When set, answers wait for it (requests held in flight). */
  gate?: Promise<void>;
  /** Status to answer (default 200); a function decides per request. */
  respond: (req: CapturedRequest) => { status: number; body?: string; headers?: Record<string, string> };
  /** Resolves when the hop has received `n` requests. */
  waitFor(n: number): Promise<void>;
  listen(port?: number): Promise<void>;
  close(): Promise<void>;
  server: http.Server;
}

export function createNextHop(): NextHop {
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const hop: NextHop = {
    url: '',
    port: 0,
    requests: [],
    received: 0,
    respond: () => ({ status: 200 }),
    server: http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        reply().catch((err: Error) => res.destroy(err));
      });
      const reply = async () => {
        hop.received++;
        if (hop.gate) await hop.gate;
        const raw = Buffer.concat(chunks);
        const body = req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
        const captured: CapturedRequest = { path: req.url ?? '', headers: req.headers, raw, body };
        const answer = hop.respond(captured);
        if (answer.status >= 200 && answer.status < 300) hop.requests.push(captured);
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(
          answer.body ??
            (answer.status < 300 ? '{}' : JSON.stringify({ code: 3, message: `hop says ${answer.status}` })),
        );
        for (const w of [...waiters]) {
          if (hop.requests.length >= w.n) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
          }
        }
      };
    }),
    waitFor(n) {
      if (hop.requests.length >= n) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    listen(port = 0) {
      return new Promise((resolve) => {
        hop.server.listen(port, '127.0.0.1', () => {
          hop.port = (hop.server.address() as AddressInfo).port;
          hop.url = `http://127.0.0.1:${hop.port}`;
          resolve();
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        hop.server.closeAllConnections();
        hop.server.close(() => resolve());
      });
    },
  };
  return hop;
}

/** A port nothing listens on (bound then released). */
export async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export function testConfig(
  forward: Partial<ForwardConfig> = {},
  server: Partial<Omit<ServerConfig, 'http' | 'grpc'>> & {
    http?: Partial<ServerConfig['http']>;
    grpc?: Partial<ServerConfig['grpc']>;
  } = {},
): { server: ServerConfig; forward: ForwardConfig } {
  return {
    server: {
      maxBodyBytes: 64 * 1024 * 1024,
      maxInFlightBytes: 256 * 1024 * 1024,
      retryAfterSeconds: 1,
      shutdownTimeoutMs: 5000,
      ...server,
      http: { enabled: true, host: '127.0.0.1', port: 0, ...server.http },
      grpc: { enabled: true, host: '127.0.0.1', port: 0, ...server.grpc },
    },
    forward: { endpoint: '', headers: {}, compression: 'none', timeoutMs: 5000, ...forward },
  };
}

export interface Running {
  service: Service;
  httpUrl: string;
  grpcUrl: string;
  stop(): Promise<void>;
}

export async function startService(
  config: ReturnType<typeof testConfig>,
  stages: PipelineStage[] = [],
): Promise<Running> {
  const service = createService({ config, stages, logger: silentLogger, registry: createRegistry() });
  const { httpPort, grpcPort } = await service.start();
  return {
    service,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    grpcUrl: `http://127.0.0.1:${grpcPort}`,
    stop: async () => {
      await service.shutdown();
    },
  };
}

/** Ends `n` spans through the SDK and returns them as the exporters would receive them. */
export async function makeSpans(
  n: number,
  attrs: Record<string, string | number | boolean> = {},
): Promise<ReadableSpan[]> {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'chat-app', 'deployment.environment': 'test' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('test-scope', '1.2.3');
  for (let i = 0; i < n; i++) {
    const span = tracer.startSpan(`chat gpt-4o #${i}`, {
      attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o', index: i, ...attrs },
    });
    span.addEvent('gen_ai.choice', { 'gen_ai.response.finish_reason': 'stop' });
    span.end();
  }
  await provider.forceFlush();
  const spans = memory.getFinishedSpans();
  await provider.shutdown();
  return spans;
}

/** Polls a metric value until `predicate` holds (waiting for an asynchronous condition, not asserting on time). */
export async function metricValue(
  service: Service,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const metric = service.metrics.getSingleMetric(name);
  if (!metric) return 0;
  const data = await metric.get();
  return data.values
    .filter((v) => Object.entries(labels).every(([k, val]) => String((v.labels as Record<string, unknown>)[k]) === val))
    .reduce((sum, v) => sum + v.value, 0);
}

export async function until(cond: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** One raw OTLP/gRPC Export call (identity serializers): the status code and details the server answered. */
export function grpcExport(
  address: string,
  signal: 'traces' | 'logs',
  body: Buffer,
  metadata = new grpc.Metadata(),
): Promise<{ code: number; details: string }> {
  const path =
    signal === 'traces'
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
