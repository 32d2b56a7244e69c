import { afterAcknowledged } from '../pipeline/acknowledgement.js';
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
import { FindingWindow } from '../correlate/finding-window.js';
import { IdentityWait } from '../correlate/identity-wait.js';
import { TraceContext, type BatchSpan } from '../correlate/trace-context.js';
import type { FlowTracker } from '../correlate/flows/flow-tracker.js';
import { channelTexts } from '../detect/texts.js';
import type { Detection } from '@tracehound/core';
import { Scorer, type SpanRisk } from '../score/scorer.js';
import type { Analysis, Analyzer, StageExtension } from '../score/analyzer.js';
import type { ChannelText } from '../detect/detector.js';
import { TracehoundError } from '../errors.js';
import type { DetectJob, DetectResult } from './pool/protocol.js';
import type { PoolFailure } from './pool/detection-pool.js';

/** What the stage needs from normalization (normalize/): span + correlated logs → Interaction. */
export interface Normalizer {
  normalize(
    span: SpanView,
    logs: LogView[],
  ): { interaction: Interaction | null; parseErrors: number; dialect?: string; failed?: true; cause?: unknown };
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
  /** The normalizer threw on a span (TH_NORMALIZE_FAILED): it goes on unscanned and unchanged. */
  onNormalizeFailed?(err: unknown): void;
  /** Findings of agent flows judged at the end of a batch (metrics; the span itself was counted when analysed). */
  onFlowFindings?(ix: Interaction, findings: Finding[]): void;
  /** A stage extension threw on a span (named by its class); the span is still enriched and forwarded. */
  onExtensionFailed?(extension: string, err: unknown): void;
}

/** Content detection off the event loop (the worker pool, pool/detection-pool.ts): jobs in, results in job order. */
export interface OffloadedDetection {
  detect(jobs: DetectJob[]): Promise<{ ok: true; results: DetectResult[] } | { ok: false; reason: PoolFailure }>;
  /** Adds what the workers counted to the main thread's runner stats (truncated texts). */
  account?(results: DetectResult[]): void;
}

export interface DetectionStageOptions {
  analyzer: Analyzer;
  /**
   * Run the content detectors of trace batches here instead of on the event loop. Trace correlation, behavioral
   * detection, scoring and enrichment stay on the main thread, in the order the batches arrived.
   */
  offload?: OffloadedDetection;
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
  /** Milliseconds since the epoch (trace state, finding windows, identity waits); injectable for tests. */
  clock?: () => number;
  /** Trace-level state (identity inheritance, provenance, one finding per attack); a default one when absent. */
  traces?: TraceContext;
  /**
   * Longest a span's findings wait for an ancestor carrying the identity (ms); default correlationWaitMs. The span
   * itself is enriched and forwarded at once.
   */
  identityWaitMs?: number;
  /** Bounded windows of finding ids already written to the sinks / delivered as logs (retried batches). */
  findingWindow?: { maxIds?: number; ttlMs?: number };
  /** Agent flow detection across the spans of a trace and a session (correlate/flows/). */
  flows?: FlowTracker;
}

/** A span of the current batch as analysed: where a flow finding judged at the end of the batch is attached. */
interface Analysed {
  ref: SpanRef;
  view: SpanView;
  dialect: string;
  findings: Finding[];
  attributes: Attributes;
  /** What a replay of the span yields. */
  remembered: Finding[];
}

/** A span of a batch after the first, synchronous phase: a replay, or prepared with the texts left to scan. */
type Planned = BatchSpan<SpanRef> & { ix: Interaction; dialect?: string } & (
    | { replay: NonNullable<ReturnType<TraceContext['replay']>> }
    | { replay?: undefined; complete: boolean; texts: ChannelText[] }
  );

