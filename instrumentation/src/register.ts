/**
 * register(): one call for apps without OpenTelemetry. Sets up a NodeTracerProvider with the identity span processor
 * and a batching OTLP/HTTP exporter to the Tracehound processor (default http://127.0.0.1:4320/v1/traces; the
 * standard OTEL_EXPORTER_OTLP_* variables are honoured), then enables the instrumentation.
 */
import { diag } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { OTLPTraceExporter as OTLPJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { TracehoundIdentitySpanProcessor } from './helpers/identity.js';
import { TracehoundInstrumentation, type TracehoundInstrumentationConfig } from './instrumentation.js';

export const DEFAULT_TRACES_URL = 'http://127.0.0.1:4320/v1/traces';

export interface RegisterOptions extends TracehoundInstrumentationConfig {
  /** service.name (default OTEL_SERVICE_NAME, else unknown_service:node). */
  serviceName?: string;
  /** OTLP/HTTP traces URL. Default: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT / OTEL_EXPORTER_OTLP_ENDPOINT, else DEFAULT_TRACES_URL. */
  endpoint?: string;
  /** Use this exporter instead of OTLP (still batched). */
  exporter?: SpanExporter;
  /** Extra span processors, added after the identity processor. */
  spanProcessors?: SpanProcessor[];
  /** Flush and shut down on process 'beforeExit' (default true). */
  shutdownOnExit?: boolean;
}

export interface Registration {
  provider: NodeTracerProvider;
  instrumentation: TracehoundInstrumentation;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

function otlpExporter(endpoint: string | undefined, env: NodeJS.ProcessEnv): SpanExporter {
  const fromEnv = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  // The exporters read the env themselves; a url is passed only when it must win or when the env is silent.
  const config = endpoint ? { url: endpoint } : fromEnv ? {} : { url: DEFAULT_TRACES_URL };
  const protocol = (
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ||
    env.OTEL_EXPORTER_OTLP_PROTOCOL ||
    'http/protobuf'
  ).trim();
  if (protocol === 'http/json') return new OTLPJsonExporter(config);
  if (protocol !== 'http/protobuf')
    diag.warn(`@tracehound/instrumentation: OTLP protocol ${protocol} unsupported here, using http/protobuf`);
  return new OTLPProtoExporter(config);
}

export function register(options: RegisterOptions = {}, env: NodeJS.ProcessEnv = process.env): Registration {
  const { serviceName, endpoint, exporter, spanProcessors, shutdownOnExit, ...instrConfig } = options;
  const resource = defaultResource().merge(
    resourceFromAttributes({ 'service.name': serviceName ?? env.OTEL_SERVICE_NAME ?? 'unknown_service:node' }),
  );
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [
      new TracehoundIdentitySpanProcessor(),
      ...(spanProcessors ?? []),
      new BatchSpanProcessor(exporter ?? otlpExporter(endpoint, env)),
    ],
  });
  provider.register();
  const instrumentation = new TracehoundInstrumentation(instrConfig);
  registerInstrumentations({ tracerProvider: provider, instrumentations: [instrumentation] });
  let stopped: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    stopped ??= (async () => {
      instrumentation.disable();
      await provider.shutdown();
    })();
    return stopped;
  };
  if (shutdownOnExit !== false) process.once('beforeExit', () => void shutdown().catch(() => {}));
  return { provider, instrumentation, forceFlush: () => provider.forceFlush(), shutdown };
}
