import OpenAI, { AzureOpenAI } from 'openai';
import { Stream } from 'openai/streaming';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../examples/fake-provider/index.js';
import { attr, createHarness, json } from './support/tracing.js';
import { waitFor } from './support/wait.js';

let fake: FakeProvider;
let client: OpenAI;
const h = createHarness();

beforeAll(async () => {
  fake = await startFakeProvider();
  client = new OpenAI({ baseURL: fake.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => h.reset({ captureContent: 'full' }));

const weather = [
  { type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } },
];

describe('openai chat.completions.create', () => {
  it('records a GenAI chat span with system instructions, parts, usage and response ids', async () => {
    const r = await client.chat.completions.create({
      model: 'gpt-test',
      temperature: 0.2,
      max_completion_tokens: 50,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Hello there' },
      ],
    });
    expect(r.choices[0].message.content).toBe('echo: Hello there');
    const [span] = h.spans();
    expect(span.name).toBe('chat gpt-test');
    expect(attr(span, 'gen_ai.operation.name')).toBe('chat');
    expect(attr(span, 'gen_ai.provider.name')).toBe('openai');
    expect(attr(span, 'gen_ai.request.model')).toBe('gpt-test');
    expect(attr(span, 'gen_ai.request.temperature')).toBe(0.2);
    expect(attr(span, 'gen_ai.request.max_tokens')).toBe(50);
    expect(attr(span, 'gen_ai.response.id')).toBe('chatcmpl-fake-1');
    expect(attr(span, 'gen_ai.response.finish_reasons')).toEqual(['stop']);
    expect(attr(span, 'gen_ai.usage.output_tokens')).toBeGreaterThan(0);
    expect(attr(span, 'server.address')).toBe('127.0.0.1');
    expect(json(span, 'gen_ai.system_instructions')).toEqual([{ type: 'text', content: 'You are terse.' }]);
    expect(json(span, 'gen_ai.input.messages')).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'Hello there' }] },
    ]);
    expect(json(span, 'gen_ai.output.messages')).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'echo: Hello there' }], finish_reason: 'stop' },
    ]);
  });

  it('keeps the APIPromise: withResponse() and asResponse() still work', async () => {
    const p = client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'x' }] });
    expect(typeof p.withResponse).toBe('function');
    const { data, response } = await p.withResponse();
    expect(data.choices[0].message.content).toBe('echo: x');
    expect(response.status).toBe(200);

    const raw = await client.chat.completions
      .create({ model: 'gpt-raw', messages: [{ role: 'user', content: 'y' }] })
      .asResponse();
    expect(
      ((await raw.json()) as { choices: Array<{ message: { content: string } }> }).choices[0].message.content,
    ).toBe('echo: y');
    await waitFor(() => h.spans().length === 2);
    expect(h.spans().map((s) => s.name)).toEqual(['chat gpt-test', 'chat gpt-raw']);
  });

  it('maps tool definitions, assistant tool calls and tool results', async () => {
    const r = await client.chat.completions.create({
      model: 'gpt-test',
      tools: weather,
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
    });
    const call = r.choices[0].message.tool_calls![0];
    expect(call.type === 'function' && call.function.name).toBe('get_weather');
    await client.chat.completions.create({
      model: 'gpt-test',
      tools: weather,
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: null, tool_calls: [call] },
        { role: 'tool', tool_call_id: call.id, content: 'sunny' },
      ],
    });
    const [first, second] = h.spans();
    expect(json(first, 'gen_ai.tool.definitions')).toEqual([{ type: 'function', name: 'get_weather' }]);
    expect(json(first, 'gen_ai.output.messages')).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call_fake_1', name: 'get_weather', arguments: '{"q":"Weather in Paris?"}' }],
        finish_reason: 'tool_calls',
      },
    ]);
    const input = json(second, 'gen_ai.input.messages') as Array<{ role: string; parts: unknown[] }>;
    expect(input[1]).toEqual({
      role: 'assistant',
      parts: [{ type: 'tool_call', id: 'call_fake_1', name: 'get_weather', arguments: '{"q":"Weather in Paris?"}' }],
    });
    expect(input[2]).toEqual({
      role: 'tool',
      parts: [{ type: 'tool_call_response', id: 'call_fake_1', response: 'sunny' }],
    });
  });

  it('streams: same Stream object type, chunks unchanged, span ends with accumulated text, tool calls and usage', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-stream',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'stream me' }],
    });
    expect(stream).toBeInstanceOf(Stream);
    let text = '';
    for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
    expect(text).toBe('echo: stream me');
    const [span] = h.spans();
    expect(attr(span, 'gen_ai.request.stream')).toBe(true);
    expect(attr(span, 'gen_ai.usage.input_tokens')).toBeGreaterThan(0);
    expect(json(span, 'gen_ai.output.messages')).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'echo: stream me' }], finish_reason: 'stop' },
    ]);

    h.reset({ captureContent: 'full' });
    const toolStream = await client.chat.completions.create({
      model: 'gpt-stream',
      stream: true,
      tools: weather,
      messages: [{ role: 'user', content: 'FAKE:tool weather' }],
    });
    const [left, right] = toolStream.tee();
    for await (const _ of left) void _;
    for await (const _ of right) void _;
    const [toolSpan] = h.spans();
    expect(json(toolSpan, 'gen_ai.output.messages')).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call_fake_1', name: 'get_weather', arguments: '{"q":"FAKE:tool weather"}' }],
        finish_reason: 'tool_calls',
      },
    ]);
  });

  it('ends the span when the consumer breaks out of a stream early', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-stream',
      stream: true,
      messages: [{ role: 'user', content: 'a longer text to split' }],
    });
    for await (const _ of stream) break;
    expect(h.spans()).toHaveLength(1);
  });

  it('the .stream() helper is traced through create()', async () => {
    const runner = client.chat.completions.stream({
      model: 'gpt-helper',
      messages: [{ role: 'user', content: 'helper' }],
    });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0].message.content).toBe('echo: helper');
    const [span] = h.spans();
    expect(span.name).toBe('chat gpt-helper');
    expect(json(span, 'gen_ai.output.messages')).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'echo: helper' }], finish_reason: 'stop' },
    ]);
  });

  it('records provider moderation (content_filter + Azure filter results) as tracehound.moderation', async () => {
    await client.chat.completions.create({
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'FAKE:content_filter' }],
    });
    const [span] = h.spans();
    expect(attr(span, 'gen_ai.response.finish_reasons')).toEqual(['content_filter']);
    // Azure-shaped filter results name the categories; the verdict is attributed to Azure's content filter.
    expect(json(span, 'tracehound.moderation')).toEqual([
      { source: 'azure', decision: 'blocked', categories: ['violence', 'jailbreak'] },
    ]);
  });

  it('marks provider errors on the span and rethrows the SDK error unchanged', async () => {
    await expect(
      client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'FAKE:error' }] }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await waitFor(() => h.spans().length === 1);
    const [span] = h.spans();
    expect(attr(span, 'error.type')).toBe('400');
    expect(span.status.code).toBe(2);
  });

  it('captures no content by default', async () => {
    h.reset({});
    await client.chat.completions.create({
      model: 'gpt-test',
      messages: [
        { role: 'system', content: 'secret prompt' },
        { role: 'user', content: 'hi' },
      ],
    });
    const [span] = h.spans();
    expect(attr(span, 'gen_ai.input.messages')).toBeUndefined();
    expect(attr(span, 'gen_ai.output.messages')).toBeUndefined();
    expect(attr(span, 'gen_ai.system_instructions')).toBeUndefined();
    expect(attr(span, 'gen_ai.usage.input_tokens')).toBeGreaterThan(0);
  });
});

