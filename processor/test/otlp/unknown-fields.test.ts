import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../src/otlp/proto.js';
import { Cursor } from '../../src/otlp/wire.js';
import type { TraceBatch } from '@tracehound/core';
import type { PipelineStage } from '../../src/pipeline/stage.js';
import { createNextHop, startService, testConfig, type NextHop, type Running } from '../service/helpers.js';

/**
 * A "newer proto" adds fields this build does not know. They must survive the pass-through and an attribute edit.
 * Requests are crafted by hand: known parts encoded by protobufjs, unknown fields appended as raw bytes.
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
const UNKNOWN_IN_SPAN = lenField(99, Buffer.from('from-the-future'));
const UNKNOWN_IN_REQUEST = cat(varint(77 * 8), varint(42));
const UNKNOWN_IN_SCOPE_SPANS = lenField(60, Buffer.from('scope-ext'));

function span(i: number, extra: Buffer): Buffer {
  const known = T.Span.encode({
    traceId: Buffer.alloc(16, 1),
    spanId: Buffer.alloc(8, i + 1),
    name: `span-${i}`,
    kind: 3,
    startTimeUnixNano: 1_700_000_000_000_000_000n.toString(),
    endTimeUnixNano: 1_700_000_000_500_000_000n.toString(),
    attributes: [
      { key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o' } },
      { key: 'tracehound.risk.score', value: { intValue: 1 } },
    ],
  }).finish();
  return cat(known, extra);
}

function craftRequest(): Buffer {
  const resource = lenField(1, T.KeyValue.encode({ key: 'service.name', value: { stringValue: 'svc' } }).finish());
  const scopeSpans = cat(
    lenField(1, cat(lenField(1, Buffer.from('scope')))),
    lenField(2, span(0, UNKNOWN_IN_SPAN)),
    lenField(2, span(1, Buffer.alloc(0))),
    UNKNOWN_IN_SCOPE_SPANS,
  );
  const resourceSpans = cat(lenField(1, resource), lenField(2, scopeSpans));
  return cat(lenField(1, resourceSpans), UNKNOWN_IN_REQUEST);
}

/** Raw bytes of each span (walks request → ResourceSpans → ScopeSpans → Span). */
function spanPayloads(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const walk = (start: number, end: number, path: number[], depth: number): void => {
    const c = new Cursor(buf, start, end);
    while (c.more()) {
      const tag = c.tag();
      if ((tag & 7) === 2 && tag >>> 3 === path[depth]) {
        const e = c.lenEnd();
        if (depth === path.length - 1) out.push(buf.subarray(c.pos, e));
        else walk(c.pos, e, path, depth + 1);
        c.pos = e;
      } else c.skip(tag & 7, tag >>> 3);
    }
  };
  walk(0, buf.length, [1, 2, 2], 0);
  return out;
}

const editing: PipelineStage = {
  name: 'enrich-test',
  processTraces(batch: TraceBatch) {
    for (const { ref, view } of batch.spans()) {
      if (view.name === 'span-0')
        batch.setSpanAttributes(ref, { 'tracehound.risk.score': 87, 'tracehound.finding.rules': ['TH-PI-001'] });
    }
  },
  forceFlush: async () => {},
  shutdown: async () => {},
};

describe('unknown fields survive', () => {
  let hop: NextHop;
  let plain: Running;
  let edit: Running;
  beforeAll(async () => {
    hop = createNextHop();
    await hop.listen();
    plain = await startService(testConfig({ endpoint: hop.url }));
    edit = await startService(testConfig({ endpoint: hop.url }), [editing]);
  });
  afterAll(async () => {
    await plain.stop();
    await edit.stop();
    await hop.close();
  });

  const send = (url: string, body: Buffer): Promise<Response> =>
    fetch(`${url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body });

  it('pass-through forwards the exact bytes', async () => {
    const body = craftRequest();
    const before = hop.requests.length;
    expect((await send(plain.httpUrl, body)).status).toBe(200);
    expect(Buffer.compare(hop.requests[before].body, body)).toBe(0);
  });

  it('an attribute-editing stage keeps unknown fields at every level and replaces the edited key', async () => {
    const body = craftRequest();
    const before = hop.requests.length;
    expect((await send(edit.httpUrl, body)).status).toBe(200);
    const out = hop.requests[before].body;
    expect(out.includes(UNKNOWN_IN_REQUEST)).toBe(true);
    expect(out.includes(UNKNOWN_IN_SCOPE_SPANS)).toBe(true);
    const [edited, untouched] = spanPayloads(out);
    expect(edited.includes(UNKNOWN_IN_SPAN)).toBe(true);
    expect(Buffer.compare(untouched, spanPayloads(body)[1])).toBe(0);
    const decoded = T.Span.toObject(T.Span.decode(edited), { longs: String }) as {
      name: string;
      attributes: { key: string; value: Record<string, unknown> }[];
    };
    expect(decoded.name).toBe('span-0');
    const scores = decoded.attributes.filter((a) => a.key === 'tracehound.risk.score');
    expect(scores).toHaveLength(1);
    expect(scores[0].value.intValue).toBe('87');
    expect(decoded.attributes.find((a) => a.key === 'gen_ai.request.model')?.value.stringValue).toBe('gpt-4o');
    expect(decoded.attributes.find((a) => a.key === 'tracehound.finding.rules')?.value).toEqual({
      arrayValue: { values: [{ stringValue: 'TH-PI-001' }] },
    });
  });
});
