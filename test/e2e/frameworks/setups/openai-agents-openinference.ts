/**
 * The OpenAI Agents SDK traced by OpenInference (@arizeai/openinference-instrumentation-openai-agents, its trace
 * processor registered through manuallyInstrument), on the Responses API (the SDK's default) against the fake
 * provider; the user and the session set on the OpenTelemetry context with openinference-core's setUser/setSession.
 * Retrieval is a `search_knowledge_base` tool, as Agents SDK apps do it.
 */
import { createRequire } from 'node:module';
import type { Setup, Turn } from '../support/contract.js';
import { joinDocs, otelProvider } from '../support/tracing.js';

export const setup: Setup = {
  id: 'openai-agents-openinference',
  framework: 'OpenAI Agents SDK',
  instrumentation: 'OpenInference',
  packages: ['@openai/agents', '@arizeai/openinference-instrumentation-openai-agents'],
  dialect: 'openinference',
  async start(env) {
    const provider = otelProvider(env);
    const agents = await import('@openai/agents');
    const { OpenAIAgentsInstrumentation } = await import('@arizeai/openinference-instrumentation-openai-agents');
    const { setSession, setUser } = await import('@arizeai/openinference-core');
    const { context } = await import('@opentelemetry/api');
    const { z } = await import('zod');
    new OpenAIAgentsInstrumentation({ tracerProvider: provider as never }).manuallyInstrument(agents as never);
    // The SDK turns its tracing off when NODE_ENV=test (as under vitest): an app under test turns it back on.
    agents.setTracingDisabled(false);
    // The `openai` client the Agents SDK itself depends on.
    const { OpenAI } = createRequire(createRequire(import.meta.url).resolve('@openai/agents'))('openai') as {
      OpenAI: new (o: Record<string, unknown>) => unknown;
    };
    agents.setDefaultOpenAIClient(
      new OpenAI({ apiKey: 'sk-test-not-real', baseURL: env.openaiBaseURL, maxRetries: 0 }) as never,
    );
    const as = (t: Turn, fn: () => Promise<unknown>) =>
      context.with(setSession(setUser(context.active(), { userId: t.user }), { sessionId: t.session }), fn);
    const run = (t: Turn, instructions: string, input: string, tools: unknown[] = []) =>
      as(t, () =>
        agents.run(
          new agents.Agent({ name: 'Pathfinder', instructions, model: 'gpt-4o-mini', tools: tools as never }),
          input,
        ),
      );
    const httpGet = agents.tool({
      name: 'http_get',
      description: 'Fetch a web page over HTTP GET',
      parameters: z.object({ url: z.string() }),
      execute: async ({ url }) => `200 OK from ${new URL(url).host}`,
    });
    return {
      chat: async (t) => void (await run(t, t.system, t.prompt)),
      retrieve: async (t) => {
        const search = agents.tool({
          name: 'search_knowledge_base',
          description: 'Search the help-center knowledge base',
          parameters: z.object({ query: z.string() }),
          execute: async () => joinDocs(t.docs),
        });
        await run(t, t.system, t.prompt, [search]);
      },
      pasteSystem: async (t) => void (await run(t, `${t.system}\n\nContext:\n${joinDocs(t.docs)}`, t.prompt)),
      pasteUser: async (t) =>
        void (await run(t, t.system, `<documents>\n${joinDocs(t.docs)}\n</documents>\n\n${t.prompt}`)),
      agent: async (t) => void (await run(t, t.system, t.prompt, [httpGet])),
      flush: async () => {
        await agents.getGlobalTraceProvider().forceFlush();
        await provider.forceFlush();
      },
      close: () => provider.shutdown(),
    };
  },
};
