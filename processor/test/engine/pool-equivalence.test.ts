/**
 * The pooled engine (content detectors in worker threads) against the single-threaded one, both inside the real OTLP
 * service: the same requests must leave exactly the same forwarded bytes (enriched spans, finding log records) and
 * the same findings in the sinks — content, trace correlation (one analysis per text per trace) and behavioral
 * patterns (which fire once, on the main thread) alike. The texts are the project's synthetic eval rows
 * (processor/eval/*.jsonl), read at run time.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@tracehound/core';
import { loadConfig } from '../../src/config/index.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { silentLogger } from '../../src/log/logger.js';
import { createRegistry } from '../../src/metrics/registry.js';
import { T } from '../../src/otlp/proto.js';
import { createService, type Service } from '../../src/service/service.js';
import { createNextHop, testConfig, type NextHop } from '../service/helpers.js';

const evalDir = new URL('../../eval/', import.meta.url);
interface Row {
  text: string;
  channel: string;
}
function rows(): Row[] {
  const out: Row[] = [];
  for (const f of readdirSync(evalDir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(new URL(f, evalDir), 'utf8').split('\n');
    // A spread over every file: every 7th row, at most 24 per file.
    let n = 0;
    for (let i = 0; i < lines.length && n < 24; i += 7) {
      try {
        const r = JSON.parse(lines[i]!) as Row;
        if (typeof r.text === 'string' && typeof r.channel === 'string') {
          out.push(r);
          n++;
        }
      } catch {
        // not a row
      }
    }
  }
  return out;
}

const CANARY = 'th-canary-7f3a9c2e51';
const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
const int = (key: string, v: number) => ({ key, value: { intValue: v } });
const hexId = (n: number, bytes: number) => Buffer.from(n.toString(16).padStart(bytes * 2, '0'), 'hex');

/**
 * One request: traces of an agent span (the prompt again, as workflow spans repeat it), a chat span under it and a
 * tool span beside it; sessions and users recur across requests so behavioral patterns build up.
 */
function request(r: number, all: { prompt: Row[]; output: Row[]; tool: Row[]; doc: Row[] }, traces: number): Buffer {
  const spans = [];
  const pick = <X>(xs: X[], i: number): X => xs[i % xs.length]!;
  for (let t = 0; t < traces; t++) {
    const k = r * traces + t;
    const traceId = hexId(k + 1, 16);
    const start = 1_700_000_000_000_000_000n + BigInt(k) * 1_000_000_000n;
    const prompt = pick(all.prompt, k).text;
    const output = pick(all.output, k).text;
    const common = [str('session.id', `sess-${k % 4}`), str('user.id', `user-${k % 3}`)];
    const input = JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: prompt }] }]);
    spans.push({
      traceId,
      spanId: hexId(k * 3 + 1, 8),
      name: 'invoke_agent support',
      kind: 1,
      startTimeUnixNano: start.toString(),
      endTimeUnixNano: (start + 900_000_000n).toString(),
      attributes: [str('gen_ai.operation.name', 'invoke_agent'), str('gen_ai.input.messages', input), ...common],
    });
    spans.push({
      traceId,
      spanId: hexId(k * 3 + 2, 8),
      parentSpanId: hexId(k * 3 + 1, 8),
      name: 'chat gpt-4o',
      kind: 3,
      startTimeUnixNano: (start + 1_000_000n).toString(),
      endTimeUnixNano: (start + 800_000_000n).toString(),
      attributes: [
        str('gen_ai.operation.name', 'chat'),
        str('gen_ai.provider.name', 'openai'),
        str('gen_ai.request.model', 'gpt-4o'),
        int('gen_ai.usage.input_tokens', 200 + (k % 50)),
        int('gen_ai.usage.output_tokens', k % 5 === 0 ? 4000 : 120 + (k % 30)),
        str(
          'gen_ai.system_instructions',
          JSON.stringify([{ type: 'text', content: `You are the support assistant. Secret marker ${CANARY}.` }]),
        ),
        str('gen_ai.input.messages', input),
        str(
          'gen_ai.output.messages',
          JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: output }], finish_reason: 'stop' }]),
        ),
        ...common,
      ],
    });
    spans.push({
      traceId,
      spanId: hexId(k * 3 + 3, 8),
      parentSpanId: hexId(k * 3 + 1, 8),
      name: 'execute_tool lookup',
      kind: 1,
      startTimeUnixNano: (start + 810_000_000n).toString(),
      endTimeUnixNano: (start + 850_000_000n).toString(),
      attributes: [
        str('gen_ai.operation.name', 'execute_tool'),
        str('gen_ai.tool.name', 'lookup'),
        str('gen_ai.tool.call.arguments', JSON.stringify({ query: pick(all.tool, k).text })),
        str('gen_ai.tool.call.result', pick(all.doc, k).text),
        ...common,
      ],
    });
  }
  const req = {
    resourceSpans: [
      {
        resource: { attributes: [str('service.name', 'support-bot')] },
        scopeSpans: [{ scope: { name: 'equivalence' }, spans }],
      },
    ],
  };
  return Buffer.from(T.ExportTraceServiceRequest.encode(req).finish());
}

