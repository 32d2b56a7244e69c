import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../src/response/backoff.js';
import { SIGNATURE_HEADER, signPayload, verifySignature } from '../../src/response/signature.js';
import { WebhookSink } from '../../src/response/webhook-sink.js';
import { fakeClock, finding } from './helpers.js';

const SECRET = 'whsec-0123456789abcdef';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local receiver answering with the statuses queued in `answers` (then 200). */
function receiver() {
  const got: Received[] = [];
  const answers: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  return {
    got,
    answers,
    url: '',
    async listen() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('webhook signature', () => {
  it('verifies what it signed, and nothing else', () => {
    const body = '{"a":1}';
    const h = signPayload(SECRET, body, 1_700_000_000);
    expect(h).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, h, body, 1_700_000_010)).toBe(true);
    expect(verifySignature(SECRET, h, '{"a":2}', 1_700_000_010)).toBe(false);
    expect(verifySignature('another-secret-123456', h, body, 1_700_000_010)).toBe(false);
    expect(verifySignature(SECRET, h, body, 1_700_000_000 + 3600)).toBe(false); // replayed later
    expect(verifySignature(SECRET, 't=1,v1=zz', body, 1)).toBe(false);
    expect(verifySignature(SECRET, undefined, body, 1)).toBe(false);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter inside [cap/2, cap], capped', () => {
    expect(backoffDelay(1, 500, 60_000, () => 0)).toBe(250);
    expect(backoffDelay(1, 500, 60_000, () => 1)).toBe(500);
    expect(backoffDelay(4, 500, 60_000, () => 1)).toBe(4000);
    expect(backoffDelay(30, 500, 60_000, () => 1)).toBe(60_000);
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});

describe('WebhookSink', () => {
  const r = receiver();
  beforeAll(() => r.listen());
  afterAll(() => r.close());

  it('POSTs each matching finding once, signed, with redacted evidence and a delivery id', async () => {
    r.got.length = 0;
    const clock = fakeClock();
    const sink = new WebhookSink(
      { name: 'soar', url: r.url, secret: SECRET, minSeverity: 'high' },
      { clock: clock.now },
    );
    const f = finding({ session: 's-1', severity: 'high' });
    f.evidence = 'key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH leaked';
    sink.write([f, finding({ severity: 'medium' })]);
    await sink.forceFlush();
    expect(r.got).toHaveLength(1);
    const [req] = r.got;
    expect(req.headers['x-tracehound-delivery']).toBe(f.id);
    expect(verifySignature(SECRET, req.headers[SIGNATURE_HEADER] as string, req.body, clock.now() / 1000)).toBe(true);
    const payload = JSON.parse(req.body);
    expect(payload).toMatchObject({
      type: 'tracehound.finding',
      version: 1,
      webhook: 'soar',
      finding: { id: f.id, rule: { id: 'TH-INJ-001' } },
    });
    expect(req.body).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
    await sink.shutdown();
  });

  it('retries 5xx with backoff (injected sleep), then delivers exactly once', async () => {
    r.got.length = 0;
    r.answers.push(503, 500);
    const waits: number[] = [];
    const registry = new Registry();
    const sink = new WebhookSink(
      { name: 'chat', url: r.url, secret: SECRET, backoffMs: 100 },
      { sleep: async (ms) => void waits.push(ms), random: () => 1, registry },
    );
    sink.write([finding()]);
    await sink.forceFlush();
    expect(r.got).toHaveLength(3);
    expect(waits).toEqual([100, 200]);
    const text = await registry.metrics();
    expect(text).toContain('tracehound_webhook_deliveries_total{webhook="chat",outcome="delivered"} 1');
    expect(text).toContain('tracehound_webhook_retries_total{webhook="chat"} 2');
  });

  it('gives up at once on a permanent 4xx and after maxAttempts on 5xx', async () => {
    r.got.length = 0;
    r.answers.push(404, 500, 500);
    const registry = new Registry();
    const sink = new WebhookSink(
      { name: 'tix', url: r.url, secret: SECRET, maxAttempts: 2 },
      { sleep: async () => undefined, registry },
    );
    sink.write([finding()]);
    await sink.forceFlush();
    sink.write([finding()]);
    await sink.forceFlush();
    expect(r.got).toHaveLength(3);
    expect(await registry.metrics()).toContain('tracehound_webhook_deliveries_total{webhook="tix",outcome="failed"} 2');
  });

  it('never blocks the caller: the queue is bounded and drops the oldest, counted', async () => {
    let release!: () => void;
    const gate = new Promise<void>((res) => (release = res));
    const sent: string[] = [];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      await gate;
      sent.push(JSON.parse(init.body as string).finding.id);
      return new Response(null, { status: 200 });
    }) as unknown as typeof fetch;
    const registry = new Registry();
    const sink = new WebhookSink(
      { name: 'q', url: 'http://unused.invalid/', secret: SECRET, maxQueue: 3 },
      { fetch: fakeFetch, registry },
    );
    const fs = Array.from({ length: 10 }, () => finding());
    sink.write(fs); // 4 taken by the workers, 3 dropped, 3 queued
    expect(sink.pending).toBe(3);
    release();
    await sink.forceFlush();
    expect(sent).toHaveLength(7);
    expect(sent.slice(-3)).toEqual(fs.slice(-3).map((f) => f.id));
    expect(await registry.metrics()).toContain('tracehound_webhook_deliveries_total{webhook="q",outcome="dropped"} 3');
  });
});
