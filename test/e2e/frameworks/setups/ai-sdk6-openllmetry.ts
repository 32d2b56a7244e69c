/**
 * The Vercel AI SDK 6 traced through the OpenLLMetry SDK: traceloop.initialize rewrites the AI SDK's spans in place
 * (its Vercel transform: content to gen_ai.input/output.messages, tools to gen_ai.tool.*, metadata to association
 * properties); the identity is the AI SDK's own telemetry metadata.
 */
import type { Setup } from '../support/contract.js';
import { openllmetry } from '../support/tracing.js';
import { aiSdkApp } from '../apps/ai-sdk.js';

export const setup: Setup = {
  id: 'ai-sdk6-openllmetry',
  framework: 'Vercel AI SDK 6',
  instrumentation: 'OpenLLMetry SDK (AI SDK span transform)',
  packages: ['ai', '@ai-sdk/openai', '@traceloop/node-server-sdk'],
  dialect: 'vercel_ai',
  async start(env) {
    const traceloop = await openllmetry(env);
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
      flush: () => traceloop.forceFlush(),
      close: async () => {},
    });
  },
};
