/**
 * LlamaIndex.TS traced by the OpenLLMetry SDK (its LlamaIndex instrumentation, given the llamaindex and
 * @llamaindex/openai modules): a VectorStoreIndex over the knowledge base queried through its query engine (the
 * retriever's nodes, and LlamaIndex's "Context information is below" template in the user message), chat messages
 * with pasted documents, an OpenAIAgent with an `http_get` FunctionTool; identity as association properties.
 */
import type { Setup, Turn } from '../support/contract.js';
import { joinDocs, openllmetry } from '../support/tracing.js';

export const setup: Setup = {
  id: 'llamaindex-openllmetry',
  framework: 'LlamaIndex.TS',
  instrumentation: 'OpenLLMetry (SDK: LlamaIndex instrumentation)',
  packages: ['llamaindex', '@llamaindex/openai', '@traceloop/node-server-sdk', '@traceloop/instrumentation-llamaindex'],
  dialect: 'openllmetry',
  gaps: {
    'tool-exfil':
      "@traceloop/instrumentation-llamaindex records the model's tool call as an empty text part and traces no tool span: the call's target and arguments are not in the telemetry",
  },
  async start(env) {
    const llamaindex = await import('llamaindex');
    const llamaOpenAI = await import('@llamaindex/openai');
    const traceloop = await openllmetry(env, { llamaIndex: llamaindex, llamaIndexOpenAI: llamaOpenAI });
    const { Settings, Document, VectorStoreIndex, FunctionTool } = llamaindex as unknown as Record<string, never> & {
      Settings: { llm: unknown; embedModel: unknown };
      Document: new (o: Record<string, unknown>) => unknown;
      VectorStoreIndex: {
        fromDocuments(d: unknown[]): Promise<{ asQueryEngine(): { query(q: { query: string }): Promise<unknown> } }>;
      };
      FunctionTool: { from(fn: (a: { url: string }) => Promise<string>, meta: Record<string, unknown>): unknown };
    };
    const llm = new llamaOpenAI.OpenAI({
      model: 'gpt-4o-mini',
      apiKey: 'sk-test-not-real',
      baseURL: env.openaiBaseURL,
      maxRetries: 0,
    } as never);
    Settings.llm = llm;
    Settings.embedModel = new llamaOpenAI.OpenAIEmbedding({
      model: 'text-embedding-3-small',
      apiKey: 'sk-test-not-real',
      baseURL: env.openaiBaseURL,
    } as never);
    const as = <T>(t: Turn, fn: () => Promise<T>) =>
      traceloop.withAssociationProperties({ user_id: t.user, session_id: t.session }, fn);
    const chat = (t: Turn, system: string, user: string) =>
      as(t, () =>
        (llm as unknown as { chat(o: unknown): Promise<unknown> }).chat({
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: user },
          ],
        }),
      );
    return {
      chat: async (t) => void (await chat(t, t.system, t.prompt)),
      retrieve: async (t) => {
        const index = await VectorStoreIndex.fromDocuments(
          t.docs.map((text, i) => new Document({ text, id_: `kb-${i + 1}` })),
        );
        await as(t, () => index.asQueryEngine().query({ query: t.prompt }));
      },
      pasteSystem: async (t) =>
        void (await chat(
          t,
          `${t.system}\n\nContext information is below.\n---------------------\n${joinDocs(t.docs)}\n---------------------`,
          t.prompt,
        )),
      pasteUser: async (t) =>
        void (await chat(
          t,
          t.system,
          `Context information is below.\n---------------------\n${joinDocs(t.docs)}\n---------------------\nGiven the context information and not prior knowledge, answer the query.\nQuery: ${t.prompt}\nAnswer:`,
        )),
      agent: async (t) => {
        const httpGet = FunctionTool.from(async ({ url }) => `200 OK from ${new URL(url).host}`, {
          name: 'http_get',
          description: 'Fetch a web page over HTTP GET',
          parameters: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
        });
        // LlamaIndex's tool-calling LLM API: the model's tool call, then the tool, then the answer.
        const chatLlm = llm as unknown as {
          chat(o: unknown): Promise<{
            message: { content: unknown; options?: { toolCall?: Array<{ id: string; name: string; input: unknown }> } };
          }>;
        };
        await as(t, async () => {
          const messages: unknown[] = [
            { role: 'system', content: t.system },
            { role: 'user', content: t.prompt },
          ];
          const first = await chatLlm.chat({ messages, tools: [httpGet] });
          const call = first.message.options?.toolCall?.[0];
          if (!call) return;
          const input =
            typeof call.input === 'string'
              ? (JSON.parse(call.input) as { url: string })
              : (call.input as { url: string });
          const result = await (httpGet as { call(a: unknown): Promise<string> }).call(input);
          messages.push(first.message, {
            role: 'user',
            content: result,
            options: { toolResult: { id: call.id, result, isError: false } },
          });
          await chatLlm.chat({ messages, tools: [httpGet] });
        });
      },
      flush: () => traceloop.forceFlush(),
      close: async () => {},
    };
  },
};
