import type { EmittedLog, AttrValue, Attributes } from '@tracehound/core';
import { attrsToKeyValues, type PbKeyValue } from './attributes.js';
import { T } from './proto.js';

/**
 * Log records emitted by stages (findings) → one ExportLogsServiceRequest, grouped by resource so each distinct
 * resource appears once. Scope: `tracehound`.
 */

const SCOPE = { name: 'tracehound', version: '0.1.0' };

function stableKey(v: AttrValue): string {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Uint8Array) return `b:${Buffer.from(v).toString('base64')}`;
  if (Array.isArray(v)) return `[${v.map(stableKey).join(',')}]`;
  if (typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableKey(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function idBytes(hexId: string | undefined, len: number): Uint8Array | undefined {
  if (!hexId || hexId.length !== len * 2) return undefined;
  const b = Buffer.from(hexId, 'hex');
  return b.length === len ? b : undefined;
}

export function encodeEmittedLogs(logs: readonly EmittedLog[]): Buffer {
  const groups = new Map<string, { resource: Attributes; records: object[] }>();
  for (const log of logs) {
    const key = stableKey(log.resource ?? {});
    let group = groups.get(key);
    if (!group) {
      group = { resource: log.resource ?? {}, records: [] };
      groups.set(key, group);
    }
    const time = BigInt.asUintN(64, log.timeUnixNano).toString();
    const attributes: PbKeyValue[] = attrsToKeyValues(log.attributes ?? {});
    group.records.push({
      timeUnixNano: time,
      observedTimeUnixNano: time,
      severityNumber: log.severityNumber,
      severityText: log.severityText,
      body: { stringValue: log.body },
      attributes,
      traceId: idBytes(log.traceId, 16),
      spanId: idBytes(log.spanId, 8),
      eventName: log.eventName,
    });
  }
  const req = {
    resourceLogs: [...groups.values()].map((g) => ({
      resource: { attributes: attrsToKeyValues(g.resource) },
      scopeLogs: [{ scope: SCOPE, logRecords: g.records }],
    })),
  };
  const bytes = T.ExportLogsServiceRequest.encode(req).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
