/**
 * @arizeai/openinference-instrumentation-openai (OpenInference: llm.input_messages.N.*, input.value, output.value)
 * with openai v7. openai v7 declares Node >= 22 but runs on Node 20 for everything used here; it is installed as the
 * npm alias `openai-v7` next to v6 and patched through the instrumentation's manual API.
 */
import { createRequire } from 'node:module';
import { OpenAIInstrumentation } from '@arizeai/openinference-instrumentation-openai';
import type OpenAIType from 'openai';
import { expect } from 'vitest';
import { acceptanceSuite } from './support/cases.js';

acceptanceSuite('@arizeai/openinference-instrumentation-openai with openai v7', 'openinference', async (rig) => {
  const require = createRequire(import.meta.url);
  const mod = require('openai-v7') as { OpenAI: typeof OpenAIType; VERSION?: string };
  expect(String((require('openai-v7/version') as { VERSION: string }).VERSION)).toMatch(/^7\./);
  const instrumentation = new OpenAIInstrumentation({ tracerProvider: rig.tracerProvider as never });
  instrumentation.manuallyInstrument(mod as never);
  const client = new mod.OpenAI({ apiKey: 'sk-test-not-real', baseURL: rig.provider.openaiBaseURL, maxRetries: 0 });
  return (system, user) =>
    client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
    });
});
