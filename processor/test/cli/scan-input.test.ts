import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { logsRequestToViews, normalizeId, traceRequestToViews } from '../../src/cli/scan/otlp-json.js';
import { readScanInput, type InputProblem, type ScanRecord } from '../../src/cli/scan/input.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

async function collect(file: string, stdin?: Readable): Promise<{ records: ScanRecord[]; problems: InputProblem[] }> {
  const problems: InputProblem[] = [];
  const records: ScanRecord[] = [];
  for await (const r of readScanInput(file, problems, stdin)) records.push(r);
  return { records, problems };
}

describe('OTLP/JSON to views', () => {
  it('converts a Collector file-exporter trace request', async () => {
    const { records } = await collect(`${fixtures}traces.jsonl`);
    expect(records.map((r) => r.kind)).toEqual(['spans', 'spans']);
    const span = (records[0] as Extract<ScanRecord, { kind: 'spans' }>).spans[0];
    expect(span).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      name: 'chat gpt-4o',
      kind: 3,
      startNs: 1767225600000000000n,
      endNs: 1767225601500000000n,
      status: { code: 1 },
      scope: { name: 'fixture', version: '1.0.0' },
    });
    expect(span.resource['service.name']).toBe('support-bot');
    expect(span.attributes['gen_ai.usage.input_tokens']).toBe(42);
    expect(typeof span.attributes['gen_ai.input.messages']).toBe('string');
  });

  it('reads a pretty-printed single JSON document of logs', async () => {
    const { records, problems } = await collect(`${fixtures}logs.json`);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    const log = (records[0] as Extract<ScanRecord, { kind: 'logs' }>).logs[0];
    expect(log).toMatchObject({
      eventName: 'gen_ai.user.message',
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      severityNumber: 9,
    });
    expect(log.body).toEqual({ content: 'What are your opening hours on Saturday?' });
  });

  it('accepts snake_case names, base64 ids, string enums, 64-bit ints and every AnyValue kind', () => {
    const req = {
      resource_spans: [
        {
          scope_spans: [
            {
              spans: [
                {
                  trace_id: Buffer.from('5b8efff798038103d269b633813fc60c', 'hex').toString('base64'),
                  span_id: 'EEE19B7EC3C1B174',
                  kind: 'SPAN_KIND_SERVER',
                  start_time_unix_nano: 5,
                  status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                  attributes: [
                    { key: 'big', value: { intValue: '9007199254740993' } },
                    { key: 'd', value: { doubleValue: 0.5 } },
                    { key: 'b', value: { boolValue: true } },
                    { key: 'bytes', value: { bytesValue: Buffer.from('hi').toString('base64') } },
                    { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'x' }, { intValue: 2 }] } } },
                    { key: 'kv', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } } },
                    { key: 'empty', value: {} },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const [s] = traceRequestToViews(req).items;
    expect(s.traceId).toBe('5b8efff798038103d269b633813fc60c');
    expect(s.spanId).toBe('eee19b7ec3c1b174');
    expect(s.kind).toBe(2);
    expect(s.startNs).toBe(5n);
    expect(s.status).toEqual({ code: 2, message: 'boom' });
    expect(s.attributes).toEqual({
      big: 9007199254740993n,
      d: 0.5,
      b: true,
      bytes: new Uint8Array(Buffer.from('hi')),
      arr: ['x', 2],
      kv: { k: 'v' },
      empty: null,
    });
  });

  it('never throws on malformed input', () => {
    const junk: unknown[] = [
      { resourceSpans: 'x' },
      {
        resourceSpans: [
          null,
          1,
          {
            scopeSpans: [
              null,
              { spans: [null, 'x', { traceId: 5, attributes: [null, { key: 1 }, { key: 'a', value: 'raw' }] }] },
            ],
          },
        ],
      },
      {
        resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: 'not-a-number', body: { arrayValue: 'x' } }] }] }],
      },
    ];
    for (const j of junk) {
      expect(() => traceRequestToViews(j as Record<string, unknown>)).not.toThrow();
      expect(() => logsRequestToViews(j as Record<string, unknown>)).not.toThrow();
    }
    const [s] = traceRequestToViews(junk[1] as Record<string, unknown>).items;
    expect(s.traceId).toBe('');
    expect(s.attributes).toEqual({ a: null });
    expect(logsRequestToViews(junk[2] as Record<string, unknown>).items[0].timeNs).toBe(0n);
    // Deeply nested values are cut, not recursed without bound.
    let deep: Record<string, unknown> = { stringValue: 'bottom' };
    for (let i = 0; i < 10_000; i++) deep = { arrayValue: { values: [deep] } };
    expect(() =>
      traceRequestToViews({
        resourceSpans: [{ scopeSpans: [{ spans: [{ attributes: [{ key: 'd', value: deep }] }] }] }],
      }),
    ).not.toThrow();
  });

  it('normalizes ids', () => {
    expect(normalizeId('ABCDEF0123456789', 8)).toBe('abcdef0123456789');
    expect(normalizeId(Buffer.alloc(8, 1).toString('base64'), 8)).toBe('0101010101010101');
    expect(normalizeId('', 8)).toBe('');
    expect(normalizeId(42, 8)).toBe('');
  });
});

describe('scan input', () => {
  it('reads text rows with their channel (default prompt) and id', async () => {
    const { records, problems } = await collect(`${fixtures}texts.jsonl`);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      expect.objectContaining({ kind: 'text', channel: 'prompt', id: 'row-1', line: 1 }),
      expect.objectContaining({ kind: 'text', channel: 'prompt', id: 'row-2', line: 2 }),
      expect.objectContaining({ kind: 'text', channel: 'prompt', line: 3 }),
    ]);
  });

  it('reads stdin for "-", arrays of requests, and skips metrics and blank lines', async () => {
    const input = [
      '',
      JSON.stringify([{ text: 'a', channel: 'output' }, { resourceMetrics: [] }]),
      '',
      JSON.stringify({ text: 'b', channel: 'tool_result' }),
    ].join('\n');
    const { records, problems } = await collect('-', Readable.from([input]));
    expect(problems).toEqual([]);
    expect(records.map((r) => (r.kind === 'text' ? `${r.channel}:${r.line}` : r.kind))).toEqual([
      'output:2',
      'tool_result:4',
    ]);
  });

  it('reports bad lines with their number and keeps going', async () => {
    const { records, problems } = await collect(`${fixtures}bad.jsonl`);
    expect(records).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4]);
  });

  it('reports a broken multi-line document and an unreadable file', async () => {
    const broken = await collect('-', Readable.from(['{\n  "resourceSpans": [\n']));
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0].message).toContain('not valid JSON');
    const missing = await collect(`${fixtures}nope.jsonl`);
    expect(missing.problems[0].message).toContain('ENOENT');
  });
});
