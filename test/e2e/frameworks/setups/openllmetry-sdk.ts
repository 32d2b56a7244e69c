/**
 * The OpenLLMetry SDK's default setup: `traceloop.initialize` with the OpenAI instrumentation, the app's steps as
 * workflow / task / tool entities (withWorkflow, withTask, withTool), the user and the session as association
 * properties, the `openai` SDK against the fake provider.
 */
import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import type { Setup, Turn } from '../support/contract.js';
import { joinDocs, openllmetry } from '../support/tracing.js';

export const setup: Setup = {
  id: 'openllmetry-sdk',
  framework: 'openai (no framework)',
  instrumentation: 'OpenLLMetry SDK default (OpenAI instrumentation, entities, association properties)',
  packages: ['openai', '@traceloop/node-server-sdk', '@traceloop/instrumentation-openai'],
  dialect: 'openllmetry',
  async start(env) {
    const traceloop = await openllmetry(env, { openAI: OpenAI });
    const client = new OpenAI({ apiKey: 'sk-test-not-real', baseURL: env.openaiBaseURL, maxRetries: 0 });
    const as = <T>(t: Turn, fn: () => Promise<T>) =>
      traceloop.withAssociationProperties({ user_id: t.user, session_id: t.session }, () =>
        traceloop.withWorkflow({ name: 'support_turn' }, fn),
      );
    const complete = (messages: ChatCompletionMessageParam[], tools?: ChatCompletionTool[]) =>
      client.chat.completions.create({ model: 'gpt-4o-mini', messages, ...(tools ? { tools } : {}) });
    const httpGet = (url: string) =>
      traceloop.withTool({ name: 'http_get' }, async () => `200 OK from ${new URL(url).host}`);
    return {
      chat: (t) =>
        as(t, async () => {
          await complete([
            { role: 'system', content: t.system },
            { role: 'user', content: t.prompt },
          ]);
        }),
      retrieve: (t) =>
        as(t, async () => {
          const docs = await traceloop.withTask({ name: 'retrieve_documents' }, async () => t.docs);
          await complete([
            { role: 'system', content: `${t.system}\n\nContext:\n${joinDocs(docs)}` },
            { role: 'user', content: t.prompt },
          ]);
        }),
      pasteSystem: (t) =>
        as(t, async () => {
          await complete([
            { role: 'system', content: `${t.system}\n\n<documents>\n${joinDocs(t.docs)}\n</documents>` },
            { role: 'user', content: t.prompt },
          ]);
        }),
      pasteUser: (t) =>
        as(t, async () => {
          await complete([
            { role: 'system', content: t.system },
            { role: 'user', content: `Context:\n${joinDocs(t.docs)}\n\nQuestion: ${t.prompt}` },
          ]);
        }),
      agent: (t) =>
        as(t, async () => {
          const tools: ChatCompletionTool[] = [
            {
              type: 'function',
              function: {
                name: 'http_get',
                description: 'Fetch a web page over HTTP GET',
                parameters: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
              },
            },
          ];
          const messages: ChatCompletionMessageParam[] = [
            { role: 'system', content: t.system },
            { role: 'user', content: t.prompt },
          ];
          const first = await complete(messages, tools);
          const call = first.choices[0].message.tool_calls?.[0];
          if (!call || call.type !== 'function') return;
          const { url } = JSON.parse(call.function.arguments) as { url: string };
          const result = await httpGet(url);
          messages.push(first.choices[0].message, { role: 'tool', tool_call_id: call.id, content: result });
          await complete(messages, tools);
        }),
      flush: () => traceloop.forceFlush(),
      close: async () => {},
    };
  },
};
