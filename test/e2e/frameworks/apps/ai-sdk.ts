/**
 * A Vercel AI SDK support app (same code for ai 6 and ai 7): generateText with the OpenAI provider against the fake
 * provider; RAG as the AI SDK guide does it (embedMany over the knowledge base, embed the question, paste the best
 * documents into the system prompt); documents pasted into the system prompt or the user message; an agent loop with
 * an `http_get` tool. `options(t)` adds the telemetry settings and the identity the way each setup carries them.
 */
import type { App, Turn } from '../support/contract.js';
import { joinDocs } from '../support/tracing.js';

// The two majors' APIs used here are the same; one loose type covers both.
type AnyFn = (
  o: Record<string, unknown>,
) => Promise<{ embedding?: number[]; embeddings?: number[][] } & Record<string, unknown>>;
interface AiModule {
  generateText: AnyFn;
  embed: AnyFn;
  embedMany: AnyFn;
  tool: (t: Record<string, unknown>) => unknown;
  stepCountIs: (n: number) => unknown;
  cosineSimilarity: (a: number[], b: number[]) => number;
}
interface OpenAIProvider {
  chat(model: string): unknown;
  embedding(model: string): unknown;
}

export async function aiSdkApp(opts: {
  ai: AiModule;
  provider: OpenAIProvider;
  options: (t: Turn) => Record<string, unknown>;
  wrap?: <T>(t: Turn, fn: () => Promise<T>) => Promise<T>;
  flush: () => Promise<void>;
  close: () => Promise<void>;
}): Promise<App> {
  const { ai, provider } = opts;
  const { z } = await import('zod');
  const wrap = opts.wrap ?? ((_t, fn) => fn());
  const model = provider.chat('gpt-4o-mini');
  const embeddingModel = provider.embedding('text-embedding-3-small');
  const generate = (t: Turn, o: Record<string, unknown>) =>
    wrap(t, () => ai.generateText({ model, maxRetries: 0, ...o, ...opts.options(t) }));
  const httpGet = ai.tool({
    description: 'Fetch a web page over HTTP GET',
    inputSchema: z.object({ url: z.string() }),
    execute: async ({ url }: { url: string }) => `200 OK from ${new URL(url).host}`,
  });
  return {
    async chat(t) {
      await generate(t, { system: t.system, prompt: t.prompt });
    },
    async retrieve(t) {
      await wrap(t, async () => {
        const { embeddings } = await ai.embedMany({
          model: embeddingModel,
          values: t.docs,
          maxRetries: 0,
          ...opts.options(t),
        });
        const { embedding } = await ai.embed({
          model: embeddingModel,
          value: t.prompt,
          maxRetries: 0,
          ...opts.options(t),
        });
        const ranked = t.docs
          .map((d, i) => ({ d, score: ai.cosineSimilarity(embedding!, embeddings![i]) }))
          .sort((a, b) => b.score - a.score)
          .slice(0, 3)
          .map((x) => x.d);
        await ai.generateText({
          model,
          maxRetries: 0,
          system: `${t.system}\n\nAnswer using only this context:\n<context>\n${joinDocs(ranked)}\n</context>`,
          prompt: t.prompt,
          ...opts.options(t),
        });
      });
    },
    async pasteSystem(t) {
      await generate(t, {
        system: `${t.system}\n\nUse the following pieces of context to answer.\n\n${joinDocs(t.docs)}`,
        prompt: t.prompt,
      });
    },
    async pasteUser(t) {
      const sources = t.docs.map((d, i) => `[${i + 1}] ${d}`).join('\n');
      await generate(t, { system: t.system, prompt: `Sources:\n${sources}\n\nQuestion: ${t.prompt}` });
    },
    async agent(t) {
      await generate(t, {
        system: t.system,
        prompt: t.prompt,
        tools: { http_get: httpGet },
        stopWhen: ai.stepCountIs(3),
      });
    },
    flush: opts.flush,
    close: opts.close,
  };
}
