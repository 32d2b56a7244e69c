import type {
  EmittedLog,
  LogBatch,
  SpanRef,
  TraceBatch,
  AttrValue,
  Attributes,
  LogView,
  SpanView,
} from '@tracehound/core';
import { attrToAnyValue, encodeKeyValues } from './attributes.js';
import { logViews, traceViews, type PbLogsRequest, type PbTraceRequest } from './convert.js';
import { LOG_SHAPE, ordinalOf, TRACE_SHAPE, type ItemIndex, type SignalShape } from './item-index.js';
import { decodeLenient, T } from './proto.js';
import { decodeTraceViews } from './span-decode.js';
import { spliceRequest, type AttributeEdit, type ItemEdit } from './splice.js';

/**
 * Batches over the request bytes. Views are decoded lazily (only when a stage asks); edits are recorded and applied
 * at forward time by a wire-level splice, so a batch nothing edited forwards the original bytes. Rejected items
 * (invalid ids) are invisible to stages and dropped from the forwarded request.
 */

/** One recorded edit: attributes of the item, attributes of one of its span events, or a log record's body. */
interface Edit {
  ordinal: number;
  attributes?: Attributes;
  event?: { index: number; attributes: Attributes };
  body?: { value: AttrValue };
}

/** A position in a batch's edit log; rolling back to it discards what a failed stage did. */
export interface BatchCheckpoint {
  edits: number;
  logs: number;
}

/**
 * Encoded KeyValues of the enrichment attributes (tracehound.*), which repeat from span to span (score, severity,
 * dialect, rule lists): encoding each once instead of per span. Bounded; content attributes are never cached.
 */
const KV_CACHE_MAX = 4096;
const kvCache = new Map<string, Uint8Array>();

function cacheKey(key: string, v: AttrValue): string | undefined {
  if (!key.startsWith('tracehound.')) return undefined;
  switch (typeof v) {
    case 'string':
      return v.length <= 128 ? `${key}\u0000s${v}` : undefined;
    case 'number': // String() round-trips every double, and safe integers encode as ints whatever their sign of zero
      return `${key}\u0000n${v}`;
    case 'boolean':
      return `${key}\u0000b${v}`;
    default:
      break;
  }
  if (Array.isArray(v) && v.length <= 16 && v.every((x) => typeof x === 'string' && x.length <= 64))
    return `${key}\u0000a${JSON.stringify(v)}`;
  return undefined;
}

function encodeAttributes(attributes: Attributes): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    const ck = cacheKey(key, value);
    let bytes = ck === undefined ? undefined : kvCache.get(ck);
    if (!bytes) {
      const one: Attributes = Object.create(null) as Attributes;
      one[key] = value;
      bytes = encodeKeyValues(one)[0];
      if (ck !== undefined) {
        if (kvCache.size >= KV_CACHE_MAX) kvCache.clear();
        kvCache.set(ck, bytes);
      }
    }
    out.push(bytes);
  }
  return out;
}

interface MergedEdit {
  attributes: Attributes;
  events?: Map<number, Attributes>;
  body?: { value: AttrValue };
}

abstract class WireBatch {
  private readonly edits: Edit[] = [];
  private readonly emitted: EmittedLog[] = [];
  private readonly invalidSet: Set<number>;

  constructor(
    protected readonly shape: SignalShape,
    readonly body: Buffer,
    readonly index: ItemIndex,
    /** Cap on stage-emitted records per batch: memory stays bounded whatever a stage does. */
    private readonly maxEmitted = 10_000,
  ) {
    this.invalidSet = new Set(index.invalid);
  }

  get validCount(): number {
    return this.index.total - this.index.invalid.length;
  }

  protected isValid(ordinal: number): boolean {
    return !this.invalidSet.has(ordinal);
  }

  protected recordEdit(ordinal: number, attributes: Attributes): void {
    if (ordinal < 0 || !this.isValid(ordinal) || !attributes || typeof attributes !== 'object') return;
    this.edits.push({ ordinal, attributes: { ...attributes } });
  }

  protected recordEventEdit(ordinal: number, index: number, attributes: Attributes): void {
    if (ordinal < 0 || !this.isValid(ordinal) || !Number.isInteger(index) || index < 0) return;
    if (!attributes || typeof attributes !== 'object') return;
    this.edits.push({ ordinal, event: { index, attributes: { ...attributes } } });
  }

  protected recordBodyEdit(ordinal: number, value: AttrValue): void {
    if (ordinal < 0 || !this.isValid(ordinal) || value === undefined) return;
    this.edits.push({ ordinal, body: { value } });
  }

  emitLogs(logs: EmittedLog[]): void {
    if (!Array.isArray(logs)) return;
    for (const log of logs) if (this.emitted.length < this.maxEmitted) this.emitted.push(log);
  }

