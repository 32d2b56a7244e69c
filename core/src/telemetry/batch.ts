/** The batch a pipeline stage reads and edits: views of the decoded request plus the edits to apply when forwarding. */
import type { AttrValue, Attributes, LogView, SpanView } from './views.js';

/** Where a span sits inside an ExportTraceServiceRequest (indexes into resourceSpans / scopeSpans / spans). */
export interface SpanRef {
  resource: number;
  scope: number;
  span: number;
}

/** A finding (or any other) log record a stage wants sent to the next hop's /v1/logs. */
export interface EmittedLog {
  timeUnixNano: bigint;
  traceId?: string;
  spanId?: string;
  eventName: string;
  severityNumber: number;
  severityText: string;
  body: string;
  attributes: Attributes;
  /** Resource attributes of the emitted record (service.name of the span it concerns, etc.). */
  resource: Attributes;
}

/**
 * One decoded request travelling through the pipeline. Stages read views and record edits; the transport applies the
 * edits when it forwards (bytes of spans nothing edited are forwarded untouched, unknown fields included).
 */
export interface TraceBatch {
  readonly signal: 'traces';
  /** All spans of the request, in request order, with their position. Decoded lazily on first access. */
  spans(): ReadonlyArray<{ ref: SpanRef; view: SpanView }>;
  /** Add or overwrite attributes on one span of the forwarded request (enrichment, and capture modes that redact or hash content). */
  setSpanAttributes(ref: SpanRef, attributes: Attributes): void;
  /**
   * Add or overwrite attributes of one span event (its position in SpanView.events) in the forwarded request: capture
   * modes rewrite content carried in events. Same replace-per-key semantics as setSpanAttributes.
   */
  setSpanEventAttributes(ref: SpanRef, eventIndex: number, attributes: Attributes): void;
  /** Queue log records (findings) to be forwarded with this batch; acknowledged together with it. */
  emitLogs(logs: EmittedLog[]): void;
  /**
   * Optional: run `listener` once the logs emitted with this batch were accepted by the next hop (or queued for it).
   * Stages use it to recognise finding logs already delivered when a client retries the batch.
   */
  onLogsDelivered?(listener: () => void): void;
}

export interface LogBatch {
  readonly signal: 'logs';
  logs(): ReadonlyArray<{ index: number; view: LogView }>;
  setLogAttributes(index: number, attributes: Attributes): void;
  /** Replace the body of one log record in the forwarded request (capture modes rewrite content carried in bodies). */
  setLogBody(index: number, body: AttrValue): void;
  emitLogs(logs: EmittedLog[]): void;
  /** As TraceBatch.onLogsDelivered. */
  onLogsDelivered?(listener: () => void): void;
}
