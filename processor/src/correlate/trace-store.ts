/**
 * What the processor remembers about each recent trace, so that spans are read in the context of their trace:
 * identity and agent names inherited from ancestor spans, content retrieved earlier in the trace (to recognise it when
 * an app pastes it into a prompt), texts already analysed and findings already raised (one attack, one finding), and
 * the model calls already counted (one call traced twice counts once). Bounded: at most `maxTraces` traces (least
 * recently used evicted, idle ones expire after `ttlMs`), and per trace at most `maxSpans` spans, `maxTexts` text keys,
 * `maxRetrievedChars` characters of retrieved content and `maxCalls` model calls; evictions and drops are counted.
 */
import type { Identity, Interaction, InteractionKind, Usage } from '@tracehound/core';
import { BoundedStore } from '../behavior/state/store.js';

export interface TraceStoreOptions {
  maxTraces?: number;
  /** Idle time after which a trace is forgotten (ms). */
  ttlMs?: number;
  maxSpans?: number;
  maxTexts?: number;
  maxRetrievedChars?: number;
  maxCalls?: number;
}

/** The identity fields a span passes on to its descendants. */
export type InheritedIdentity = Pick<Identity, 'user' | 'session' | 'conversation' | 'tenant' | 'workload' | 'task'>;

const INHERITED: ReadonlyArray<keyof InheritedIdentity> = [
  'user',
  'session',
  'conversation',
  'tenant',
  'workload',
  'task',
];

interface SpanNode {
  parent?: string;
  identity?: InheritedIdentity;
}

/** One model call as counted: enough to recognise the same call traced by a second instrumentation. */
export interface ModelCall {
  spanId: string;
  startNs: bigint;
  endNs: bigint;
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  /** Instrumentation scope: one call traced twice comes from two instrumentations. */
  scope?: string;
  usage: Usage;
}

/** Where a text was first analysed in the trace. */
export interface FirstSeen {
  spanId: string;
  channel: string;
}

export interface TraceState {
  spans: Map<string, SpanNode>;
  /** Text key (channel + hash) → the span that analysed it. */
  texts: Map<string, FirstSeen>;
  /** Finding key (rule + evidence) → the span that raised it. */
  findings: Map<string, string>;
  retrieved: Array<{ text: string; spanId: string }>;
  retrievedChars: number;
  calls: ModelCall[];
}

export interface TraceStoreStats {
  /** Spans, texts, retrieved texts or calls not recorded because their trace was full. */
  dropped: number;
}

export class TraceStore {
  private readonly store: BoundedStore<TraceState>;
  private readonly maxSpans: number;
  private readonly maxTexts: number;
  private readonly maxRetrievedChars: number;
  private readonly maxCalls: number;
  readonly stats: TraceStoreStats = { dropped: 0 };

  constructor(
    private readonly clock: () => number,
    options: TraceStoreOptions = {},
  ) {
    this.store = new BoundedStore<TraceState>('traces', options.maxTraces ?? 10_000, options.ttlMs ?? 300_000);
    this.maxSpans = options.maxSpans ?? 1024;
    this.maxTexts = options.maxTexts ?? 4096;
    this.maxRetrievedChars = options.maxRetrievedChars ?? 256 * 1024;
    this.maxCalls = options.maxCalls ?? 256;
  }

  get size(): number {
    return this.store.size;
  }

  get evictions(): Readonly<Record<'lru' | 'ttl', number>> {
    return this.store.evictions;
  }

  /** The state of a trace, created when `create` (GenAI spans), else only if already known (plain spans). */
  trace(traceId: string, create: boolean): TraceState | undefined {
    const now = this.clock();
    if (!create) return this.store.get(traceId, now);
    return this.store.getOrCreate(traceId, now, () => ({
      spans: new Map(),
      texts: new Map(),
      findings: new Map(),
      retrieved: [],
      retrievedChars: 0,
      calls: [],
    }));
  }

  /** Record a span's parent and the identity it carries (only fields that are set). */
  recordSpan(t: TraceState, spanId: string, parent: string | undefined, identity?: Identity): void {
    let node = t.spans.get(spanId);
    if (!node) {
      if (t.spans.size >= this.maxSpans) {
        this.stats.dropped++;
        return;
      }
      node = {};
      t.spans.set(spanId, node);
    }
    if (parent) node.parent = parent;
    if (identity) {
      const own: InheritedIdentity = {};
      for (const k of INHERITED) if (identity[k]) own[k] = identity[k];
      if (Object.keys(own).length > 0) node.identity = { ...node.identity, ...own };
    }
  }