  checkpoint(): BatchCheckpoint {
    return { edits: this.edits.length, logs: this.emitted.length };
  }

  rollback(cp: BatchCheckpoint): void {
    this.edits.length = Math.min(this.edits.length, cp.edits);
    this.emitted.length = Math.min(this.emitted.length, cp.logs);
  }

  emittedLogs(): readonly EmittedLog[] {
    return this.emitted;
  }

  private readonly deliveredListeners: Array<() => void> = [];

  onLogsDelivered(listener: () => void): void {
    if (this.deliveredListeners.length < 64) this.deliveredListeners.push(listener);
  }

  /** The transport calls this once the emitted logs were accepted downstream. */
  logsDelivered(): void {
    for (const l of this.deliveredListeners.splice(0)) {
      try {
        l();
      } catch {
        // A listener's failure is the stage's own; delivery already happened.
      }
    }
  }

  /** True when the forwarded bytes equal the received bytes. */
  unchanged(): boolean {
    return this.edits.length === 0 && this.index.invalid.length === 0;
  }

  /** The request to forward: the original bytes, or a splice of them with drops and attribute edits applied. */
  forwardBody(): Buffer {
    if (this.unchanged()) return this.body;
    const merged = new Map<number, MergedEdit>();
    for (const e of this.edits) {
      let m = merged.get(e.ordinal);
      if (!m) merged.set(e.ordinal, (m = { attributes: {} }));
      if (e.attributes) Object.assign(m.attributes, e.attributes);
      if (e.event) {
        m.events ??= new Map();
        m.events.set(e.event.index, { ...m.events.get(e.event.index), ...e.event.attributes });
      }
      if (e.body) m.body = e.body; // last wins
    }
    const plan = new Map<number, ItemEdit>();
    for (const ordinal of this.index.invalid) plan.set(ordinal, { drop: true });
    for (const [ordinal, m] of merged) {
      const edit: ItemEdit = { keys: new Set(Object.keys(m.attributes)), keyValues: encodeAttributes(m.attributes) };
      if (m.events) {
        const events = new Map<number, AttributeEdit>();
        for (const [i, a] of m.events) events.set(i, { keys: new Set(Object.keys(a)), keyValues: encodeAttributes(a) });
        edit.events = events;
      }
      if (m.body) edit.body = T.AnyValue.encode(attrToAnyValue(m.body.value)).finish();
      plan.set(ordinal, edit);
    }
    return spliceRequest(this.shape, this.body, this.index, plan);
  }
}

export class WireTraceBatch extends WireBatch implements TraceBatch {
  readonly signal = 'traces' as const;
  private views?: { ref: SpanRef; view: SpanView }[];

  constructor(body: Buffer, index: ItemIndex) {
    super(TRACE_SHAPE, body, index);
  }

  spans(): ReadonlyArray<{ ref: SpanRef; view: SpanView }> {
    if (!this.views) {
      const keep = (o: number) => this.isValid(o);
      try {
        // Direct wire → view decoding; it refuses the rare request it cannot decode exactly like protobufjs.
        this.views = decodeTraceViews(this.body, keep);
      } catch {
        // Bytes were validated against the schema, so this decode does not fail on structure; invalid UTF-8 is
        // replaced, never a reason to fail (a stage that cannot read the batch would leave it unscanned).
        const req = decodeLenient(T.ExportTraceServiceRequest, this.body) as unknown as PbTraceRequest;
        this.views = traceViews(req, keep);
      }
    }
    return this.views;
  }

  setSpanAttributes(ref: SpanRef, attributes: Attributes): void {
    if (!ref) return;
    this.recordEdit(ordinalOf(this.index, ref.resource, ref.scope, ref.span), attributes);
  }

  setSpanEventAttributes(ref: SpanRef, eventIndex: number, attributes: Attributes): void {
    if (!ref) return;
    this.recordEventEdit(ordinalOf(this.index, ref.resource, ref.scope, ref.span), eventIndex, attributes);
  }
}

export class WireLogBatch extends WireBatch implements LogBatch {
  readonly signal = 'logs' as const;
  private views?: { index: number; view: LogView }[];

  constructor(body: Buffer, index: ItemIndex) {
    super(LOG_SHAPE, body, index);
  }

  logs(): ReadonlyArray<{ index: number; view: LogView }> {
    if (!this.views) {
      const req = decodeLenient(T.ExportLogsServiceRequest, this.body) as unknown as PbLogsRequest;
      this.views = logViews(req, (o) => this.isValid(o));
    }
    return this.views;
  }

  setLogAttributes(index: number, attributes: Attributes): void {
    if (!Number.isInteger(index) || index >= this.index.total) return;
    this.recordEdit(index, attributes);
  }

  setLogBody(index: number, body: AttrValue): void {
    if (!Number.isInteger(index) || index >= this.index.total) return;
    this.recordBodyEdit(index, body);
  }
}
