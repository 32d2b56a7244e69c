/**
 * Span delivery is independent of the logs endpoint, and findings are emitted once per acknowledged batch (issue 22,
 * items 4 and 5 — the transport side). The real engine inside the real service, a next hop whose /v1/traces and
 * /v1/logs answer what each test says, a client that retries 429/503 like the Collector's exporter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { T } from '../../src/otlp/proto.js';
import { SECRET_GENERATORS, seededRng } from '../../../core/test/fixtures/secrets.js';
import { metricValue, until } from '../service/helpers.js';
import { startGuarded, type Guarded } from './guarded.js';

const rng = seededRng(505);
const str = (v: string) => ({ stringValue: v });

/** One trace request with one LLM span (span id `n`) whose answer leaks a fresh secret: one TH-SEC finding. */
function leakBatch(n: number): Buffer {
  const secret = SECRET_GENERATORS.github_classic(rng);
  return Buffer.from(
    T.ExportTraceServiceRequest.encode({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: str('delivery-app') }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: Buffer.alloc(16, 0x44),
                  spanId: Buffer.from(n.toString(16).padStart(16, '0'), 'hex'),
                  name: 'chat gpt-4o',
                  kind: 3,
                  startTimeUnixNano: '1700000000000000000',
                  endTimeUnixNano: '1700000000500000000',
                  attributes: [
                    { key: 'gen_ai.operation.name', value: str('chat') },
                    { key: 'gen_ai.provider.name', value: str('openai') },
                    {
                      key: 'gen_ai.output.messages',
                      value: str(
                        JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: `token: ${secret}` }] }]),
                      ),
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

/** Posts until the answer is not 429/503 (like the Collector's retry_on_failure, minus the waiting); the attempts. */
async function sendRetrying(url: string, body: Buffer): Promise<{ status: number; attempts: number }> {
  for (let attempts = 1; ; attempts++) {
    const res = await fetch(`${url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body,
    });
    await res.arrayBuffer();
    if (res.status !== 429 && res.status !== 503) return { status: res.status, attempts };
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Finding records the hop accepted, as span-id/rule keys. */
function forwardedFindings(g: Guarded): string[] {
  const keys: string[] = [];
  for (const r of g.hop.requests.filter((x) => x.path === '/v1/logs')) {
    const req = T.ExportLogsServiceRequest.toObject(T.ExportLogsServiceRequest.decode(r.body), { bytes: String }) as {
      resourceLogs: Array<{
        scopeLogs: Array<{ logRecords: Array<{ eventName?: string; spanId?: string; attributes?: any[] }> }>;
      }>;
    };
    for (const rl of req.resourceLogs)
      for (const sl of rl.scopeLogs)
        for (const rec of sl.logRecords) {
          if (rec.eventName !== 'tracehound.finding') continue;
          const rule = rec.attributes?.find((a) => a.key === 'rule.id')?.value.stringValue;
          keys.push(`${Buffer.from(rec.spanId ?? '', 'base64').toString('hex')}/${rule}`);
        }
  }
  return keys.sort();
}

async function fileFindings(g: Guarded): Promise<string[]> {
  await g.engine.forceFlush();
  if (!existsSync(g.findingsFile)) return [];
  return readFileSync(g.findingsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { spanId: string; rule: { id: string } })
    .map((f) => `${f.spanId}/${f.rule.id}`)
    .sort();
}

const spansAtHop = (g: Guarded) => g.hop.requests.filter((r) => r.path === '/v1/traces').length;

describe('span delivery does not depend on the logs endpoint; findings once per acknowledged batch', () => {
  let g: Guarded | undefined;
  afterEach(async () => {
    await g?.stop();
    g = undefined;
  });

  it('logs endpoint answering 503: spans acknowledged at once (no re-sends), findings queued and delivered once it recovers', async () => {
    g = await startGuarded({ mode: 'redacted' });
    let logsDown = true;
    g.hop.respond = (r) => (r.path === '/v1/logs' && logsDown ? { status: 503 } : { status: 200 });
    for (let n = 1; n <= 5; n++)
      expect(await sendRetrying(g.httpUrl, leakBatch(n))).toEqual({ status: 200, attempts: 1 });
    expect(spansAtHop(g)).toBe(5);
    await until(
      () => g!.logLines.some((l) => l.includes('"signal":"logs"') && l.includes('TH_NEXT_HOP_UNAVAILABLE')),
      'the warning',
    );
    expect(
      g.logLines.filter((l) => l.includes('TH_NEXT_HOP_UNAVAILABLE')).every((l) => l.includes('"signal":"logs"')),
    ).toBe(true);
    expect(await metricValue(g.service, 'tracehound_findings_forward_queue_records')).toBeGreaterThanOrEqual(5);
    expect(forwardedFindings(g)).toEqual([]);

    logsDown = false;
    const expected = await fileFindings(g);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    await g.service.shutdown(); // drains the queue within the shutdown deadline
    expect(forwardedFindings(g)).toEqual(expected); // each finding exactly once
    expect(await metricValue(g.service, 'tracehound_findings_forward_dropped_total')).toBe(0);
  });

  it('logs endpoint answering 404: spans acknowledged and delivered; finding records dropped and counted, not retried', async () => {
    g = await startGuarded({ mode: 'redacted' });
    g.hop.respond = (r) => (r.path === '/v1/logs' ? { status: 404 } : { status: 200 });
    for (let n = 1; n <= 4; n++)
      expect(await sendRetrying(g.httpUrl, leakBatch(n))).toEqual({ status: 200, attempts: 1 });
    expect(spansAtHop(g)).toBe(4);
    const found = (await fileFindings(g)).length;
    await until(
      async () =>
        (await metricValue(g!.service, 'tracehound_findings_forward_dropped_total', { reason: 'rejected' })) >= found,
      'the drops',
    );
    expect(await metricValue(g.service, 'tracehound_findings_forward_dropped_total', { reason: 'rejected' })).toBe(
      found,
    );
    expect(g.logLines.some((l) => l.includes('TH_FINDINGS_DROPPED') && l.includes('"signal":"logs"'))).toBe(true);
  });

  it('traces endpoint down for a while (outage): the client retries; every span and every finding exactly once', async () => {
    g = await startGuarded({ mode: 'redacted' });
    let refusals = 0;
    g.hop.respond = (r) => {
      if (r.path === '/v1/traces' && refusals < 12) {
        refusals++;
        return { status: 503 };
      }
      return { status: 200 };
    };
    const attempts: number[] = [];
    for (let n = 1; n <= 6; n++) {
      const r = await sendRetrying(g.httpUrl, leakBatch(n));
      expect(r.status).toBe(200);
      attempts.push(r.attempts);
    }
    expect(attempts.reduce((a, b) => a + b, 0)).toBe(6 + 12); // 12 refused attempts were retried
    expect(spansAtHop(g)).toBe(6);
    const inFile = await fileFindings(g);
    expect(new Set(inFile.map((k) => k.split('/')[0])).size).toBe(6); // a finding for each span…
    expect(new Set(inFile).size).toBe(inFile.length); // …once in the findings file
    await g.service.shutdown();
    expect(forwardedFindings(g)).toEqual(inFile); // …and once at the next hop
  });
});
