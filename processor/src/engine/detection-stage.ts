import { findingToLog } from '../enrich/finding-log.js';
import { riskAttributes } from '../enrich/span-attributes.js';
import type {
  Finding,
  Interaction,
  AttrValue,
  LogView,
  SpanEventView,
  SpanView,
  LogBatch,
  SpanRef,
  TraceBatch,
  Attributes,
} from '@tracehound/core';
import type { PipelineStage } from '../pipeline/stage.js';
import type { FindingSink } from '../output/sink.js';
import type { Analysis, Analyzer, StageExtension } from '../score/analyzer.js';

/** What the stage needs from normalization (normalize/): span + correlated logs → Interaction. */
export interface Normalizer {
  normalize(
    span: SpanView,
    logs: LogView[],
  ): { interaction: Interaction | null; parseErrors: number; dialect?: string };
}

/** Bounded store of content log records waiting for their span (normalize/correlator.ts). */
export interface Correlator {
  add(logs: LogView[]): void;
  take(traceId: string, spanId: string): LogView[];
  expectsLogs(span: SpanView): boolean;
  drainExpired(): LogView[][];
}

/** Rewrites content attributes per the capture mode; returns only the attributes that changed. */
export type CaptureRewriter = (attributes: Attributes) => Attributes;

/** A capture mode other than full, as the rewriters the stage applies to what it forwards (privacy/capture*.ts). */
export interface CaptureRewriters {
  mode: 'redacted' | 'hashed';
  /** Span and log record attributes. */
  rewrite: CaptureRewriter;
  /** One span event's attributes; returns only those that changed. */
  rewriteEvent: (event: SpanEventView) => Attributes;
  /** A log record's body; undefined when it stays as it is. */
  rewriteLogBody: (log: LogView) => AttrValue | undefined;
}

export interface DetectionStageHooks {
  /** Called once per analysed span (metrics). */
  onAnalysed?(ix: Interaction, analysis: Analysis): void;
  onParseErrors?(count: number): void;
}

export interface DetectionStageOptions {
  analyzer: Analyzer;
  normalizer: Normalizer;
  correlator: Correlator;
  sinks: FindingSink[];
  /** Forward findings as OTLP log records with the batch. */
  forwardFindings: boolean;
  capture?: CaptureRewriters;
  /** Longest a batch waits for content logs of its spans (ms). */
  correlationWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
  hooks?: DetectionStageHooks;
  extensions?: StageExtension[];
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/**
 * normalize → detect → score → enrich → emit, as a pipeline stage. Spans that are not LLM/agent/tool spans pass
 * untouched. Findings are forwarded as log records with the batch and handed to the sinks.
 */
export class DetectionStage implements PipelineStage {
  readonly name = 'detection';
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: DetectionStageOptions) {
    this.sleep = opts.sleep ?? defaultSleep;
  }

  async processTraces(batch: TraceBatch): Promise<void> {
    const waiting: Array<{ ref: SpanRef; view: SpanView }> = [];
    const findings: Finding[] = [];
    for (const item of batch.spans()) {
      const logs = this.opts.correlator.take(item.view.traceId, item.view.spanId);
      if (logs.length === 0 && this.opts.correlationWaitMs > 0 && this.opts.correlator.expectsLogs(item.view)) {
        waiting.push(item);
        continue;
      }
      this.analyseSpan(batch, item.ref, item.view, logs, findings);
    }
    if (waiting.length > 0) {
      // Older GenAI conventions put content in log records that may come in another request: wait a bounded time.
      const got = new Map<number, LogView[]>();
      const step = Math.max(5, Math.min(50, this.opts.correlationWaitMs / 5));
      for (let waited = 0; waited < this.opts.correlationWaitMs && got.size < waiting.length; waited += step) {
        await this.sleep(step);
        waiting.forEach((w, i) => {
          if (got.has(i)) return;
          const logs = this.opts.correlator.take(w.view.traceId, w.view.spanId);
          if (logs.length > 0) got.set(i, logs);
        });
      }
      waiting.forEach((w, i) => this.analyseSpan(batch, w.ref, w.view, got.get(i) ?? [], findings));
    }
    this.analyseOrphanLogs(findings);
    this.emit(batch, findings);
  }

