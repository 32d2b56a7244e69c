/**
 * A local fake LLM provider speaking the HTTP APIs the real `openai` and `@anthropic-ai/sdk` clients use:
 * /v1/chat/completions, /v1/responses, /v1/embeddings (OpenAI) and /v1/messages (Anthropic), JSON or SSE streaming,
 * with usage and tool calls. Reused by the instrumentation tests, the benchmark, the demo and e2e tests.
 *
 * Behaviour is driven by the last user text:
 *  - default: the answer echoes it (`echo: <text>`), so tests control the output;
 *  - `FAKE:tool` (or tools given and no tool result yet): a tool call to the first tool, arguments {"q":"..."};
 *  - `FAKE:content_filter`: OpenAI finish_reason content_filter with Azure-style filter results;
 *  - `FAKE:refusal`: Anthropic stop_reason refusal;
 *  - `FAKE:error`: HTTP 400 with a provider-shaped error body.
 * A `respond` hook (startFakeProvider({ respond })) can script the chat completions and Responses answers instead:
 * the demo uses it as a toy model that leaks its system prompt, refuses, or calls a tool when asked the right way.
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';

export interface FakeRequest {
  path: string;
  body: Record<string, unknown>;
  /** Token usage the fake reported for this request (chat completions and responses). */
  usage?: { input: number; output: number };
}

export interface FakeProvider {
  /** Server root, e.g. http://127.0.0.1:43123 (Anthropic baseURL). */
  url: string;
  /** OpenAI baseURL (url + '/v1'). */
  openaiBaseURL: string;
  /** Requests received (bounded to the last 1000). */
  requests: FakeRequest[];
  close(): Promise<void>;
}

/** What a scripted model answers; undefined from the hook falls back to the default behaviour. */
export interface ScriptedReply {
  text?: string;
  /** Default: `tool_calls` with a tool call, otherwise `stop`. */
  finishReason?: 'stop' | 'length' | 'content_filter';
  toolCall?: { name: string; arguments: string };
}

export interface ScriptRequest {
  path: string;
  model: string;
  /** System / developer text (joined). */
  system: string;
  /** Last user text. */
  user: string;
  toolNames: string[];
  hasToolResult: boolean;
  /** The tool results in the conversation so far, in order (their text). */
  toolResults: string[];
}

export type Responder = (req: ScriptRequest) => ScriptedReply | undefined;

type Json = Record<string, unknown>;

function systemText(body: Json): string {
  const out: string[] = [];
  if (typeof body.instructions === 'string') out.push(body.instructions);
  const list = Array.isArray(body.messages) ? body.messages : Array.isArray(body.input) ? body.input : [];
  for (const m of list as Json[]) {
    if (m?.role !== 'system' && m?.role !== 'developer') continue;
    if (typeof m.content === 'string') out.push(m.content);
    else if (Array.isArray(m.content))
      for (const p of m.content as Json[]) if (typeof p?.text === 'string') out.push(p.text);
  }
  return out.join('\n');
}

function toolNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  return tools
    .map(
      (t: Json) =>
        ((t.function as Json | undefined)?.name as string | undefined) ?? (t.name as string | undefined) ?? '',
    )
    .filter(Boolean);
}

function script(
  respond: Responder | undefined,
  path: string,
  body: Json,
  messages: unknown,
): ScriptedReply | undefined {
  if (!respond) return undefined;
  return respond({
    path,
    model: String(body.model ?? ''),
    system: systemText(body),
    user: lastUserText(messages),
    toolNames: toolNames(body.tools),
    hasToolResult: hasToolResult(messages),
    toolResults: toolResults(messages),
  });
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((p: Json) => (typeof p?.text === 'string' ? p.text : '')).join('');
  return v === undefined ? '' : JSON.stringify(v);
}

function toolResults(messages: unknown): string[] {
  if (!Array.isArray(messages)) return [];
  const out: string[] = [];
  for (const m of messages as Json[]) {
    if (m?.role === 'tool') out.push(textOf(m.content));
    else if (m?.type === 'function_call_output') out.push(textOf(m.output));
    else if (Array.isArray(m?.content))
      for (const p of m.content as Json[]) if (p?.type === 'tool_result') out.push(textOf(p.content));
  }
  return out;
}

