import { describe, expect, it } from 'vitest';
import {
  redactAnthropicStream,
  redactChatStream,
  redactRequestParams,
  redactResponseInPlace,
} from '../../src/mapping/redaction.js';

const f = (s: string) => s.replaceAll('SECRET', '[X]');

describe('payload redaction', () => {
  it('request params are copied on write; system turns, ids and settings are kept', () => {
    const params = {
      model: 'SECRET-model',
      messages: [
        { role: 'system', content: 'keep SECRET here' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'a SECRET b' },
            { type: 'image_url', image_url: { url: 'https://x/SECRET.png' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'SECRET-id', type: 'function', function: { name: 'n', arguments: '{"k":"SECRET"}' } }],
        },
      ],
    };
    const before = JSON.stringify(params);
    const out = redactRequestParams(params, f) as typeof params;
    expect(JSON.stringify(params)).toBe(before);
    expect(out.model).toBe('SECRET-model');
    expect(out.messages[0]).toBe(params.messages[0]);
    expect(JSON.stringify(out.messages[1])).toContain('a [X] b');
    expect(JSON.stringify(out.messages[1])).toContain('https://x/SECRET.png');
    expect(out.messages[2].tool_calls![0]).toMatchObject({ id: 'SECRET-id', function: { arguments: '{"k":"[X]"}' } });
    expect(redactRequestParams({ input: 'SECRET' }, f)).toEqual({ input: '[X]' });
    const clean = { messages: [{ role: 'user', content: 'nothing' }] };
    expect(redactRequestParams(clean, f)).toBe(clean);
  });

  it('responses are changed in place: free-form tool input fully, logprobs dropped', () => {
    const msg = {
      id: 'msg_SECRET',
      content: [{ type: 'tool_use', id: 't', name: 'n', input: { a: { b: ['SECRET'] } } }],
      stop_reason: 'x',
    };
    expect(redactResponseInPlace(msg, f)).toBe(true);
    expect(msg.id).toBe('msg_SECRET');
    expect(msg.content[0].input).toEqual({ a: { b: ['[X]'] } });
    const chat = { choices: [{ message: { content: 'SECRET' }, logprobs: { content: [{ token: 'SECRET' }] } }] };
    redactResponseInPlace(chat, f);
    expect(chat.choices[0]).toEqual({ message: { content: '[X]' }, logprobs: null });
    expect(redactResponseInPlace({ choices: [] }, f)).toBe(false);
  });

  it('stream text split across chunks is masked as a whole, per choice and per block', () => {
    const chunks = ['SEC', 'RET', ' ok'].map((content) => ({ choices: [{ index: 0, delta: { content } }] }));
    chunks.push({ choices: [{ index: 1, delta: { content: 'SECRET' } }] });
    expect(redactChatStream(chunks, f)).toBe(true);
    expect(chunks.map((c) => c.choices[0].delta.content)).toEqual(['[X] ok', '', '', '[X]']);
    const events = [
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'xSE' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"q":"SECRET"}' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'CRETy' } },
    ];
    redactAnthropicStream(events, f);
    expect(events.map((e) => e.delta.text ?? e.delta.partial_json)).toEqual(['x[X]y', '{"q":"[X]"}', '']);
    expect(redactChatStream([{ choices: [{ index: 0, delta: { content: 'fine' } }] }], f)).toBe(false);
  });
});
