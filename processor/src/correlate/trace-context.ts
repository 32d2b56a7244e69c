/**
 * Reading each span in the context of its trace (the engine's view of trace-store.ts):
 *
 * - **identity**: user, session, conversation, tenant and workload a span lacks are inherited from its ancestors;
 * - **provenance**: retrieved content pasted into a prompt becomes a document of that span (provenance.ts), and
 *   context found in a model call's prompt is known to the trace (the template variables of the spans around it);
 * - **one attack, one finding**: a text already analysed in the trace is not analysed again, a finding already raised
 *   (same rule and evidence) is not raised again; the spans that repeated it are listed on the one finding
 *   (`relatedSpanIds`), which sits on the most specific span (model calls are analysed before tools, retrievals and
 *   the agent/workflow spans around them);
 * - **one call, counted once**: a model call traced twice (nested or overlapping spans, same model and token counts)
 *   is analysed once as a call; the other span is treated as a wrapper (no usage, no behavioral counts);
 * - **replays**: a span analysed again (a retried batch) yields the findings and span attributes of its first analysis.
 */
import { createHash } from 'node:crypto';
import type { Attributes, Finding, Interaction, SpanView } from '@tracehound/core';
import { BoundedStore } from '../behavior/state/store.js';
import type { ChannelText } from '../detect/detector.js';
import { readIdentity } from '../normalize/identity.js';
import { extractContext } from './provenance.js';
import { KIND_PRIORITY, TraceStore, type TraceState, type TraceStoreOptions } from './trace-store.js';

export interface TraceContextOptions extends TraceStoreOptions {
  /** Spans whose analysis is kept for replays. */
  maxReplays?: number;
}

/** What a replayed span gets back. */
export interface Replay {
  attributes: Attributes;
  findings: Finding[];
}

/** A span of the batch with its Interaction (null for plain spans). */
export interface BatchSpan<R> {
  ref: R;
  view: SpanView;
  ix: Interaction | null;
}

/**
 * Texts are the same for one-analysis-per-trace when they are equal and on the same side of the model: what goes
 * in (prompt, system, document, tool result) or what comes out (output, tool call). A question that was also
 * embedded, a document that was also pasted into a prompt: analysed once.
 */
function textKey(t: ChannelText): string {
  const side = t.channel === 'output' || t.channel === 'tool_call' ? 'out' : 'in';
  return `${side}:${createHash('sha1').update(t.text).digest('base64')}`;
}

export class TraceContext {
  readonly store: TraceStore;
  private readonly replays: BoundedStore<Replay>;
  /** Per batch: (span, channel) → spans that repeated its texts or findings. */
  private related = new Map<string, Set<string>>();
  readonly counts = { skippedTexts: 0, mergedFindings: 0, duplicateCalls: 0, movedDocuments: 0, replays: 0 };

  constructor(
    private readonly clock: () => number,
    options: TraceContextOptions = {},
  ) {
    this.store = new TraceStore(clock, options);
    this.replays = new BoundedStore<Replay>('replays', options.maxReplays ?? 50_000, options.ttlMs ?? 300_000);
  }

  /**
   * Record a batch before analysing it: every span of a trace that has GenAI spans (parents and the identity each
   * carries, plain spans included: an HTTP server span often holds the user), and the content that retrieval,
   * embedding and tool spans brought into the trace.
   */
  observe<R>(spans: ReadonlyArray<BatchSpan<R>>): void {
    for (const s of spans) {
      if (!s.ix) continue;
      const t = this.store.trace(s.view.traceId, true)!;
      this.store.recordSpan(t, s.view.spanId, s.view.parentSpanId, s.ix.identity);
      const ix = s.ix;
      if (ix.kind === 'retrieval')
        for (const d of ix.documents) if (d.content) this.store.addRetrieved(t, d.content, ix.span.spanId);
      if (ix.kind === 'embedding') for (const m of ix.input) this.store.addRetrieved(t, m.content, ix.span.spanId);
      if (ix.kind === 'tool_call' && ix.tool?.result) this.store.addRetrieved(t, ix.tool.result, ix.span.spanId);
    }
    for (const s of spans) {
      if (s.ix) continue;
      const t = this.store.trace(s.view.traceId, false);
      if (t)
        this.store.recordSpan(t, s.view.spanId, s.view.parentSpanId, readIdentity(s.view.attributes, s.view.resource));
    }
  }

