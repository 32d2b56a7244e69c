/**
 * @opentelemetry/instrumentation-openai (OTel GenAI conventions, content in log events) with openai v6, loaded
 * through require so the instrumentation's require hook patches it as it would in a CommonJS app.
 */
import { createRequire } from 'node:module';
import { OpenAIInstrumentation } from '@opentelemetry/instrumentation-openai';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import type OpenAIType from 'openai';
import { acceptanceSuite } from './support/cases.js';

acceptanceSuite('@opentelemetry/instrumentation-openai with openai v6', 'otel_genai_legacy', async (rig) => {
  registerInstrumentations({
    tracerProvider: rig.tracerProvider,
    loggerProvider: rig.loggerProvider,
    instrumentations: [new OpenAIInstrumentation({ captureMessageContent: true })],
  });
  const OpenAI = createRequire(import.meta.url)('openai') as typeof OpenAIType;
  const client = new OpenAI({ apiKey: 'sk-test-not-real', baseURL: rig.provider.openaiBaseURL, maxRetries: 0 });
  return (system, user) =>
    client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
    });
});
