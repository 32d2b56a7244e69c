import { LOG_SHAPE, TRACE_SHAPE, type ItemIndex, type SignalShape } from './item-index.js';
import { Cursor, lenPrefix, Parts, WT_LEN } from './wire.js';

/**
 * Rewrites an Export*ServiceRequest at the wire level: drops rejected items, replaces/appends attributes on edited
 * items and on their span events, and replaces log record bodies. Every byte outside the edited fields — unknown fields
 * included, at any level — is copied verbatim; only the length prefixes of the enclosing messages are re-emitted.
 */

/** Replace/append attributes of one message (an item, or a span event). */
export interface AttributeEdit {
  /** Keys being set: existing KeyValues with these keys are removed (replace semantics). */
  keys: ReadonlySet<string>;
  /** Encoded KeyValue messages to append to the message's attributes. */
  keyValues: readonly Uint8Array[];
}

export type ItemEdit =
  | { drop: true }
  | (AttributeEdit & {
      drop?: false;
      /** Spans only: attribute edits of Span.events, by the event's position among the span's events. */
      events?: ReadonlyMap<number, AttributeEdit>;
      /** Log records only: an encoded AnyValue that replaces LogRecord.body. */
      body?: Uint8Array;
    });

const RESOURCE_FIELD = 1;
const SCOPE_FIELD = 2;
const ITEM_FIELD = 2;
const SPAN_EVENTS_FIELD = 11; // Span.events
const EVENT_ATTRIBUTES_FIELD = 3; // Span.Event.attributes
const LOG_BODY_FIELD = 5; // LogRecord.body

/** Copies runs of untouched bytes as single slices. */
class Copier {
  private from: number;
  constructor(
    private readonly buf: Buffer,
    start: number,
    readonly out: Parts,
  ) {
    this.from = start;
  }
  /** Ends the current run at `at` (exclusive) and resumes copying at `resume`. */
  cut(at: number, resume: number): void {
    if (at > this.from) this.out.push(this.buf.subarray(this.from, at));
    this.from = resume;
  }
}

function touchedIn(touched: Uint8Array, first: number, count: number): boolean {
  for (let i = first; i < first + count; i++) if (touched[i]) return true;
  return false;
}

function keyOf(buf: Buffer, start: number, end: number): string | undefined {
  const c = new Cursor(buf, start, end);
  let key: string | undefined;
  while (c.more()) {
    const tag = c.tag();
    if (tag >>> 3 === 1 && (tag & 7) === WT_LEN) {
      const e = c.lenEnd();
      key = buf.toString('utf8', c.pos, e);
      c.pos = e;
    } else {
      c.skip(tag & 7, tag >>> 3);
    }
  }
  return key;
}

/** The message in [start, end) with the KeyValues of field `attributesField` edited; everything else verbatim. */
function rewriteAttributes(
  buf: Buffer,
  start: number,
  end: number,
  attributesField: number,
  edit: AttributeEdit,
): Parts {
  const out = new Parts();
  const copier = new Copier(buf, start, out);
  const c = new Cursor(buf, start, end);
  while (c.more()) {
    const fieldStart = c.pos;
    const tag = c.tag();
    const fieldNo = tag >>> 3;
    const wt = tag & 7;
    if (fieldNo === attributesField && wt === WT_LEN && edit.keys.size > 0) {
      const e = c.lenEnd();
      const key = keyOf(buf, c.pos, e);
      if (key !== undefined && edit.keys.has(key)) copier.cut(fieldStart, e);
      c.pos = e;
    } else {
      c.skip(wt, fieldNo);
    }
  }
  copier.cut(end, end);
  for (const kv of edit.keyValues) {
    out.push(lenPrefix(attributesField, kv.length));
    out.push(kv);
  }
  return out;
}

