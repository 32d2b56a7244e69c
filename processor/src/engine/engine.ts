import os from 'node:os';
import { Registry } from 'prom-client';
import { createArchive, type ArchiveConfig } from '../archive/index.js';
import { ArchiveSink } from '../output/archive-sink.js';
import { createBehaviorRunner } from '../behavior/runner.js';
import type { BehaviorConfig } from '../behavior/config.js';
import type { CaptureConfig, FindingsOutputConfig } from '../config/types.js';
import type { DetectionConfig } from '../detect/config.js';
import { createContentRunner, type ContentRunner } from '../detect/content-runner.js';
import type { ChannelText } from '../detect/detector.js';
import { expandTexts } from '../detect/injection/expand.js';
import {
  type Finding,
  type RuleMeta,
  emptyInteraction,
  type Channel,
  type Interaction,
  type LogView,
  type SpanView,
} from '@tracehound/core';
import { LogCorrelator } from '../normalize/correlator.js';
import { normalizeSpan } from '../normalize/index.js';
import type { PipelineStage } from '../pipeline/stage.js';
import { ConsoleSink } from '../output/console-sink.js';
import { JsonlFileSink } from '../output/jsonl-file-sink.js';
import type { FindingSink } from '../output/sink.js';
import { applyCaptureMode, applyCaptureToEvent, applyCaptureToLogBody } from '@tracehound/core/privacy';
import { RuleCatalog } from '../rules/catalog.js';
import { Scorer } from '../score/scorer.js';
import { SuppressionList } from '../score/suppressions.js';
import { Analyzer, type Analysis, type StageExtension } from '../score/analyzer.js';
import { createTiers, tierRules, type TiersConfig } from '../tiers/index.js';
import { DetectionStage } from './detection-stage.js';
import { FlowTracker } from '../correlate/flows/flow-tracker.js';
import type { FlowsConfig } from '../correlate/flows/config.js';
import type { BlockLookup } from '../correlate/flows/control-failure.js';
import { flowRules } from '../correlate/flows/rules.js';
import { EngineMetrics } from './engine-metrics.js';
import { ContentlessSpans } from './contentless-spans.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { TracehoundError } from '../errors.js';
import { DetectionPool } from './pool/detection-pool.js';
import { createPoolMetrics } from './pool/metrics.js';

/** The error's class name only: messages can carry content. */
function errorName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}

/** The config sections the engine reads (a structural subset of TracehoundConfig). */
export interface EngineConfig {
  detection: DetectionConfig;
  capture: CaptureConfig;
  findings: FindingsOutputConfig;
  behavior?: BehaviorConfig;
  /** Agent flow detection (unsafe sequences, task scopes, denied-but-executed actions); off when absent. */
  flows?: FlowsConfig;
  archive?: ArchiveConfig;
  tiers?: TiersConfig;
  /**
   * The per-batch deadline (a detection worker busy longer on one batch part is replaced) and the largest request
   * (it sizes the detection workers' heap limit: workerHeapLimitMb).
   */
  server?: { stageTimeoutMs?: number; maxBodyBytes?: number };
}

export interface EngineOptions {
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
  /** Registry the detection metrics go to (the service's /metrics registry). */
  registry?: Registry;
  /** Extra sinks (archive, webhooks); the file and console sinks come from config.findings. */
  sinks?: FindingSink[];
  /** Off for one-shot uses (scan, the in-process guard) where cross-request patterns make no sense. */
  behavior?: boolean;
  /** Replace config.findings sinks (scan prints its own output). */
  outputSinks?: boolean;
  /** Automated response, review sampling: see StageExtension. */
  extensions?: StageExtension[];
  /** Off for one-shot uses: the escalation tiers report later, to the sinks, which scan does not keep. */
  tiers?: boolean;
  /**
   * Run the content detectors in worker threads (config.detection.workers, default the available cores; 0 or 1: on
   * the event loop). `tracehound serve` sets it; scan and the in-process analyzer are one-shot and stay in-process.
   */
  pool?: boolean;
  /** The detection workers' module (DetectionPoolOptions.workerUrl): benchmarks point it at the compiled worker.js. */
  poolWorker?: URL;
  /** Where detector, normalization, extension and sink failures are logged (with their codes). */
  logger?: Logger;
  /** Enforced blocks of the verdict API (automated response): actions run despite them are TH-FLOW-020. */
  blocks?: BlockLookup;
}

