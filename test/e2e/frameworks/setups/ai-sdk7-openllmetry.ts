/**
 * The Vercel AI SDK 7 (OpenTelemetry integration) under the OpenLLMetry SDK: spans go through traceloop's
 * pipeline and carry its association properties, which name the user and the session.
 */
import type { Setup } from '../support/contract.js';
import { openllmetry } from '../support/tracing.js';
import { aiSdkApp } from '../apps/ai-sdk.js';

export const setup: Setup = {
  id: 'ai-sdk7-openllmetry',
  framework: 'Vercel AI SDK 7',
  instrumentation: 'OpenLLMetry SDK (@ai-sdk/otel spans, association properties)',
  packages: ['ai-v7', 'ai-sdk-openai-v4', '@ai-sdk/otel', '@traceloop/node-server-sdk'],
  dialect: 'openllmetry',
  async start(env) {
    const traceloop = await openllmetry(env);
    const ai = await import('ai-v7');
    const { OpenTelemetry } = await import('@ai-sdk/otel');
    const { createOpenAI } = await import('ai-sdk-openai-v4');
    ai.registerTelemetry(new OpenTelemetry());
    return aiSdkApp({
      ai: ai as never,
      provider: createOpenAI({ apiKey: 'sk-test-not-real', baseURL: env.openaiBaseURL }) as never,
      options: () => ({ telemetry: { functionId: 'support-chat' } }),
      wrap: (t, fn) => traceloop.withAssociationProperties({ user_id: t.user, session_id: t.session }, fn),
      flush: () => traceloop.forceFlush(),
      close: async () => {},
    });
  },
};
