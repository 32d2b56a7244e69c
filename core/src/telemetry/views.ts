/**
 * Plain, decoder-independent views of OTLP spans and log records: what normalizers and detectors read.
 * Ids are lowercase hex; timestamps are bigint nanoseconds; attributes are flattened to JS values.
 */

export type AttrValue =
  string | number | boolean | bigint | Uint8Array | AttrValue[] | { [key: string]: AttrValue } | null;
export type Attributes = Record<string, AttrValue>;

export interface SpanEventView {
  name: string;
  timeNs: bigint;
  attributes: Attributes;
}

export interface SpanView {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP SpanKind number (0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer). */
  kind: number;
  startNs: bigint;
  endNs: bigint;
  attributes: Attributes;
  events: SpanEventView[];
  status?: { code: number; message?: string };
  resource: Attributes;
  scope: { name: string; version?: string };
}

export interface LogView {
  traceId?: string;
  spanId?: string;
  timeNs: bigint;
  /** `event_name` field (OTLP ≥ 1.5) or the `event.name` attribute. */
  eventName?: string;
  severityNumber?: number;
  body: AttrValue;
  attributes: Attributes;
  resource: Attributes;
  scope: { name: string; version?: string };
}
