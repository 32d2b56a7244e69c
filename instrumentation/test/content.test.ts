import { describe, expect, it } from 'vitest';
import {
  captureModeFromEnv,
  createContentPolicy,
  serializeMessages,
  serializeParts,
  applyToMessages,
} from '../src/content/capture.js';
import type { GenAiMessage } from '../src/content/parts.js';
import { hmacText, redactText } from '../src/content/privacy.js';

const msg = (role: string, ...texts: string[]): GenAiMessage => ({
  role,
  parts: texts.map((content) => ({ type: 'text' as const, content })),
});

describe('capture mode', () => {
  it('is off unless the conventions variable (or TRACEHOUND_CAPTURE_CONTENT) asks otherwise', () => {
    expect(captureModeFromEnv({})).toBe('off');
    expect(captureModeFromEnv({ OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true' })).toBe('full');
    expect(captureModeFromEnv({ OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'false' })).toBe('off');
    expect(captureModeFromEnv({ TRACEHOUND_CAPTURE_CONTENT: 'redacted' })).toBe('redacted');
  });

  it('hashed mode without a key degrades to off (a keyless hash would be reversible by dictionary)', () => {
    const prev = process.env.TRACEHOUND_HMAC_KEY;
    delete process.env.TRACEHOUND_HMAC_KEY;
    expect(createContentPolicy({ mode: 'hashed' }).mode).toBe('off');
    if (prev !== undefined) process.env.TRACEHOUND_HMAC_KEY = prev;
    expect(createContentPolicy({ mode: 'hashed', hmacKey: 'k' }).mode).toBe('hashed');
  });

  it('redacted mode masks keys, emails and cards but keeps the rest', () => {
    const p = createContentPolicy({ mode: 'redacted' });
    const out = applyToMessages(
      [msg('user', 'mail bob@example.com key sk-proj-abcdefghijklmnopqrstuvwx card 4111 1111 1111 1111 ok')],
      p,
    );
    const text = (out[0].parts[0] as { content: string }).content;
    expect(text).not.toContain('bob@example.com');
    expect(text).not.toContain('sk-proj-abcdefghijklmnopqrstuvwx');
    expect(text).not.toContain('4111 1111 1111 1111');
    expect(text).not.toBe('mail bob@example.com key sk-proj-abcdefghijklmnopqrstuvwx card 4111 1111 1111 1111 ok');
    expect(text).toContain(' ok');
  });

  it('hashed mode replaces text by a keyed HMAC: equal texts correlate, keys differ', () => {
    const p = createContentPolicy({ mode: 'hashed', hmacKey: 'key-1' });
    expect(p.text('same')).toBe(p.text('same'));
    expect(p.text('same')).not.toBe(p.text('other'));
    expect(p.text('same')).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(hmacText('key-2', 'same')).not.toBe(p.text('same'));
    expect(redactText('nothing secret')).toBe('nothing secret');
  });
});

describe('size limits', () => {
  it('keeps whole parts from the start, drops the rest, and stays valid JSON', () => {
    const messages = [
      msg('user', 'a'.repeat(300), 'b'.repeat(300)),
      msg('assistant', 'c'.repeat(300)),
      msg('user', 'd'.repeat(300)),
    ];
    const r = serializeMessages(messages, 800);
    expect(r.truncated).toBe(true);
    expect(r.json.length).toBeLessThanOrEqual(800);
    const parsed = JSON.parse(r.json) as GenAiMessage[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0].parts).toHaveLength(2);
    expect(
      parsed[0].parts.every(
        (p) => p.type === 'text' && (p.content === 'a'.repeat(300) || p.content === 'b'.repeat(300)),
      ),
    ).toBe(true);
  });

  it('cuts the text of a single oversized first part rather than emitting nothing', () => {
    const r = serializeMessages([msg('user', 'x'.repeat(5000))], 1000);
    expect(r.truncated).toBe(true);
    expect(r.json.length).toBeLessThanOrEqual(1000);
    const parsed = JSON.parse(r.json) as GenAiMessage[];
    expect((parsed[0].parts[0] as { content: string }).content.length).toBeGreaterThan(500);
  });

  it('handles non-ASCII and JSON-escaped text within the limit', () => {
    const messages = [msg('user', '"quoted"\n\u00e9\u{1F600}'.repeat(50), 'tail')];
    const r = serializeMessages(messages, 400);
    expect(r.json.length).toBeLessThanOrEqual(400);
    expect(() => JSON.parse(r.json)).not.toThrow();
    const parts = serializeParts(
      [
        { type: 'text', content: 'p'.repeat(200) },
        { type: 'text', content: 'q'.repeat(200) },
      ],
      300,
    );
    expect(JSON.parse(parts.json)).toEqual([{ type: 'text', content: 'p'.repeat(200) }]);
    expect(parts.truncated).toBe(true);
  });

  it('does not truncate what fits', () => {
    const r = serializeMessages([msg('user', 'short')], 1000);
    expect(r).toEqual({ json: JSON.stringify([msg('user', 'short')]), truncated: false });
  });
});