export interface Engine {
  readonly rules: readonly RuleMeta[];
  readonly catalog: RuleCatalog;
  readonly content: ContentRunner;
  readonly suppressions: SuppressionList;
  /** The pipeline stages to run inside the OTLP service. */
  stages(): PipelineStage[];
  /** Offline: analyse spans (with their content logs) and return the findings. */
  scanSpans(spans: SpanView[], logs?: LogView[]): Finding[];
  /** Offline / in-process: analyse one text as if seen on a channel. */
  scanText(text: string, channel: Channel, context?: Partial<Interaction>): Analysis;
  /** Why the engine cannot do its job right now (a sink that cannot write, e.g. the archive), for /readyz. */
  unready(): string | undefined;
  /** Starts what loads asynchronously (the classifier tier's workers): a model that cannot load is TH_TIER_MODEL. */
  ready(): Promise<void>;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Old-generation limit of a detection worker (MiB): room for the largest request's texts as UTF-16 (two bytes a
 * character) twice over, above the built detectors and their caches (about 60 MiB in use), and never below 256.
 * The bound is a safety net, not a saving: under the benchmark's load a worker's old generation stays under 100 MiB.
 * A worker that reaches it ends (ERR_WORKER_OUT_OF_MEMORY); the pool answers its batch 503 and replaces it.
 */
export function workerHeapLimitMb(maxBodyBytes = 64 * 1024 * 1024): number {
  return Math.max(256, 128 + Math.ceil((4 * maxBodyBytes) / (1024 * 1024)));
}

