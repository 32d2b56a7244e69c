/**
 * register(): one call for apps without OpenTelemetry. Sets up a NodeTracerProvider with the identity span processor
 * and a batching OTLP/HTTP exporter to the Tracehound processor (default http://127.0.0.1:4320/v1/traces), then enables
 * the instrumentation. Options come from the code and from the environment (env.ts; the code wins), the same way for
 * the app and for the `--import @tracehound/instrumentation/register` hook.
 *
 * There is one registration per process. A second register() (typically the app's own call after the hook) is merged
 * into it: its instrumentation options (capture, guard, canaries, …) are applied to the running instrumentation; its
 * tracer-provider options (serviceName, endpoint, exporter, spanProcessors) cannot change a provider that already
 * exports, so when they differ they are ignored with a TH_INSTR_REGISTER_AGAIN warning.
 */
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { OTLPTraceExporter as OTLPJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { warn } from './codes.js';
import { optionsFromEnv, protocolFromEnv } from './env.js';
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

/** Who made the process's registration: the `--import` hook, or a register() call. */
export type RegistrationSource = 'hook' | 'app';

interface Active {
  registration: Registration;
  source: RegistrationSource;
  serviceName: string;
  tracesUrl: string;
  setShutdownOnExit(on: boolean): void;
}

// On globalThis, so two copies of this package in one process still share the one registration.
const ACTIVE = Symbol.for('@tracehound/instrumentation/registration');
type Global = { [ACTIVE]?: Active };

/** The URL the OTLP exporter will send to, as the OTel specification resolves it. */
function tracesUrl(endpoint: string | undefined, env: NodeJS.ProcessEnv): string {
  if (endpoint) return endpoint;
  const signal = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (signal) return signal;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : DEFAULT_TRACES_URL;
}

function otlpExporter(url: string, env: NodeJS.ProcessEnv): SpanExporter {
  const config = { url };
  return protocolFromEnv(env) === 'http/json' ? new OTLPJsonExporter(config) : new OTLPProtoExporter(config);
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Sets up tracing and the instrumentation, or merges into the registration the process already has (see above). */
export function register(options: RegisterOptions = {}, env: NodeJS.ProcessEnv = process.env): Registration {
  return registerAs('app', options, env);
}

/** register() for a known caller (the hook says so, for the warning a later call may print). @internal */
export function registerAs(source: RegistrationSource, options: RegisterOptions, env: NodeJS.ProcessEnv): Registration {
  const active = (globalThis as Global)[ACTIVE];
  if (active) return mergeInto(active, options, env);

  const merged: RegisterOptions = { ...optionsFromEnv(env), ...defined(options) };
  const { serviceName, endpoint, exporter, spanProcessors, shutdownOnExit, ...instrConfig } = merged;
  const name = serviceName ?? 'unknown_service:node';
  const url = tracesUrl(endpoint, env);
  const resource = defaultResource()
    .merge(detectResources({ detectors: [envDetector] }))
    .merge(resourceFromAttributes({ 'service.name': name }));
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [
      new TracehoundIdentitySpanProcessor(),
      ...(spanProcessors ?? []),
      new BatchSpanProcessor(exporter ?? otlpExporter(url, env)),
    ],
  });
  provider.register();
  const instrumentation = new TracehoundInstrumentation(instrConfig);
  registerInstrumentations({ tracerProvider: provider, instrumentations: [instrumentation] });

  let stopped: Promise<void> | undefined;
  const onBeforeExit = () => void shutdown().catch(() => {});
  const shutdown = (): Promise<void> => {
    stopped ??= (async () => {
      process.off('beforeExit', onBeforeExit);
      if ((globalThis as Global)[ACTIVE]?.registration === registration) delete (globalThis as Global)[ACTIVE];
      instrumentation.disable();
      await provider.shutdown();
    })();
    return stopped;
  };
  const registration: Registration = { provider, instrumentation, forceFlush: () => provider.forceFlush(), shutdown };
  const setShutdownOnExit = (on: boolean) => {
    process.off('beforeExit', onBeforeExit);
    if (on) process.once('beforeExit', onBeforeExit);
  };
  setShutdownOnExit(shutdownOnExit !== false);
  (globalThis as Global)[ACTIVE] = {
    registration,
    source,
    serviceName: name,
    tracesUrl: exporter ? '(custom exporter)' : url,
    setShutdownOnExit,
  };
  return registration;
}

/** A later register(): instrumentation options applied, provider options that would differ reported. */
function mergeInto(active: Active, options: RegisterOptions, env: NodeJS.ProcessEnv): Registration {
  const { serviceName, endpoint, exporter, spanProcessors, shutdownOnExit, ...instrConfig } = defined(options);
  const ignored: string[] = [];
  if (serviceName !== undefined && serviceName !== active.serviceName) ignored.push('serviceName');
  if (endpoint !== undefined && tracesUrl(endpoint, env) !== active.tracesUrl) ignored.push('endpoint');
  if (exporter !== undefined) ignored.push('exporter');
  if (spanProcessors !== undefined && spanProcessors.length > 0) ignored.push('spanProcessors');
  const { instrumentation } = active.registration;
  if (Object.keys(instrConfig).length > 0)
    instrumentation.setConfig({ ...instrumentation.getConfig(), ...instrConfig });
  if (shutdownOnExit !== undefined) active.setShutdownOnExit(shutdownOnExit);
  if (ignored.length > 0) {
    const by =
      active.source === 'hook'
        ? 'the --import @tracehound/instrumentation/register hook'
        : 'an earlier register() call';
    warn(
      'TH_INSTR_REGISTER_AGAIN',
      `${by} set up the tracer provider (service.name ${active.serviceName}, exporting to ${active.tracesUrl}); ` +
        `ignored: ${ignored.join(', ')}. Set them with OTEL_SERVICE_NAME and OTEL_EXPORTER_OTLP_ENDPOINT, or call ` +
        'register() once, in a file loaded with --import (instrumentation/README.md, "ESM").',
    );
  }
  return active.registration;
}
