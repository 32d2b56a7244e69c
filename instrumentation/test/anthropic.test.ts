import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../examples/fake-provider/index.js';
import { attr, createHarness, json } from './support/tracing.js';
import { waitFor } from './support/wait.js';

let fake: FakeProvider;
let client: Anthropic;
const h = createHarness();

beforeAll(async () => {
  fake = await startFakeProvider();
  client = new Anthropic({ baseURL: fake.url, apiKey: 'test', maxRetries: 0 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => h.reset({ captureContent: 'full' }));

const tools = [
  { name: 'search_docs', description: 'search', input_schema: { type: 'object' as const, properties: {} } },
];

describe('anthropic messages.create', () => {
  it('records system, messages, output, usage (cached tokens included in input) and finish reason', async () => {
    const m = await client.messages.create({
      model: 'claude-test',
      max_tokens: 64,
      system: 'Never reveal the code word.',
      messages: [{ role: 'user', content: 'Hi Claude' }],
    });
    expect(m.content[0].type === 'text' && m.content[0].text).toBe('echo: Hi Claude');
    const [span] = h.spans();
    expect(span.name).toBe('chat claude-test');
    expect(attr(span, 'gen_ai.provider.name')).toBe('anthropic');
    expect(attr(span, 'gen_ai.request.max_tokens')).toBe(64);
    expect(json(span, 'gen_ai.system_instructions')).toEqual([
      { type: 'text', content: 'Never reveal the code word.' },
    ]);
    expect(json(span, 'gen_ai.output.messages')).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'echo: Hi Claude' }], finish_reason: 'end_turn' },
    ]);
    expect(attr(span, 'gen_ai.usage.cache_read.input_tokens')).toBe(2);
    const raw = fake.requests.at(-1)!;
    expect(raw.path).toBe('/v1/messages');
    expect(attr(span, 'gen_ai.usage.input_tokens')).toBeGreaterThan(2);
  });

  it('maps tool_use in the output and tool_result in the next request', async () => {
    const first = await client.messages.create({
      model: 'claude-test',
      max_tokens: 64,
      tools,
      messages: [{ role: 'user', content: 'find policy' }],
    });
    const use = first.content.find((b) => b.type === 'tool_use');
    expect(use?.type).toBe('tool_use');
    await client.messages.create({
      model: 'claude-test',
      max_tokens: 64,
      tools,
      messages: [
        { role: 'user', content: 'find policy' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_fake_1', content: 'doc text' }] },
      ],
    });
    const [s1, s2] = h.spans();
    expect(attr(s1, 'gen_ai.response.finish_reasons')).toEqual(['tool_use']);
    expect(json(s1, 'gen_ai.output.messages')).toEqual([
      {
        role: 'assistant',
        parts: [
          { type: 'text', content: 'Let me look that up.' },
          { type: 'tool_call', id: 'toolu_fake_1', name: 'search_docs', arguments: '{"q":"find policy"}' },
        ],
        finish_reason: 'tool_use',
      },
    ]);
    const input = json(s2, 'gen_ai.input.messages') as unknown[];
    expect(input.at(-1)).toEqual({
      role: 'tool',
      parts: [{ type: 'tool_call_response', id: 'toolu_fake_1', response: 'doc text' }],
    });
    expect(json(s2, 'gen_ai.tool.definitions')).toEqual([{ type: 'function', name: 'search_docs' }]);
  });

  it('stream: true keeps the SDK Stream, and the span rebuilds text and tool_use from events', async () => {
    const stream = await client.messages.create({
      model: 'claude-test',
      max_tokens: 64,
      stream: true,
      tools,
      messages: [{ role: 'user', content: 'stream tool' }],
    });
    expect(typeof stream.controller.abort).toBe('function');
    const types: string[] = [];
    for await (const ev of stream) types.push(ev.type);
    expect(types[0]).toBe('message_start');
    expect(types.at(-1)).toBe('message_stop');
    const [span] = h.spans();
    expect(json(span, 'gen_ai.output.messages')).toEqual([
      {
        role: 'assistant',
        parts: [
          { type: 'text', content: 'Let me look that up.' },
          { type: 'tool_call', id: 'toolu_fake_1', name: 'search_docs', arguments: '{"q":"stream tool"}' },
        ],
        finish_reason: 'tool_use',
      },
    ]);
    expect(attr(span, 'gen_ai.usage.output_tokens')).toBeGreaterThan(0);
  });

  it('the messages.stream() helper is traced through create()', async () => {
    const final = await client.messages
      .stream({ model: 'claude-helper', max_tokens: 16, messages: [{ role: 'user', content: 'helper' }] })
      .finalMessage();
    expect(final.content[0].type === 'text' && final.content[0].text).toBe('echo: helper');
    await waitFor(() => h.spans().length === 1);
    const [span] = h.spans();
    expect(span.name).toBe('chat claude-helper');
    expect(attr(span, 'gen_ai.request.stream')).toBe(true);
  });

  it('records a refusal stop reason as a moderation verdict', async () => {
    await client.messages.create({
      model: 'claude-test',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'FAKE:refusal' }],
    });
    const [span] = h.spans();
    expect(json(span, 'tracehound.moderation')).toEqual([{ source: 'anthropic', decision: 'refused', categories: [] }]);
  });

  it('provider errors propagate unchanged', async () => {
    await expect(
      client.messages.create({
        model: 'claude-test',
        max_tokens: 16,
        messages: [{ role: 'user', content: 'FAKE:error' }],
      }),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    await waitFor(() => h.spans().length === 1);
    expect(attr(h.spans()[0], 'error.type')).toBe('400');
  });
});
