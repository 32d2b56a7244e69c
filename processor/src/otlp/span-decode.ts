import type { SpanRef, AttrValue, Attributes, SpanEventView, SpanView } from '@tracehound/core';

/**
 * ExportTraceServiceRequest bytes → span views in one pass over the wire, without the protobufjs object tree
 * (message objects, Long timestamps, then a second conversion into views): about half the cost per span. It produces
 * exactly what convert.ts traceViews() produces from a protobufjs decode (a test holds them equal) and throws on
 * anything unusual — a known field with an unexpected wire type, truncation — so the caller can fall back to
 * protobufjs for such requests. Invalid UTF-8 is decoded with U+FFFD replacement, as the lenient protobufjs reader
 * (proto.ts decodeLenient) and the Collector do.
 */

const MAX_DEPTH = 32;
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

class Unexpected extends Error {}

/** Longest string interned, and the table size (a power of two); memory stays a few hundred KB at most. */
const MAX_INTERNED = 48;
const INTERN_SLOTS = 4096;
const INTERN: Array<string | undefined> = new Array<string | undefined>(INTERN_SLOTS);

function sameAscii(str: string, buf: Buffer, at: number): boolean {
  for (let k = 0; k < str.length; k++) if (str.charCodeAt(k) !== buf[at + k]) return false;
  return true;
}

/** Bounded read position; every read checks against `end` of its own message. */
class Reader {
  pos: number;
  constructor(
    readonly buf: Buffer,
    pos: number,
  ) {
    this.pos = pos;
  }

  varint32(end: number): number {
    // Low 32 bits of a varint, as protobufjs int32/uint32 read them (the rest of a 10-byte varint is skipped).
    const buf = this.buf;
    let v = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      if (this.pos >= end) throw new Unexpected();
      const b = buf[this.pos++];
      if (shift < 32) v |= (b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
    throw new Unexpected();
  }

  /** A varint as an unsigned 64-bit bigint (int64 fields). */
  varint64(end: number): bigint {
    const buf = this.buf;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= end) throw new Unexpected();
      const b = buf[this.pos++];
      if (i < 4) lo |= (b & 0x7f) << (7 * i);
      else if (i === 4) {
        lo |= (b & 0x0f) << 28;
        hi |= (b & 0x7f) >> 4;
      } else hi |= (b & 0x7f) << (7 * i - 32);
      if (b < 0x80) return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
    }
    throw new Unexpected();
  }

  /** End offset of a length-delimited payload starting here. */
  lenEnd(end: number): number {
    const len = this.varint32(end) >>> 0;
    const e = this.pos + len;
    if (e > end) throw new Unexpected();
    return e;
  }

  fixed64(end: number): bigint {
    if (this.pos + 8 > end) throw new Unexpected();
    const v = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    return v;
  }

  string(end: number): string {
    const e = this.lenEnd(end);
    const s = this.pos;
    this.pos = e;
    if (e - s <= MAX_INTERNED) {
      // Short strings (attribute keys, model and provider names, enum-like values) repeat from span to span: an
      // ASCII one is hashed while checked and served from a small direct-mapped table, without allocating.
      const buf = this.buf;
      let h = e - s;
      let i = s;
      for (; i < e; i++) {
        const c = buf[i];
        if (c >= 0x80) break;
        h = Math.imul(h ^ c, 16777619);
      }
      if (i === e) {
        const slot = (h >>> 0) & (INTERN_SLOTS - 1);
        const hit = INTERN[slot];
        if (hit !== undefined && hit.length === e - s && sameAscii(hit, buf, s)) return hit;
        const str = buf.toString('latin1', s, e);
        INTERN[slot] = str;
        return str;
      }
    }
    return utf8.decode(this.buf.subarray(s, e));
  }

  /** Skips a field's value (unknown fields). */
  skip(wireType: number, end: number): void {
    switch (wireType) {
      case 0:
        this.varint32(end);
        return;
      case 1:
        if ((this.pos += 8) > end) throw new Unexpected();
        return;
      case 2:
        this.pos = this.lenEnd(end);
        return;
      case 5:
        if ((this.pos += 4) > end) throw new Unexpected();
        return;
      default:
        throw new Unexpected(); // groups: leave them to protobufjs
    }
  }
}

function expect(wireType: number, want: number): void {
  if (wireType !== want) throw new Unexpected();
}

function hexOf(r: Reader, end: number): string {
  const e = r.lenEnd(end);
  const s = r.pos;
  r.pos = e;
  return e > s ? r.buf.toString('hex', s, e) : '';
}