describe('openai responses.create', () => {
  it('maps instructions, input, built-in tool items and output text', async () => {
    const r = await client.responses.create({ model: 'gpt-resp', instructions: 'Be safe.', input: 'Find news' });
    expect(r.output_text).toBe('echo: Find news');
    const [span] = h.spans();
    expect(span.name).toBe('chat gpt-resp');
    expect(json(span, 'gen_ai.system_instructions')).toEqual([{ type: 'text', content: 'Be safe.' }]);
    expect(json(span, 'gen_ai.input.messages')).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'Find news' }] },
    ]);
    expect(json(span, 'gen_ai.output.messages')).toEqual([
      {
        role: 'assistant',
        parts: [
          { type: 'tool_call', id: 'ws_1', name: 'web_search', arguments: '{"type":"search","query":"fake query"}' },
          { type: 'text', content: 'echo: Find news' },
        ],
        finish_reason: 'stop',
      },
    ]);
    expect(attr(span, 'gen_ai.response.id')).toBe('resp_fake_1');
  });

  it('maps function calls and function_call_output items; streams via the completed event', async () => {
    const tools = [{ type: 'function' as const, name: 'lookup', parameters: {}, strict: false }];
    await client.responses.create({ model: 'gpt-resp', tools, input: [{ role: 'user', content: 'look up x' }] });
    const [first] = h.spans();
    expect(attr(first, 'gen_ai.response.finish_reasons')).toEqual(['tool_call']);
    h.reset({ captureContent: 'full' });
    const stream = await client.responses.create({
      model: 'gpt-resp',
      stream: true,
      input: [
        { role: 'user', content: 'look up x' },
        { type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '{}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'result text' },
      ],
    });
    for await (const _ of stream) void _;
    const [span] = h.spans();
    const input = json(span, 'gen_ai.input.messages') as unknown[];
    expect(input).toContainEqual({
      role: 'tool',
      parts: [{ type: 'tool_call_response', id: 'call_1', response: 'result text' }],
    });
    expect(attr(span, 'gen_ai.usage.output_tokens')).toBeGreaterThan(0);
    expect(attr(span, 'gen_ai.response.finish_reasons')).toEqual(['stop']);
  });
});

describe('openai embeddings.create', () => {
  it('records an embeddings span with dimension count and input tokens, result unchanged', async () => {
    const r = await client.embeddings.create({ model: 'emb-test', input: ['a', 'b'] });
    expect(r.data).toHaveLength(2);
    expect(r.data[0].embedding).toHaveLength(8);
    const [span] = h.spans();
    expect(span.name).toBe('embeddings emb-test');
    expect(attr(span, 'gen_ai.operation.name')).toBe('embeddings');
    expect(attr(span, 'gen_ai.embeddings.dimension.count')).toBe(8);
    expect(attr(span, 'gen_ai.usage.input_tokens')).toBeGreaterThan(0);
  });
});

describe('azure openai', () => {
  it('reports provider azure.ai.openai for an AzureOpenAI client', async () => {
    const azure = new AzureOpenAI({
      baseURL: fake.openaiBaseURL,
      apiKey: 'k',
      apiVersion: '2024-10-21',
      maxRetries: 0,
    });
    await azure.chat.completions
      .create({ model: 'gpt-az', messages: [{ role: 'user', content: 'FAKE:content_filter' }] })
      .catch(() => undefined);
    await waitFor(() => h.spans().length === 1);
    expect(attr(h.spans()[0], 'gen_ai.provider.name')).toBe('azure.ai.openai');
  });
});
