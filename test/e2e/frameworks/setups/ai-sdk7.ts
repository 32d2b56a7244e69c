/**
 * The Vercel AI SDK 7 with its OpenTelemetry integration (@ai-sdk/otel, registerTelemetry): gen_ai.* spans
 * (invoke_agent / agent_step / chat / execute_tool); the user and the session as runtime context included in
 * telemetry (the integration's `runtimeContext` supplemental attribute), recorded on the agent and step spans only.
 */
import type { Setup } from '../support/contract.js';
import { otelProvider } from '../support/tracing.js';
import { aiSdkApp } from '../apps/ai-sdk.js';

export const setup: Setup = {
  id: 'ai-sdk7',
  framework: 'Vercel AI SDK 7',
  instrumentation: 'AI SDK OpenTelemetry integration (@ai-sdk/otel)',
  packages: ['ai-v7', 'ai-sdk-openai-v4', '@ai-sdk/otel'],
  dialect: 'otel_genai',
  async start(env) {
    const provider = otelProvider(env);
    const ai = await import('ai-v7');
    const { OpenTelemetry } = await import('@ai-sdk/otel');
    const { createOpenAI } = await import('ai-sdk-openai-v4');
    // Runtime context is a supplemental attribute the integration leaves out unless asked (@ai-sdk/otel 1.0.x):
    // with it, ai.settings.context.* lands on the agent and step spans, not on the chat spans beneath them.
    ai.registerTelemetry(new OpenTelemetry({ runtimeContext: true }));
    return aiSdkApp({
      ai: ai as never,
      provider: createOpenAI({ apiKey: 'sk-test-not-real', baseURL: env.openaiBaseURL }) as never,
      options: (t) => ({
        runtimeContext: { userId: t.user, sessionId: t.session },
        telemetry: { functionId: 'support-chat', includeRuntimeContext: { userId: true, sessionId: true } },
      }),
      flush: () => provider.forceFlush(),
      close: () => provider.shutdown(),
    });
  },
};
