import { describe, expect, it } from 'vitest';
import { WireLogBatch, WireTraceBatch } from '../../src/otlp/batch.js';
import { indexItems, LOG_SHAPE, TRACE_SHAPE } from '../../src/otlp/item-index.js';
import { T } from '../../src/otlp/proto.js';
import { validateMessage } from '../../src/otlp/validate.js';
import { payloads } from './payloads.js';

/**
 * Span event attribute edits and log body replacement at the wire level: the edited event/body decodes to the new
 * value, and every other byte (unknown fields in the span, the event and the log record included) survives.
 */

const cat = (...parts: Uint8Array[]): Buffer => Buffer.concat(parts.map((p) => Buffer.from(p)));
function varint(n: number): Buffer {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return Buffer.from(out);
}
const lenField = (field: number, payload: Uint8Array): Buffer =>
  cat(varint(field * 8 + 2), varint(payload.length), payload);
const kv = (key: string, value: string): Uint8Array =>
  T.KeyValue.encode({ key, value: { stringValue: value } }).finish();

const UNKNOWN_IN_EVENT = lenField(42, Buffer.from('event-ext'));
const UNKNOWN_IN_SPAN = lenField(99, Buffer.from('span-ext'));
const UNKNOWN_IN_LOG = lenField(77, Buffer.from('log-ext'));

function event(name: string, attrs: Uint8Array[], extra: Buffer = Buffer.alloc(0)): Buffer {
  return cat(lenField(2, Buffer.from(name)), ...attrs.map((a) => lenField(3, a)), extra);
}

function traceRequest(): Buffer {
  const known = T.Span.encode({
    traceId: Buffer.alloc(16, 1),
    spanId: Buffer.alloc(8, 2),
    name: 'chat',
    attributes: [{ key: 'gen_ai.system', value: { stringValue: 'openai' } }],
  }).finish();
  const span = cat(
    known,
    lenField(11, event('gen_ai.system.message', [kv('content', 'be helpful')])),
    lenField(
      11,
      event('gen_ai.user.message', [kv('content', 'my key is SECRET'), kv('role', 'user')], UNKNOWN_IN_EVENT),
    ),
    UNKNOWN_IN_SPAN,
  );
  const scopeSpans = lenField(2, span);
  return lenField(1, lenField(2, scopeSpans));
}

describe('span event attribute edits', () => {
  it('replaces one event attribute, keeps the other events and unknown fields byte for byte', () => {
    const body = traceRequest();
    const batch = new WireTraceBatch(body, indexItems(TRACE_SHAPE, body));
    const [{ ref, view }] = batch.spans();
    expect(view.events.map((e) => e.attributes.content)).toEqual(['be helpful', 'my key is SECRET']);
    batch.setSpanEventAttributes(ref, 1, { content: 'my key is [REDACTED]' });
    batch.setSpanEventAttributes(ref, 7, { content: 'no such event' }); // out of range: no effect
    batch.setSpanEventAttributes(ref, -1, { content: 'x' }); // invalid: ignored
    batch.setSpanAttributes(ref, { 'tracehound.capture.mode': 'redacted' });
    const out = batch.forwardBody();
    validateMessage(T.ExportTraceServiceRequest, out);
    expect(out.includes(Buffer.from('SECRET'))).toBe(false);
    expect(out.includes(UNKNOWN_IN_SPAN)).toBe(true);
    expect(out.includes(UNKNOWN_IN_EVENT)).toBe(true);
    const eventsIn = payloads(body, [1, 2, 2, 11]);
    const eventsOut = payloads(out, [1, 2, 2, 11]);
    expect(eventsOut).toHaveLength(2);
    expect(eventsOut[0].equals(eventsIn[0])).toBe(true);

    const again = new WireTraceBatch(out, indexItems(TRACE_SHAPE, out)).spans()[0].view;
    expect(again.events.map((e) => e.name)).toEqual(['gen_ai.system.message', 'gen_ai.user.message']);
    expect(again.events[1].attributes).toEqual({ role: 'user', content: 'my key is [REDACTED]' });
    expect(again.attributes).toEqual({ 'gen_ai.system': 'openai', 'tracehound.capture.mode': 'redacted' });
  });

  it('merges several edits of one event; no edit forwards the original bytes', () => {
    const body = traceRequest();
    const untouched = new WireTraceBatch(body, indexItems(TRACE_SHAPE, body));
    expect(untouched.forwardBody()).toBe(body);
    const batch = new WireTraceBatch(body, indexItems(TRACE_SHAPE, body));
    const ref = batch.spans()[0].ref;
    batch.setSpanEventAttributes(ref, 0, { content: 'a' });
    batch.setSpanEventAttributes(ref, 0, { extra: 1 });
    const out = batch.forwardBody();
    const again = new WireTraceBatch(out, indexItems(TRACE_SHAPE, out)).spans()[0].view;
    expect(again.events[0].attributes).toEqual({ content: 'a', extra: 1 });
    // only the span attribute edits would touch the span otherwise: its own attributes are unchanged
    expect(again.attributes).toEqual({ 'gen_ai.system': 'openai' });
  });

  it('a rolled-back event edit is not applied', () => {
    const body = traceRequest();
    const batch = new WireTraceBatch(body, indexItems(TRACE_SHAPE, body));
    const cp = batch.checkpoint();
    batch.setSpanEventAttributes(batch.spans()[0].ref, 1, { content: 'x' });
    batch.rollback(cp);
    expect(batch.forwardBody()).toBe(body);
  });
});

