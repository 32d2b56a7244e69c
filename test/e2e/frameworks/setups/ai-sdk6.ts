/** The Vercel AI SDK 6's own telemetry (experimental_telemetry, ai.* spans), identity in telemetry metadata. */
import type { Setup } from '../support/contract.js';
import { otelProvider } from '../support/tracing.js';
import { aiSdkApp } from '../apps/ai-sdk.js';

export const setup: Setup = {
  id: 'ai-sdk6',
  framework: 'Vercel AI SDK 6',
  instrumentation: 'AI SDK telemetry (experimental_telemetry)',
  packages: ['ai', '@ai-sdk/openai'],
  dialect: 'vercel_ai',
  async start(env) {
    const provider = otelProvider(env);
    const ai = await import('ai');
    const { createOpenAI } = await import('@ai-sdk/openai');
    return aiSdkApp({
      ai: ai as never,
      provider: createOpenAI({ apiKey: 'sk-test-not-real', baseURL: env.openaiBaseURL }) as never,
      options: (t) => ({
        experimental_telemetry: {
          isEnabled: true,
          functionId: 'support-chat',
          metadata: { userId: t.user, sessionId: t.session },
        },
      }),
      flush: () => provider.forceFlush(),
      close: () => provider.shutdown(),
    });
  },
};
