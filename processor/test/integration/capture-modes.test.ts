/**
 * Capture modes on content carried outside attributes, end to end (real engine inside the real OTLP service, real next
 * hop): an older-GenAI-conventions span with its messages in span events, and content log records with the message in
 * the body. redacted: no raw secret is forwarded; hashed: HMAC digests are; full: the content is forwarded as sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { silentLogger } from '../../src/log/logger.js';
import { createRegistry } from '../../src/metrics/registry.js';
import { T } from '../../src/otlp/proto.js';
import { createService, type Service } from '../../src/service/service.js';
import { SECRET_GENERATORS, seededRng } from '../../../core/test/fixtures/secrets.js';
import { createNextHop, testConfig, type NextHop } from '../service/helpers.js';
import { payloads } from '../otlp/payloads.js';

const SECRET = SECRET_GENERATORS.openai_project(seededRng(23));
const HASH_KEY = 'integration-hash-key';
const str = (v: string) => ({ stringValue: v });

function traceRequest(): Buffer {
  return Buffer.from(
    T.ExportTraceServiceRequest.encode({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: str('legacy-bot') }] },
          scopeSpans: [
            {
              scope: { name: 'opentelemetry.instrumentation.openai' },
              spans: [
                {
                  traceId: Buffer.alloc(16, 0xab),
                  spanId: Buffer.alloc(8, 0x01),
                  name: 'chat gpt-4o',
                  kind: 3,
                  startTimeUnixNano: '1700000000000000000',
                  endTimeUnixNano: '1700000000500000000',
                  attributes: [
                    { key: 'gen_ai.system', value: str('openai') },
                    { key: 'gen_ai.operation.name', value: str('chat') },
                    { key: 'gen_ai.request.model', value: str('gpt-4o') },
                  ],
                  events: [
                    {
                      name: 'gen_ai.user.message',
                      timeUnixNano: '1700000000100000000',
                      attributes: [{ key: 'content', value: str('What is the deploy key?') }],
                    },
                    {
                      name: 'gen_ai.choice',
                      timeUnixNano: '1700000000400000000',
                      attributes: [
                        { key: 'index', value: { intValue: 0 } },
                        { key: 'finish_reason', value: str('stop') },
                        {
                          key: 'message',
                          value: str(JSON.stringify({ role: 'assistant', content: `Here it is: ${SECRET}` })),
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    }).finish(),
  );
}

function logRequest(): Buffer {
  const ids = { traceId: Buffer.alloc(16, 0xcd), spanId: Buffer.alloc(8, 0x02), timeUnixNano: '1700000000100000000' };
  return Buffer.from(
    T.ExportLogsServiceRequest.encode({
      resourceLogs: [
        {
          resource: { attributes: [{ key: 'service.name', value: str('legacy-bot') }] },
          scopeLogs: [
            {
              scope: { name: 'opentelemetry.instrumentation.openai' },
              logRecords: [
                {
                  ...ids,
                  eventName: 'gen_ai.user.message',
                  body: { kvlistValue: { values: [{ key: 'content', value: str(`my token is ${SECRET}`) }] } },
                },
                {
                  ...ids,
                  attributes: [{ key: 'event.name', value: str('gen_ai.choice') }],
                  body: str(`Sure: ${SECRET}`),
                },
              ],
            },
          ],
        },
      ],
    }).finish(),
  );
}

type Mode = 'full' | 'redacted' | 'hashed';
interface Forwarded {
  sentTraces: Buffer;
  sentLogs: Buffer;
  traces: Buffer;
  logs: Buffer;
}

describe('capture modes on span events and log bodies, end to end', () => {
  let hop: NextHop;
  const running: Array<{ service: Service; engine: Engine }> = [];
  const results = new Map<Mode, Forwarded>();

  beforeAll(async () => {
    hop = createNextHop();
    await hop.listen();
    for (const mode of ['full', 'redacted', 'hashed'] as const) {
      const base = loadConfig(undefined, {});
      const config = {
        ...base,
        ...testConfig({ endpoint: hop.url }),
        capture: { mode, hashKey: HASH_KEY },
        findings: { file: '', console: false, forward: false },
      };
      const registry = createRegistry();
      const engine = createEngine(config, { registry, behavior: false });
      const service = createService({ config, stages: engine.stages(), logger: silentLogger, registry });
      running.push({ service, engine });
      const { httpPort } = await service.start();
      const post = async (path: string, body: Buffer): Promise<Buffer> => {
        const before = hop.requests.length;
        const res = await fetch(`http://127.0.0.1:${httpPort}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-protobuf' },
          body,
        });
        expect(res.status).toBe(200);
        const forwarded = hop.requests.slice(before).filter((r) => r.path === path);
        expect(forwarded).toHaveLength(1);
        return forwarded[0].body;
      };
      const sentTraces = traceRequest();
      const sentLogs = logRequest();
      results.set(mode, {
        sentTraces,
        sentLogs,
        traces: await post('/v1/traces', sentTraces),
        logs: await post('/v1/logs', sentLogs),
      });
    }
  });

  afterAll(async () => {
    for (const r of running) {
      await r.service.shutdown();
      await r.engine.shutdown();
    }
    await hop?.close();
  });

  const has = (buf: Buffer, s: string) => buf.includes(Buffer.from(s));

  it('redacted: neither forwarded spans (events) nor forwarded logs (bodies) contain the raw secret', () => {
    const r = results.get('redacted')!;
    expect(has(r.sentTraces, SECRET) && has(r.sentLogs, SECRET)).toBe(true);
    expect(has(r.traces, SECRET)).toBe(false);
    expect(has(r.logs, SECRET)).toBe(false);
    // The redacted content is still there and readable; the span says capture rewrote it.
    const span = T.ExportTraceServiceRequest.toObject(T.ExportTraceServiceRequest.decode(r.traces), {
      longs: String,
    }) as {
      resourceSpans: Array<{
        scopeSpans: Array<{
          spans: Array<{
            attributes: Array<{ key: string; value: { stringValue?: string } }>;
            events: Array<{ attributes: Array<{ key: string; value: { stringValue?: string } }> }>;
          }>;
        }>;
      }>;
    };
    const s = span.resourceSpans[0].scopeSpans[0].spans[0];
    expect(s.attributes.find((a) => a.key === 'tracehound.capture.mode')?.value.stringValue).toBe('redacted');
    const message = JSON.parse(s.events[1].attributes.find((a) => a.key === 'message')!.value.stringValue!);
    expect(message.role).toBe('assistant');
    expect(message.content.startsWith('Here it is: ')).toBe(true);
    expect(s.events[0].attributes.find((a) => a.key === 'content')?.value.stringValue).toBe('What is the deploy key?');
    expect(has(r.logs, 'my token is ')).toBe(true);
  });

  it('hashed: content in events and bodies is forwarded as HMAC digests only', () => {
    const r = results.get('hashed')!;
    expect(has(r.traces, SECRET) || has(r.logs, SECRET)).toBe(false);
    expect(has(r.traces, 'What is the deploy key?')).toBe(false);
    expect(has(r.logs, 'my token is')).toBe(false);
    expect(has(r.traces, 'hmac-sha256:')).toBe(true);
    expect(has(r.logs, 'hmac-sha256:')).toBe(true);
    // structure kept: role and event names are still readable
    expect(has(r.traces, 'gen_ai.choice')).toBe(true);
    expect(has(r.traces, '"role":"assistant"')).toBe(true);
  });

  it('full: event and log bytes are forwarded exactly as sent', () => {
    const r = results.get('full')!;
    expect(Buffer.compare(r.logs, r.sentLogs)).toBe(0);
    const eventsIn = payloads(r.sentTraces, [1, 2, 2, 11]);
    const eventsOut = payloads(r.traces, [1, 2, 2, 11]);
    expect(eventsOut).toHaveLength(2);
    eventsOut.forEach((e, i) => expect(Buffer.compare(e, eventsIn[i])).toBe(0));
    expect(has(r.traces, SECRET)).toBe(true);
  });
});