function lastUserText(messages: unknown): string {
  if (typeof messages === 'string') return messages;
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as Json;
    if (m?.role !== 'user' && m?.role !== undefined) continue;
    const c = m?.content;
    if (typeof c === 'string') return c;
    if (Array.isArray(c)) {
      const texts = c.filter((p: Json) => typeof p?.text === 'string').map((p: Json) => p.text as string);
      if (texts.length) return texts.join('\n');
      if (c.some((p: Json) => p?.type === 'tool_result')) return '';
    }
  }
  return '';
}

function hasToolResult(messages: unknown): boolean {
  if (!Array.isArray(messages)) return false;
  return messages.some(
    (m: Json) =>
      m?.role === 'tool' ||
      m?.type === 'function_call_output' ||
      (Array.isArray(m?.content) && (m.content as Json[]).some((p) => p?.type === 'tool_result')),
  );
}

function firstToolName(tools: unknown): string | undefined {
  if (!Array.isArray(tools) || !tools.length) return undefined;
  const t = tools[0] as Json;
  return ((t.function as Json | undefined)?.name as string | undefined) ?? (t.name as string | undefined);
}

function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function sse(reply: FastifyReply, events: Array<{ event?: string; data: unknown }>, done: boolean): void {
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  for (const e of events) {
    reply.raw.write(
      `${e.event ? `event: ${e.event}\n` : ''}data: ${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)}\n\n`,
    );
  }
  if (done) reply.raw.write('data: [DONE]\n\n');
  reply.raw.end();
}

function chunks(text: string, n = 3): string[] {
  const size = Math.max(1, Math.ceil(text.length / n));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [''];
}

function chat(body: Json, reply: FastifyReply, respond?: Responder, rec?: FakeRequest): unknown {
  const user = lastUserText(body.messages);
  const model = String(body.model ?? 'gpt-fake');
  const scripted = script(respond, '/v1/chat/completions', body, body.messages);
  const toolName = scripted ? scripted.toolCall?.name : firstToolName(body.tools);
  const wantTool = scripted
    ? !!scripted.toolCall
    : !!toolName && !hasToolResult(body.messages) && (user.includes('FAKE:tool') || body.tool_choice !== 'none');
  const filtered = scripted ? scripted.finishReason === 'content_filter' : user.includes('FAKE:content_filter');
  const text = scripted ? (wantTool ? '' : (scripted.text ?? '')) : filtered ? '' : `echo: ${user}`;
  const finish = scripted?.finishReason ?? (filtered ? 'content_filter' : wantTool ? 'tool_calls' : 'stop');
  const toolArgs = scripted?.toolCall?.arguments ?? JSON.stringify({ q: user.slice(0, 40) });
  // One id per turn of a tool loop (call_fake_1, then call_fake_2 after one tool result, …): agent SDKs reject reuse.
  const callId = `call_fake_${toolResults(body.messages).length + 1}`;
  const toolCall = { id: callId, type: 'function', function: { name: toolName ?? '', arguments: toolArgs } };
  const usage = {
    prompt_tokens: tokens(JSON.stringify(body.messages ?? '')),
    completion_tokens: tokens(text),
    total_tokens: 0,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  if (rec) rec.usage = { input: usage.prompt_tokens, output: usage.completion_tokens };
  const id = 'chatcmpl-fake-1';
  const filterResults = filtered
    ? {
        hate: { filtered: false, severity: 'safe' },
        violence: { filtered: true, severity: 'high' },
        jailbreak: { filtered: false, detected: true },
      }
    : undefined;
  if (body.stream === true) {
    const events: Array<{ data: unknown }> = [];
    const base = { id, object: 'chat.completion.chunk', created: 1, model };
    events.push({
      data: { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
    });
    if (wantTool) {
      const args = toolCall.function.arguments;
      events.push({
        data: {
          ...base,
          choices: [
            {
              index: 0,
              delta: {
                tool_calls: [
                  { index: 0, id: toolCall.id, type: 'function', function: { name: toolName, arguments: '' } },
                ],
              },
              finish_reason: null,
            },
          ],
        },
      });
      for (const part of chunks(args)) {
        events.push({
          data: {
            ...base,
            choices: [
              { index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: part } }] }, finish_reason: null },
            ],
          },
        });
      }
    } else {
      for (const part of chunks(text))
        events.push({ data: { ...base, choices: [{ index: 0, delta: { content: part }, finish_reason: null }] } });
    }
    events.push({
      data: {
        ...base,
        choices: [
          {
            index: 0,
            delta: {},
            finish_reason: finish,
            ...(filterResults ? { content_filter_results: filterResults } : {}),
          },
        ],
      },
    });
    if ((body.stream_options as Json | undefined)?.include_usage)
      events.push({ data: { ...base, choices: [], usage } });
    sse(reply, events, true);
    return reply;
  }
  return {
    id,
    object: 'chat.completion',
    created: 1,
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: wantTool ? null : text,
          refusal: null,
          ...(wantTool ? { tool_calls: [toolCall] } : {}),
        },
        finish_reason: finish,
        ...(filterResults ? { content_filter_results: filterResults } : {}),
      },
    ],
    ...(filtered
      ? {
          prompt_filter_results: [
            { prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' } } },
          ],
        }
      : {}),
    usage,
  };
}

