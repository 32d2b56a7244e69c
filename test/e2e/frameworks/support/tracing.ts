/** Tracing set-ups the framework apps share: a plain OTel SDK provider, or the OpenLLMetry SDK's own. */
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { SetupEnv } from './contract.js';

/** The OpenTelemetry SDK as the OpenInference and AI SDK docs set it up, registered globally. */
export function otelProvider(env: SetupEnv): NodeTracerProvider {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.serviceName }),
    spanProcessors: [new BatchSpanProcessor(env.exporter, { scheduledDelayMillis: 60_000, maxExportBatchSize: 512 })],
  });
  provider.register();
  return provider;
}

/** `traceloop.initialize` as its docs show it (batching on, its default), exporting through the given exporter. */
export async function openllmetry(
  env: SetupEnv,
  instrumentModules: Record<string, unknown> = {},
): Promise<typeof import('@traceloop/node-server-sdk')> {
  const traceloop = await import('@traceloop/node-server-sdk');
  traceloop.initialize({
    appName: env.serviceName,
    exporter: env.exporter,
    silenceInitializationMessage: true,
    traceloopSyncEnabled: false,
    instrumentModules: instrumentModules as never,
  });
  return traceloop;
}

/** The documents as an app joins them into a prompt. */
export const joinDocs = (docs: string[]) => docs.join('\n\n');
