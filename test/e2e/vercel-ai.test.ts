/** The Vercel AI SDK's own telemetry (ai.* and gen_ai.* attributes on ai.generateText spans), ai v6 + @ai-sdk/openai. */
import { createOpenAI } from '@ai-sdk/openai';
import { generateText } from 'ai';
import { acceptanceSuite } from './support/cases.js';

acceptanceSuite('Vercel AI SDK telemetry (ai v6)', 'vercel_ai', async (rig) => {
  const provider = createOpenAI({ apiKey: 'sk-test-not-real', baseURL: rig.provider.openaiBaseURL });
  return (system, prompt) =>
    generateText({
      model: provider.chat('gpt-4o-mini'),
      system,
      prompt,
      maxRetries: 0,
      experimental_telemetry: { isEnabled: true },
    });
});