/** An Interaction whose findings wait for its identity. */
interface Waiting {
  ix: Interaction;
  detections: Detection[];
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/**
 * normalize → detect → score → enrich → emit, as a pipeline stage. Spans that are not LLM/agent/tool spans pass
 * untouched. Findings are forwarded as log records with the batch and handed to the sinks.
 */
export class DetectionStage implements PipelineStage {
  readonly name = 'detection';
  private readonly sleep: (ms: number) => Promise<void>;
  readonly traces: TraceContext;
  private readonly waits: IdentityWait<Waiting>;
  /** Finding ids already handed to the sinks, and already delivered to the next hop as logs. */
  readonly written: FindingWindow;
  readonly delivered: FindingWindow;
  /** Findings released outside a batch (flush, expired waits): forwarded with the next batch (bounded). */
  private carry: Finding[] = [];
  carryDropped = 0;
  /** The offloaded batch whose phase 2 the next one waits for. */
  private sequence: Promise<void> = Promise.resolve();
  /** This batch's analysed spans by span id (reset per batch). */
  private analysed = new Map<string, Analysed>();

  constructor(private readonly opts: DetectionStageOptions) {
    this.sleep = opts.sleep ?? defaultSleep;
    const clock = opts.clock ?? Date.now;
    this.traces = opts.traces ?? new TraceContext(clock);
    this.waits = new IdentityWait<Waiting>(clock, opts.identityWaitMs ?? opts.correlationWaitMs);
    this.written = new FindingWindow(clock, opts.findingWindow);
    this.delivered = new FindingWindow(clock, opts.findingWindow);
  }

  async processTraces(batch: TraceBatch): Promise<void> {
    const waiting: Array<{ ref: SpanRef; view: SpanView }> = [];
    const ready: Array<{ ref: SpanRef; view: SpanView; logs: LogView[] }> = [];
    for (const item of batch.spans()) {
      const logs = this.opts.correlator.take(item.view.traceId, item.view.spanId);
      if (logs.length === 0 && this.opts.correlationWaitMs > 0 && this.opts.correlator.expectsLogs(item.view)) {
        waiting.push(item);
        continue;
      }
      ready.push({ ...item, logs });
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
      waiting.forEach((w, i) => ready.push({ ...w, logs: got.get(i) ?? [] }));
    }
    const spans: Array<BatchSpan<SpanRef> & { dialect?: string }> = [];
    for (const r of ready) {
      const norm = this.normalize(r.view, r.logs);
      if (!norm || norm.failed) {
        // Unscanned is not unmasked: a span the normalizer failed on still gets the capture mode's rewrite.
        const attrs = this.applyCapture(batch, r.ref, r.view, {});
        if (Object.keys(attrs).length > 0) batch.setSpanAttributes(r.ref, attrs);
        continue;
      }
      spans.push({ ref: r.ref, view: r.view, ix: norm.interaction, dialect: norm.dialect });
    }
    // The whole batch is recorded first: parents, identities and retrieved content of every span of its traces.
    this.traces.observe(spans);
    // Phase 1 (trace order): replays recognised, Interactions prepared, the texts their trace has not seen yet.
    const planned: Planned[] = this.traces.order(spans).map((s) => {
      const replay = this.traces.replay(s.view);
      if (replay) return { ...s, replay };
      const { complete } = this.traces.prepare(s.ix, s.view.scope?.name);
      return { ...s, complete, texts: this.traces.newTexts(s.ix, channelTexts(s.ix)) };
    });
    const offload = this.opts.offload;
    if (!offload) {
      this.finishBatch(batch, planned, (p) => this.opts.analyzer.detect(p.ix, p.texts));
      return;
    }
    // Phase 2 runs in arrival order whatever order the workers answer in: behavioral state sees what it always saw.
    const previous = this.sequence;
    let release!: () => void;
    this.sequence = new Promise<void>((r) => (release = r));
    try {
      const toScan = planned.filter((p): p is Planned & { texts: ChannelText[] } => !p.replay);
      const outcome = await offload.detect(toScan.map((p) => ({ ix: p.ix, texts: p.texts })));
      await previous;
      if (!outcome.ok)
        // Refused whole (503, the client retries): nothing of the batch was enriched or emitted.
        throw new TracehoundError('TH_STAGE_UNAVAILABLE', `content detection workers: ${outcome.reason}`, {
          reason: outcome.reason,
        });
      offload.account?.(outcome.results);
      const byPlan = new Map<Planned, DetectResult>();
      toScan.forEach((p, i) => byPlan.set(p, outcome.results[i]!));
      this.finishBatch(batch, planned, (p) => {
        const r = byPlan.get(p)!;
        return { detections: Scorer.dedupe(r.detections), partial: r.truncated > 0 };
      });
    } finally {
      release();
    }
  }

