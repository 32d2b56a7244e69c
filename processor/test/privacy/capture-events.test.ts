import { describe, expect, it } from 'vitest';
import { CONTENT_EVENT_NAMES } from '../../src/normalize/events.js';
import {
  CAPTURE_EVENT_NAMES,
  applyCaptureToEvent,
  applyCaptureToLogBody,
  applyCaptureToValue,
  hmacText,
} from '@tracehound/core/privacy';
import { SECRET_GENERATORS, seededRng } from '../../../core/test/fixtures/secrets.js';

const secret = SECRET_GENERATORS.openai_project(seededRng(11));
const K = 'event-hash-key';
const DIGEST = /^hmac-sha256:[0-9a-f]{64}$/;

describe('applyCaptureToValue', () => {
  it('full and null values are returned as they are', () => {
    const v = { content: secret };
    expect(applyCaptureToValue('full', v)).toBe(v);
    expect(applyCaptureToValue('redacted', null)).toBeNull();
  });

  it('returns the same value when there is nothing to mask', () => {
    const v = { content: 'hello', role: 'user' };
    expect(applyCaptureToValue('redacted', v)).toBe(v);
  });

  it('hashed kvlist: structural keys and numbers kept, content hashed, nested JSON strings keep their structure', () => {
    const out = applyCaptureToValue(
      'hashed',
      {
        role: 'assistant',
        index: 0,
        message: {
          content: 'the answer',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"jane"}' } }],
        },
      },
      K,
    ) as {
      role: string;
      index: number;
      message: { content: string; tool_calls: Array<{ id: string; function: { name: string; arguments: string } }> };
    };
    expect(out.role).toBe('assistant');
    expect(out.index).toBe(0);
    expect(out.message.content).toBe(`hmac-sha256:${hmacText(K, 'the answer')}`);
    expect(out.message.tool_calls[0].id).toBe('call_1');
    expect(out.message.tool_calls[0].function.name).toBe('lookup');
    expect(JSON.parse(out.message.tool_calls[0].function.arguments).q).toMatch(DIGEST);
  });

  it('a kvlist key such as __proto__ stays a plain key', () => {
    const v = Object.create(null) as Record<string, string>;
    v['__proto__'] = `x ${secret}`;
    const out = applyCaptureToValue('redacted', v) as Record<string, string>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(out['__proto__'].includes(secret)).toBe(false);
  });
});

describe('applyCaptureToEvent', () => {
  it('knows the same content event names as the normalizers', () => {
    expect([...CAPTURE_EVENT_NAMES].sort()).toEqual([...CONTENT_EVENT_NAMES].sort());
  });

  it('rewrites content attributes of GenAI content events only', () => {
    const ev = {
      name: 'gen_ai.user.message',
      attributes: { content: `use ${secret}`, role: 'user', 'gen_ai.system': 'openai' },
    };
    const out = applyCaptureToEvent('redacted', ev);
    expect(Object.keys(out)).toEqual(['content']);
    expect(String(out.content).includes(secret)).toBe(false);
    expect(applyCaptureToEvent('redacted', { name: 'exception', attributes: { content: `use ${secret}` } })).toEqual(
      {},
    );
  });

  it('handles gen_ai.event.content JSON, 1.26-era prompt events and retrieval result events', () => {
    const hashed = applyCaptureToEvent(
      'hashed',
      {
        name: 'gen_ai.choice',
        attributes: { 'gen_ai.event.content': JSON.stringify({ role: 'assistant', content: 'hi' }) },
      },
      K,
    );
    const parsed = JSON.parse(String(hashed['gen_ai.event.content']));
    expect(parsed.role).toBe('assistant');
    expect(parsed.content).toMatch(DIGEST);
    const prompt = applyCaptureToEvent(
      'hashed',
      { name: 'gen_ai.content.prompt', attributes: { 'gen_ai.prompt': 'plain text' } },
      K,
    );
    expect(prompt['gen_ai.prompt']).toBe(`hmac-sha256:${hmacText(K, 'plain text')}`);
    const doc = applyCaptureToEvent('redacted', {
      name: 'db.query.result',
      attributes: { 'db.query.result.document': `doc ${secret}`, 'db.query.result.id': 'd1' },
    });
    expect(Object.keys(doc)).toEqual(['db.query.result.document']);
  });

  it('full mode changes nothing', () => {
    expect(applyCaptureToEvent('full', { name: 'gen_ai.user.message', attributes: { content: secret } })).toEqual({});
  });
});

describe('applyCaptureToLogBody', () => {
  const log = (eventName: string | undefined, body: unknown, attributes: Record<string, unknown> = {}) =>
    ({ eventName, body, attributes }) as Parameters<typeof applyCaptureToLogBody>[1];

  it('redacts kvlist and string bodies of content records', () => {
    const kv = applyCaptureToLogBody('redacted', log('gen_ai.user.message', { content: `key ${secret}` })) as {
      content: string;
    };
    expect(kv.content.includes(secret)).toBe(false);
    expect(kv.content.startsWith('key ')).toBe(true);
    const s = applyCaptureToLogBody('redacted', log(undefined, `key ${secret}`, { 'event.name': 'gen_ai.choice' }));
    expect(typeof s === 'string' && !s.includes(secret)).toBe(true);
  });

  it('hashes bodies, keeping the role', () => {
    const out = applyCaptureToLogBody(
      'hashed',
      log('gen_ai.assistant.message', { role: 'assistant', content: 'done' }),
      K,
    ) as Record<string, string>;
    expect(out.role).toBe('assistant');
    expect(out.content).toBe(`hmac-sha256:${hmacText(K, 'done')}`);
    expect(applyCaptureToLogBody('hashed', log('gen_ai.user.message', 'secret plan'))).toBe(
      '[content removed: no hash key]',
    );
  });

  it('leaves application logs, empty bodies, clean bodies and full mode alone', () => {
    expect(applyCaptureToLogBody('hashed', log('app.audit', 'user logged in'), K)).toBeUndefined();
    expect(applyCaptureToLogBody('hashed', log(undefined, 'no event name'), K)).toBeUndefined();
    expect(applyCaptureToLogBody('hashed', log('gen_ai.user.message', null), K)).toBeUndefined();
    expect(applyCaptureToLogBody('redacted', log('gen_ai.user.message', { content: 'hello' }))).toBeUndefined();
    expect(applyCaptureToLogBody('full', log('gen_ai.user.message', secret))).toBeUndefined();
  });
});
