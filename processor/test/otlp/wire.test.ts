import { describe, expect, it } from 'vitest';
import { WireLogBatch, WireTraceBatch } from '../../src/otlp/batch.js';
import { indexItems, LOG_SHAPE, TRACE_SHAPE } from '../../src/otlp/item-index.js';
import { jsonRequestToProtobuf } from '../../src/otlp/json.js';
import { T } from '../../src/otlp/proto.js';
import { validateMessage } from '../../src/otlp/validate.js';

const id = (n: number, len: number): Buffer => Buffer.alloc(len, n);

function twoResources(): Buffer {
  const span = (i: number, extra: object = {}) => ({ traceId: id(1, 16), spanId: id(i, 8), name: `s${i}`, ...extra });
  return Buffer.from(
    T.ExportTraceServiceRequest.encode({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'a' } }] },
          scopeSpans: [{ scope: { name: 'x' }, spans: [span(1), span(2)] }],
        },
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'b' } }] },
          scopeSpans: [
            { spans: [span(3)] },
            { scope: { name: 'y', version: '2' }, spans: [span(4, { spanId: id(4, 3) }), span(5)] },
          ],
        },
      ],
    }).finish(),
  );
}

describe('wire index and splice', () => {
  it('indexes spans in request order with refs matching the decoded views and flags invalid ids', () => {
    const body = twoResources();
    const batch = new WireTraceBatch(body, indexItems(TRACE_SHAPE, body));
    expect(batch.index.total).toBe(5);
    expect(batch.index.invalid).toEqual([3]);
    expect(batch.spans().map((s) => [s.view.name, s.ref.resource, s.ref.scope, s.ref.span])).toEqual([
      ['s1', 0, 0, 0],
      ['s2', 0, 0, 1],
      ['s3', 1, 0, 0],
      ['s5', 1, 1, 1],
    ]);
    const s5 = batch.spans()[3].view;
    expect(s5.resource['service.name']).toBe('b');
    expect(s5.scope).toEqual({ name: 'y', version: '2' });
    expect(s5.spanId).toBe('0505050505050505');
  });

  it('drops invalid spans and edits the right span in a later resource; untouched resources keep their bytes', () => {
    const body = twoResources();
    const batch = new WireTraceBatch(body, indexItems(TRACE_SHAPE, body));
    batch.setSpanAttributes({ resource: 1, scope: 1, span: 1 }, { big: 2n ** 60n, nested: { k: [1, 'two', null] } });
    batch.setSpanAttributes({ resource: 9, scope: 0, span: 0 }, { ignored: true }); // out of range: ignored
    const out = batch.forwardBody();
    validateMessage(T.ExportTraceServiceRequest, out);
    const again = new WireTraceBatch(out, indexItems(TRACE_SHAPE, out));
    expect(again.index.invalid).toEqual([]);
    const views = again.spans().map((s) => s.view);
    expect(views.map((v) => v.name)).toEqual(['s1', 's2', 's3', 's5']);
    expect(views[3].attributes.big).toBe(2n ** 60n);
    expect(views[3].attributes.nested).toEqual({ k: [1, 'two', null] });
    const firstResource = body.subarray(0, body.indexOf(Buffer.from('s2')) + 2);
    expect(out.subarray(0, firstResource.length).equals(firstResource)).toBe(true);
  });

  it('log batches: flat indexes, event_name, attribute edits', () => {
    const body = Buffer.from(
      T.ExportLogsServiceRequest.encode({
        resourceLogs: [
          {
            scopeLogs: [
              {
                logRecords: [
                  {
                    eventName: 'gen_ai.user.message',
                    body: { kvlistValue: { values: [{ key: 'content', value: { stringValue: 'hi' } }] } },
                  },
                  { attributes: [{ key: 'event.name', value: { stringValue: 'legacy.event' } }], spanId: id(1, 5) },
                  { timeUnixNano: '5', traceId: id(2, 16), spanId: id(3, 8) },
                ],
              },
            ],
          },
        ],
      }).finish(),
    );
    const batch = new WireLogBatch(body, indexItems(LOG_SHAPE, body));
    expect(batch.index.invalid).toEqual([1]);
    const views = batch.logs();
    expect(views.map((l) => l.index)).toEqual([0, 2]);
    expect(views[0].view.eventName).toBe('gen_ai.user.message');
    expect(views[0].view.body).toEqual({ content: 'hi' });
    expect(views[1].view.timeNs).toBe(5n);
    expect(views[1].view.traceId).toBe('02'.repeat(16));
    batch.setLogAttributes(2, { flagged: true });
    const out = new WireLogBatch(batch.forwardBody(), indexItems(LOG_SHAPE, batch.forwardBody()));
    expect(out.logs().map((l) => l.view.attributes.flagged)).toEqual([undefined, true]);
  });

  it('rejects malformed protobuf: truncation, bad wire types, absurd lengths', () => {
    const body = twoResources();
    expect(() => validateMessage(T.ExportTraceServiceRequest, body.subarray(0, body.length - 1))).toThrow(
      /past the end|truncated/,
    );
    expect(() => validateMessage(T.ExportTraceServiceRequest, Buffer.from([0x08, 0x01]))).toThrow(/wire type/);
    expect(() =>
      validateMessage(T.ExportTraceServiceRequest, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f])),
    ).toThrow();
    expect(() => validateMessage(T.ExportTraceServiceRequest, Buffer.alloc(0))).not.toThrow();
  });

  it('OTLP/JSON: hex ids, integer enums, string int64, and malformed ids become rejectable', () => {
    const json = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: 'b7ad6b7169203331',
                  name: 'ok',
                  kind: 3,
                  startTimeUnixNano: '1700000000000000000',
                  futureField: 1,
                },
                { traceId: 'zz', spanId: 'b7ad6b7169203331', name: 'bad' },
              ],
            },
          ],
        },
      ],
    };
    const pb = jsonRequestToProtobuf('traces', Buffer.from(JSON.stringify(json)));
    const batch = new WireTraceBatch(pb, indexItems(TRACE_SHAPE, pb));
    expect(batch.index.invalid).toEqual([1]);
    const v = batch.spans()[0].view;
    expect([v.traceId, v.spanId, v.kind, v.startNs]).toEqual([
      '0af7651916cd43dd8448eb211c80319c',
      'b7ad6b7169203331',
      3,
      1700000000000000000n,
    ]);
    expect(() => jsonRequestToProtobuf('traces', Buffer.from('[1]'))).toThrow(/JSON object/);
  });
});
