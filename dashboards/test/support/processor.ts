/**
 * A real Tracehound processor started in-process the way `tracehound serve` wires it (config from loadConfig(),
 * createEngine(config, { registry }), createService({ config, stages: engine.stages(), registry })), on ephemeral
 * ports, forwarding to a local next hop that refuses every `failEvery`-th request (so the exporter-failure, refused
 * and Retry-After paths have data too). A test-only stage throws on one marker span to exercise stage-error metrics.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { createEngine, createService, loadConfig, silentLogger, type PipelineStage } from '@tracehound/processor';
import { CHAOS_SPAN } from './traffic.js';

export interface RunningProcessor {
  /** http://127.0.0.1:PORT of the OTLP/HTTP receiver (also serves /metrics). */
  url: string;
  registry: Registry;
  /** POST an OTLP/JSON body to /v1/traces (or /v1/logs); resolves with the HTTP status. */
  postTraces(body: string): Promise<number>;
  postLogs(body: string): Promise<number>;
  stop(): Promise<void>;
}

function startNextHop(failEvery: number): Promise<{ url: string; close(): Promise<void> }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      const fail = failEvery > 0 && n % failEvery === 0;
      res.writeHead(fail ? 503 : 200, { 'content-type': 'application/json', ...(fail ? { 'retry-after': '1' } : {}) });
      res.end(fail ? '{"code":14,"message":"test hop unavailable"}' : '{}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

/** Throws on the marker span only: the pipeline must count it and forward the batch regardless. */
const chaosStage: PipelineStage = {
  name: 'test_chaos',
  processTraces(batch) {
    for (const { view } of batch.spans()) if (view.name === CHAOS_SPAN) throw new Error('chaos stage: marker span');
  },
  forceFlush: async () => {},
  shutdown: async () => {},
};

async function post(url: string, body: string): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.arrayBuffer();
  return res.status;
}

export async function startProcessor(opts: { failEvery?: number } = {}): Promise<RunningProcessor> {
  const hop = await startNextHop(opts.failEvery ?? 7);
  // The embedded default config, pinned to loopback and ephemeral ports, no files, and small behavioral stores so
  // LRU evictions happen with test-sized traffic. env {} keeps the caller's TRACEHOUND_* variables out.
  const base = loadConfig(undefined, {});
  const config = {
    ...base,
    server: {
      ...base.server,
      http: { ...base.server.http, host: '127.0.0.1', port: 0 },
      grpc: { ...base.server.grpc, enabled: false },
      shutdownTimeoutMs: 2000,
    },
    forward: { ...base.forward, endpoint: hop.url, compression: 'none' as const },
    findings: { ...base.findings, file: '', console: false, forward: true },
    behavior: base.behavior ? { ...base.behavior, maxEntriesPerStore: 3 } : base.behavior,
  };
  const registry = new Registry();
  const engine = createEngine(config, { registry, behavior: true, outputSinks: false });
  const service = createService({ config, stages: [...engine.stages(), chaosStage], logger: silentLogger, registry });
  const { httpPort } = await service.start();
  const url = `http://127.0.0.1:${httpPort}`;
  return {
    url,
    registry,
    postTraces: (body) => post(`${url}/v1/traces`, body),
    postLogs: (body) => post(`${url}/v1/logs`, body),
    async stop() {
      await service.shutdown();
      await engine.shutdown();
      await hop.close();
    },
  };
}