  /** Phase 2 (trace order): score, behavioral patterns, enrichment, findings; synchronous. */
  private finishBatch(
    batch: TraceBatch,
    planned: Planned[],
    detected: (p: Planned & { texts: ChannelText[] }) => { detections: Detection[]; partial: boolean },
  ): void {
    const findings: Finding[] = this.takeCarry();
    this.releaseWaits(findings, false);
    for (const p of planned) this.analyseSpan(batch, p, findings, detected);
    this.judgeFlows(batch, findings);
    this.analyseOrphanLogs(findings);
    this.traces.annotate(findings);
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
    const findings: Finding[] = this.takeCarry();
    this.releaseWaits(findings, false);
    this.analyseOrphanLogs(findings);
    this.emit(batch, findings);
  }

  /** Normalize one span; a normalizer that throws leaves the span unscanned and forwarded unchanged (counted). */
  private normalize(view: SpanView, logs: LogView[]): ReturnType<Normalizer['normalize']> | undefined {
    let norm;
    try {
      norm = this.opts.normalizer.normalize(view, logs);
    } catch (err) {
      this.opts.hooks?.onNormalizeFailed?.(err);
      return undefined;
    }
    if (norm.parseErrors > 0) this.opts.hooks?.onParseErrors?.(norm.parseErrors);
    if (norm.failed) this.opts.hooks?.onNormalizeFailed?.(norm.cause);
    return norm;
  }

  /** Analyse one span (Interaction) outside a batch: used by `scan`. */
  analyseView(view: SpanView, logs: LogView[]): { findings: Finding[]; analysis?: Analysis } {
    const norm = this.normalize(view, logs);
    if (!norm?.interaction) return { findings: [] };
    const ix = norm.interaction;
    let analysis = this.opts.analyzer.analyze(ix);
    if (this.opts.flows) {
      // Offline too, each span is a step of its trace's flow; what is judged at once joins its findings.
      const seen = analysis.findings.map((f) => ({
        ruleId: f.rule.id,
        confidence: f.confidence,
        channel: f.channel,
        evidence: '',
      }));
      const now = this.opts.flows.observe(ix, seen);
      if (now.length > 0) {
        const extra = this.opts.analyzer.score(ix, now, { behavior: false }).findings;
        analysis = { ...analysis, findings: [...analysis.findings, ...extra] };
        analysis = { ...analysis, risk: Scorer.spanRisk(analysis.findings) };
      }
    }
    this.opts.hooks?.onAnalysed?.(ix, analysis);
    return { findings: analysis.findings, analysis };
  }

  /** Offline (`scan`): the flows of the spans analysed since the last call, judged now. */
  flowFindings(): Finding[] {
    const out: Finding[] = [];
    for (const hit of this.opts.flows?.evaluate() ?? []) {
      const found = this.opts.analyzer.score(hit.ix, [hit.detection], { behavior: false }).findings;
      if (found.length > 0) this.opts.hooks?.onFlowFindings?.(hit.ix, found);
      for (const f of found) out.push(f);
    }
    return out;
  }

