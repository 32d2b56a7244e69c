import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

/**
 * The OTLP message definitions (processor/proto, written from the opentelemetry-proto specification), loaded once.
 * Resolves from src/otlp (tsx) and dist/otlp (built) alike.
 */

const PROTO_ROOT = fileURLToPath(new URL('../../proto/', import.meta.url));

const FILES = [
  'opentelemetry/proto/collector/trace/v1/trace_service.proto',
  'opentelemetry/proto/collector/logs/v1/logs_service.proto',
  'opentelemetry/proto/collector/metrics/v1/metrics_service.proto',
  'google/rpc/status.proto',
];

function load(): protobuf.Root {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (target.startsWith('/') ? target : PROTO_ROOT + target);
  root.loadSync(FILES, { keepCase: false });
  root.resolveAll();
  return root;
}

export const otlpRoot: protobuf.Root = load();

const t = (name: string): protobuf.Type => otlpRoot.lookupType(name);

export const T = {
  ExportTraceServiceRequest: t('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest'),
  ExportTraceServiceResponse: t('opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse'),
  ExportLogsServiceRequest: t('opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest'),
  ExportLogsServiceResponse: t('opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse'),
  ExportMetricsServiceRequest: t('opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest'),
  ExportMetricsServiceResponse: t('opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse'),
  Span: t('opentelemetry.proto.trace.v1.Span'),
  LogRecord: t('opentelemetry.proto.logs.v1.LogRecord'),
  KeyValue: t('opentelemetry.proto.common.v1.KeyValue'),
  AnyValue: t('opentelemetry.proto.common.v1.AnyValue'),
  Status: t('google.rpc.Status'),
  ErrorInfo: t('google.rpc.ErrorInfo'),
  RetryInfo: t('google.rpc.RetryInfo'),
} as const;

/**
 * protobufjs 8 rejects invalid UTF-8 in proto3 strings (it throws on the whole message). OTLP senders do produce it
 * (a truncated multi-byte character in an attribute, a binary value sent as a string), and the Collector accepts it;
 * a reader that decodes strings with U+FFFD replacement instead keeps one stray byte from failing a whole batch.
 */
class LenientReader extends protobuf.BufferReader {
  override stringVerify(): string {
    return this.string();
  }
}

/** Decodes `buf` as a `type` message, invalid UTF-8 in strings replaced by U+FFFD (as the Collector reads it). */
export function decodeLenient(type: protobuf.Type, buf: Buffer): protobuf.Message {
  return type.decode(new LenientReader(buf));
}

export const SERVICES = {
  traces: otlpRoot.lookupService('opentelemetry.proto.collector.trace.v1.TraceService'),
  logs: otlpRoot.lookupService('opentelemetry.proto.collector.logs.v1.LogsService'),
  metrics: otlpRoot.lookupService('opentelemetry.proto.collector.metrics.v1.MetricsService'),
} as const;
