/**
 * The processor as `tracehound serve` composes it, in-process: the real engine (every detector) inside the real OTLP
 * service, a real next hop, a findings file and a capturing logger — for the fault and bad-input battery tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type TracehoundConfig } from '../../src/config/index.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import type { Logger } from '../../src/log/logger.js';
import { createRegistry } from '../../src/metrics/registry.js';
import { createService, type Service } from '../../src/service/service.js';
import { createNextHop, testConfig, type NextHop } from '../service/helpers.js';

export type CaptureMode = 'full' | 'redacted' | 'hashed';

/** A logger that keeps every line it is given (JSON), to search them. */
export function capturingLogger(lines: string[]): Logger {
  const log = (obj: Record<string, unknown>, msg?: string) => void lines.push(JSON.stringify(obj) + (msg ?? ''));
  const l: Logger = { debug: log, info: log, warn: log, error: log, child: () => l };
  return l;
}

export interface Guarded {
  service: Service;
  engine: Engine;
  hop: NextHop;
  config: TracehoundConfig;
  httpUrl: string;
  grpcPort: number;
  findingsFile: string;
  logLines: string[];
  stop(): Promise<void>;
}

export interface GuardedOptions {
  mode: CaptureMode;
  /** Overrides of testConfig's server section. */
  server?: Parameters<typeof testConfig>[1];
  hop?: NextHop;
  toolHostAllowlist?: string[];
}

export async function startGuarded(opts: GuardedOptions): Promise<Guarded> {
  const ownHop = !opts.hop;
  const hop = opts.hop ?? createNextHop();
  if (ownHop) await hop.listen();
  const dir = mkdtempSync(join(tmpdir(), 'th-guarded-'));
  const findingsFile = join(dir, 'findings.jsonl');
  const base = loadConfig(undefined, {});
  const config: TracehoundConfig = {
    ...base,
    ...testConfig({ endpoint: hop.url }, opts.server ?? {}),
    capture: { mode: opts.mode, hashKey: 'battery-hash-key-0123456789' },
    findings: { file: findingsFile, console: false, forward: true },
    detection: { ...base.detection, toolHostAllowlist: opts.toolHostAllowlist ?? base.detection.toolHostAllowlist },
  };
  const logLines: string[] = [];
  const registry = createRegistry();
  const engine = createEngine(config, { registry, behavior: false });
  const service = createService({ config, stages: engine.stages(), logger: capturingLogger(logLines), registry });
  const { httpPort, grpcPort } = await service.start();
  return {
    service,
    engine,
    hop,
    config,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    grpcPort,
    findingsFile,
    logLines,
    async stop() {
      await service.shutdown();
      await engine.shutdown();
      if (ownHop) await hop.close();
    },
  };
}
