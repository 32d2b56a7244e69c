import type protobuf from 'protobufjs';
import type { AttrValue, Attributes } from '@tracehound/core';
import { T } from './proto.js';

/**
 * Conversions between OTLP AnyValue/KeyValue (as protobufjs objects) and the flattened AttrValue of the views.
 * Integers decode to `number` when they are safe integers, otherwise to `bigint`.
 */

type Long = protobuf.Long;

/** protobufjs-decoded AnyValue: exactly one oneof member set, named by the virtual `value` property. */
export interface PbAnyValue {
  value?: string;
  stringValue?: string;
  boolValue?: boolean;
  /** Long when decoded; a decimal string is accepted when encoding (protobufjs parses it). */
  intValue?: Long | number | string;
  doubleValue?: number;
  arrayValue?: { values?: PbAnyValue[] };
  kvlistValue?: { values?: PbKeyValue[] };
  bytesValue?: Uint8Array;
}

export interface PbKeyValue {
  key?: string;
  value?: PbAnyValue | null;
}

const MAX_DEPTH = 32;

export function longToBigInt(v: Long | number | string | undefined | null, unsigned: boolean): bigint {
  if (v === undefined || v === null) return 0n;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  if (typeof v === 'string') return BigInt(v);
  const bits = (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
  return unsigned ? bits : BigInt.asIntN(64, bits);
}

function intToAttr(v: Long | number | string | undefined): number | bigint {
  if (typeof v === 'number') return v;
  const b = longToBigInt(v, false);
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

export function anyValueToAttr(v: PbAnyValue | null | undefined, depth = 0): AttrValue {
  if (!v || depth > MAX_DEPTH) return null;
  switch (v.value) {
    case 'stringValue':
      return v.stringValue ?? '';
    case 'boolValue':
      return v.boolValue ?? false;
    case 'intValue':
      return intToAttr(v.intValue);
    case 'doubleValue':
      return v.doubleValue ?? 0;
    case 'bytesValue':
      return v.bytesValue ?? new Uint8Array(0);
    case 'arrayValue':
      return (v.arrayValue?.values ?? []).map((x) => anyValueToAttr(x, depth + 1));
    case 'kvlistValue':
      return keyValuesToAttrs(v.kvlistValue?.values, depth + 1);
    default:
      return null;
  }
}

/** Null-prototype object so a key such as `__proto__` is just a key. */
export function keyValuesToAttrs(kvs: PbKeyValue[] | undefined | null, depth = 0): Attributes {
  const out: Attributes = Object.create(null) as Attributes;
  if (!kvs) return out;
  for (const kv of kvs) out[kv.key ?? ''] = anyValueToAttr(kv.value, depth);
  return out;
}

export function attrToAnyValue(v: AttrValue, depth = 0): PbAnyValue {
  if (depth > MAX_DEPTH || v === null || v === undefined) return {};
  switch (typeof v) {
    case 'string':
      return { stringValue: v };
    case 'boolean':
      return { boolValue: v };
    case 'number':
      return Number.isSafeInteger(v) ? { intValue: v } : { doubleValue: v };
    case 'bigint':
      return { intValue: BigInt.asIntN(64, v).toString() };
    default:
      break;
  }
  if (v instanceof Uint8Array) return { bytesValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map((x) => attrToAnyValue(x, depth + 1)) } };
  return { kvlistValue: { values: attrsToKeyValues(v, depth + 1) } };
}

export function attrsToKeyValues(attrs: Attributes, depth = 0): PbKeyValue[] {
  const out: PbKeyValue[] = [];
  for (const key of Object.keys(attrs)) out.push({ key, value: attrToAnyValue(attrs[key], depth) });
  return out;
}

/** Encodes each attribute as a KeyValue message (the payload of a Span.attributes / LogRecord.attributes field). */
export function encodeKeyValues(attrs: Attributes): Uint8Array[] {
  return attrsToKeyValues(attrs).map((kv) => T.KeyValue.encode(kv).finish());
}
