import type protobuf from 'protobufjs';
import type { Signal } from './signal.js';
import { prepare } from './json-fields.js';
import { T } from './proto.js';

/**
 * OTLP/JSON → protobuf. OTLP/JSON is the proto3 JSON mapping with two differences: trace and span ids are hex
 * strings (not base64), and enums are integers. The parsed request is checked and prepared field by field first
 * (json-fields.ts: ids to bytes, ranges of integers, enums and timestamps, lone surrogates), then protobufjs builds and
 * encodes the message. Unknown JSON fields are ignored, as the spec requires; they cannot be forwarded (documented).
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

/** Parses an OTLP/JSON request body and returns the equivalent protobuf bytes. Throws JsonError or OutOfRangeError. */
export function jsonRequestToProtobuf(signal: Signal, body: Buffer): Buffer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    // The parser's message quotes the input: do not pass it on.
    throw new JsonError('body is not valid JSON');
  }
  if (!isObj(parsed)) throw new JsonError('body is not a JSON object');
  const type = REQUEST_TYPE[signal];
  prepare(type, parsed, ''); // throws OutOfRangeError: numbers, enums, times that do not fit their field
  try {
    const bytes = type.encode(type.fromObject(parsed)).finish();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  } catch (err) {
    // protobufjs type errors name the field ("Span.attributes: array expected"), never the value.
    const detail = err instanceof TypeError ? err.message.slice(0, 200) : 'invalid value';
    throw new JsonError(`body does not match ${type.name}: ${detail}`);
  }
}