  private analyseSpan(
    batch: TraceBatch,
    p: Planned,
    findings: Finding[],
    detected: (p: Planned & { texts: ChannelText[] }) => { detections: Detection[]; partial: boolean },
  ): void {
    const { ref, view, ix } = p;
    // A replay known before the batch, or the same span twice in this batch (remembered a moment ago).
    const replay = p.replay ?? this.traces.replay(view);
    if (replay) {
      // A retried batch: the same attributes and the same findings (same ids) as the first time, counted once.
      batch.setSpanAttributes(ref, replay.attributes);
      for (const f of replay.findings) findings.push(f);
      return;
    }
    const complete = (p as { complete: boolean }).complete;
    const { detections, partial } = detected(p as Planned & { texts: ChannelText[] });
    const needsIdentity =
      detections.length > 0 && !complete && !ix.identity.user && !ix.identity.session && this.waits.waitMs > 0;
    let analysis: Analysis;
    let kept: Finding[];
    if (needsIdentity) {
      // Enrich and forward the span now; its findings wait (bounded) for the ancestor that names the user.
      analysis = this.opts.analyzer.score(ix, detections, { behavior: false });
      kept = [];
      const early = this.waits.hold(view.traceId, view.spanId, view.parentSpanId, { ix, detections });
      if (early) this.finishWaiting(early.item, findings);
    } else {
      analysis = this.opts.analyzer.score(ix, detections);
      kept = this.traces.keep(ix, analysis.findings);
      analysis = { ...analysis, findings: kept, risk: keptRisk(analysis, kept) };
      this.opts.hooks?.onAnalysed?.(ix, analysis);
    }
    const flowDetections = this.opts.flows?.observe(ix, detections) ?? [];
    if (flowDetections.length > 0) {
      // Task scope and verdict-API blocks judged on this span: scored and kept like its other findings.
      const flowKept = this.traces.keep(ix, this.opts.analyzer.score(ix, flowDetections, { behavior: false }).findings);
      kept = [...kept, ...flowKept];
      analysis = { ...analysis, findings: [...analysis.findings, ...flowKept] };
      analysis = { ...analysis, risk: Scorer.spanRisk(analysis.findings) };
    }
    if (partial) analysis = { ...analysis, risk: { ...analysis.risk, partial: true } };
    let attrs: Attributes = riskAttributes(analysis.risk, analysis.findings.length, p.dialect ?? ix.dialect);
    const extra: Finding[] = [];
    for (const ext of this.opts.extensions ?? []) {
      try {
        const out = ext.onAnalysis(ix, analysis);
        if (out?.attributes) attrs = { ...attrs, ...out.attributes };
        if (out?.findings) for (const f of out.findings) extra.push(f);
      } catch (err) {
        // Extensions are contained like stages: the span is still enriched and forwarded; the failure is counted.
        this.opts.hooks?.onExtensionFailed?.(ext.constructor.name, err);
      }
    }
    attrs = this.applyCapture(batch, ref, view, attrs);
    batch.setSpanAttributes(ref, attrs);
    const all = [...kept, ...extra];
    if (!needsIdentity) this.traces.remember(view, { attributes: attrs, findings: all });
    if (this.opts.flows)
      this.analysed.set(`${view.traceId}/${view.spanId}`, {
        ref,
        view,
        dialect: p.dialect ?? ix.dialect,
        findings: analysis.findings,
        attributes: attrs,
        remembered: all,
      });
    for (const f of all) findings.push(f);
  }

  /**
   * The flows this batch touched, judged once all its spans are recorded (their order in the trace is known only
   * then): each hit is scored on the span it belongs on, passed to the extensions (automated response), and, when that
   * span is in this batch, its risk attributes and its replay record are updated.
   */
  private judgeFlows(batch: TraceBatch, findings: Finding[]): void {
    const flows = this.opts.flows;
    if (!flows) return;
    const analysed = this.analysed;
    this.analysed = new Map();
    for (const hit of flows.evaluate()) {
      const ix = hit.ix;
      const scored = this.opts.analyzer.score(ix, [hit.detection], { behavior: false });
      const kept = this.traces.keep(ix, scored.findings);
      if (kept.length === 0) continue;
      const extra: Finding[] = [];
      const a = analysed.get(`${ix.span.traceId}/${ix.span.spanId}`);
      const spanFindings = [...(a?.findings ?? []), ...kept];
      let attrs: Attributes = {};
      for (const ext of this.opts.extensions ?? []) {
        try {
          const out = ext.onAnalysis(ix, { findings: kept, risk: Scorer.spanRisk(spanFindings), suppressed: 0 });
          if (out?.attributes) attrs = { ...attrs, ...out.attributes };
          if (out?.findings) for (const f of out.findings) extra.push(f);
        } catch (err) {
          this.opts.hooks?.onExtensionFailed?.(ext.constructor.name, err);
        }
      }
      this.opts.hooks?.onFlowFindings?.(ix, kept);
      if (a) {
        attrs = {
          ...a.attributes,
          ...riskAttributes(Scorer.spanRisk(spanFindings), spanFindings.length, a.dialect),
          ...attrs,
        };
        batch.setSpanAttributes(a.ref, attrs);
        a.findings = spanFindings;
        a.attributes = attrs;
        a.remembered = [...a.remembered, ...kept, ...extra];
        this.traces.remember(a.view, { attributes: attrs, findings: a.remembered });
      }
      for (const f of [...kept, ...extra]) findings.push(f);
    }
  }

