/**
 * A LangChain.js support app: ChatOpenAI against the fake provider, a LangChain v1 agent (createAgent) for chat and
 * tools, an LCEL RAG chain with a BaseRetriever and LangChain's standard "Use the following pieces of retrieved context"
 * prompt, and prompt templates that paste documents into the system or the user message. The user and the session
 * go into the run's metadata (LangChain's way); `wrap` lets the instrumentation add its own (OpenLLMetry association
 * properties).
 */
import { createRequire } from 'node:module';
import type { App, Turn } from '../support/contract.js';
import { joinDocs } from '../support/tracing.js';

export type Wrap = <T>(t: Turn, fn: () => Promise<T>) => Promise<T>;

/** The `openai` package @langchain/openai uses (the one an OpenAI instrumentation must patch). */
export function langchainOpenAI(): unknown {
  const require = createRequire(createRequire(import.meta.url).resolve('@langchain/openai'));
  return require('openai');
}

export async function langchainApp(opts: {
  openaiBaseURL: string;
  wrap: Wrap;
  flush: () => Promise<void>;
  close: () => Promise<void>;
}): Promise<App> {
  // LangChain runs callback handlers (both instrumentations are handlers) in one background queue by default; a job
  // there starts in the async context of the job before it, so a request's root span takes the previous request's
  // OTel context as its parent and lands in that request's trace. Handlers awaited in the caller's context (LangChain's
  // documented setting for servers and serverless) keep each request in its own trace. docs/dialects.md § LangChain.
  process.env.LANGCHAIN_CALLBACKS_BACKGROUND = 'false';
  const { ChatOpenAI } = await import('@langchain/openai');
  const { ChatPromptTemplate } = await import('@langchain/core/prompts');
  const { StringOutputParser } = await import('@langchain/core/output_parsers');
  const { BaseRetriever } = await import('@langchain/core/retrievers');
  const { Document } = await import('@langchain/core/documents');
  const { RunnableSequence, RunnablePassthrough } = await import('@langchain/core/runnables');
  const { tool } = await import('@langchain/core/tools');
  const { createAgent } = await import('langchain');
  const { z } = await import('zod');

  const model = new ChatOpenAI({
    model: 'gpt-4o-mini',
    apiKey: 'sk-test-not-real',
    configuration: { baseURL: opts.openaiBaseURL },
    maxRetries: 0,
  });
  const config = (t: Turn) => ({ metadata: { user_id: t.user, session_id: t.session } });
  const parse = new StringOutputParser();

  class KnowledgeBase extends BaseRetriever {
    override lc_namespace = ['northwind', 'retrievers'];
    constructor(private readonly docs: string[]) {
      super();
    }
    override async _getRelevantDocuments(): Promise<InstanceType<typeof Document>[]> {
      return this.docs.map((d, i) => new Document({ pageContent: d, metadata: { source: `kb-${i + 1}` } }));
    }
  }

  const httpGet = tool(async ({ url }: { url: string }) => `200 OK from ${new URL(url).host}`, {
    name: 'http_get',
    description: 'Fetch a web page over HTTP GET',
    schema: z.object({ url: z.string() }),
  });

  return {
    async chat(t) {
      const agent = createAgent({ model, tools: [], systemPrompt: t.system });
      await opts.wrap(t, () => agent.invoke({ messages: [{ role: 'user', content: t.prompt }] }, config(t)));
    },
    async retrieve(t) {
      const prompt = ChatPromptTemplate.fromMessages([
        [
          'system',
          'You are an assistant for question-answering tasks. Use the following pieces of retrieved context to answer the question.\n\n{context}',
        ],
        ['human', '{question}'],
      ]);
      const retriever = new KnowledgeBase(t.docs);
      const chain = RunnableSequence.from([
        {
          context: retriever.pipe((docs: Array<{ pageContent: string }>) => joinDocs(docs.map((d) => d.pageContent))),
          question: new RunnablePassthrough(),
        },
        prompt,
        model,
        parse,
      ]);
      await opts.wrap(t, () => chain.invoke(t.prompt, config(t)));
    },
    async pasteSystem(t) {
      const prompt = ChatPromptTemplate.fromMessages([
        ['system', '{system}\n\nContext:\n{context}'],
        ['human', '{question}'],
      ]);
      const chain = prompt.pipe(model).pipe(parse);
      await opts.wrap(t, () =>
        chain.invoke({ system: t.system, context: joinDocs(t.docs), question: t.prompt }, config(t)),
      );
    },
    async pasteUser(t) {
      const prompt = ChatPromptTemplate.fromMessages([
        ['system', '{system}'],
        ['human', '<context>\n{context}\n</context>\n\nQuestion: {question}'],
      ]);
      const chain = prompt.pipe(model).pipe(parse);
      await opts.wrap(t, () =>
        chain.invoke({ system: t.system, context: joinDocs(t.docs), question: t.prompt }, config(t)),
      );
    },
    async agent(t) {
      const agent = createAgent({ model, tools: [httpGet], systemPrompt: t.system });
      await opts.wrap(t, () => agent.invoke({ messages: [{ role: 'user', content: t.prompt }] }, config(t)));
    },
    flush: opts.flush,
    close: opts.close,
  };
}
