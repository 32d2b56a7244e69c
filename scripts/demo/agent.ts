/**
 * The example agent app the demo drives: a travel-support assistant built on the real `openai` SDK, instrumented with
 * @tracehound/instrumentation. Everything Tracehound sees comes from this file's ordinary calls: the SDK patching
 * (LLM spans), withIdentity (who), recordRetrieval (what the model read) and withTool (what it did).
 */
import OpenAI from 'openai';
import {
  apiKeyFingerprint,
  recordRetrieval,
  withIdentity,
  withTool,
  type IdentityContext,
} from '@tracehound/instrumentation';
import { CUSTOMER_RECORD, FLOW_TOOLS, POISONED_PAGE, SYSTEM_PROMPT } from './model.js';

export interface Persona {
  user: string;
  session: string;
  /** The API key the request was made with (only its fingerprint is recorded). */
  apiKey?: string;
  workload?: string;
}

export interface Doc {
  id: string;
  source: string;
  trust: 'trusted' | 'internal' | 'untrusted';
  content: string;
}

const MODEL = 'gpt-4o-mini';

/** The one tool the agent has: fetch a URL (never performed in the demo: no network). */
const HTTP_GET_TOOL = {
  type: 'function' as const,
  function: {
    name: 'http_get',
    description: 'Fetch a web page or API resource by URL.',
    parameters: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
  },
};

/** The claims agent's tools: look a customer up, fetch a web page, post to a URL (all canned: no network). */
const FLOW_TOOL_DEFS = FLOW_TOOLS.map((name) => ({
  type: 'function' as const,
  function: {
    name,
    description: {
      get_customer: 'Look up a customer record by id in the CRM.',
      fetch_url: 'Fetch a web page by URL.',
      http_post: 'POST a body to a URL.',
    }[name],
    parameters: { type: 'object', properties: { id: { type: 'string' }, url: { type: 'string' }, body: {} } },
  },
}));

function runFlowTool(name: string, args: Record<string, unknown>): unknown {
  if (name === 'get_customer') return CUSTOMER_RECORD;
  if (name === 'fetch_url') return POISONED_PAGE;
  return { status: 202, host: typeof args.url === 'string' ? new URL(args.url).host : '' };
}

export class Agent {
  private readonly client: OpenAI;

  constructor(baseURL: string) {
    // The fake provider accepts any key; the SDK only needs one to be set.
    this.client = new OpenAI({ apiKey: 'sk-demo-not-a-real-key', baseURL, maxRetries: 0 });
  }

  private identity(p: Persona): IdentityContext {
    return {
      user: p.user,
      session: p.session,
      apiKeyFingerprint: p.apiKey ? apiKeyFingerprint(p.apiKey) : undefined,
      workload: p.workload,
      allowedTools: ['http_get'],
    };
  }

  /** One chat turn. */
  ask(p: Persona, question: string): Promise<string> {
    return withIdentity(this.identity(p), async () => {
      const res = await this.client.chat.completions.create({
        model: MODEL,
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: question },
        ],
      });
      return res.choices[0]?.message.content ?? '';
    });
  }

  /** A retrieval-augmented turn with tools: retrieve, answer with the documents in context, run the tool calls. */
  askWithDocs(p: Persona, question: string, docs: Doc[]): Promise<string> {
    return withIdentity(this.identity(p), async () => {
      recordRetrieval(
        docs.map((d) => ({ id: d.id, source: d.source, trust: d.trust, content: d.content })),
        { dataSource: 'help-center', query: question },
      );
      const context = docs.map((d) => `[${d.id}] ${d.content}`).join('\n\n');
      const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: `${question}\n\nContext:\n${context}` },
      ];
      const first = await this.client.chat.completions.create({ model: MODEL, messages, tools: [HTTP_GET_TOOL] });
      const msg = first.choices[0]?.message;
      const calls = (msg?.tool_calls ?? []).filter((c) => c.type === 'function');
      if (calls.length === 0) return msg?.content ?? '';
      messages.push({ role: 'assistant', content: null, tool_calls: calls });
      for (const call of calls) {
        const args = safeJson(call.function.arguments);
        const url = typeof args.url === 'string' ? args.url : '';
        const result = await withTool(
          {
            name: call.function.name,
            callId: call.id,
            arguments: call.function.arguments,
            target: url,
            decision: 'allowed',
          },
          // The demo never reaches the network: the "fetch" is a canned body.
          async () => 'HTTP 204 No Content',
        );
        messages.push({ role: 'tool', tool_call_id: call.id, content: result });
      }
      const second = await this.client.chat.completions.create({ model: MODEL, messages, tools: [HTTP_GET_TOOL] });
      return second.choices[0]?.message.content ?? '';
    });
  }

  /** A tool-using agent loop for one task: the model calls tools until it answers (bounded by MAX_STEPS). */
  runTask(p: Persona, run: TaskRun): Promise<string> {
    const client = this.client;
    const identity: IdentityContext = {
      ...this.identity(p),
      task: run.task,
      allowedTools: [...FLOW_TOOLS],
    };
    return withIdentity(identity, async () => {
      const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: run.question },
      ];
      for (let step = 0; step < MAX_STEPS; step++) {
        const res = await client.chat.completions.create({ model: MODEL, messages, tools: FLOW_TOOL_DEFS });
        const msg = res.choices[0]?.message;
        const calls = (msg?.tool_calls ?? []).filter((c) => c.type === 'function');
        if (calls.length === 0) return msg?.content ?? '';
        messages.push({ role: 'assistant', content: null, tool_calls: calls });
        for (const call of calls) {
          const args = safeJson(call.function.arguments);
          const url = typeof args.url === 'string' ? args.url : undefined;
          const result = await withTool(
            { name: call.function.name, callId: call.id, arguments: call.function.arguments, target: url },
            async () => runFlowTool(call.function.name, args),
          );
          messages.push({
            role: 'tool',
            tool_call_id: call.id,
            content: typeof result === 'string' ? result : JSON.stringify(result),
          });
        }
      }
      return '';
    });
  }
}

/** How many model calls one task may take before the agent stops (the loop is bounded). */
const MAX_STEPS = 6;

export interface TaskRun {
  task: string;
  question: string;
}

function safeJson(s: string): Record<string, unknown> {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
