/**
 * Automated response and the human-review loop (docs/response.md): the ActionEngine and the review sampler run as
 * extensions of the detection stage, the webhooks as finding sinks, and the verdict/review API on its own port.
 *
 * Lifecycle: createResponse() → pass `extensions` and `sinks` to createEngine() → start(engine) binds the analysts'
 * suppressions to the engine and starts the API → shutdown(). The engine shuts the webhook sinks down with its own.
 */
import type { Registry } from 'prom-client';
import type { Suppression } from '../detect/config.js';
import type { StageExtension } from '../score/analyzer.js';
import { TracehoundError } from '../errors.js';
import { silentLogger, type Logger } from '../log/logger.js';
import type { FindingSink } from '../output/sink.js';
import { ActionEngine } from './action-engine.js';
import { createApiServer, type ApiServer } from './api-server.js';
import type { ResponseConfig } from './config.js';
import { AnalystFeedback } from './feedback.js';
import { ReviewSampler } from './review-sampler.js';
import { responseRules } from './rules.js';
import { SuppressionManager, type SuppressionPersistence, type SuppressionTarget } from './suppression-manager.js';
import { VerdictStore } from './verdict-store.js';
import { WebhookSink, type WebhookSinkOptions } from './webhook-sink.js';

export { ActionEngine } from './action-engine.js';
export type { Verdict, Decision } from './verdict-store.js';
export { signPayload, verifySignature, SIGNATURE_HEADER } from './signature.js';
export { SuppressionManager } from './suppression-manager.js';
export { AnalystFeedback } from './feedback.js';
export { responseRules } from './rules.js';
export type { ActionMode, ResponseConfig } from './config.js';

/** Env variable holding the API bearer token (wins over response.api.token). */
export const RESPONSE_TOKEN_ENV = 'TRACEHOUND_RESPONSE_TOKEN';

export interface ResponseOptions {
  clock?: () => number;
  registry?: Registry;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Webhook transport knobs (tests). */
  webhook?: Pick<WebhookSinkOptions, 'fetch' | 'sleep' | 'random'>;
  /** Suppression file polling timer (tests). */
  setInterval?: (fn: () => void, ms: number) => { unref?(): unknown };
  /** Where API suppressions persist across restarts (the findings store). */
  persistence?: SuppressionPersistence;
}

/** What start() needs from the engine. */
export interface ResponseEngineView {
  suppressions: SuppressionTarget;
  catalog: { get(id: string): unknown };
}

export interface ResponseRuntime {
  readonly extensions: StageExtension[];
  readonly sinks: FindingSink[];
  readonly actions?: ActionEngine;
  readonly suppressions: SuppressionManager;
  readonly feedback?: AnalystFeedback;
  /** Enforced verdicts (empty when response is off). */
  readonly verdicts: VerdictStore;
  /**
   * The enforced block among `targets` decided at or before `atMs`, if any: what the engine's flow detection checks
   * actions against (an action run despite it is TH-FLOW-020).
   */
  blocks(targets: readonly string[], atMs: number): { target: string; rule: string } | undefined;
  /** Bind to the engine and start the API (port 0 when the API is off). Throws TH_CONFIG_MISSING without a token. */
  start(engine: ResponseEngineView): Promise<{ apiPort: number }>;
  /** Re-read the suppressions file (SIGHUP). */
  reload(): boolean;
  shutdown(): Promise<void>;
}

export function createResponse(
  config: ResponseConfig,
  baseSuppressions: Suppression[],
  opts: ResponseOptions = {},
): ResponseRuntime {
  const logger = (opts.logger ?? silentLogger).child({ component: 'response' });
  const suppressions = new SuppressionManager({
    base: baseSuppressions,
    file: config.enabled ? config.review.suppressionsFile : undefined,
    pollSeconds: config.review.pollSeconds,
    maxApi: config.review.maxApiSuppressions,
    persistence: opts.persistence,
    logger,
    setInterval: opts.setInterval,
  });
  const responseIds = new Set(responseRules.map((r) => r.id));
  const newFeedback = (engine: ResponseEngineView, store?: VerdictStore) =>
    new AnalystFeedback({
      knownRule: (id) => responseIds.has(id) || engine.catalog.get(id) !== undefined,
      suppressions,
      store,
      clock: opts.clock,
      registry: opts.registry,
      logger,
    });
  if (!config.enabled) {
    // No actions, webhooks or API port; analysts' verdicts and suppressions (the findings API) still apply.
    let feedback: AnalystFeedback | undefined;
    return {
      blocks: () => undefined,
      extensions: [],
      sinks: [],
      suppressions,
      verdicts: new VerdictStore(1, opts.clock ?? Date.now),
      get feedback() {
        return feedback;
      },
      async start(engine) {
        suppressions.start(engine.suppressions);
        feedback = newFeedback(engine);
        return { apiPort: 0 };
      },
      reload: () => suppressions.reload(),
      shutdown: async () => suppressions.stop(),
    };
  }
  const actions = new ActionEngine(config, { clock: opts.clock, registry: opts.registry });
  const extensions: StageExtension[] = [actions];
  if (config.review.sampleRate > 0) extensions.push(new ReviewSampler(config.review.sampleRate));
  const sinks: FindingSink[] = config.webhooks.map(
    (w) => new WebhookSink(w, { ...opts.webhook, clock: opts.clock, registry: opts.registry, logger }),
  );
  let api: ApiServer | undefined;
  let feedback: AnalystFeedback | undefined;

  return {
    blocks(targets, atMs) {
      const v = actions.store.strongest(targets);
      return v && v.decision === 'block' && v.decidedAt <= atMs ? { target: v.target, rule: v.rule } : undefined;
    },
    extensions,
    sinks,
    actions,
    suppressions,
    verdicts: actions.store,
    get feedback() {
      return feedback;
    },
    async start(engine) {
      suppressions.start(engine.suppressions);
      feedback = newFeedback(engine, actions.store);
      if (!config.api.enabled) return { apiPort: 0 };
      const token = opts.env?.[RESPONSE_TOKEN_ENV] || config.api.token;
      if (!token)
        throw new TracehoundError(
          'TH_CONFIG_MISSING',
          `response.api.token (or ${RESPONSE_TOKEN_ENV}) is required for the verdict API`,
        );
      api = createApiServer({
        host: config.api.host,
        port: config.api.port,
        token,
        maxAgeSeconds: config.api.maxAgeSeconds,
        store: actions.store,
        feedback,
        suppressions,
      });
      const apiPort = await api.start();
      logger.info(
        {
          apiPort,
          actions: Object.keys(config.actions.rules).length + Object.keys(config.actions.categories).length,
          webhooks: sinks.length,
        },
        'response API listening',
      );
      return { apiPort };
    },
    reload: () => suppressions.reload(),
    async shutdown() {
      suppressions.stop();
      await api?.shutdown();
    },
  };
}