  /** Findings that waited for their identity: inherit it now, then score them (behavior included). */
  private finishWaiting(w: Waiting, findings: Finding[]): void {
    this.traces.inherit(w.ix);
    const analysis = this.opts.analyzer.score(w.ix, w.detections);
    const kept = this.traces.keep(w.ix, analysis.findings);
    this.opts.hooks?.onAnalysed?.(w.ix, { ...analysis, findings: kept, risk: keptRisk(analysis, kept) });
    for (const f of kept) findings.push(f);
  }

  private releaseWaits(findings: Finding[], all: boolean): void {
    for (const h of this.waits.release((h) => this.traces.complete(h.traceId, h.spanId, h.parentSpanId), all))
      this.finishWaiting(h.item, findings);
  }

  private takeCarry(): Finding[] {
    const c = this.carry;
    this.carry = [];
    return c;
  }

  /** The capture mode's rewrite of the span's attributes and events, merged over `attrs` (unchanged when full). */
  private applyCapture(batch: TraceBatch, ref: SpanRef, view: SpanView, attrs: Attributes): Attributes {
    if (!this.opts.capture) return attrs;
    const changed = this.opts.capture.rewrite(view.attributes);
    let rewritten = Object.keys(changed).length > 0;
    view.events.forEach((ev, i) => {
      const evChanged = this.opts.capture!.rewriteEvent(ev);
      if (Object.keys(evChanged).length === 0) return;
      batch.setSpanEventAttributes(ref, i, evChanged);
      rewritten = true;
    });
    return rewritten ? { ...changed, ...attrs, 'tracehound.capture.mode': this.opts.capture.mode } : attrs;
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

  /**
   * Findings to the sinks (each id once within the window: a retried batch's findings are recognised) and as logs
   * with the batch (ids already delivered to the next hop are not sent again; the rest go with every attempt).
   */
  private emit(batch: TraceBatch | LogBatch, findings: Finding[]): void {
    if (findings.length === 0) return;
    if (this.opts.forwardFindings) {
      const toSend = findings.filter((f) => !this.delivered.has(f.id));
      if (toSend.length > 0) {
        batch.emitLogs(toSend.map(findingToLog));
        if (batch.onLogsDelivered) batch.onLogsDelivered(() => toSend.forEach((f) => this.delivered.add(f.id)));
        else toSend.forEach((f) => this.delivered.add(f.id));
      }
    }
    this.writeSinks(findings);
  }

  /**
   * Findings reach the sinks only once their batch is acknowledged (pipeline/acknowledgement.ts), and each id once
   * within the window: the window is consulted when the write happens, so the findings of an attempt the client
   * retries (refused 429/503) are written on the attempt that is acknowledged, not skipped as "already written".
   */
  private writeSinks(findings: Finding[]): void {
    afterAcknowledged(() => {
      const fresh = findings.filter((f) => this.written.add(f.id));
      if (fresh.length === 0) return;
      for (const sink of this.opts.sinks) {
        try {
          sink.write(fresh);
        } catch {
          // Sinks queue and never throw by contract; a broken one must not stop the pipeline.
        }
      }
    });
  }

  async forceFlush(): Promise<void> {
    // Findings still waiting for their identity are released as they are: to the sinks now, as logs with the next batch.
    const released: Finding[] = [];
    this.releaseWaits(released, true);
    if (released.length > 0) {
      this.traces.annotate(released);
      this.writeSinks(released);
      if (this.opts.forwardFindings)
        for (const f of released) {
          if (this.carry.length < 10_000) this.carry.push(f);
          else this.carryDropped++;
        }
    }
    await Promise.all(this.opts.sinks.map((s) => s.forceFlush()));
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.opts.sinks.map((s) => s.shutdown()));
  }
}

/** The risk of the findings kept after trace correlation; the refusal signal of the analysis survives. */
function keptRisk(analysis: Analysis, kept: Finding[]): SpanRisk {
  const risk = Scorer.spanRisk(kept);
  return analysis.risk.refused ? { ...risk, refused: true } : risk;
}
