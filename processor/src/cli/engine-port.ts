import type { TracehoundConfig } from '../config/index.js';
import type { Finding, Channel, LogView, SpanView } from '@tracehound/core';
import type { PipelineStage } from '../pipeline/stage.js';

/**
 * The parts of the detection engine and the OTLP service the CLI uses, loaded lazily (dynamic import): `--help` and
 * `validate-config` start without loading detectors, protobuf descriptors or servers.
 */
export interface CliEngine {
  stages(): PipelineStage[];
  scanSpans(spans: SpanView[], logs?: LogView[]): Finding[];
  scanText(text: string, channel: Channel): { findings: Finding[] } | Finding[];
  shutdown(): Promise<void> | void;
  /** Why the engine cannot do its job (an archive that cannot write), for /readyz. */
  unready(): string | undefined;
}

export interface CliService {
  start(): Promise<{ httpPort: number; grpcPort: number }>;
  /** clean: everything in flight finished before the deadline and nothing was dropped. */
  shutdown(): Promise<{ clean: boolean }>;
}

export interface EngineLoadOptions {
  /** Stateful detectors (serve: on; scan: only with --behavior). */
  behavior: boolean;
  /** Write findings to config.findings (serve) or leave output to the caller (scan). */
  outputSinks: boolean;
  registry?: unknown;
  /** The service's logger (engine notices such as TH_CAPTURE_OFF). */
  logger?: unknown;
  /** Stage extensions (automated response, review sampling) and extra finding sinks (webhooks). */
  extensions?: unknown[];
  sinks?: unknown[];
  /** Enforced verdict-API blocks (response), for the denied-but-executed check. */
  blocks?: unknown;
}

export async function loadEngine(config: TracehoundConfig, options: EngineLoadOptions): Promise<CliEngine> {
  const { createEngine } = await import('../engine/engine.js');
  const engine = createEngine(config, {
    ...(options as Parameters<typeof createEngine>[1]),
    tiers: options.outputSinks,
    // serve: content detection in worker threads (detection.workers); scan stays on the event loop.
    pool: options.outputSinks,
  });
  try {
    await engine.ready();
  } catch (err) {
    await engine.shutdown();
    throw err;
  }
  return engine as CliEngine;
}

export async function loadService(
  config: TracehoundConfig,
  stages: PipelineStage[],
  logger: unknown,
  registry: unknown,
  routes?: (app: never) => void,
  unready?: () => string | undefined,
): Promise<CliService> {
  const { createService } = await import('../service/service.js');
  type Options = Parameters<typeof createService>[0];
  return createService({
    config,
    stages,
    logger: logger as Options['logger'],
    registry: registry as Options['registry'],
    routes: routes as Options['routes'],
    unready,
  });
}

/** The console's back end (findings store and /api/v1), as serve drives it (api/backend.ts). */
export interface CliConsole {
  extensions: unknown[];
  sinks: unknown[];
  /** The store, as the response runtime's suppression persistence (undefined when store.enabled is false). */
  persistence: unknown;
  bind(engine: CliEngine, response: CliResponse): void;
  routes(app: never): void;
}

export async function loadConsole(config: TracehoundConfig, logger: unknown, registry: unknown): Promise<CliConsole> {
  const { createConsoleBackend } = await import('../api/backend.js');
  type Options = NonNullable<Parameters<typeof createConsoleBackend>[1]>;
  const c = createConsoleBackend(config, {
    logger: logger as Options['logger'],
    registry: registry as Options['registry'],
  });
  return {
    extensions: c.extensions,
    sinks: c.sinks,
    persistence: c.store,
    // loadEngine's object is the full Engine and loadResponse's runtime the full ResponseRuntime.
    bind: (engine, response) =>
      c.bind(
        engine as unknown as Parameters<typeof c.bind>[0],
        (response as CliResponse & { runtime: unknown }).runtime as Parameters<typeof c.bind>[1],
      ),
    routes: (app) => c.routes(app),
  };
}

/** Automated response and the review loop (response/index.ts), as serve drives it. */
export interface CliResponse {
  extensions: unknown[];
  sinks: unknown[];
  /** Enforced blocks of the verdict API at a time (ResponseRuntime.blocks). */
  blocks: unknown;
  /** Bind to the engine loadEngine returned and start the verdict/review API. */
  start(engine: CliEngine): Promise<{ apiPort: number }>;
  /** Re-read the suppressions file (SIGHUP). */
  reload(): boolean;
  shutdown(): Promise<void>;
  /** The ResponseRuntime itself (for the console's routes). */
  runtime: unknown;
}

export async function loadResponse(
  config: TracehoundConfig,
  env: NodeJS.ProcessEnv,
  logger: unknown,
  registry: unknown,
  persistence?: unknown,
): Promise<CliResponse> {
  const { createResponse } = await import('../response/index.js');
  type Options = NonNullable<Parameters<typeof createResponse>[2]>;
  const r = createResponse(config.response, config.detection.suppressions, {
    env,
    logger: logger as Options['logger'],
    registry: registry as Options['registry'],
    persistence: persistence as Options['persistence'],
  });
  return {
    runtime: r,
    extensions: r.extensions,
    sinks: r.sinks,
    blocks: (targets: readonly string[], atMs: number) => r.blocks(targets, atMs),
    // loadEngine's object is the full Engine (createEngine), which has the suppressions and catalog start() binds to.
    start: (engine) => r.start(engine as unknown as Parameters<typeof r.start>[0]),
    reload: () => r.reload(),
    shutdown: () => r.shutdown(),
  };
}

export function findingsOf(result: { findings: Finding[] } | Finding[]): Finding[] {
  return Array.isArray(result) ? result : result.findings;
}
