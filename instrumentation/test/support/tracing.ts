/** Test harness: a registered NodeTracerProvider exporting to memory, and one instrumentation patching both SDKs. */
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import * as AnthropicModule from '@anthropic-ai/sdk';
import * as OpenAIModule from 'openai';
import { TracehoundIdentitySpanProcessor } from '../../src/helpers/identity.js';
import { TracehoundInstrumentation, type TracehoundInstrumentationConfig } from '../../src/instrumentation.js';

export interface Harness {
  exporter: InMemorySpanExporter;
  provider: NodeTracerProvider;
  instrumentation: TracehoundInstrumentation;
  /** Spans this package produced (the Anthropic SDK also emits its own). */
  spans(): ReadableSpan[];
  reset(config?: TracehoundInstrumentationConfig): void;
}

export function createHarness(config: TracehoundInstrumentationConfig = {}): Harness {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({
    spanProcessors: [new TracehoundIdentitySpanProcessor(), new SimpleSpanProcessor(exporter)],
  });
  provider.register();
  const instrumentation = new TracehoundInstrumentation({ ...config, enabled: false });
  instrumentation.setTracerProvider(provider);
  instrumentation.instrument(OpenAIModule);
  instrumentation.instrument(AnthropicModule);
  return {
    exporter,
    provider,
    instrumentation,
    spans: () =>
      exporter.getFinishedSpans().filter((s) => s.instrumentationScope.name === '@tracehound/instrumentation'),
    reset(next = {}) {
      exporter.reset();
      instrumentation.setConfig({ ...next, enabled: false });
    },
  };
}

export function attr(span: ReadableSpan, key: string): unknown {
  return span.attributes[key];
}

export function json(span: ReadableSpan, key: string): unknown {
  const v = span.attributes[key];
  return typeof v === 'string' ? JSON.parse(v) : undefined;
}