  /**
   * Fill the identity fields a span lacks from its nearest ancestors that carry them. `complete` is false when the
   * walk stopped at an ancestor not seen yet (it may still arrive).
   */
  inherit(t: TraceState, spanId: string, parent: string | undefined, identity: Identity): { complete: boolean } {
    let cur = parent;
    for (let depth = 0; cur && depth < 128; depth++) {
      const node = t.spans.get(cur);
      if (!node) return { complete: false };
      if (node.identity)
        for (const k of INHERITED) if (!identity[k] && node.identity[k]) identity[k] = node.identity[k];
      if (cur === spanId) break;
      cur = node.parent;
    }
    return { complete: true };
  }

  /** True when the text (by key) was analysed earlier in the trace; otherwise records it for `spanId`. */
  seenText(t: TraceState, key: string, at: FirstSeen): FirstSeen | undefined {
    const prev = t.texts.get(key);
    if (prev) return prev;
    if (t.texts.size < this.maxTexts) t.texts.set(key, at);
    else this.stats.dropped++;
    return undefined;
  }

  /** The span that already raised this finding key in the trace, or undefined (and `spanId` is recorded). */
  seenFinding(t: TraceState, key: string, spanId: string): string | undefined {
    const prev = t.findings.get(key);
    if (prev !== undefined && prev !== spanId) return prev;
    if (prev === undefined) {
      if (t.findings.size < this.maxTexts) t.findings.set(key, spanId);
      else this.stats.dropped++;
    }
    return undefined;
  }

  /** Content retrieved in the trace (documents, tool results, embedded texts), to recognise it inside prompts. */
  addRetrieved(t: TraceState, text: string, spanId: string): void {
    const s = text.trim();
    if (s.length < 24) return;
    if (t.retrieved.some((r) => r.text === s)) return;
    if (t.retrievedChars + s.length > this.maxRetrievedChars) {
      this.stats.dropped++;
      return;
    }
    t.retrieved.push({ text: s, spanId });
    t.retrievedChars += s.length;
  }

  /**
   * The model call this one duplicates (same trace, nested or overlapping in time, same model and token counts):
   * one call traced by two instrumentations. Otherwise the call is recorded and undefined returned.
   */
  duplicateCall(t: TraceState, ix: Interaction, scope?: string): ModelCall | undefined {
    const call: ModelCall = {
      spanId: ix.span.spanId,
      startNs: ix.timing.startNs,
      endNs: ix.timing.endNs,
      model: ix.responseModel ?? ix.model,
      inputTokens: ix.usage.inputTokens,
      outputTokens: ix.usage.outputTokens,
      ...(scope ? { scope } : {}),
      usage: ix.usage,
    };
    for (const c of t.calls) {
      if (c.spanId === call.spanId) return undefined;
      const overlap = c.startNs <= call.endNs && call.startNs <= c.endNs;
      const sameModel = !c.model || !call.model || modelsMatch(c.model, call.model);
      const sameUsage =
        c.inputTokens !== undefined &&
        c.inputTokens === call.inputTokens &&
        (c.outputTokens === undefined || call.outputTokens === undefined || c.outputTokens === call.outputTokens);
      // Two spans of one instrumentation are two calls, however alike.
      const twoInstrumentations = !c.scope || !call.scope || c.scope !== call.scope;
      if (overlap && sameModel && sameUsage && twoInstrumentations) return c;
    }
    if (t.calls.length < this.maxCalls) t.calls.push(call);
    else this.stats.dropped++;
    return undefined;
  }

  /** The last model call of the trace that ended before `startNs` (the call that asked for a tool, say). */
  callBefore(t: TraceState, startNs: bigint): ModelCall | undefined {
    let best: ModelCall | undefined;
    for (const c of t.calls) if (c.endNs <= startNs && (!best || c.endNs > best.endNs)) best = c;
    return best;
  }
}

/** `gpt-4o-mini` and `gpt-4o-mini-2024-07-18` name the same model (request vs response model). */
function modelsMatch(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);
}

/** Analysis order inside a trace: the model call first (it gets the finding), then what surrounds it. */
export const KIND_PRIORITY: Record<InteractionKind, number> = {
  llm_call: 0,
  tool_call: 1,
  retrieval: 2,
  embedding: 3,
  policy_decision: 4,
  auth: 5,
  provider_api: 5,
  agent: 6,
};
