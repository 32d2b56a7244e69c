/**
 * Nothing an input contains switches the guard off (issue 22, items 1 and 7). Seeded fuzzing over both receivers and
 * both encodings: batches carrying a real-format secret in an LLM answer, with invalid UTF-8 (or lone surrogates, in
 * JSON) sprinkled elsewhere — span names, http.url of an unrelated span, resource and scope, event names, keys, the
 * message text around the secret — and OTLP/JSON numbers, enums and timestamps out of their field's range.
 *
 * Every answer is either 200 with the batch scanned (risk attributes on the LLM span, the finding forwarded, no raw
 * secret in what was forwarded) or 400 with nothing forwarded. Never 200 with the batch forwarded unscanned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../src/otlp/proto.js';
import { SECRET_GENERATORS, seededRng, type Rng } from '../../../core/test/fixtures/secrets.js';
import { grpcExport, metricValue, until } from '../service/helpers.js';
import { startGuarded, type Guarded } from './guarded.js';

const SECRET = SECRET_GENERATORS.github_classic(seededRng(2201));
/** The marker replaced by invalid bytes: 'é' is two bytes in UTF-8, so a two-byte replacement keeps every length. */
const MARK = 'é';
const MARK_BYTES = Buffer.from(MARK);
const INVALID: ReadonlyArray<readonly [number, number]> = [
  [0xc3, 0x28], // lead byte, then no continuation
  [0xff, 0xfe], // bytes that never occur in UTF-8
  [0x80, 0x80], // stray continuation bytes
  [0xe2, 0x82], // a three-byte sequence cut short
  [0xc0, 0xaf], // overlong encoding of '/'
  [0xed, 0xa0], // the start of an encoded surrogate
];

const hexId = (n: number, len: number) => Buffer.alloc(len, n).toString('hex');
const str = (v: string) => ({ stringValue: v });
const kv = (key: string, value: object) => ({ key, value });