function responses(body: Json, reply: FastifyReply, respond?: Responder, rec?: FakeRequest): unknown {
  const input = body.input;
  const user = lastUserText(input);
  const model = String(body.model ?? 'gpt-fake');
  const scripted = script(respond, '/v1/responses', body, input);
  const toolName = scripted ? scripted.toolCall?.name : firstToolName(body.tools);
  const wantTool = scripted ? !!scripted.toolCall : !!toolName && !hasToolResult(input);
  const text = scripted ? (scripted.text ?? '') : `echo: ${user}`;
  const toolArgs = scripted?.toolCall?.arguments ?? JSON.stringify({ q: user.slice(0, 40) });
  const output: Json[] = wantTool
    ? [
        {
          type: 'function_call',
          id: `fc_${toolResults(input).length + 1}`,
          call_id: `call_fake_${toolResults(input).length + 1}`,
          name: toolName,
          arguments: toolArgs,
          status: 'completed',
        },
      ]
    : [
        ...(scripted
          ? []
          : [
              {
                type: 'web_search_call',
                id: 'ws_1',
                status: 'completed',
                action: { type: 'search', query: 'fake query' },
              },
            ]),
        {
          type: 'message',
          id: 'msg_1',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text, annotations: [] }],
        },
      ];
  const response = {
    id: 'resp_fake_1',
    object: 'response',
    created_at: 1,
    status: 'completed',
    model,
    output,
    incomplete_details: null,
    // The real API echoes the request's instructions in the response object.
    instructions: typeof body.instructions === 'string' ? body.instructions : null,
    usage: {
      input_tokens: tokens(JSON.stringify(input ?? '')),
      output_tokens: tokens(text),
      total_tokens: 0,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens_details: { reasoning_tokens: 0 },
    },
  };
  response.usage.total_tokens = response.usage.input_tokens + response.usage.output_tokens;
  if (rec) rec.usage = { input: response.usage.input_tokens, output: response.usage.output_tokens };
  if (body.stream === true) {
    const inProgress = { ...response, status: 'in_progress', output: [], usage: null };
    const events: Array<{ event: string; data: unknown }> = [
      { event: 'response.created', data: { type: 'response.created', sequence_number: 0, response: inProgress } },
    ];
    let seq = 1;
    if (!wantTool) {
      for (const part of chunks(text)) {
        events.push({
          event: 'response.output_text.delta',
          data: {
            type: 'response.output_text.delta',
            sequence_number: seq++,
            item_id: 'msg_1',
            output_index: 1,
            content_index: 0,
            delta: part,
          },
        });
      }
    }
    events.push({ event: 'response.completed', data: { type: 'response.completed', sequence_number: seq, response } });
    sse(reply, events, false);
    return reply;
  }
  return response;
}

