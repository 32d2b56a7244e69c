import { describe, expect, it } from 'vitest';
import { generateTraceRequest } from '../../bench/llm-spans.js';
import { traceViews, type PbTraceRequest } from '../../src/otlp/convert.js';
import { decodeLenient, T } from '../../src/otlp/proto.js';
import { decodeTraceViews } from '../../src/otlp/span-decode.js';
import { encodeVarint } from '../../src/otlp/wire.js';

/**
 * The reference: protobufjs decode (lenient about UTF-8), then convert.ts. The direct decoder must give the same views
 * or refuse.
 */
function reference(body: Buffer, keep: (o: number) => boolean = () => true) {
  return traceViews(decodeLenient(T.ExportTraceServiceRequest, body) as unknown as PbTraceRequest, keep);
}

const enc = (req: object): Buffer => Buffer.from(T.ExportTraceServiceRequest.encode(req).finish());
const kv = (key: string, value: object) => ({ key, value });
const id = (n: number, len: number): Buffer => Buffer.alloc(len, n);

function nested(depth: number): object {
  let v: object = { stringValue: 'leaf' };
  for (let i = 0; i < depth; i++)
    v = i % 2 ? { arrayValue: { values: [v, { intValue: i }] } } : { kvlistValue: { values: [kv(`k${i}`, v)] } };
  return v;
}

function everyKind(): Buffer {
  return enc({
    resourceSpans: [
      {
        resource: { attributes: [kv('service.name', { stringValue: 'svc' }), kv('__proto__', { stringValue: 'x' })] },
        scopeSpans: [
          {
            scope: { name: 'scope-a', version: '1.2' },
            spans: [
              {
                traceId: id(1, 16),
                spanId: id(2, 8),
                parentSpanId: id(3, 8),
                name: 'chat ünïcødé 模型',
                kind: 3,
                startTimeUnixNano: '18446744073709551615',
                endTimeUnixNano: '1700000000123456789',
                attributes: [
                  kv('s', { stringValue: 'é'.repeat(100) }),
                  kv('empty', { stringValue: '' }),
                  kv('b', { boolValue: true }),
                  kv('f', { boolValue: false }),
                  kv('i', { intValue: -42 }),
                  kv('big', { intValue: '9223372036854775807' }),
                  kv('neg', { intValue: '-9223372036854775808' }),
                  kv('d', { doubleValue: 3.25 }),
                  kv('nan', { doubleValue: Number.NaN }),
                  kv('bytes', { bytesValue: Buffer.from([0, 1, 255]) }),
                  kv('nobytes', { bytesValue: Buffer.alloc(0) }),
                  kv('arr', { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 1 }, {}] } }),
                  kv('kvl', { kvlistValue: { values: [kv('x', { doubleValue: 1.5 }), kv('y', {})] } }),
                  kv('deep', nested(34)),
                  { key: 'novalue' },
                  kv('dup', { stringValue: 'first' }),
                  kv('dup', { stringValue: 'second' }),
                ],
                events: [
                  {
                    timeUnixNano: '5',
                    name: 'gen_ai.user.message',
                    attributes: [kv('content', { stringValue: 'hi' })],
                  },
                  {},
                ],
                status: { code: 2, message: 'boom' },
              },
              { traceId: id(4, 16), spanId: id(5, 8), status: { code: 0 } },
              { traceId: id(6, 16), spanId: id(7, 8), name: 'no status' },
            ],
          },
          { spans: [{ traceId: id(8, 16), spanId: id(9, 8), kind: -1 }] },
        ],
      },
      { scopeSpans: [{ scope: {}, spans: [{ traceId: id(10, 16), spanId: id(11, 8) }] }] },
    ],
  });
}

describe('direct span view decoding', () => {
  it('equals the protobufjs decode + conversion for every value kind, id, status, scope and resource shape', () => {
    const body = everyKind();
    expect(decodeTraceViews(body, () => true)).toEqual(reference(body));
  });

  it('equals it on the benchmark workload and honours keep() with request-order refs', () => {
    const body = generateTraceRequest(16, 3);
    const keep = (o: number) => o % 3 !== 1;
    expect(decodeTraceViews(body, keep)).toEqual(reference(body, keep));
  });

  it('skips unknown fields like protobufjs', () => {
    const span = T.Span.encode({ traceId: id(1, 16), spanId: id(2, 8), name: 'n' }).finish();
    const unknown = Buffer.concat([
      Buffer.from([0xa8, 0x06]),
      encodeVarint(7),
      Buffer.from([0xb1, 0x06]),
      Buffer.alloc(8, 1),
    ]); // fields 101 (varint), 102 (i64)
    const ss = Buffer.concat([Buffer.from([0x12]), encodeVarint(span.length + unknown.length), span, unknown]);
    const rs = Buffer.concat([Buffer.from([0x12]), encodeVarint(ss.length), ss]);
    const body = Buffer.concat([Buffer.from([0x0a]), encodeVarint(rs.length), rs, unknown]);
    expect(reference(body)).toHaveLength(1);
    expect(decodeTraceViews(body, () => true)).toEqual(reference(body));
  });

  it('refuses what protobufjs would merge or decode differently (the batch then falls back)', () => {
    const one = T.Span.encode({ traceId: id(1, 16), spanId: id(2, 8), status: { code: 1 } }).finish();
    const twice = Buffer.concat([one, T.Span.encode({ status: { message: 'm' } }).finish()]); // status twice: merged
    const ss = Buffer.concat([Buffer.from([0x12]), encodeVarint(twice.length), twice]);
    const rs = Buffer.concat([Buffer.from([0x12]), encodeVarint(ss.length), ss]);
    const body = Buffer.concat([Buffer.from([0x0a]), encodeVarint(rs.length), rs]);
    expect(() => decodeTraceViews(body, () => true)).toThrow();
  });

  it('decodes invalid UTF-8 with U+FFFD replacement, like the lenient protobufjs reader (strict protobufjs throws)', () => {
    for (const bad of [
      [0xc3, 0x28],
      [0xff],
      [0x80, 0x80, 0x41],
      [0xe2, 0x82],
      [0xed, 0xa0, 0x80],
      [0xf0, 0x9f, 0x98],
    ]) {
      const name = Buffer.concat([Buffer.from('ab'), Buffer.from(bad), Buffer.from('cd')]);
      const span = Buffer.concat([
        T.Span.encode({ traceId: id(1, 16), spanId: id(2, 8) }).finish(),
        Buffer.from([0x2a, name.length]),
        name,
      ]);
      const ss = Buffer.concat([Buffer.from([0x12]), encodeVarint(span.length), span]);
      const rs = Buffer.concat([Buffer.from([0x12]), encodeVarint(ss.length), ss]);
      const body = Buffer.concat([Buffer.from([0x0a]), encodeVarint(rs.length), rs]);
      expect(() => T.ExportTraceServiceRequest.decode(body)).toThrow();
      const views = decodeTraceViews(body, () => true);
      expect(views).toEqual(reference(body));
      expect(views[0].view.name).toBe(new TextDecoder().decode(name));
      expect(views[0].view.name).toContain('\uFFFD');
    }
  });
});