/** An OTLP/JSON-shaped trace request (hex ids, decimal-string times). */
/** `trace`: the trace id's byte — each case is its own trace, so it is not taken for a retry of an earlier one. */
function traceJson(trace = 0x21): Record<string, unknown> {
  const output = JSON.stringify([
    { role: 'assistant', parts: [{ type: 'text', content: `Voilà ${MARK} the token: ${SECRET} (keep it ${MARK})` }] },
  ]);
  return {
    resourceSpans: [
      {
        resource: { attributes: [kv('service.name', str('fuzz-app')), kv('host.name', str(`node-${MARK}-1`))] },
        scopeSpans: [
          {
            scope: { name: `scope-${MARK}`, version: '1.0' },
            spans: [
              {
                traceId: hexId(trace, 16),
                spanId: hexId(0x01, 8),
                name: `GET /pay${MARK}`,
                kind: 3,
                startTimeUnixNano: '1700000000000000000',
                endTimeUnixNano: '1700000000100000000',
                attributes: [
                  kv('http.url', str(`https://api.example.com/caf${MARK}/x?q=${MARK}`)),
                  kv(`note.${MARK}`, str('key with a marker')),
                  kv('http.status_code', { intValue: '200' }),
                ],
                events: [{ name: `retry-${MARK}`, timeUnixNano: '1700000000050000000' }],
                status: { code: 2, message: `upstream ${MARK} failed` },
              },
              {
                traceId: hexId(trace, 16),
                spanId: hexId(0x02, 8),
                name: 'chat gpt-4o',
                kind: 3,
                startTimeUnixNano: '1700000000000000000',
                endTimeUnixNano: '1700000000500000000',
                attributes: [
                  kv('gen_ai.operation.name', str('chat')),
                  kv('gen_ai.provider.name', str('openai')),
                  kv('gen_ai.request.model', str('gpt-4o')),
                  kv(
                    'gen_ai.input.messages',
                    str(JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: `Où est ${MARK} ?` }] }])),
                  ),
                  kv('gen_ai.output.messages', str(output)),
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Content log records (older GenAI conventions) with the secret in a body and markers elsewhere. */
function logsJson(): Record<string, unknown> {
  const ids = { traceId: hexId(0x31, 16), spanId: hexId(0x03, 8), timeUnixNano: '1700000000100000000' };
  return {
    resourceLogs: [
      {
        resource: { attributes: [kv('service.name', str(`legacy-${MARK}`))] },
        scopeLogs: [
          {
            scope: { name: 'opentelemetry.instrumentation.openai' },
            logRecords: [
              {
                ...ids,
                eventName: 'gen_ai.user.message',
                body: { kvlistValue: { values: [kv('content', str(`hé ${MARK}`))] } },
              },
              {
                ...ids,
                attributes: [kv('event.name', str('gen_ai.choice')), kv(`x.${MARK}`, str(MARK))],
                body: str(`Sure ${MARK}: ${SECRET}`),
              },
            ],
          },
        ],
      },
    ],
  };
}

/** The JSON shape as protobuf bytes (hex ids → bytes; protobufjs takes decimal-string longs). */
function toProtobuf(signal: 'traces' | 'logs', json: Record<string, unknown>): Buffer {
  const clone = JSON.parse(JSON.stringify(json), (key, v) =>
    (key === 'traceId' || key === 'spanId') && typeof v === 'string' ? Buffer.from(v, 'hex') : v,
  ) as Record<string, unknown>;
  const type = signal === 'traces' ? T.ExportTraceServiceRequest : T.ExportLogsServiceRequest;
  return Buffer.from(type.encode(type.fromObject(clone)).finish());
}

/** Replaces a random non-empty subset of the markers by invalid sequences (same length: the framing stays valid). */
function corrupt(buf: Buffer, rng: Rng): { body: Buffer; corrupted: number } {
  const out = Buffer.from(buf);
  const at: number[] = [];
  for (let i = out.indexOf(MARK_BYTES); i >= 0; i = out.indexOf(MARK_BYTES, i + 2)) at.push(i);
  let corrupted = 0;
  at.forEach((pos, k) => {
    if (rng() < 0.5 && !(k === at.length - 1 && corrupted === 0)) return;
    const [a, b] = INVALID[Math.floor(rng() * INVALID.length)];
    out[pos] = a;
    out[pos + 1] = b;
    corrupted++;
  });
  return { body: out, corrupted };
}

/** Lone surrogates in JSON string escapes in place of some markers. */
function surrogates(json: string, rng: Rng): string {
  let first = true;
  return json.replaceAll(MARK, () => {
    const pick = first || rng() < 0.5;
    first = false;
    if (!pick) return MARK;
    return ['\\ud800', '\\udfff', '\\udbff x', '\\ud83d'][Math.floor(rng() * 4)];
  });
}

type Transport = 'http-protobuf' | 'http-json' | 'grpc';
/** A forwarded request of finding log records (what the processor emits), as opposed to the client's own data. */
const isFindings = (r: { path: string; body: Buffer }) =>
  r.path === '/v1/logs' && r.body.includes(Buffer.concat([Buffer.from([0x62, 18]), Buffer.from('tracehound.finding')]));
interface Answer {
  ok: boolean;
  status: number;
  code?: string;
}

describe('bad-input fuzz: invalid UTF-8 and out-of-range numbers never mean "forward unscanned"', () => {
  let g: Guarded;
  beforeAll(async () => {
    g = await startGuarded({ mode: 'redacted' });
  });
  afterAll(async () => g?.stop());

  async function send(transport: Transport, signal: 'traces' | 'logs', body: Buffer): Promise<Answer> {
    if (transport === 'grpc') {
      const r = await grpcExport(`127.0.0.1:${g.grpcPort}`, signal, body);
      return { ok: r.code === 0, status: r.code, code: r.details.split(':')[0] };
    }
    const res = await fetch(`${g.httpUrl}/v1/${signal}`, {
      method: 'POST',
      headers: { 'content-type': transport === 'http-json' ? 'application/json' : 'application/x-protobuf' },
      body,
    });
    await res.arrayBuffer();
    return { ok: res.status === 200, status: res.status, code: res.headers.get('x-tracehound-error') ?? undefined };
  }

  /** Sends one batch; checks what reached the next hop for it. */
  async function check(transport: Transport, signal: 'traces' | 'logs', body: Buffer, expectOk: boolean | 'either') {
    const before = g.hop.requests.length;
    const answer = await send(transport, signal, body);
    if (answer.ok && signal === 'traces') {
      // The finding records of an acknowledged batch follow through their own queue.
      await until(() => g.hop.requests.slice(before).some(isFindings), 'the finding records');
    }
    const forwarded = g.hop.requests.slice(before);
    for (const r of forwarded)
      expect(r.body.includes(Buffer.from(SECRET)), `raw secret forwarded (${r.path})`).toBe(false);
    if (expectOk !== 'either')
      expect(answer.ok, `${transport} ${signal}: ${answer.status} ${answer.code}`).toBe(expectOk);
    if (!answer.ok) {
      expect([400, 3]).toContain(answer.status); // HTTP 400 or gRPC INVALID_ARGUMENT: a client error, not retried
      expect(forwarded.filter((r) => r.path === `/v1/${signal}`)).toHaveLength(0);
      return answer;
    }
    const data = forwarded.filter((r) => r.path === `/v1/${signal}` && !isFindings(r));
    expect(data).toHaveLength(1);
    // Scanned and redacted: the secret's place holds its mask.
    expect(data[0].body.includes(Buffer.from('[REDACTED')), `${transport} ${signal}: not redacted`).toBe(true);
    if (signal === 'traces') {
      // The LLM span carries its risk attributes, and the finding for the secret was forwarded as a log record.
      expect(data[0].body.includes(Buffer.from('tracehound.risk.score'))).toBe(true);
      const findings = forwarded.filter(isFindings);
      expect(findings.length, `${transport}: no finding forwarded`).toBeGreaterThan(0);
      expect(Buffer.concat(findings.map((f) => f.body)).includes(Buffer.from('TH-SEC-'))).toBe(true);
    }
    return answer;
  }

  const CASES = 12;

  for (const transport of ['http-protobuf', 'grpc'] as const) {
    for (const signal of ['traces', 'logs'] as const) {
      it(`${transport} ${signal}: invalid UTF-8 anywhere → decoded with replacement, scanned, redacted (${CASES} seeds)`, async () => {
        const rng = seededRng(transport === 'grpc' ? 7 : 3);
        for (let i = 0; i < CASES; i++) {
          const base = toProtobuf(
            signal,
            signal === 'traces' ? traceJson((transport === 'grpc' ? 0x50 : 0x40) + i) : logsJson(),
          );
          const { body, corrupted } = corrupt(base, rng);
          expect(corrupted).toBeGreaterThan(0);
          await check(transport, signal, body, true);
        }
      });
    }
  }

  for (const signal of ['traces', 'logs'] as const) {
    it(`http-json ${signal}: invalid bytes and lone surrogates → decoded with replacement, scanned, redacted`, async () => {
      const rng = seededRng(11);
      for (let i = 0; i < CASES; i++) {
        const text = (trace: number) => JSON.stringify(signal === 'traces' ? traceJson(trace) : logsJson());
        await check('http-json', signal, corrupt(Buffer.from(text(0x60 + 2 * i)), rng).body, true);
        await check('http-json', signal, Buffer.from(surrogates(text(0x61 + 2 * i), rng)), true);
      }
    });
  }

  /** One field of the JSON trace request set to a value outside its range. */
  const OUT_OF_RANGE: ReadonlyArray<[string, (req: any) => void]> = [
    ['intValue over 2^64 (string)', (r) => (spanAttr(r, 0, 2).value = { intValue: '99999999999999999999' })],
    ['intValue over 2^63 (string)', (r) => (spanAttr(r, 0, 2).value = { intValue: '9223372036854775808' })],
    ['intValue over 2^64 (number)', (r) => (spanAttr(r, 0, 2).value = { intValue: 1e20 })],
    ['intValue with a fraction', (r) => (spanAttr(r, 0, 2).value = { intValue: 1.5 })],
    ['intValue not a number', (r) => (spanAttr(r, 0, 2).value = { intValue: '12abc' })],
    ['span kind 99', (r) => (span(r, 0).kind = 99)],
    ['span kind -1', (r) => (span(r, 0).kind = -1)],
    ['span kind unknown name', (r) => (span(r, 0).kind = 'SPAN_KIND_TELEPORT')],
    ['status code 7', (r) => (span(r, 0).status = { code: 7 })],
    ['negative start time', (r) => (span(r, 1).startTimeUnixNano = '-1')],
    ['start time over 2^64', (r) => (span(r, 1).startTimeUnixNano = '18446744073709551616')],
    ['end time as a fraction', (r) => (span(r, 1).endTimeUnixNano = 1.5)],
    ['event time not a number', (r) => (span(r, 0).events[0].timeUnixNano = 'yesterday')],
    ['droppedAttributesCount -1', (r) => (span(r, 0).droppedAttributesCount = -1)],
    ['droppedAttributesCount over 2^32', (r) => (span(r, 0).droppedAttributesCount = 2 ** 32)],
  ];
  const span = (r: any, i: number) => r.resourceSpans[0].scopeSpans[0].spans[i];
  const spanAttr = (r: any, i: number, a: number) => span(r, i).attributes[a];

  it('http-json: numbers, enums and timestamps out of range → 400 TH_VALUE_OUT_OF_RANGE, nothing forwarded', async () => {
    for (const [what, mutate] of OUT_OF_RANGE) {
      const req = traceJson();
      mutate(req);
      const answer = await check('http-json', 'traces', Buffer.from(JSON.stringify(req)), false);
      expect(answer.code, what).toBe('TH_VALUE_OUT_OF_RANGE');
    }
    // In range, at the edges: accepted and kept exactly.
    const req = traceJson(0x7f) as any;
    spanAttr(req, 0, 2).value = { intValue: '-9223372036854775808' };
    span(req, 1).endTimeUnixNano = '18446744073709551615';
    span(req, 0).kind = 'SPAN_KIND_CLIENT';
    const before = g.hop.requests.length;
    await check('http-json', 'traces', Buffer.from(JSON.stringify(req)), true);
    const sent = g.hop.requests.slice(before).find((r) => r.path === '/v1/traces')!;
    const decoded = T.ExportTraceServiceRequest.toObject(T.ExportTraceServiceRequest.decode(sent.body), {
      longs: String,
    }) as any;
    expect(span(decoded, 1).endTimeUnixNano).toBe('18446744073709551615');
    expect(span(decoded, 0).attributes.find((a: any) => a.key === 'http.status_code').value.intValue).toBe(
      '-9223372036854775808',
    );
  });

  it('no stage ever failed on any of it', async () => {
    expect(await metricValue(g.service, 'tracehound_stage_errors_total')).toBe(0);
    expect(await metricValue(g.service, 'tracehound_receiver_requests_total', { code: 'TH_STAGE_UNAVAILABLE' })).toBe(
      0,
    );
  });
});