function anyValue(r: Reader, end: number, depth: number): AttrValue {
  if (depth > MAX_DEPTH) {
    // Past the depth cap attributes.ts converts a value to null: skip its bytes without recursing.
    r.pos = end;
    return null;
  }
  let value: AttrValue = null;
  let seen = false;
  while (r.pos < end) {
    const tag = r.varint32(end);
    const field = tag >>> 3;
    const wt = tag & 7;
    if (field >= 1 && field <= 7) {
      // Two oneof members, or one twice (protobufjs merges those): leave such values to protobufjs.
      if (seen) throw new Unexpected();
      seen = true;
    }
    switch (field) {
      case 1:
        expect(wt, 2);
        value = r.string(end);
        break;
      case 2:
        expect(wt, 0);
        value = r.varint32(end) !== 0;
        break;
      case 3: {
        expect(wt, 0);
        const v = BigInt.asIntN(64, r.varint64(end));
        value = v >= MIN_SAFE && v <= MAX_SAFE ? Number(v) : v;
        break;
      }
      case 4:
        expect(wt, 1);
        if (r.pos + 8 > end) throw new Unexpected();
        value = r.buf.readDoubleLE(r.pos);
        r.pos += 8;
        break;
      case 5: {
        expect(wt, 2);
        const e = r.lenEnd(end);
        value = arrayValue(r, e, depth + 1);
        r.pos = e;
        break;
      }
      case 6: {
        expect(wt, 2);
        const e = r.lenEnd(end);
        value = kvList(r, e, depth + 1);
        r.pos = e;
        break;
      }
      case 7: {
        expect(wt, 2);
        const e = r.lenEnd(end);
        value = r.buf.subarray(r.pos, e);
        r.pos = e;
        break;
      }
      default:
        r.skip(wt, end);
    }
  }
  return value;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function arrayValue(r: Reader, end: number, depth: number): AttrValue[] {
  const out: AttrValue[] = [];
  while (r.pos < end) {
    const tag = r.varint32(end);
    if (tag >>> 3 === 1) {
      expect(tag & 7, 2);
      const e = r.lenEnd(end);
      out.push(anyValue(r, e, depth));
      r.pos = e;
    } else r.skip(tag & 7, end);
  }
  return out;
}

function kvList(r: Reader, end: number, depth: number): Attributes {
  const out: Attributes = Object.create(null) as Attributes;
  while (r.pos < end) {
    const tag = r.varint32(end);
    if (tag >>> 3 === 1) {
      expect(tag & 7, 2);
      const e = r.lenEnd(end);
      keyValue(r, e, depth, out);
      r.pos = e;
    } else r.skip(tag & 7, end);
  }
  return out;
}

function keyValue(r: Reader, end: number, depth: number, into: Attributes): void {
  let key = '';
  let value: AttrValue = null;
  let hasValue = false;
  while (r.pos < end) {
    const tag = r.varint32(end);
    const field = tag >>> 3;
    if (field === 1) {
      expect(tag & 7, 2);
      key = r.string(end);
    } else if (field === 2) {
      expect(tag & 7, 2);
      if (hasValue) throw new Unexpected(); // protobufjs merges repeated singular messages
      hasValue = true;
      const e = r.lenEnd(end);
      value = anyValue(r, e, depth);
      r.pos = e;
    } else r.skip(tag & 7, end);
  }
  into[key] = value;
}

/** Repeated KeyValue field `field` of the message in [pos, end): every other field skipped. */
function attributesOf(r: Reader, end: number, field: number): Attributes {
  const out: Attributes = Object.create(null) as Attributes;
  while (r.pos < end) {
    const tag = r.varint32(end);
    if (tag >>> 3 === field) {
      expect(tag & 7, 2);
      const e = r.lenEnd(end);
      keyValue(r, e, 0, out);
      r.pos = e;
    } else r.skip(tag & 7, end);
  }
  return out;
}

function scopeOf(r: Reader, end: number): { name: string; version?: string } {
  let name = '';
  let version = '';
  while (r.pos < end) {
    const tag = r.varint32(end);
    const field = tag >>> 3;
    if (field === 1) {
      expect(tag & 7, 2);
      name = r.string(end);
    } else if (field === 2) {
      expect(tag & 7, 2);
      version = r.string(end);
    } else r.skip(tag & 7, end);
  }
  return version ? { name, version } : { name };
}

function eventOf(r: Reader, end: number): SpanEventView {
  let name = '';
  let timeNs = 0n;
  const attributes: Attributes = Object.create(null) as Attributes;
  while (r.pos < end) {
    const tag = r.varint32(end);
    const field = tag >>> 3;
    const wt = tag & 7;
    if (field === 1) {
      expect(wt, 1);
      timeNs = r.fixed64(end);
    } else if (field === 2) {
      expect(wt, 2);
      name = r.string(end);
    } else if (field === 3) {
      expect(wt, 2);
      const e = r.lenEnd(end);
      keyValue(r, e, 0, attributes);
      r.pos = e;
    } else r.skip(wt, end);
  }
  return { name, timeNs, attributes };
}

function statusOf(r: Reader, end: number): { code: number; message?: string } {
  let code = 0;
  let message = '';
  while (r.pos < end) {
    const tag = r.varint32(end);
    const field = tag >>> 3;
    if (field === 2) {
      expect(tag & 7, 2);
      message = r.string(end);
    } else if (field === 3) {
      expect(tag & 7, 0);
      code = r.varint32(end);
    } else r.skip(tag & 7, end);
  }
  return message ? { code, message } : { code };
}

function spanOf(r: Reader, end: number, resource: Attributes, scope: { name: string; version?: string }): SpanView {
  let traceId = '';
  let spanId = '';
  let parent = '';
  let name = '';
  let kind = 0;
  let startNs = 0n;
  let endNs = 0n;
  const attributes: Attributes = Object.create(null) as Attributes;
  const events: SpanEventView[] = [];
  let status: { code: number; message?: string } | undefined;
  while (r.pos < end) {
    const tag = r.varint32(end);
    const field = tag >>> 3;
    const wt = tag & 7;
    switch (field) {
      case 1:
        expect(wt, 2);
        traceId = hexOf(r, end);
        break;
      case 2:
        expect(wt, 2);
        spanId = hexOf(r, end);
        break;
      case 4:
        expect(wt, 2);
        parent = hexOf(r, end);
        break;
      case 5:
        expect(wt, 2);
        name = r.string(end);
        break;
      case 6:
        expect(wt, 0);
        kind = r.varint32(end);
        break;
      case 7:
        expect(wt, 1);
        startNs = r.fixed64(end);
        break;
      case 8:
        expect(wt, 1);
        endNs = r.fixed64(end);
        break;
      case 9: {
        expect(wt, 2);
        const e = r.lenEnd(end);
        keyValue(r, e, 0, attributes);
        r.pos = e;
        break;
      }
      case 11: {
        expect(wt, 2);
        const e = r.lenEnd(end);
        events.push(eventOf(r, e));
        r.pos = e;
        break;
      }
      case 15: {
        expect(wt, 2);
        if (status) throw new Unexpected(); // protobufjs merges repeated singular messages
        const e = r.lenEnd(end);
        status = statusOf(r, e);
        r.pos = e;
        break;
      }
      default:
        r.skip(wt, end);
    }
  }
  const view: SpanView = { traceId, spanId, name, kind, startNs, endNs, attributes, events, resource, scope };
  if (parent) view.parentSpanId = parent;
  if (status) view.status = status;
  return view;
}

/**
 * Views of every span whose ordinal `keep` accepts, in request order, with their position; same contract as
 * convert.ts traceViews(). Throws on input it does not handle exactly like protobufjs (the caller falls back).
 */
export function decodeTraceViews(body: Buffer, keep: (ordinal: number) => boolean): { ref: SpanRef; view: SpanView }[] {
  const r = new Reader(body, 0);
  const end = body.length;
  const out: { ref: SpanRef; view: SpanView }[] = [];
  let ordinal = 0;
  let rIndex = 0;
  while (r.pos < end) {
    const tag = r.varint32(end);
    if (tag >>> 3 !== 1) {
      r.skip(tag & 7, end);
      continue;
    }
    expect(tag & 7, 2);
    const rsEnd = r.lenEnd(end);
    const rsStart = r.pos;
    // The resource may come after the scope spans on the wire: read it first.
    let resource: Attributes | undefined;
    while (r.pos < rsEnd) {
      const t = r.varint32(rsEnd);
      if (t >>> 3 === 1) {
        expect(t & 7, 2);
        if (resource) throw new Unexpected(); // protobufjs merges repeated singular messages
        const e = r.lenEnd(rsEnd);
        resource = attributesOf(r, e, 1);
        r.pos = e;
      } else r.skip(t & 7, rsEnd);
    }
    resource ??= Object.create(null) as Attributes;
    r.pos = rsStart;
    let sIndex = 0;
    while (r.pos < rsEnd) {
      const t = r.varint32(rsEnd);
      if (t >>> 3 !== 2) {
        r.skip(t & 7, rsEnd);
        continue;
      }
      expect(t & 7, 2);
      const ssEnd = r.lenEnd(rsEnd);
      const ssStart = r.pos;
      let scope: { name: string; version?: string } | undefined;
      while (r.pos < ssEnd) {
        const u = r.varint32(ssEnd);
        if (u >>> 3 === 1) {
          expect(u & 7, 2);
          if (scope) throw new Unexpected(); // protobufjs merges repeated singular messages
          const e = r.lenEnd(ssEnd);
          scope = scopeOf(r, e);
          r.pos = e;
        } else r.skip(u & 7, ssEnd);
      }
      scope ??= { name: '' };
      r.pos = ssStart;
      let i = 0;
      while (r.pos < ssEnd) {
        const u = r.varint32(ssEnd);
        if (u >>> 3 !== 2) {
          r.skip(u & 7, ssEnd);
          continue;
        }
        expect(u & 7, 2);
        const e = r.lenEnd(ssEnd);
        if (keep(ordinal))
          out.push({ ref: { resource: rIndex, scope: sIndex, span: i }, view: spanOf(r, e, resource, scope) });
        r.pos = e;
        ordinal++;
        i++;
      }
      sIndex++;
    }
    rIndex++;
  }
  return out;
}