interface Side {
  hop: NextHop;
  engine: Engine;
  service: Service;
  url: string;
  findings: Finding[];
}

let now = 1_700_000_000_000;
async function side(workers: number): Promise<Side> {
  const hop = createNextHop();
  await hop.listen();
  const base = loadConfig(undefined, {});
  const config = {
    ...base,
    ...testConfig({ endpoint: hop.url }),
    findings: { file: '', console: false, forward: true },
    detection: { ...base.detection, canaries: [CANARY], toolHostAllowlist: ['api.example.com'], workers },
  };
  const findings: Finding[] = [];
  const registry = createRegistry();
  const engine = createEngine(config, {
    registry,
    clock: () => now,
    pool: true,
    outputSinks: false,
    sinks: [
      { name: 'mem', write: (f) => void findings.push(...f), forceFlush: async () => {}, shutdown: async () => {} },
    ],
  });
  await engine.ready();
  const service = createService({ config, stages: engine.stages(), logger: silentLogger, registry });
  const { httpPort } = await service.start();
  return { hop, engine, service, url: `http://127.0.0.1:${httpPort}`, findings };
}

describe('pooled detection is exactly the single-threaded detection', () => {
  let single: Side;
  let pooled: Side;
  beforeAll(async () => {
    [single, pooled] = await Promise.all([side(1), side(2)]);
  }, 60_000);
  afterAll(async () => {
    for (const s of [single, pooled]) {
      await s?.service.shutdown();
      await s?.engine.shutdown();
      await s?.hop.close();
    }
  });

  it('same forwarded spans and finding records, same findings, on a mixed set over several requests', async () => {
    const all = rows();
    const by = (...ch: string[]) => all.filter((r) => ch.includes(r.channel));
    const sets = {
      prompt: by('prompt'),
      output: by('output'),
      tool: by('tool_call'),
      doc: by('document', 'tool_result'),
    };
    expect(sets.prompt.length).toBeGreaterThan(50);
    const requests = Array.from({ length: 6 }, (_, r) => request(r, sets, 24));
    for (const body of requests) {
      now += 2_000;
      for (const s of [single, pooled]) {
        const res = await fetch(`${s.url}/v1/traces`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-protobuf' },
          body,
        });
        expect(res.status).toBe(200);
      }
    }
    await Promise.all([single, pooled].map((s) => s.engine.forceFlush()));
    // Enriched spans: byte for byte. Finding records: the same set (the finding-log queue batches them by timing).
    const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const traces = (s: Side) => s.hop.requests.filter((q) => q.path === '/v1/traces').map((q) => digest(q.body));
    expect(traces(pooled)).toEqual(traces(single));
    expect(traces(single)).toHaveLength(6);
    const records = (s: Side) =>
      s.hop.requests
        .filter((q) => q.path === '/v1/logs')
        .flatMap((q) => {
          const req = T.ExportLogsServiceRequest.decode(q.body) as unknown as {
            resourceLogs: Array<{ scopeLogs: Array<{ logRecords: unknown[] }> }>;
          };
          return req.resourceLogs.flatMap((r) =>
            r.scopeLogs.flatMap((sl) => sl.logRecords.map((l) => JSON.stringify(l))),
          );
        })
        .map((j) => digest(Buffer.from(j)))
        .sort();
    // The finding-log queue delivers on its own schedule: wait (bounded) until both hops hold the same number.
    for (let i = 0; i < 100 && records(pooled).length !== records(single).length; i++)
      await new Promise((r) => setTimeout(r, 100));
    const singleRecords = records(single);
    expect(singleRecords.length).toBeGreaterThan(30);
    expect(records(pooled)).toEqual(singleRecords);
    const ser = (f: Finding[]) => JSON.stringify(f, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(digest(Buffer.from(ser(pooled.findings)))).toBe(digest(Buffer.from(ser(single.findings))));
    expect(pooled.findings.map((f) => `${f.rule.id} ${f.spanId}`)).toEqual(
      single.findings.map((f) => `${f.rule.id} ${f.spanId}`),
    );
    // The comparison has substance: content findings on several channels, and behavioral patterns.
    const rules = new Set(single.findings.map((f) => f.rule.id));
    expect(single.findings.length).toBeGreaterThan(30);
    expect([...rules].some((r) => r.startsWith('TH-BEH-'))).toBe(true);
    expect(new Set(single.findings.map((f) => f.channel)).size).toBeGreaterThanOrEqual(3);
  });
});