export function createEngine(config: EngineConfig, options: EngineOptions = {}): Engine {
  const clock = options.clock ?? Date.now;
  const registry = options.registry ?? new Registry();
  const workers = config.detection.workers ?? os.availableParallelism();
  const pooled = options.pool === true && workers > 1;
  // With a detection pool the workers scan; this thread's runner serves the rule catalog and scanText, so it is
  // built cold (the signal engine and the like compile on a first scanText only).
  const content = createContentRunner(config.detection, { expand: expandTexts, cold: pooled });
  const behavior =
    options.behavior === false || !config.behavior
      ? undefined
      : createBehaviorRunner(config.behavior, {
          clock,
          metrics: registry,
          ruleCategory: (id: string) => catalog.get(id)?.category,
        });
  const catalog: RuleCatalog = new RuleCatalog([
    ...content.rules,
    ...(behavior?.rules ?? []),
    ...tierRules,
    ...flowRules,
  ]);
  const flows =
    options.behavior === false || !config.flows?.enabled
      ? undefined
      : new FlowTracker(config.flows, {
          clock,
          registry,
          hostAllowlist: config.detection.toolHostAllowlist,
          blocks: options.blocks,
          ruleCategory: (id: string) => catalog.get(id)?.category,
        });
  const scorer = new Scorer(catalog, config.detection, clock);
  const suppressions = new SuppressionList(config.detection.suppressions, clock);
  const analyzer = new Analyzer(content, scorer, suppressions, behavior);
  const metrics = new EngineMetrics(registry, clock, config.detection.toolHostAllowlist, () => content.stats);
  const logger = (options.logger ?? silentLogger).child({ component: 'engine' });
  const detectorFailed = (detector: string, error: string) => {
    const n = metrics.detectorFailed(detector);
    // Logged at the 1st, 10th, 100th… failure of a detector: bounded however hostile the input.
    if (Number.isInteger(Math.log10(n)))
      logger.warn({ code: 'TH_DETECTOR_FAILED', detector, failures: n, error }, 'a detector failed');
  };
  content.onError = (detector, err) => detectorFailed(detector, errorName(err));
  const pool = pooled
    ? new DetectionPool({
        init: { detection: config.detection },
        workers,
        maxQueuePerWorker: 64,
        timeoutMs: config.server?.stageTimeoutMs || 30_000,
        ...(options.poolWorker ? { workerUrl: options.poolWorker } : {}),
        resourceLimits: { maxOldGenerationSizeMb: workerHeapLimitMb(config.server?.maxBodyBytes) },
        metrics: createPoolMetrics(registry),
        onDetectorError: (detector, error) => {
          content.stats.detectorErrors++;
          detectorFailed(detector, error);
        },
      })
    : undefined;
  const contentless = new ContentlessSpans(registry, logger);

  const sinks: FindingSink[] = [...(options.sinks ?? [])];
  let archiveSink: ArchiveSink | undefined;
  if (options.outputSinks !== false) {
    const accounting = { registry, logger };
    if (config.findings.file) sinks.push(new JsonlFileSink({ path: config.findings.file, ...accounting }));
    if (config.findings.console) sinks.push(new ConsoleSink(undefined, accounting));
    if (config.archive?.enabled) {
      archiveSink = new ArchiveSink(createArchive(config.archive, { clock }), accounting);
      sinks.push(archiveSink);
    }
  }
  const capture =
    config.capture.mode === 'full'
      ? undefined
      : {
          mode: config.capture.mode,
          rewrite: (attrs: SpanView['attributes']) =>
            applyCaptureMode(config.capture.mode, attrs, config.capture.hashKey),
          rewriteEvent: (ev: SpanView['events'][number]) =>
            applyCaptureToEvent(config.capture.mode, ev, config.capture.hashKey),
          rewriteLogBody: (log: LogView) => applyCaptureToLogBody(config.capture.mode, log, config.capture.hashKey),
        };
  // The escalation tiers (tiers/): findings later, to the same sinks; a stage extension that never waits.
  const tiers =
    options.tiers === false
      ? undefined
      : createTiers(config.tiers, {
          toFinding: (det, ix) => {
            const f = scorer.toFinding(det, ix);
            return f && !suppressions.match(f) ? f : undefined;
          },
          sinks,
          registry,
          clock,
          logger: options.logger,
        });
  const correlator = new LogCorrelator({
    maxEntries: 10_000,
    ttlMs: Math.max(1000, config.detection.correlationWaitMs * 4),
    clock,
  });
  const stage = new DetectionStage({
    analyzer,
    ...(pool
      ? {
          offload: {
            detect: (jobs) => pool.detect(jobs),
            account: (results) => {
              for (const r of results) content.stats.truncatedTexts += r.truncated;
            },
          },
        }
      : {}),
    normalizer: { normalize: (span, logs) => normalizeSpan(span, logs) },
    correlator,
    // Inside the OTLP service, a batch's findings reach the sinks only once the batch is acknowledged (a refused
    // batch is retried by its client and would otherwise be reported once per attempt).
    sinks,
    forwardFindings: config.findings.forward,
    capture,
    correlationWaitMs: config.detection.correlationWaitMs,
    clock,
    extensions: [...(options.extensions ?? []), ...(tiers ? [tiers] : [])],
    flows,
    hooks: {
      onAnalysed: (ix, a) => {
        metrics.record(ix, a);
        contentless.observe(ix);
      },
      onFlowFindings: (ix, fs) => metrics.recordFindings(ix, fs),
      onParseErrors: (n) => metrics.parseErrors.inc(n),
      onNormalizeFailed: (err) => {
        const n = metrics.normalizeFailed();
        if (Number.isInteger(Math.log10(n)))
          logger.warn(
            { code: 'TH_NORMALIZE_FAILED', failures: n, error: errorName(err) },
            'a span could not be normalized',
          );
      },
      onExtensionFailed: (extension, err) => {
        const n = metrics.extensionFailed(extension);
        if (Number.isInteger(Math.log10(n)))
          logger.warn(
            { code: 'TH_STAGE_FAILED', extension, failures: n, error: errorName(err) },
            'a stage extension failed; the span was still enriched and forwarded',
          );
      },
    },
  });

  return {
    rules: catalog.all(),
    catalog,
    content,
    suppressions,
    stages: () => [stage],
    scanSpans(spans, logs = []) {
      const byId = new Map<string, LogView[]>();
      for (const l of logs) {
        if (!l.traceId || !l.spanId) continue;
        const k = `${l.traceId}/${l.spanId}`;
        const list = byId.get(k) ?? [];
        list.push(l);
        byId.set(k, list);
      }
      const out: Finding[] = [];
      for (const s of spans)
        for (const f of stage.analyseView(s, byId.get(`${s.traceId}/${s.spanId}`) ?? []).findings) out.push(f);
      for (const f of stage.flowFindings()) out.push(f);
      return out;
    },
    scanText(text, channel, context = {}) {
      const ix: Interaction = { ...emptyInteraction('llm_call', 'text'), ...context };
      const texts: ChannelText[] = [{ channel, text, origin: 'raw' }];
      return analyzer.score(ix, Scorer.dedupe(content.runTexts(ix, texts)));
    },
    unready: () =>
      archiveSink && !archiveSink.healthy() ? 'the archive cannot write (TH_ARCHIVE_IO, see the log)' : undefined,
    ready: async () => {
      try {
        await pool?.start();
      } catch (err) {
        throw new TracehoundError(
          'TH_STAGE_UNAVAILABLE',
          `the detection workers did not start: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      await tiers?.start();
    },
    async forceFlush() {
      await pool?.forceFlush();
      await tiers?.forceFlush();
      await stage.forceFlush();
    },
    async shutdown() {
      await pool?.forceFlush();
      await pool?.shutdown();
      flows?.shutdown();
      await tiers?.shutdown();
      await stage.shutdown();
    },
  };
}
