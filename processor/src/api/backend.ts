import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { RuleMeta } from '@tracehound/core';
import type { CaptureMode } from '@tracehound/core/privacy';
import { TracehoundError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { FindingSink } from '../output/sink.js';
import type { ResponseRuntime } from '../response/index.js';
import { inReviewSample } from '../response/review-sampler.js';
import type { StageExtension } from '../score/analyzer.js';
import { FindingsStore, SpanRecorder, type StoreConfig } from '../store/index.js';
import { registerConsole } from './console-static.js';
import { registerFindingsApi } from './findings-api.js';

/** The findings API's version (info.version of the OpenAPI document). */
export const FINDINGS_API_VERSION = '1.0.0';

export interface ConsoleBackendConfig {
  store: StoreConfig;
  capture: { mode: CaptureMode; hashKey?: string };
  server: { authToken?: string };
  response: { enabled: boolean; api: { maxAgeSeconds: number }; review: { sampleRate: number } };
}

export interface ConsoleBackend {
  readonly store?: FindingsStore;
  /** The span recorder (when the store is on): pass to createEngine's extensions. */
  readonly extensions: StageExtension[];
  /** The store as a finding sink: pass to createEngine's sinks (the engine shuts it down). */
  readonly sinks: FindingSink[];
  /** Register /api/v1 and the console's files (/console/) on the OTLP/HTTP server (ServiceOptions.routes). */
  routes(app: FastifyInstance): void;
  /** Bind the engine's rule catalogue and the response runtime the routes use (before the service starts). */
  bind(
    engine: { catalog: { get(id: string): RuleMeta | undefined; all(): RuleMeta[] } },
    response: ResponseRuntime,
  ): void;
}

/**
 * The back end of the triage console: the findings store (store.enabled), its span recorder, and the findings API on
 * the receiver's HTTP server. Opening the store fails with TH_STORE_OPEN (an unwritable path, a corrupt file).
 */
export function createConsoleBackend(
  config: ConsoleBackendConfig,
  opts: { registry?: Registry; logger?: Logger; clock?: () => number } = {},
): ConsoleBackend {
  let store: FindingsStore | undefined;
  if (config.store.enabled) {
    try {
      store = new FindingsStore(config.store, { capture: config.capture, ...opts });
    } catch (err) {
      throw new TracehoundError('TH_STORE_OPEN', `${config.store.path}: ${(err as Error).message}`);
    }
  }
  const rate =
    config.response.enabled && config.response.review.sampleRate > 0
      ? config.response.review.sampleRate
      : config.store.reviewSampleRate;
  let bound: { catalog: Parameters<ConsoleBackend['bind']>[0]['catalog']; response: ResponseRuntime } | undefined;
  return {
    store,
    extensions: store ? [new SpanRecorder(store, (traceId) => inReviewSample(traceId, rate))] : [],
    sinks: store ? [store] : [],
    bind(engine, response) {
      bound = { catalog: engine.catalog, response };
    },
    routes(app) {
      if (!bound) throw new Error('createConsoleBackend: bind() before routes()');
      const b = bound;
      registerFindingsApi(app, {
        token: config.server.authToken,
        store,
        catalog: b.catalog,
        suppressions: b.response.suppressions,
        verdicts: b.response.verdicts,
        feedback: () => b.response.feedback,
        maxAgeSeconds: config.response.api.maxAgeSeconds,
        version: FINDINGS_API_VERSION,
        clock: opts.clock,
      });
      registerConsole(app);
    },
  };
}
