import type protobuf from 'protobufjs';
import type { SpanRef, Attributes, LogView, SpanView } from '@tracehound/core';
import { anyValueToAttr, keyValuesToAttrs, longToBigInt, type PbAnyValue, type PbKeyValue } from './attributes.js';

/** Decoded protobufjs request objects → the plain views stages read. Ids become lowercase hex. */

type Long = protobuf.Long;

interface PbScope {
  name?: string;
  version?: string;
}
interface PbResource {
  attributes?: PbKeyValue[];
}
interface PbSpan {
  traceId?: Uint8Array;
  spanId?: Uint8Array;
  parentSpanId?: Uint8Array;
  name?: string;
  kind?: number;
  startTimeUnixNano?: Long | number;
  endTimeUnixNano?: Long | number;
  attributes?: PbKeyValue[];
  events?: { timeUnixNano?: Long | number; name?: string; attributes?: PbKeyValue[] }[];
  status?: { code?: number; message?: string } | null;
}
interface PbLogRecord {
  timeUnixNano?: Long | number;
  observedTimeUnixNano?: Long | number;
  severityNumber?: number;
  body?: PbAnyValue | null;
  attributes?: PbKeyValue[];
  traceId?: Uint8Array;
  spanId?: Uint8Array;
  eventName?: string;
}

export interface PbTraceRequest {
  resourceSpans?: { resource?: PbResource | null; scopeSpans?: { scope?: PbScope | null; spans?: PbSpan[] }[] }[];
}
export interface PbLogsRequest {
  resourceLogs?: {
    resource?: PbResource | null;
    scopeLogs?: { scope?: PbScope | null; logRecords?: PbLogRecord[] }[];
  }[];
}

export function hex(bytes: Uint8Array | undefined | null): string {
  if (!bytes || bytes.length === 0) return '';
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}

function scopeOf(s: PbScope | null | undefined): { name: string; version?: string } {
  return s?.version ? { name: s.name ?? '', version: s.version } : { name: s?.name ?? '' };
}

function spanView(span: PbSpan, resource: Attributes, scope: { name: string; version?: string }): SpanView {
  const view: SpanView = {
    traceId: hex(span.traceId),
    spanId: hex(span.spanId),
    name: span.name ?? '',
    kind: span.kind ?? 0,
    startNs: longToBigInt(span.startTimeUnixNano, true),
    endNs: longToBigInt(span.endTimeUnixNano, true),
    attributes: keyValuesToAttrs(span.attributes),
    events: (span.events ?? []).map((e) => ({
      name: e.name ?? '',
      timeNs: longToBigInt(e.timeUnixNano, true),
      attributes: keyValuesToAttrs(e.attributes),
    })),
    resource,
    scope,
  };
  const parent = hex(span.parentSpanId);
  if (parent) view.parentSpanId = parent;
  if (span.status) {
    view.status = span.status.message
      ? { code: span.status.code ?? 0, message: span.status.message }
      : { code: span.status.code ?? 0 };
  }
  return view;
}

/** Views of every span whose ordinal `keep` accepts, in request order, with their position. */
export function traceViews(
  req: PbTraceRequest,
  keep: (ordinal: number) => boolean,
): { ref: SpanRef; view: SpanView }[] {
  const out: { ref: SpanRef; view: SpanView }[] = [];
  let ordinal = 0;
  (req.resourceSpans ?? []).forEach((rs, r) => {
    const resource = keyValuesToAttrs(rs.resource?.attributes);
    (rs.scopeSpans ?? []).forEach((ss, s) => {
      const scope = scopeOf(ss.scope);
      (ss.spans ?? []).forEach((span, i) => {
        if (keep(ordinal)) out.push({ ref: { resource: r, scope: s, span: i }, view: spanView(span, resource, scope) });
        ordinal++;
      });
    });
  });
  return out;
}

function logView(rec: PbLogRecord, resource: Attributes, scope: { name: string; version?: string }): LogView {
  const attributes = keyValuesToAttrs(rec.attributes);
  const time = longToBigInt(rec.timeUnixNano, true);
  const view: LogView = {
    timeNs: time !== 0n ? time : longToBigInt(rec.observedTimeUnixNano, true),
    body: anyValueToAttr(rec.body),
    attributes,
    resource,
    scope,
  };
  const traceId = hex(rec.traceId);
  const spanId = hex(rec.spanId);
  if (traceId) view.traceId = traceId;
  if (spanId) view.spanId = spanId;
  const attrEvent = attributes['event.name'];
  const eventName = rec.eventName || (typeof attrEvent === 'string' ? attrEvent : '');
  if (eventName) view.eventName = eventName;
  if (rec.severityNumber) view.severityNumber = rec.severityNumber;
  return view;
}

/** Views of every log record whose ordinal `keep` accepts, in request order, with their flat index. */
export function logViews(req: PbLogsRequest, keep: (ordinal: number) => boolean): { index: number; view: LogView }[] {
  const out: { index: number; view: LogView }[] = [];
  let ordinal = 0;
  for (const rl of req.resourceLogs ?? []) {
    const resource = keyValuesToAttrs(rl.resource?.attributes);
    for (const sl of rl.scopeLogs ?? []) {
      const scope = scopeOf(sl.scope);
      for (const rec of sl.logRecords ?? []) {
        if (keep(ordinal)) out.push({ index: ordinal, view: logView(rec, resource, scope) });
        ordinal++;
      }
    }
  }
  return out;
}
