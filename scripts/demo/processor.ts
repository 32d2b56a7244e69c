/**
 * The processor as `tracehound serve` runs it (engine inside the OTLP service, embedded default config), started
 * in-process for the demo. Demo-only changes to the defaults: a tool-host allowlist and the canary of the demo's
 * system prompt (what a real deployment configures), a demo findings file, findings not echoed on stderr (the demo
 * prints its own table), and ephemeral ports when 4320/4321 are taken.
 */
import { rmSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import type { Finding } from '@tracehound/core';
import {
  createConsoleBackend,
  createEngine,
  createResponse,
  createRegistry,
  createService,
  loadConfig,
  silentLogger,
  type Engine,
  type FindingSink,
  type Service,
  type TracehoundConfig,
} from '@tracehound/processor';
import { CANARY } from './model.js';

/** Hosts the agent's http_get tool may reach. */
export const TOOL_HOST_ALLOWLIST = ['api.northwind-travel.example', '*.northwind-travel.example'];

export interface DemoProcessor {
  httpUrl: string;
  grpcPort: number;
  /** True when the default ports were taken and ephemeral ones were used. */
  ephemeral: boolean;
  metricsUrl: string;
  /** The triage console (same port and token as the API). */
  consoleUrl: string;
  findingsFile: string;
  /** Every finding, in emission order (bounded by the demo's size). */
  findings: Finding[];
  engine: Engine;
  service: Service;
  stop(): Promise<void>;
}

export interface DemoProcessorOptions {
  findingsFile: string;
  /** Engine clock (ms since the epoch): the demo fast-forwards it to replay a spend baseline. */
  clock: () => number;
  /** Force ephemeral ports (tests). */
  ephemeralPorts?: boolean;
}

/** Keeps the findings in memory for the alert table. */
class MemorySink implements FindingSink {
  readonly name = 'demo-memory';
  constructor(private readonly out: Finding[]) {}
  write(findings: readonly Finding[]): void {
    for (const f of findings) if (this.out.length < 10_000) this.out.push(f);
  }
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}

export function demoConfig(findingsFile: string, base: TracehoundConfig = loadConfig(undefined, {})): TracehoundConfig {
  return {
    ...base,
    findings: { ...base.findings, file: findingsFile, console: false },
    // The findings store next to the demo's findings file: what the console shows.
    store: { ...base.store, path: join(dirname(findingsFile), 'store.db') },
    detection: { ...base.detection, toolHostAllowlist: TOOL_HOST_ALLOWLIST, canaries: [CANARY] },
  };
}

export async function startDemoProcessor(opts: DemoProcessorOptions): Promise<DemoProcessor> {
  let config = demoConfig(opts.findingsFile);
  const { http, grpc } = config.server;
  const ephemeral =
    opts.ephemeralPorts === true || !(await portFree(http.port, http.host)) || !(await portFree(grpc.port, grpc.host));
  if (ephemeral) {
    config = { ...config, server: { ...config.server, http: { ...http, port: 0 }, grpc: { ...grpc, port: 0 } } };
  }
  // A fresh store per run, as the findings file is truncated per run.
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.store.path}${suffix}`, { force: true });
  const findings: Finding[] = [];
  const registry = createRegistry();
  const backend = createConsoleBackend(config, { registry, logger: silentLogger });
  const response = createResponse(config.response, config.detection.suppressions, {
    registry,
    logger: silentLogger,
    persistence: backend.store,
  });
  const engine = createEngine(config, {
    registry,
    clock: opts.clock,
    extensions: [...response.extensions, ...backend.extensions],
    sinks: [new MemorySink(findings), ...response.sinks, ...backend.sinks],
  });
  await response.start(engine);
  backend.bind(engine, response);
  const service = createService({
    config,
    stages: engine.stages(),
    logger: silentLogger,
    registry,
    routes: (app) => backend.routes(app),
  });
  const { httpPort, grpcPort } = await service.start();
  const httpUrl = `http://${config.server.http.host}:${httpPort}`;
  return {
    httpUrl,
    grpcPort,
    ephemeral,
    metricsUrl: `${httpUrl}/metrics`,
    consoleUrl: `${httpUrl}/console/`,
    findingsFile: opts.findingsFile,
    findings,
    engine,
    service,
    async stop() {
      await service.shutdown();
      await response.shutdown();
      await engine.shutdown();
    },
  };
}
