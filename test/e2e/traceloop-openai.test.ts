/** @traceloop/instrumentation-openai (OpenLLMetry: gen_ai.prompt.N.* / gen_ai.completion.N.* attributes) with openai v6. */
import { createRequire } from 'node:module';
import { OpenAIInstrumentation } from '@traceloop/instrumentation-openai';
import type OpenAIType from 'openai';
import { acceptanceSuite } from './support/cases.js';

acceptanceSuite('@traceloop/instrumentation-openai with openai v6', 'openllmetry', async (rig) => {
  const { OpenAI } = createRequire(import.meta.url)('openai') as { OpenAI: typeof OpenAIType };
  const instrumentation = new OpenAIInstrumentation({ traceContent: true, enrichTokens: false });
  instrumentation.setTracerProvider(rig.tracerProvider);
  // Manual instrumentation (its path for bundled and ESM apps) takes the client class, whose statics are the resources.
  instrumentation.manuallyInstrument(OpenAI);
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
