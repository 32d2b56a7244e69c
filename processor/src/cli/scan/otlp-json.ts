import type { AttrValue, Attributes, LogView, SpanEventView, SpanView } from '@tracehound/core';

/**
 * OTLP/JSON (as the Collector's file exporter writes it) → SpanView / LogView, for offline scans. Accepts
 * lowerCamelCase and snake_case field names, hex or base64 ids, integer or string enums, and string or number
 * 64-bit integers. Never throws: malformed parts are skipped and counted.
 */

type Obj = Record<string, unknown>;
const MAX_DEPTH = 16;

export interface Converted<T> {
  items: T[];
  /** Entries that were not objects where objects were expected. */
  skipped: number;
}

const SPAN_KIND: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
const STATUS_CODE: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };
const SEVERITY_NUMBER: Record<string, number> = Object.fromEntries(
  ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'].flatMap((level, i) =>
    ['', '2', '3', '4'].map((n, j) => [`SEVERITY_NUMBER_${level}${n}`, i * 4 + j + 1]),
  ),
);

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const snakeNames = new Map<string, string>();

function snake(camel: string): string {
  let s = snakeNames.get(camel);
  if (s === undefined) {
    s = '';
    for (const ch of camel) s += ch >= 'A' && ch <= 'Z' ? `_${ch.toLowerCase()}` : ch;
    snakeNames.set(camel, s);
  }
  return s;
}

/** Field by its lowerCamelCase or snake_case name. */
function field(o: Obj, camel: string): unknown {
  return Object.hasOwn(o, camel) ? o[camel] : o[snake(camel)];
}

function list(o: Obj, camel: string): unknown[] {
  const v = field(o, camel);
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function enumValue(v: unknown, names: Record<string, number>): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string') return names[v] ?? (Number.isInteger(Number(v)) ? Number(v) : 0);
  return 0;
}

function nanos(v: unknown): bigint {
  try {
    if (typeof v === 'string' && v !== '') return BigInt(v);
    if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.trunc(v));
  } catch {
    // not a number: treat as absent
  }
  return 0n;
}

function isHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

/** Ids are hex in OTLP/JSON; generic protobuf JSON writers use base64. Returns lowercase hex, '' when absent. */
export function normalizeId(v: unknown, bytes: number): string {
  if (typeof v !== 'string' || v === '') return '';
  if (v.length === bytes * 2 && isHex(v)) return v.toLowerCase();
  const raw = Buffer.from(v, 'base64');
  if (raw.length === bytes) return raw.toString('hex');
  return isHex(v) ? v.toLowerCase() : '';
}

function intValue(v: unknown): number | bigint {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    try {
      const b = BigInt(v);
      return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
    } catch {
      return 0;
    }
  }
  return 0;
}

export function anyValue(v: unknown, depth = 0): AttrValue {
  if (!isObj(v) || depth > MAX_DEPTH) return null;
  if ('stringValue' in v || 'string_value' in v) return str(field(v, 'stringValue')) ?? '';
  if ('boolValue' in v || 'bool_value' in v) return field(v, 'boolValue') === true;
  if ('intValue' in v || 'int_value' in v) return intValue(field(v, 'intValue'));
  if ('doubleValue' in v || 'double_value' in v) {
    const d = field(v, 'doubleValue');
    return typeof d === 'number' ? d : Number(d);
  }
  if ('bytesValue' in v || 'bytes_value' in v) {
    const b = field(v, 'bytesValue');
    return typeof b === 'string' ? new Uint8Array(Buffer.from(b, 'base64')) : new Uint8Array();
  }
  if ('arrayValue' in v || 'array_value' in v) {
    const a = field(v, 'arrayValue');
    return isObj(a) ? list(a, 'values').map((x) => anyValue(x, depth + 1)) : [];
  }
  if ('kvlistValue' in v || 'kvlist_value' in v) {
    const kv = field(v, 'kvlistValue');
    return isObj(kv) ? attributes(list(kv, 'values'), depth + 1) : {};
  }
  return null;
}

