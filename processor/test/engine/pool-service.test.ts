/**
 * A detection worker that crashes or hangs inside the running OTLP service: its batch is answered 503 with
 * Retry-After and TH_STAGE_UNAVAILABLE, nothing of it reaches the next hop (no half-enriched spans, no findings), the
 * worker is replaced, and the client's retry of the same batch is analysed and forwarded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@tracehound/core';
import { detectionDefaults } from '../../src/detect/config.js';
import { createContentRunner } from '../../src/detect/content-runner.js';
import { DetectionStage } from '../../src/engine/detection-stage.js';
import { DetectionPool } from '../../src/engine/pool/detection-pool.js';
import { normalizeSpan } from '../../src/normalize/index.js';
import { LogCorrelator } from '../../src/normalize/correlator.js';
import { T } from '../../src/otlp/proto.js';
import { RuleCatalog } from '../../src/rules/catalog.js';
import { Analyzer } from '../../src/score/analyzer.js';
import { Scorer } from '../../src/score/scorer.js';
import { SuppressionList } from '../../src/score/suppressions.js';
import { createNextHop, startService, testConfig, type NextHop, type Running } from '../service/helpers.js';
import { detectorFactories } from './fixtures/pool-detectors.js';

const detectorsModule = new URL('./fixtures/pool-detectors.ts', import.meta.url).href;
const str = (key: string, v: string) => ({ key, value: { stringValue: v } });

let seq = 0;
/** A new span each time (a span seen before is answered from its replay, without detection). */
function request(prompt: string): Buffer {
  seq++;
  const span = {
    traceId: Buffer.alloc(16, seq),
    spanId: Buffer.alloc(8, seq),
    name: 'chat',
    kind: 3,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000001000000000',
    attributes: [
      str('gen_ai.operation.name', 'chat'),
      str('gen_ai.input.messages', JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: prompt }] }])),
    ],
  };
  const req = {
    resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 's' }, spans: [span] }] }],
  };
  return Buffer.from(T.ExportTraceServiceRequest.encode(req).finish());
}

describe('detection workers inside the OTLP service', () => {
  let hop: NextHop;
  let running: Running;
  let pool: DetectionPool;
  const sink: Finding[] = [];

  beforeAll(async () => {
    hop = createNextHop();
    await hop.listen();
    const content = createContentRunner(detectionDefaults, { factories: detectorFactories });
    const analyzer = new Analyzer(
      content,
      new Scorer(new RuleCatalog(content.rules), detectionDefaults, () => 0),
      new SuppressionList([], () => 0),
    );
    pool = new DetectionPool({
      init: { detection: detectionDefaults, detectorsModule },
      workers: 2,
      maxQueuePerWorker: 8,
      timeoutMs: 400,
    });
    await pool.start();
    const stage = new DetectionStage({
      analyzer,
      offload: { detect: (jobs) => pool.detect(jobs) },
      normalizer: { normalize: (s, logs) => normalizeSpan(s, logs) },
      correlator: new LogCorrelator({ maxEntries: 100, ttlMs: 1000, clock: Date.now }),
      sinks: [
        { name: 'mem', write: (f) => void sink.push(...f), forceFlush: async () => {}, shutdown: async () => {} },
      ],
      forwardFindings: true,
      correlationWaitMs: 0,
    });
    running = await startService(testConfig({ endpoint: hop.url }, { stageTimeoutMs: 5000 }), [stage]);
  });
  afterAll(async () => {
    await running?.stop();
    await pool?.shutdown();
    await hop?.close();
  });

  const post = (body: Buffer) =>
    fetch(`${running.httpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body,
    });

  for (const fault of ['CRASH', 'HANG']) {
    it(`a worker that ends with ${fault}: 503, nothing forwarded, then the worker is replaced`, async () => {
      // Every worker up first (the one an earlier fault ended may still be starting): the fault then ends one of
      // two ready workers, and the retry finds the other, whatever the machine's load makes a restart cost.
      for (let i = 0; i < 300 && (await pool.memory()).some((m) => m === undefined); i++)
        await new Promise((r) => setTimeout(r, 50));
      const traces = () => hop.requests.filter((q) => q.path === '/v1/traces');
      const before = traces().length;
      const found = sink.length;
      const res = await post(request(`an attack ${fault}`));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.headers.get('x-tracehound-error')).toBe('TH_STAGE_UNAVAILABLE');
      expect(traces().length).toBe(before);
      expect(sink.length).toBe(found);
      // The client retries the same kind of batch: analysed by the replacement worker and forwarded, enriched.
      const ok = await post(request('an attack'));
      expect(ok.status).toBe(200);
      for (let i = 0; i < 50 && traces().length === before; i++) await new Promise((r) => setTimeout(r, 20));
      const fwd = T.ExportTraceServiceRequest.decode(traces()[before]!.body) as unknown as {
        resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ attributes: Array<{ key: string }> }> }> }>;
      };
      const keys = fwd.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.attributes.map((a) => a.key);
      expect(keys).toContain('tracehound.risk.score');
      expect(sink.length).toBeGreaterThan(found);
    });
  }
});
