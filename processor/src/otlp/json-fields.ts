import protobuf from 'protobufjs';

/**
 * Checks and prepares a parsed OTLP/JSON request, field by field against the message schema, before protobufjs
 * builds the message — because protobufjs's fromObject silently changes what does not fit: an intValue past 2^64
 * wraps, a fractional or negative timestamp is truncated or reinterpreted, an unknown enum name is dropped. Here:
 *
 * - 64-bit integers (intValue, timestamps, counts): a JSON integer or a decimal string within the field's range;
 *   anything else is refused (OutOfRangeError → 400 TH_VALUE_OUT_OF_RANGE) instead of being forwarded changed.
 * - 32-bit integers likewise; enums: a defined number or name.
 * - trace and span ids: hex strings become bytes (OTLP/JSON differs from the proto3 mapping there); a malformed id
 *   becomes a 1-byte value, which the id check then rejects per item.
 * - strings: lone surrogates (from `\ud800` escapes) become U+FFFD, so what is forwarded is valid UTF-8.
 *
 * Unknown keys are left alone (protobufjs ignores them, as the spec requires). Errors name the field path, never a value.
 */

export class OutOfRangeError extends Error {
  override readonly name = 'OutOfRangeError';
}

type Obj = Record<string, unknown>;
/** String.prototype.toWellFormed (ES2024; in every Node this package supports). */
type WellFormable = string & { toWellFormed(): string };

const ID_FIELDS = new Set(['traceId', 'spanId', 'parentSpanId']);
const MAX_DEPTH = 64;

interface IntRange {
  min: bigint;
  max: bigint;
}

const INT_RANGES: Record<string, IntRange> = {
  int64: { min: -(2n ** 63n), max: 2n ** 63n - 1n },
  sint64: { min: -(2n ** 63n), max: 2n ** 63n - 1n },
  sfixed64: { min: -(2n ** 63n), max: 2n ** 63n - 1n },
  uint64: { min: 0n, max: 2n ** 64n - 1n },
  fixed64: { min: 0n, max: 2n ** 64n - 1n },
  int32: { min: -(2n ** 31n), max: 2n ** 31n - 1n },
  sint32: { min: -(2n ** 31n), max: 2n ** 31n - 1n },
  sfixed32: { min: -(2n ** 31n), max: 2n ** 31n - 1n },
  uint32: { min: 0n, max: 2n ** 32n - 1n },
  fixed32: { min: 0n, max: 2n ** 32n - 1n },
};

const DECIMAL = /^-?\d{1,40}$/;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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

/** The integer a JSON value denotes for an integer field, or undefined when it is not an integer at all. */
function integerOf(v: unknown): bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : undefined;
  if (typeof v === 'string' && DECIMAL.test(v)) return BigInt(v);
  return undefined;
}

function checkInteger(v: unknown, range: IntRange, path: string, type: string): void {
  const n = integerOf(v);
  if (n === undefined) throw new OutOfRangeError(`${path} is not an integer (${type})`);
  if (n < range.min || n > range.max) throw new OutOfRangeError(`${path} is outside the range of ${type}`);
}

function checkEnum(v: unknown, e: protobuf.Enum, path: string): void {
  if (typeof v === 'number' && Number.isInteger(v) && e.valuesById[v] !== undefined) return;
  if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(e.values, v)) return;
  throw new OutOfRangeError(`${path} is not a value of ${e.name}`);
}

/** Checks (and fixes ids and strings in) one value of `field`; returns the value to keep. */
function fieldValue(field: protobuf.Field, v: unknown, path: string, depth: number): unknown {
  if (v === null || v === undefined) return v;
  const rt = field.resolvedType;
  if (rt instanceof protobuf.Type) {
    if (isObj(v)) prepare(rt, v, path, depth + 1);
    return v; // non-objects: protobufjs reports the type error
  }
  if (rt instanceof protobuf.Enum) {
    checkEnum(v, rt, path);
    return v;
  }
  const range = INT_RANGES[field.type];
  if (range) {
    checkInteger(v, range, path, field.type);
    return v;
  }
  if (field.type === 'string') return typeof v === 'string' ? (v as WellFormable).toWellFormed() : v;
  if (field.type === 'bytes' && ID_FIELDS.has(field.name) && typeof v === 'string')
    return isHex(v) ? Buffer.from(v, 'hex') : Buffer.alloc(1);
  return v;
}

/** Walks `obj` as a `type` message in place (`path` names it in errors). Throws OutOfRangeError. */
export function prepare(type: protobuf.Type, obj: Obj, path: string, depth = 0): void {
  if (depth > MAX_DEPTH) return; // the encoded message fails validation (validate.ts) for its depth anyway
  for (const key of Object.keys(obj)) {
    const field = type.fields[key];
    if (!field) continue;
    field.resolve();
    const here = path ? `${path}.${key}` : key;
    const v = obj[key];
    if (field.repeated && Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = fieldValue(field, v[i], `${here}[${i}]`, depth);
    } else if (!field.repeated) {
      obj[key] = fieldValue(field, v, here, depth);
    }
  }
}
