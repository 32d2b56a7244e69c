/**
 * Bounded holding area for GenAI content log records waiting for their span (or a span waiting for its logs): an
 * instrumentation exports logs and spans in separate requests, in either order. Entries are keyed by trace id + span
 * id, ordered by last use (a Map in insertion order; re-inserted on every add), expire `ttlMs` after their last add,
 * and the least recently used entry is evicted beyond `maxEntries`. Expired and evicted entries are handed back by
 * drainExpired() so the engine scores what it has; nothing is silently lost except beyond the hard bounds (counted).
 */
import type { LogView, SpanView } from '@tracehound/core';
import { str } from './attrs.js';
import { isContentEvent, isContentLog } from './events.js';
import { kindFromOperation } from './genai.js';

export interface LogCorrelatorOptions {
  /** Most spans with pending logs held at once. */
  maxEntries: number;
  /** How long an entry waits for its span after its last log arrived. */
  ttlMs: number;
  /** Milliseconds clock (injectable for tests). */
  clock?: () => number;
  /** Most log records kept per span (the rest are dropped and counted). Default 256. */
  maxLogsPerEntry?: number;
}

interface Pending {
  logs: LogView[];
  touchedAt: number;
}

const CURRENT_CONTENT_KEYS = ['gen_ai.input.messages', 'gen_ai.output.messages'] as const;
const LEGACY_CONTENT_KEYS = [
  'gen_ai.prompt.0.content',
  'gen_ai.prompt.0.role',
  'gen_ai.completion.0.content',
  'gen_ai.completion.0.role',
] as const;

/**
 * True for a GenAI model-call span of a dialect that may carry its content in log records or events (OTel GenAI,
 * current or legacy, and OpenLIT) and that has no content inline: worth a bounded wait for its logs.
 */
export function spanExpectsLogs(span: SpanView): boolean {
  const a = span.attributes;
  if (
    a['openinference.span.kind'] !== undefined ||
    a['ai.operationId'] !== undefined ||
    a['traceloop.span.kind'] !== undefined
  )
    return false;
  const op = str(a, 'gen_ai.operation.name');
  if (op === undefined) {
    if (a['gen_ai.system'] === undefined && a['gen_ai.provider.name'] === undefined) return false;
    if (a['llm.request.type'] !== undefined) return false; // OpenLLMetry keeps content inline
  } else {
    const k = kindFromOperation(op);
    if (k !== 'llm_call' && k !== 'agent') return false;
  }
  for (const k of CURRENT_CONTENT_KEYS) if (a[k] !== undefined) return false;
  for (const k of LEGACY_CONTENT_KEYS) if (a[k] !== undefined) return false;
  for (const e of span.events) if (isContentEvent(e)) return false;
  return true;
}

export class LogCorrelator {
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly clock: () => number;
  private readonly maxLogsPerEntry: number;
  private readonly pending = new Map<string, Pending>();
  private evicted: LogView[][] = [];
  private droppedLogs = 0;

  constructor(opts: LogCorrelatorOptions) {
    this.maxEntries = Math.max(1, Math.floor(opts.maxEntries));
    this.ttlMs = Math.max(0, opts.ttlMs);
    this.clock = opts.clock ?? Date.now;
    this.maxLogsPerEntry = Math.max(1, Math.floor(opts.maxLogsPerEntry ?? 256));
  }

  private static key(traceId: string, spanId: string): string {
    return `${traceId}/${spanId}`;
  }

  /**
   * Hold the GenAI content records among `logs` (others are ignored). Returns the content records that carry no
   * trace/span id and so can never be correlated: the caller normalizes them on their own (normalizeLogs).
   */
  add(logs: readonly LogView[]): LogView[] {
    const uncorrelated: LogView[] = [];
    const now = this.clock();
    for (const log of logs) {
      if (!isContentLog(log)) continue;
      if (!log.traceId || !log.spanId) {
        uncorrelated.push(log);
        continue;
      }
      const key = LogCorrelator.key(log.traceId, log.spanId);
      let entry = this.pending.get(key);
      if (entry) {
        if (entry.logs.length >= this.maxLogsPerEntry) {
          this.droppedLogs++;
          continue;
        }
        this.pending.delete(key); // re-insert: most recently used goes last
      } else {
        entry = { logs: [], touchedAt: now };
      }
      entry.logs.push(log);
      entry.touchedAt = now;
      this.pending.set(key, entry);
      if (this.pending.size > this.maxEntries) this.evictOldest();
    }
    return uncorrelated;
  }

  private evictOldest(): void {
    const first = this.pending.entries().next();
    if (first.done) return;
    const [key, entry] = first.value;
    this.pending.delete(key);
    if (this.evicted.length < this.maxEntries) this.evicted.push(entry.logs);
    else this.droppedLogs += entry.logs.length;
  }

  /** The held records of one span (removed from the correlator); empty when none. */
  take(traceId: string, spanId: string): LogView[] {
    const key = LogCorrelator.key(traceId, spanId);
    const entry = this.pending.get(key);
    if (!entry) return [];
    this.pending.delete(key);
    return entry.logs;
  }

  /** Whether records are held for this span (without taking them). */
  has(traceId: string, spanId: string): boolean {
    return this.pending.has(LogCorrelator.key(traceId, spanId));
  }

  /** Spans with held records. */
  get size(): number {
    return this.pending.size;
  }

  /** Log records dropped because a hard bound was hit. */
  get dropped(): number {
    return this.droppedLogs;
  }

  /** See spanExpectsLogs. */
  expectsLogs(span: SpanView): boolean {
    return spanExpectsLogs(span);
  }

  /**
   * Records whose span did not come within the TTL, plus entries evicted by the size bound, one array per span.
   * Cost is proportional to what is returned (entries are ordered by last use).
   */
  drainExpired(): LogView[][] {
    const out = this.evicted;
    this.evicted = [];
    const now = this.clock();
    for (const [key, entry] of this.pending) {
      if (now - entry.touchedAt < this.ttlMs) break;
      this.pending.delete(key);
      out.push(entry.logs);
    }
    return out;
  }

  /** Everything held (for forceFlush / shutdown). */
  drainAll(): LogView[][] {
    const out = this.evicted;
    this.evicted = [];
    for (const entry of this.pending.values()) out.push(entry.logs);
    this.pending.clear();
    return out;
  }
}