  processLogs(batch: LogBatch): void {
    const views: LogView[] = [];
    for (const { index, view } of batch.logs()) {
      views.push(view);
      if (this.opts.capture) {
        const changed = this.opts.capture.rewrite(view.attributes);
        if (Object.keys(changed).length > 0) batch.setLogAttributes(index, changed);
        const body = this.opts.capture.rewriteLogBody(view);
        if (body !== undefined) batch.setLogBody(index, body);
      }
    }
    this.opts.correlator.add(views);
    const findings: Finding[] = [];
    this.analyseOrphanLogs(findings);
    this.emit(batch, findings);
  }

  /** Analyse one span (Interaction) outside a batch: used by `scan`. */
  analyseView(view: SpanView, logs: LogView[]): { findings: Finding[]; analysis?: Analysis } {
    const norm = this.opts.normalizer.normalize(view, logs);
    if (norm.parseErrors > 0) this.opts.hooks?.onParseErrors?.(norm.parseErrors);
    if (!norm.interaction) return { findings: [] };
    const analysis = this.opts.analyzer.analyze(norm.interaction);
    this.opts.hooks?.onAnalysed?.(norm.interaction, analysis);
    return { findings: analysis.findings, analysis };
  }

  private analyseSpan(batch: TraceBatch, ref: SpanRef, view: SpanView, logs: LogView[], findings: Finding[]): void {
    const norm = this.opts.normalizer.normalize(view, logs);
    if (norm.parseErrors > 0) this.opts.hooks?.onParseErrors?.(norm.parseErrors);
    const ix = norm.interaction;
    if (!ix) return;
    const analysis = this.opts.analyzer.analyze(ix);
    this.opts.hooks?.onAnalysed?.(ix, analysis);
    let attrs: Attributes = riskAttributes(analysis.risk, analysis.findings.length, norm.dialect ?? ix.dialect);
    for (const ext of this.opts.extensions ?? []) {
      try {
        const out = ext.onAnalysis(ix, analysis);
        if (out?.attributes) attrs = { ...attrs, ...out.attributes };
        if (out?.findings) for (const f of out.findings) findings.push(f);
      } catch {
        // Extensions are contained like stages: the span is still enriched and forwarded.
      }
    }
    if (this.opts.capture) {
      const changed = this.opts.capture.rewrite(view.attributes);
      let rewritten = Object.keys(changed).length > 0;
      view.events.forEach((ev, i) => {
        const evChanged = this.opts.capture!.rewriteEvent(ev);
        if (Object.keys(evChanged).length === 0) return;
        batch.setSpanEventAttributes(ref, i, evChanged);
        rewritten = true;
      });
      if (rewritten) attrs = { ...changed, ...attrs, 'tracehound.capture.mode': this.opts.capture.mode };
    }
    batch.setSpanAttributes(ref, attrs);
    for (const f of analysis.findings) findings.push(f);
  }

  /** Content logs whose span never arrived within the wait: score what they carry on their own. */
  private analyseOrphanLogs(findings: Finding[]): void {
    for (const group of this.opts.correlator.drainExpired()) {
      const first = group[0];
      if (!first?.traceId || !first.spanId) continue;
      const view: SpanView = {
        traceId: first.traceId,
        spanId: first.spanId,
        name: first.eventName ?? 'gen_ai',
        kind: 0,
        startNs: first.timeNs,
        endNs: first.timeNs,
        attributes: {},
        events: [],
        resource: first.resource,
        scope: first.scope,
      };
      for (const f of this.analyseView(view, group).findings) findings.push(f);
    }
  }

  private emit(batch: TraceBatch | LogBatch, findings: Finding[]): void {
    if (findings.length === 0) return;
    if (this.opts.forwardFindings) batch.emitLogs(findings.map(findingToLog));
    for (const sink of this.opts.sinks) {
      try {
        sink.write(findings);
      } catch {
        // Sinks queue and never throw by contract; a broken one must not stop the pipeline.
      }
    }
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.opts.sinks.map((s) => s.forceFlush()));
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.opts.sinks.map((s) => s.shutdown()));
  }
}