export function attributes(kvs: unknown[], depth = 0): Attributes {
  const out: Attributes = {};
  for (const kv of kvs) {
    if (!isObj(kv) || typeof kv.key !== 'string') continue;
    Object.defineProperty(out, kv.key, {
      value: anyValue(kv.value, depth),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function scopeOf(o: Obj): { name: string; version?: string } {
  const scope = field(o, 'scope') ?? field(o, 'instrumentationLibrary');
  if (!isObj(scope)) return { name: '' };
  const version = str(scope.version);
  return version ? { name: str(scope.name) ?? '', version } : { name: str(scope.name) ?? '' };
}

function resourceOf(o: Obj): Attributes {
  const r = field(o, 'resource');
  return isObj(r) ? attributes(list(r, 'attributes')) : {};
}

export function traceRequestToViews(req: Obj): Converted<SpanView> {
  const items: SpanView[] = [];
  let skipped = 0;
  for (const rs of list(req, 'resourceSpans')) {
    if (!isObj(rs)) {
      skipped++;
      continue;
    }
    const resource = resourceOf(rs);
    for (const ss of [...list(rs, 'scopeSpans'), ...list(rs, 'instrumentationLibrarySpans')]) {
      if (!isObj(ss)) {
        skipped++;
        continue;
      }
      const scope = scopeOf(ss);
      for (const s of list(ss, 'spans')) {
        if (!isObj(s)) {
          skipped++;
          continue;
        }
        const events: SpanEventView[] = list(s, 'events')
          .filter(isObj)
          .map((e) => ({
            name: str(e.name) ?? '',
            timeNs: nanos(field(e, 'timeUnixNano')),
            attributes: attributes(list(e, 'attributes')),
          }));
        const status = field(s, 'status');
        const parent = normalizeId(field(s, 'parentSpanId'), 8);
        const view: SpanView = {
          traceId: normalizeId(field(s, 'traceId'), 16),
          spanId: normalizeId(field(s, 'spanId'), 8),
          name: str(s.name) ?? '',
          kind: enumValue(s.kind, SPAN_KIND),
          startNs: nanos(field(s, 'startTimeUnixNano')),
          endNs: nanos(field(s, 'endTimeUnixNano')),
          attributes: attributes(list(s, 'attributes')),
          events,
          resource,
          scope,
        };
        if (parent) view.parentSpanId = parent;
        if (isObj(status))
          view.status = {
            code: enumValue(status.code, STATUS_CODE),
            ...(str(status.message) ? { message: str(status.message) } : {}),
          };
        items.push(view);
      }
    }
  }
  return { items, skipped };
}

export function logsRequestToViews(req: Obj): Converted<LogView> {
  const items: LogView[] = [];
  let skipped = 0;
  for (const rl of list(req, 'resourceLogs')) {
    if (!isObj(rl)) {
      skipped++;
      continue;
    }
    const resource = resourceOf(rl);
    for (const sl of [...list(rl, 'scopeLogs'), ...list(rl, 'instrumentationLibraryLogs')]) {
      if (!isObj(sl)) {
        skipped++;
        continue;
      }
      const scope = scopeOf(sl);
      for (const r of list(sl, 'logRecords')) {
        if (!isObj(r)) {
          skipped++;
          continue;
        }
        const attrs = attributes(list(r, 'attributes'));
        const time = nanos(field(r, 'timeUnixNano'));
        const view: LogView = {
          timeNs: time === 0n ? nanos(field(r, 'observedTimeUnixNano')) : time,
          body: anyValue(r.body),
          attributes: attrs,
          resource,
          scope,
        };
        const traceId = normalizeId(field(r, 'traceId'), 16);
        const spanId = normalizeId(field(r, 'spanId'), 8);
        if (traceId) view.traceId = traceId;
        if (spanId) view.spanId = spanId;
        const eventName =
          str(field(r, 'eventName')) ||
          (typeof attrs['event.name'] === 'string' ? (attrs['event.name'] as string) : undefined);
        if (eventName) view.eventName = eventName;
        const sev = field(r, 'severityNumber');
        if (sev !== undefined) view.severityNumber = enumValue(sev, SEVERITY_NUMBER);
        items.push(view);
      }
    }
  }
  return { items, skipped };
}
