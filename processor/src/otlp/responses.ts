import { ERROR_CATALOGUE, type ErrorCode } from '../errors.js';
import type { Signal } from './signal.js';
import { T } from './proto.js';

/**
 * Export*ServiceResponse and error (google.rpc.Status) bodies, in protobuf or OTLP/JSON. Errors carry the Tracehound
 * catalogue code in the message prefix and as a google.rpc.ErrorInfo detail (reason = code).
 */

export type BodyFormat = 'protobuf' | 'json';

export const CONTENT_TYPE: Record<BodyFormat, string> = {
  protobuf: 'application/x-protobuf',
  json: 'application/json',
};

const REJECTED_FIELD: Record<Signal, string> = {
  traces: 'rejectedSpans',
  logs: 'rejectedLogRecords',
  metrics: 'rejectedDataPoints',
};

const RESPONSE_TYPE = {
  traces: T.ExportTraceServiceResponse,
  logs: T.ExportLogsServiceResponse,
  metrics: T.ExportMetricsServiceResponse,
} as const;

const EMPTY = Buffer.alloc(0);

/** gRPC status code numbers (google.rpc.Code). */
export const GRPC_CODE = {
  OK: 0,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

export function successBody(signal: Signal, format: BodyFormat, rejected: number, message?: string): Buffer {
  if (format === 'json') {
    if (rejected === 0 && !message) return Buffer.from('{}');
    return Buffer.from(
      JSON.stringify({ partialSuccess: { [REJECTED_FIELD[signal]]: String(rejected), errorMessage: message ?? '' } }),
    );
  }
  if (rejected === 0 && !message) return EMPTY;
  const type = RESPONSE_TYPE[signal];
  const bytes = type
    .encode({ partialSuccess: { [REJECTED_FIELD[signal]]: rejected, errorMessage: message ?? '' } })
    .finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

export function errorMessage(code: ErrorCode, detail?: string): string {
  const base = ERROR_CATALOGUE[code].message;
  return `${code}: ${detail ? `${base}: ${detail}` : base}`;
}

export function grpcCodeOf(code: ErrorCode): number {
  const name = (ERROR_CATALOGUE[code] as { grpc?: keyof typeof GRPC_CODE }).grpc;
  return name ? GRPC_CODE[name] : GRPC_CODE.INTERNAL;
}

const ERROR_INFO_TYPE = 'type.googleapis.com/google.rpc.ErrorInfo';
const DOMAIN = 'tracehound';

export function errorBody(format: BodyFormat, code: ErrorCode, message: string): Buffer {
  const status = grpcCodeOf(code);
  if (format === 'json') {
    return Buffer.from(
      JSON.stringify({ code: status, message, details: [{ '@type': ERROR_INFO_TYPE, reason: code, domain: DOMAIN }] }),
    );
  }
  const info = T.ErrorInfo.encode({ reason: code, domain: DOMAIN }).finish();
  const bytes = T.Status.encode({
    code: status,
    message,
    details: [{ typeUrl: ERROR_INFO_TYPE, value: info }],
  }).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Best-effort message out of an error body from the next hop (Status in protobuf or JSON, or plain text). */
export function messageOfErrorBody(body: Buffer, contentType: string | undefined): string {
  const text = (): string =>
    body.toString('utf8', 0, Math.min(body.length, 512)).replaceAll('\r', ' ').replaceAll('\n', ' ').trim();
  try {
    if (contentType?.includes('protobuf')) {
      const status = T.Status.decode(body) as unknown as { message?: string };
      return status.message || '';
    }
    if (contentType?.includes('json')) {
      const parsed = JSON.parse(body.toString('utf8')) as { message?: unknown };
      if (typeof parsed.message === 'string') return parsed.message.slice(0, 512);
    }
  } catch {
    // fall through to the raw text
  }
  return contentType?.includes('protobuf') ? '' : text();
}
