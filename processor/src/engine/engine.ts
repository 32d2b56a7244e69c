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
import { afterAcknowledged } from '../pipeline/acknowledgement.js';
import type { PipelineStage } from '../pipeline/stage.js';
import { ConsoleSink } from '../output/console-sink.js';
import { JsonlFileSink } from '../output/jsonl-file-sink.js';
import type { FindingSink } from '../output/sink.js';
import { applyCaptureMode, applyCaptureToEvent, applyCaptureToLogBody } from '@tracehound/core/privacy';
import { RuleCatalog } from '../rules/catalog.js';
import { Scorer } from '../score/scorer.js';
import { SuppressionList } from '../score/suppressions.js';
import { Analyzer, type Analysis, type StageExtension } from '../score/analyzer.js';
import { DetectionStage } from './detection-stage.js';
import { EngineMetrics } from './engine-metrics.js';

/** The config sections the engine reads (a structural subset of TracehoundConfig). */
export interface EngineConfig {
  detection: DetectionConfig;
  capture: CaptureConfig;
  findings: FindingsOutputConfig;
  behavior?: BehaviorConfig;
  archive?: ArchiveConfig;
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
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** A sink whose writes wait for the batch's acknowledgement (pipeline/acknowledgement.ts); at once outside a batch. */
function acknowledgedOnly(sink: FindingSink): FindingSink {
  return {
    name: sink.name,
    write: (findings) => afterAcknowledged(() => sink.write(findings)),
    forceFlush: () => sink.forceFlush(),
    shutdown: () => sink.shutdown(),
  };
}

export function createEngine(config: EngineConfig, options: EngineOptions = {}): Engine {
  const clock = options.clock ?? Date.now;
  const registry = options.registry ?? new Registry();
  const content = createContentRunner(config.detection, { expand: expandTexts });
  const behavior =
    options.behavior === false || !config.behavior
      ? undefined
      : createBehaviorRunner(config.behavior, {
          clock,
          metrics: registry,
          ruleCategory: (id: string) => catalog.get(id)?.category,
        });
  const catalog: RuleCatalog = new RuleCatalog([...content.rules, ...(behavior?.rules ?? [])]);
  const scorer = new Scorer(catalog, config.detection, clock);
  const suppressions = new SuppressionList(config.detection.suppressions, clock);
  const analyzer = new Analyzer(content, scorer, suppressions, behavior);
  const metrics = new EngineMetrics(registry, clock, config.detection.toolHostAllowlist, () => content.stats);

  const sinks: FindingSink[] = [...(options.sinks ?? [])];
  if (options.outputSinks !== false) {
    if (config.findings.file) sinks.push(new JsonlFileSink({ path: config.findings.file }));
    if (config.findings.console) sinks.push(new ConsoleSink());
    if (config.archive?.enabled) sinks.push(new ArchiveSink(createArchive(config.archive, { clock })));
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
  const correlator = new LogCorrelator({
    maxEntries: 10_000,
    ttlMs: Math.max(1000, config.detection.correlationWaitMs * 4),
    clock,
  });
  const stage = new DetectionStage({
    analyzer,
    normalizer: { normalize: (span, logs) => normalizeSpan(span, logs) },
    correlator,
    // Inside the OTLP service, a batch's findings reach the sinks only once the batch is acknowledged (a refused
    // batch is retried by its client and would otherwise be reported once per attempt).
    sinks: sinks.map(acknowledgedOnly),
    forwardFindings: config.findings.forward,
    capture,
    correlationWaitMs: config.detection.correlationWaitMs,
    extensions: options.extensions,
    hooks: {
      onAnalysed: (ix, a) => metrics.record(ix, a),
      onParseErrors: (n) => metrics.parseErrors.inc(n),
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
      return out;
    },
    scanText(text, channel, context = {}) {
      const ix: Interaction = { ...emptyInteraction('llm_call', 'text'), ...context };
      const texts: ChannelText[] = [{ channel, text, origin: 'raw' }];
      return analyzer.score(ix, Scorer.dedupe(content.runTexts(ix, texts)));
    },
    forceFlush: () => stage.forceFlush(),
    async shutdown() {
      await stage.shutdown();
    },
  };
}
