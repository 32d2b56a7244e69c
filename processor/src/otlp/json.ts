import type protobuf from 'protobufjs';
import type { Signal } from './signal.js';
import { T } from './proto.js';

/**
 * OTLP/JSON → protobuf. OTLP/JSON is the proto3 JSON mapping with two differences: trace and span ids are hex
 * strings (not base64), and enums are integers. Ids are turned into bytes first, then protobufjs builds and encodes
 * the message. Unknown JSON fields are ignored, as the spec requires; they cannot be forwarded (documented).
 */

export class JsonError extends Error {
  override readonly name = 'JsonError';
}

type Obj = Record<string, unknown>;

const REQUEST_TYPE: Record<Signal, protobuf.Type> = {
  traces: T.ExportTraceServiceRequest,
  logs: T.ExportLogsServiceRequest,
  metrics: T.ExportMetricsServiceRequest,
};

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function isHex(s: string): boolean {
  if (s.length % 2 !== 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
    if (!ok) return false;
  }
  return true;
}

/** Replaces hex id strings by bytes. A malformed id becomes a 1-byte value, which the id check then rejects. */
function fixIds(o: unknown, keys: readonly string[]): void {
  if (!isObj(o)) return;
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string') o[k] = isHex(v) ? Buffer.from(v, 'hex') : Buffer.alloc(1);
  }
}

const ID_KEYS = ['traceId', 'spanId', 'parentSpanId'] as const;

function fixTraceIds(req: Obj): void {
  for (const rs of arr(req.resourceSpans)) {
    if (!isObj(rs)) continue;
    for (const ss of arr(rs.scopeSpans)) {
      if (!isObj(ss)) continue;
      for (const span of arr(ss.spans)) {
        fixIds(span, ID_KEYS);
        if (isObj(span)) for (const link of arr(span.links)) fixIds(link, ID_KEYS);
      }
    }
  }
}

function fixLogIds(req: Obj): void {
  for (const rl of arr(req.resourceLogs)) {
    if (!isObj(rl)) continue;
    for (const sl of arr(rl.scopeLogs)) {
      if (!isObj(sl)) continue;
      for (const rec of arr(sl.logRecords)) fixIds(rec, ID_KEYS);
    }
  }
}

function fixMetricIds(req: Obj): void {
  for (const rm of arr(req.resourceMetrics)) {
    if (!isObj(rm)) continue;
    for (const sm of arr(rm.scopeMetrics)) {
      if (!isObj(sm)) continue;
      for (const m of arr(sm.metrics)) {
        if (!isObj(m)) continue;
        for (const kind of ['gauge', 'sum', 'histogram', 'exponentialHistogram']) {
          const data = m[kind];
          if (!isObj(data)) continue;
          for (const dp of arr(data.dataPoints)) {
            if (isObj(dp)) for (const ex of arr(dp.exemplars)) fixIds(ex, ID_KEYS);
          }
        }
      }
    }
  }
}

/** Parses an OTLP/JSON request body and returns the equivalent protobuf bytes. Throws JsonError. */
export function jsonRequestToProtobuf(signal: Signal, body: Buffer): Buffer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    // The parser's message quotes the input: do not pass it on.
    throw new JsonError('body is not valid JSON');
  }
  if (!isObj(parsed)) throw new JsonError('body is not a JSON object');
  if (signal === 'traces') fixTraceIds(parsed);
  else if (signal === 'logs') fixLogIds(parsed);
  else fixMetricIds(parsed);
  const type = REQUEST_TYPE[signal];
  try {
    const bytes = type.encode(type.fromObject(parsed)).finish();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  } catch (err) {
    // protobufjs type errors name the field ("Span.attributes: array expected"), never the value.
    const detail = err instanceof TypeError ? err.message.slice(0, 200) : 'invalid value';
    throw new JsonError(`body does not match ${type.name}: ${detail}`);
  }
}