  /** The Interactions of a batch in analysis order: by trace, model calls first, deeper and later-started first. */
  order<R>(spans: ReadonlyArray<BatchSpan<R>>): Array<BatchSpan<R> & { ix: Interaction }> {
    const withIx = spans.filter((s): s is BatchSpan<R> & { ix: Interaction } => s.ix !== null);
    const depth = new Map<BatchSpan<R>, number>();
    for (const s of withIx) depth.set(s, this.depth(s.view));
    return withIx.sort((a, b) => {
      if (a.view.traceId !== b.view.traceId) return a.view.traceId < b.view.traceId ? -1 : 1;
      const k = KIND_PRIORITY[a.ix.kind] - KIND_PRIORITY[b.ix.kind];
      if (k !== 0) return k;
      const d = depth.get(b)! - depth.get(a)!;
      if (d !== 0) return d;
      return a.view.startNs > b.view.startNs ? -1 : a.view.startNs < b.view.startNs ? 1 : 0;
    });
  }

  private depth(view: SpanView): number {
    const t = this.store.trace(view.traceId, false);
    let n = 0;
    let cur = view.parentSpanId;
    while (t && cur && n < 128) {
      n++;
      cur = t.spans.get(cur)?.parent;
    }
    return n;
  }

  /** The first analysis of a span seen before (a retried batch), if remembered. */
  replay(view: SpanView): Replay | undefined {
    const r = this.replays.get(`${view.traceId}/${view.spanId}`, this.clock());
    if (r) this.counts.replays++;
    return r;
  }

  remember(view: SpanView, r: Replay): void {
    this.replays.set(`${view.traceId}/${view.spanId}`, r, this.clock());
  }

  /**
   * Prepare an Interaction for analysis (in place): inherited identity, a duplicate model call turned into a wrapper,
   * retrieved content moved to documents. `complete` is false when an ancestor has not been seen yet.
   */
  prepare(ix: Interaction, scope?: string): { complete: boolean; duplicateOf?: string } {
    const t = this.store.trace(ix.span.traceId, true)!;
    const { complete } = this.store.inherit(t, ix.span.spanId, ix.span.parentSpanId, ix.identity);
    let duplicateOf: string | undefined;
    if (ix.kind === 'llm_call') {
      const dup = this.store.duplicateCall(t, ix, scope);
      if (dup) {
        duplicateOf = dup.spanId;
        ix.kind = 'agent';
        this.counts.duplicateCalls++;
      }
    }
    if (ix.kind === 'embedding') {
      // What is embedded is content to index or search with, not an instruction to a model: a document.
      for (const m of ix.input.splice(0)) if (m.content) ix.documents.push({ content: m.content, source: 'embedding' });
    }
    const before = ix.documents.length;
    const { moved } = extractContext(ix, t.retrieved);
    this.counts.movedDocuments += moved;
    // Context a model call was found to carry is retrieved content of the trace from then on: the prompt-template and
    // chain spans around the call (analysed after it) carry the same text among their template variables.
    if (ix.kind === 'llm_call')
      for (const d of ix.documents.slice(before)) if (d.content) this.store.addRetrieved(t, d.content, ix.span.spanId);
    return { complete, ...(duplicateOf ? { duplicateOf } : {}) };
  }

  /** The texts of this span not analysed earlier in its trace (repeats are noted as related to the first span). */
  newTexts(ix: Interaction, texts: ChannelText[]): ChannelText[] {
    const t = this.store.trace(ix.span.traceId, true)!;
    const spanId = ix.span.spanId;
    return texts.filter((txt) => {
      const prev = this.store.seenText(t, textKey(txt), { spanId, channel: txt.channel });
      if (!prev || prev.spanId === spanId) return true;
      // A tool span's own arguments are always read: the tool detectors judge the call from them (a repeat of the
      // model's finding is then merged by rule and evidence below, not raised again with less to go on).
      if (ix.kind === 'tool_call' && txt.channel === 'tool_call') return true;
      this.relate(prev.spanId, prev.channel, spanId);
      this.counts.skippedTexts++;
      return false;
    });
  }

