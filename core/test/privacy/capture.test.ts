import { describe, expect, it } from 'vitest';
import { applyCaptureMode, hmacText, isContentAttribute } from '../../src/privacy/index.js';
import { SECRET_GENERATORS, seededRng } from '../fixtures/secrets.js';

const key = SECRET_GENERATORS.openai_project(seededRng(8));
const messages = JSON.stringify([
  { role: 'user', parts: [{ type: 'text', content: `my key is ${key}, card 4539 1488 0343 6467` }] },
  { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_1', name: 'lookup', arguments: { q: 'jane@acme.io' } }] },
]);

describe('content attribute keys', () => {
  it('knows every dialect', () => {
    for (const k of [
      'gen_ai.input.messages',
      'gen_ai.output.messages',
      'gen_ai.system_instructions',
      'gen_ai.prompt',
      'gen_ai.completion',
      'gen_ai.prompt.0.content',
      'gen_ai.completion.12.content',
      'gen_ai.tool.call.arguments',
      'gen_ai.tool.call.result',
      'gen_ai.retrieval.documents',
      'llm.input_messages.3.message.content',
      'llm.output_messages.0.message.content',
      'input.value',
      'output.value',
      'retrieval.documents.2.document.content',
      'tool.parameters',
      'traceloop.entity.input',
      'traceloop.entity.output',
      'ai.prompt',
      'ai.prompt.messages',
      'ai.response.text',
      'ai.response.toolCalls',
      'ai.toolCall.args',
      'ai.toolCall.result',
      'tracehound.tool.arguments',
      'tracehound.tool.result',
      'tracehound.retrieval.documents',
    ]) {
      expect(isContentAttribute(k), k).toBe(true);
    }
    for (const k of [
      'gen_ai.request.model',
      'gen_ai.prompt.0.role',
      'llm.input_messages.0.message.role',
      'session.id',
    ]) {
      expect(isContentAttribute(k), k).toBe(false);
    }
  });
});

describe('applyCaptureMode', () => {
  const attrs = {
    'gen_ai.input.messages': messages,
    'gen_ai.request.model': 'gpt-4o',
    'gen_ai.prompt.0.content': `use ${key}`,
    'gen_ai.prompt.0.role': 'user',
    'output.value': 'Nothing sensitive here.',
    'ai.response.text': '{"broken json", ' + key,
  };

  it('full: nothing changes', () => {
    expect(applyCaptureMode('full', attrs)).toEqual({});
  });

  it('redacted: masks inside JSON, keeps it valid, returns only changed attributes', () => {
    const out = applyCaptureMode('redacted', attrs);
    expect(Object.keys(out).sort()).toEqual(['ai.response.text', 'gen_ai.input.messages', 'gen_ai.prompt.0.content']);
    const parsed = JSON.parse(out['gen_ai.input.messages'] as string);
    expect(parsed[0].role).toBe('user');
    expect(parsed[0].parts[0].content).toBe('my key is sk-proj-…[REDACTED], card [CARD …6467]');
    expect(parsed[1].parts[0].arguments.q).toBe('[EMAIL]');
    expect(out['gen_ai.prompt.0.content']).toBe('use sk-proj-…[REDACTED]');
    // not JSON: treated as text
    expect(out['ai.response.text']).toBe('{"broken json", sk-proj-…[REDACTED]');
    for (const v of Object.values(out)) expect(String(v).includes(key)).toBe(false);
  });

  it('hashed: HMAC of content, structure kept, equal texts give equal digests', () => {
    const k = 'test-hash-key';
    const out = applyCaptureMode('hashed', attrs, k);
    expect(Object.keys(out).sort()).toEqual([
      'ai.response.text',
      'gen_ai.input.messages',
      'gen_ai.prompt.0.content',
      'output.value',
    ]);
    expect(out['output.value']).toBe(`hmac-sha256:${hmacText(k, 'Nothing sensitive here.')}`);
    const parsed = JSON.parse(out['gen_ai.input.messages'] as string);
    expect(parsed[0].role).toBe('user');
    expect(parsed[0].parts[0].type).toBe('text');
    expect(parsed[0].parts[0].content).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(parsed[1].parts[0].name).toBe('lookup');
    const again = applyCaptureMode('hashed', { 'input.value': 'Nothing sensitive here.' }, k);
    expect(again['input.value']).toBe(out['output.value']);
    expect(JSON.stringify(out).includes(key)).toBe(false);
  });

  it('hashed without a key removes content instead of forwarding it', () => {
    const out = applyCaptureMode('hashed', { 'input.value': 'secret plan' });
    expect(out['input.value']).toBe('[content removed: no hash key]');
  });

  it('handles array and non-string values without throwing', () => {
    const out = applyCaptureMode('redacted', {
      'gen_ai.retrieval.documents': [`doc ${key}`, 'clean'],
      'input.value': 42,
    });
    expect(out['gen_ai.retrieval.documents']).toEqual(['doc sk-proj-…[REDACTED]', 'clean']);
    expect(out['input.value']).toBeUndefined();
  });

  it('hmacText is HMAC-SHA256 hex', () => {
    // RFC 4231 test case 2
    expect(hmacText('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