function logRequest(): Buffer {
  const rec = (extra: Buffer, fields: object) => cat(T.LogRecord.encode(fields).finish(), extra);
  const records = [
    rec(UNKNOWN_IN_LOG, {
      eventName: 'gen_ai.user.message',
      traceId: Buffer.alloc(16, 1),
      spanId: Buffer.alloc(8, 2),
      body: { kvlistValue: { values: [{ key: 'content', value: { stringValue: 'token SECRET' } }] } },
      attributes: [{ key: 'gen_ai.system', value: { stringValue: 'openai' } }],
    }),
    rec(Buffer.alloc(0), { eventName: 'gen_ai.choice', body: { stringValue: 'plain SECRET' } }),
    rec(Buffer.alloc(0), { eventName: 'gen_ai.choice' }),
  ];
  const scopeLogs = cat(...records.map((r) => lenField(2, r)));
  return lenField(1, lenField(2, scopeLogs));
}

describe('log body replacement', () => {
  it('replaces kvlist and string bodies, adds one where none was, keeps attributes and unknown fields', () => {
    const body = logRequest();
    const batch = new WireLogBatch(body, indexItems(LOG_SHAPE, body));
    expect(batch.logs().map((l) => l.view.body)).toEqual([{ content: 'token SECRET' }, 'plain SECRET', null]);
    batch.setLogBody(0, { content: 'token [REDACTED]', role: 'user' });
    batch.setLogBody(1, 'first');
    batch.setLogBody(1, 'plain [REDACTED]'); // last wins
    batch.setLogBody(2, 'added');
    batch.setLogBody(99, 'ignored');
    const out = batch.forwardBody();
    validateMessage(T.ExportLogsServiceRequest, out);
    expect(out.includes(Buffer.from('SECRET'))).toBe(false);
    expect(out.includes(UNKNOWN_IN_LOG)).toBe(true);
    const views = new WireLogBatch(out, indexItems(LOG_SHAPE, out)).logs().map((l) => l.view);
    expect(views.map((v) => v.body)).toEqual([
      { content: 'token [REDACTED]', role: 'user' },
      'plain [REDACTED]',
      'added',
    ]);
    expect(views[0].attributes).toEqual({ 'gen_ai.system': 'openai' });
    expect(views[0].eventName).toBe('gen_ai.user.message');
    expect(views[0].spanId).toBe('02'.repeat(8));
  });

  it('a body field present twice (which decoders merge) is replaced by exactly one', () => {
    const twice = cat(
      T.LogRecord.encode({ eventName: 'gen_ai.choice', body: { stringValue: 'one' } }).finish(),
      lenField(5, T.AnyValue.encode({ stringValue: 'two SECRET' }).finish()),
    );
    const body = lenField(1, lenField(2, lenField(2, twice)));
    const batch = new WireLogBatch(body, indexItems(LOG_SHAPE, body));
    batch.setLogBody(0, 'new');
    const out = batch.forwardBody();
    expect(payloads(out, [1, 2, 2, 5])).toHaveLength(1);
    expect(new WireLogBatch(out, indexItems(LOG_SHAPE, out)).logs()[0].view.body).toBe('new');
  });
});