function embeddings(body: Json): unknown {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const dims = typeof body.dimensions === 'number' ? body.dimensions : 8;
  const vec = Array.from({ length: dims }, (_, i) => (i + 1) / dims);
  const embedding =
    body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vec).buffer).toString('base64') : vec;
  return {
    object: 'list',
    model: String(body.model ?? 'text-embedding-fake'),
    data: inputs.map((_, index) => ({ object: 'embedding', index, embedding })),
    usage: { prompt_tokens: tokens(JSON.stringify(inputs)), total_tokens: tokens(JSON.stringify(inputs)) },
  };
}

function messages(body: Json, reply: FastifyReply): unknown {
  const user = lastUserText(body.messages);
  const model = String(body.model ?? 'claude-fake');
  const toolName = firstToolName(body.tools);
  const wantTool = !!toolName && !hasToolResult(body.messages);
  const refusal = user.includes('FAKE:refusal');
  const text = refusal ? 'I cannot help with that.' : `echo: ${user}`;
  const stop = refusal ? 'refusal' : wantTool ? 'tool_use' : 'end_turn';
  const toolInput = { q: user.slice(0, 40) };
  const content: Json[] = wantTool
    ? [
        { type: 'text', text: 'Let me look that up.' },
        { type: 'tool_use', id: 'toolu_fake_1', name: toolName, input: toolInput },
      ]
    : [{ type: 'text', text }];
  const usage = {
    input_tokens: tokens(JSON.stringify(body.messages ?? '')),
    output_tokens: tokens(text),
    cache_read_input_tokens: 2,
    cache_creation_input_tokens: 0,
  };
  const message = {
    id: 'msg_fake_1',
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stop,
    stop_sequence: null,
    usage,
  };
  if (body.stream === true) {
    const events: Array<{ event: string; data: unknown }> = [
      {
        event: 'message_start',
        data: {
          type: 'message_start',
          message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
        },
      },
    ];
    content.forEach((block, index) => {
      if (block.type === 'text') {
        events.push({
          event: 'content_block_start',
          data: { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
        });
        for (const part of chunks(block.text as string)) {
          events.push({
            event: 'content_block_delta',
            data: { type: 'content_block_delta', index, delta: { type: 'text_delta', text: part } },
          });
        }
      } else {
        events.push({
          event: 'content_block_start',
          data: {
            type: 'content_block_start',
            index,
            content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
          },
        });
        for (const part of chunks(JSON.stringify(block.input))) {
          events.push({
            event: 'content_block_delta',
            data: { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: part } },
          });
        }
      }
      events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } });
    });
    events.push({
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: stop, stop_sequence: null },
        usage: { output_tokens: usage.output_tokens },
      },
    });
    events.push({ event: 'message_stop', data: { type: 'message_stop' } });
    sse(reply, events, false);
    return reply;
  }
  return message;
}

export async function startFakeProvider(
  opts: { port?: number; host?: string; respond?: Responder } = {},
): Promise<FakeProvider> {
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 16 * 1024 * 1024 });
  const requests: FakeRequest[] = [];
  const records = new WeakMap<object, FakeRequest>();
  app.addHook('preHandler', async (req, reply) => {
    const body = (req.body ?? {}) as Json;
    const rec: FakeRequest = { path: req.url, body };
    requests.push(rec);
    records.set(req, rec);
    if (requests.length > 1000) requests.shift();
    if (lastUserText(body.messages ?? body.input).includes('FAKE:error')) {
      const anthropic = req.url.startsWith('/v1/messages');
      reply
        .code(400)
        .send(
          anthropic
            ? { type: 'error', error: { type: 'invalid_request_error', message: 'fake error' } }
            : { error: { message: 'fake error', type: 'invalid_request_error', code: 'fake' } },
        );
    }
  });
  app.post('/v1/chat/completions', async (req, reply) => chat(req.body as Json, reply, opts.respond, records.get(req)));
  app.post('/v1/responses', async (req, reply) => responses(req.body as Json, reply, opts.respond, records.get(req)));
  app.post('/v1/embeddings', async (req) => embeddings(req.body as Json));
  app.post('/v1/messages', async (req, reply) => messages(req.body as Json, reply));
  const address = await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });
  return {
    url: address,
    openaiBaseURL: `${address}/v1`,
    requests,
    close: () => app.close(),
  };
}