  /**
   * The findings of a span that were not raised earlier in its trace (same rule and evidence); usage filled from
   * the model call that preceded a tool or retrieval span when the span has none.
   */
  keep(ix: Interaction, findings: Finding[]): Finding[] {
    const t = this.store.trace(ix.span.traceId, true)!;
    const kept: Finding[] = [];
    for (const f of findings) {
      const prev = this.store.seenFinding(t, findingKey(f), ix.span.spanId);
      if (prev) {
        this.relate(prev, f.channel, ix.span.spanId);
        this.counts.mergedFindings++;
        continue;
      }
      if (f.context.inputTokens === undefined && ix.kind !== 'agent') fillUsage(this.store, t, ix, f);
      kept.push(f);
    }
    return kept;
  }

  private relate(spanId: string, channel: string, other: string): void {
    const k = `${spanId}\u0000${channel}`;
    let set = this.related.get(k);
    if (!set) {
      if (this.related.size >= 10_000) return;
      set = new Set();
      this.related.set(k, set);
    }
    if (set.size < 64) set.add(other);
  }

  /** List the spans that repeated a finding's text on the finding (this batch's findings), then reset. */
  annotate(findings: Finding[]): void {
    for (const f of findings) {
      const set = this.related.get(`${f.spanId}\u0000${f.channel}`);
      if (set && set.size > 0) f.details = { ...f.details, relatedSpanIds: [...set].sort() };
    }
    this.related = new Map();
  }

  /** Ancestry of a span now known in full (for findings waiting for their identity). */
  complete(traceId: string, spanId: string, parentSpanId: string | undefined): boolean {
    const t = this.store.trace(traceId, false);
    if (!t) return false;
    return this.store.inherit(t, spanId, parentSpanId, {}).complete;
  }

  /** Fill identity from ancestors (again) for an Interaction whose findings waited. */
  inherit(ix: Interaction): void {
    const t = this.store.trace(ix.span.traceId, false);
    if (t) this.store.inherit(t, ix.span.spanId, ix.span.parentSpanId, ix.identity);
  }

  state(traceId: string): TraceState | undefined {
    return this.store.trace(traceId, false);
  }
}

/**
 * Same finding: same rule, same evidence up to its first '; ' (what follows qualifies it — "arguments carry a token",
 * "follows an injection signal" — and differs between the model's call and the tool's execution of it). JSON quoting
 * and braces do not count: the model's tool call carries `{"url":"…"}` where the tool span records the bare value, so
 * the snippet around one secret differs by them. A detector that can tell two matches apart by a one-way fingerprint
 * (secrets) sets `details.fingerprint`: two different keys whose redacted snippets look alike stay two findings.
 */
function findingKey(f: Finding): string {
  const cut = f.evidence.indexOf('; ');
  const head = (cut > 0 ? f.evidence.slice(0, cut) : f.evidence).replace(/["{}\\]/g, '').trim();
  const fp = f.details?.fingerprint;
  return `${f.rule.id}\u0000${head}${typeof fp === 'string' ? `\u0000${fp}` : ''}`;
}

/** Tool and retrieval spans carry no usage: their finding gets the usage of the model call just before them. */
function fillUsage(store: TraceStore, t: TraceState, ix: Interaction, f: Finding): void {
  if (ix.kind !== 'tool_call' && ix.kind !== 'retrieval') return;
  const call = store.callBefore(t, ix.timing.startNs);
  if (!call) return;
  if (call.usage.inputTokens !== undefined) f.context.inputTokens = call.usage.inputTokens;
  if (call.usage.outputTokens !== undefined) f.context.outputTokens = call.usage.outputTokens;
}
