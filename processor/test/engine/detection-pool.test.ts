import { emptyInteraction, type Interaction } from '@tracehound/core';
import type { ResourceLimits } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { detectionDefaults } from '../../src/detect/config.js';
import { DetectionPool } from '../../src/engine/pool/detection-pool.js';
import { createPoolMetrics } from '../../src/engine/pool/metrics.js';
import type { DetectJob } from '../../src/engine/pool/protocol.js';
import { createRegistry } from '../../src/metrics/registry.js';

const detectorsModule = new URL('./fixtures/pool-detectors.ts', import.meta.url).href;

function job(text: string, spanId = 's1'): DetectJob {
  const ix: Interaction = emptyInteraction('llm_call', 'test');
  ix.span = { traceId: 't', spanId, name: 'chat' };
  return { ix, texts: [{ channel: 'prompt', text, origin: 'raw' }] };
}

async function counter(registry: ReturnType<typeof createRegistry>, name: string, reason?: string) {
  const m = (await registry.getMetricsAsJSON()).find((x) => x.name === name);
  return m?.values.find((v) => reason === undefined || v.labels.reason === reason)?.value ?? 0;
}

describe('detection worker pool (real worker threads)', () => {
  let pool: DetectionPool | undefined;
  afterEach(async () => {
    await pool?.shutdown();
    pool = undefined;
  });

  function makePool(
    workers: number,
    extra: { maxQueuePerWorker?: number; timeoutMs?: number; resourceLimits?: ResourceLimits } = {},
  ) {
    const registry = createRegistry();
    const failures: string[] = [];
    pool = new DetectionPool({
      init: { detection: detectionDefaults, detectorsModule },
      workers,
      maxQueuePerWorker: extra.maxQueuePerWorker ?? 8,
      timeoutMs: extra.timeoutMs ?? 10_000,
      metrics: createPoolMetrics(registry),
      onDetectorError: (d, e) => failures.push(`${d}:${e}`),
      respawnDelayMs: 50,
      ...(extra.resourceLimits ? { resourceLimits: extra.resourceLimits } : {}),
    });
    return { pool, registry, failures };
  }

  it('splits a batch over the workers and answers in job order', async () => {
    const { pool } = makePool(2);
    await pool.start();
    const jobs = Array.from({ length: 9 }, (_, i) => job(i % 3 === 0 ? `an attack ${i}` : `hello ${i}`, `s${i}`));
    const out = await pool.detect(jobs);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.results.map((r) => r.detections.map((d) => d.ruleId))).toEqual(
      jobs.map((_, i) => (i % 3 === 0 ? ['T-1'] : [])),
    );
  });

  it('cuts a large batch into chunks over the workers, answered in job order', async () => {
    const { pool } = makePool(2);
    await pool.start();
    const jobs = Array.from({ length: 64 }, (_, i) => job(i % 5 === 0 ? `an attack ${i}` : `hello ${i}`, `s${i}`));
    const out = await pool.detect(jobs);
    expect(out.ok && out.results.map((r) => r.detections.length)).toEqual(jobs.map((_, i) => (i % 5 === 0 ? 1 : 0)));
  });

  it('a chunk posted behind a hung one on the same worker goes back to the queue and is answered', async () => {
    const { pool } = makePool(1, { timeoutMs: 400 });
    await pool.start();
    const hung = pool.detect([job('HANG')]);
    const behind = pool.detect([job('an attack', 's2')]);
    expect(await hung).toEqual({ ok: false, reason: 'timeout' });
    const b = await behind;
    expect(b.ok && b.results[0]!.detections.map((d) => d.ruleId)).toEqual(['T-1']);
  });

  it('a batch with a failing chunk fails whole, once', async () => {
    const { pool, registry } = makePool(2);
    await pool.start();
    const jobs = Array.from({ length: 32 }, (_, i) => job(i === 20 ? 'CRASH' : `an attack ${i}`, `s${i}`));
    expect(await pool.detect(jobs)).toEqual({ ok: false, reason: 'crashed' });
    expect(await counter(registry, 'tracehound_detection_pool_dropped_total', 'crashed')).toBe(1);
    await pool.forceFlush();
    const next = await pool.detect(jobs.slice(0, 8));
    expect(next.ok && next.results.length).toBe(8);
  });

  it('counts a detector that throws inside a worker by id and error class, without failing the batch', async () => {
    const { pool, failures } = makePool(1);
    const out = await pool.detect([job('THROW and attack')]);
    expect(out.ok && out.results[0]!.detections.map((d) => d.ruleId)).toEqual(['T-1']);
    expect(failures).toEqual(['faulty:RangeError']);
  });

  it('a worker that hangs fails its batch at the deadline, is replaced, and the next batch is answered', async () => {
    const { pool, registry } = makePool(1, { timeoutMs: 300 });
    await pool.start();
    expect(await pool.detect([job('HANG')])).toEqual({ ok: false, reason: 'timeout' });
    const next = await pool.detect([job('an attack')]);
    expect(next.ok && next.results[0]!.detections.length).toBe(1);
    expect(await counter(registry, 'tracehound_detection_pool_dropped_total', 'timeout')).toBe(1);
    expect(await counter(registry, 'tracehound_detection_pool_restarts_total')).toBe(1);
  });

  it('a worker that crashes fails its batch, is replaced, and the next batch is answered', async () => {
    const { pool, registry } = makePool(1);
    await pool.start();
    expect(await pool.detect([job('CRASH')])).toEqual({ ok: false, reason: 'crashed' });
    const next = await pool.detect([job('an attack')]);
    expect(next.ok && next.results[0]!.detections.length).toBe(1);
    expect(await counter(registry, 'tracehound_detection_pool_dropped_total', 'crashed')).toBe(1);
  });

  it('a worker that reaches its heap limit fails its batch as crashed, is replaced, and the next batch is answered', async () => {
    const { pool, registry } = makePool(1, { resourceLimits: { maxOldGenerationSizeMb: 96 } });
    await pool.start();
    expect(await pool.detect([job('HOARD')])).toEqual({ ok: false, reason: 'crashed' });
    const next = await pool.detect([job('an attack')]);
    expect(next.ok && next.results[0]!.detections.length).toBe(1);
    expect(await counter(registry, 'tracehound_detection_pool_dropped_total', 'crashed')).toBe(1);
    expect(await counter(registry, 'tracehound_detection_pool_restarts_total')).toBe(1);
  });

  it('the queue per worker is bounded: beyond it a batch is refused whole and counted', async () => {
    const { pool, registry } = makePool(1, { maxQueuePerWorker: 1, timeoutMs: 500 });
    await pool.start();
    const hung = pool.detect([job('HANG')]); // running
    const queued = pool.detect([job('an attack')]); // the one queued place
    expect(await pool.detect([job('an attack')])).toEqual({ ok: false, reason: 'queue_full' });
    expect(await hung).toEqual({ ok: false, reason: 'timeout' });
    // The queued part waited for the replacement worker and was answered.
    const q = await queued;
    expect(q.ok && q.results[0]!.detections.length).toBe(1);
    expect(await counter(registry, 'tracehound_detection_pool_dropped_total', 'queue_full')).toBe(1);
  });

  it('forceFlush waits for running work; shutdown refuses what is queued and later batches', async () => {
    const { pool } = makePool(1);
    await pool.start();
    const running = pool.detect([job('an attack')]);
    await pool.forceFlush();
    const r = await running;
    expect(r.ok).toBe(true);
    await pool.shutdown();
    expect(await pool.detect([job('an attack')])).toEqual({ ok: false, reason: 'shutdown' });
  });

  it('reports each worker’s memory between batches, and none for a pool shut down', async () => {
    const { pool } = makePool(2);
    await pool.start();
    const [out, reports] = await Promise.all([pool.detect([job('hello'), job('an attack', 's2')]), pool.memory()]);
    expect(out.ok).toBe(true);
    expect(reports).toHaveLength(2);
    for (const m of reports) {
      expect(m).toBeDefined();
      expect(m!.heapUsed).toBeGreaterThan(0);
      expect(m!.heapTotal).toBeGreaterThanOrEqual(m!.heapUsed);
      expect(m!.spaces.old_space!.size).toBeGreaterThan(0);
      expect(m!.gc.count).toBeGreaterThanOrEqual(0);
    }
    await pool.shutdown();
    expect(await pool.memory()).toEqual([undefined, undefined]);
  });

  it('a worker that crashes while asked for its memory answers undefined, the others answer', async () => {
    const { pool } = makePool(1);
    await pool.start();
    const crash = pool.detect([job('CRASH')]);
    const reports = await pool.memory();
    expect(await crash).toEqual({ ok: false, reason: 'crashed' });
    expect(reports).toEqual([undefined]);
  });

  it('runs the worker module given as workerUrl, without the parent’s loader flags', async () => {
    pool = new DetectionPool({
      init: { detection: detectionDefaults },
      workers: 1,
      maxQueuePerWorker: 8,
      timeoutMs: 10_000,
      workerUrl: new URL('./fixtures/plain-worker.mjs', import.meta.url),
    });
    const out = await pool.detect([job('hello there')]);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.results[0]!.detections).toEqual([{ ruleId: 'TEST-PLAIN', confidence: 1, detector: 'plain', flags: 0 }]);
  });
});