function rewriteItem(
  shape: SignalShape,
  buf: Buffer,
  start: number,
  end: number,
  edit: Exclude<ItemEdit, { drop: true }>,
): Parts {
  // Field numbers differ per signal (Span.name is field 5, LogRecord.observed_time field 11): gate by shape.
  const events = shape === TRACE_SHAPE && edit.events && edit.events.size > 0 ? edit.events : undefined;
  const body = shape === LOG_SHAPE ? edit.body : undefined;
  if (!events && !body) return rewriteAttributes(buf, start, end, shape.attributesField, edit);
  const out = new Parts();
  const copier = new Copier(buf, start, out);
  const c = new Cursor(buf, start, end);
  let eventNo = 0;
  let bodyWritten = false;
  while (c.more()) {
    const fieldStart = c.pos;
    const tag = c.tag();
    const fieldNo = tag >>> 3;
    const wt = tag & 7;
    if (wt !== WT_LEN) {
      c.skip(wt, fieldNo);
      continue;
    }
    const e = c.lenEnd();
    if (fieldNo === shape.attributesField && edit.keys.size > 0) {
      const key = keyOf(buf, c.pos, e);
      if (key !== undefined && edit.keys.has(key)) copier.cut(fieldStart, e);
    } else if (events && fieldNo === SPAN_EVENTS_FIELD) {
      const ev = events.get(eventNo++);
      if (ev) {
        copier.cut(fieldStart, e);
        out.appendField(SPAN_EVENTS_FIELD, rewriteAttributes(buf, c.pos, e, EVENT_ATTRIBUTES_FIELD, ev));
      }
    } else if (body && fieldNo === LOG_BODY_FIELD) {
      // A repeated singular message field merges on decode: every occurrence is replaced by the one new body.
      copier.cut(fieldStart, e);
      if (!bodyWritten) {
        out.push(lenPrefix(LOG_BODY_FIELD, body.length));
        out.push(body);
        bodyWritten = true;
      }
    }
    c.pos = e;
  }
  copier.cut(end, end);
  if (body && !bodyWritten) {
    out.push(lenPrefix(LOG_BODY_FIELD, body.length));
    out.push(body);
  }
  for (const kv of edit.keyValues) {
    out.push(lenPrefix(shape.attributesField, kv.length));
    out.push(kv);
  }
  return out;
}

export function spliceRequest(
  shape: SignalShape,
  buf: Buffer,
  index: ItemIndex,
  edits: ReadonlyMap<number, ItemEdit>,
): Buffer {
  if (edits.size === 0) return buf;
  const touched = new Uint8Array(index.total);
  for (const ordinal of edits.keys()) if (ordinal >= 0 && ordinal < index.total) touched[ordinal] = 1;

  const out = new Parts();
  const top = new Copier(buf, 0, out);
  const tc = new Cursor(buf, 0, buf.length);
  let r = 0;
  while (tc.more()) {
    const rStart = tc.pos;
    const tag = tc.tag();
    if (tag >>> 3 !== RESOURCE_FIELD || (tag & 7) !== WT_LEN) {
      tc.skip(tag & 7, tag >>> 3);
      continue;
    }
    const rEnd = tc.lenEnd();
    const resource = index.resources[r++];
    if (resource && touchedIn(touched, resource.firstItem, resource.itemCount)) {
      const rParts = new Parts();
      const rCopy = new Copier(buf, tc.pos, rParts);
      const rc = new Cursor(buf, tc.pos, rEnd);
      let s = 0;
      while (rc.more()) {
        const sStart = rc.pos;
        const stag = rc.tag();
        if (stag >>> 3 !== SCOPE_FIELD || (stag & 7) !== WT_LEN) {
          rc.skip(stag & 7, stag >>> 3);
          continue;
        }
        const sEnd = rc.lenEnd();
        const scope = resource.scopes[s++];
        if (scope && touchedIn(touched, scope.firstItem, scope.itemCount)) {
          const sParts = new Parts();
          const sCopy = new Copier(buf, rc.pos, sParts);
          const sc = new Cursor(buf, rc.pos, sEnd);
          let ordinal = scope.firstItem;
          while (sc.more()) {
            const iStart = sc.pos;
            const itag = sc.tag();
            if (itag >>> 3 !== ITEM_FIELD || (itag & 7) !== WT_LEN) {
              sc.skip(itag & 7, itag >>> 3);
              continue;
            }
            const iEnd = sc.lenEnd();
            const edit = touched[ordinal] ? edits.get(ordinal) : undefined;
            if (edit?.drop) {
              sCopy.cut(iStart, iEnd);
            } else if (edit) {
              sCopy.cut(iStart, iEnd);
              sParts.appendField(ITEM_FIELD, rewriteItem(shape, buf, sc.pos, iEnd, edit));
            }
            ordinal++;
            sc.pos = iEnd;
          }
          sCopy.cut(sEnd, sEnd);
          rCopy.cut(sStart, sEnd);
          rParts.appendField(SCOPE_FIELD, sParts);
        }
        rc.pos = sEnd;
      }
      rCopy.cut(rEnd, rEnd);
      top.cut(rStart, rEnd);
      out.appendField(RESOURCE_FIELD, rParts);
    }
    tc.pos = rEnd;
  }
  top.cut(buf.length, buf.length);
  return out.toBuffer();
}
