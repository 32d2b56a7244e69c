import type { EmittedLog } from '@tracehound/core';
import { describe, expect, it } from 'vitest';
import { capturingLogger } from '../integration/guarded.js';
import type { ForwardResult } from '../../src/otlp/forwarder.js';
import { T } from '../../src/otlp/proto.js';
import { createRegistry } from '../../src/metrics/registry.js';
import { createTransportMetrics } from '../../src/metrics/transport.js';
import { FindingLogQueue } from '../../src/service/finding-log-queue.js';

const log = (i: number): EmittedLog => ({
  timeUnixNano: 1n,
  eventName: 'tracehound.finding',
  severityNumber: 13,
  severityText: 'WARN',
  body: `finding ${i}`,
  attributes: { n: i },
  resource: {},
});

const records = (body: Buffer): number =>
  (
    T.ExportLogsServiceRequest.decode(body) as unknown as {
      resourceLogs: Array<{ scopeLogs: Array<{ logRecords: unknown[] }> }>;
    }
  ).resourceLogs.reduce((n, rl) => n + rl.scopeLogs.reduce((m, sl) => m + sl.logRecords.length, 0), 0);

function setup(
  answers: (attempt: number) => ForwardResult,
  opts: Partial<{ maxRecords: number; maxRetryMs: number }> = {},
) {
  const registry = createRegistry();
  const metrics = createTransportMetrics(registry).findingsQueue;
  const lines: string[] = [];
  let clock = 0;
  let attempt = 0;
  const delivered: number[] = [];
  const queue = new FindingLogQueue({
    send: async (body) => {
      const r = answers(++attempt);
      if (r.ok) delivered.push(records(body));
      clock += 10;
      return r;
    },
    maxRecords: opts.maxRecords ?? 1000,
    maxRetryMs: opts.maxRetryMs ?? 60_000,
    batchRecords: 3,
    baseDelayMs: 1,
    maxDelayMs: 2,
    metrics,
    logger: capturingLogger(lines),
    now: () => clock,
  });
  const value = async (name: string, reason?: string) =>
    ((await registry.getSingleMetric(name)!.get()).values.find((v) => !reason || v.labels.reason === reason)?.value ??
      0) as number;
  return { queue, delivered, lines, value, attempts: () => attempt };
}

const unavailable: ForwardResult = { ok: false, retryable: true, reason: 'status', status: 503, message: '503' };

describe('FindingLogQueue', () => {
  it('delivers in batches, retrying a retryable failure until it passes; nothing lost, nothing twice', async () => {
    const q = setup((n) => (n <= 4 ? unavailable : { ok: true }));
    q.queue.enqueue([log(1), log(2), log(3), log(4), log(5)]);
    q.queue.enqueue([log(6), log(7)]);
    expect(await q.queue.flush(5000)).toBe(true);
    expect(q.delivered).toEqual([3, 3, 1]);
    expect(q.attempts()).toBe(7);
    expect(await q.value('tracehound_findings_forwarded_total')).toBe(7);
    expect(await q.value('tracehound_findings_forward_queue_records')).toBe(0);
    expect(q.lines.some((l) => l.includes('TH_NEXT_HOP_UNAVAILABLE') && l.includes('"signal":"logs"'))).toBe(true);
  });

  it('drops a batch the hop refuses for good (4xx), counted, and goes on with the rest', async () => {
    const q = setup((n) =>
      n === 1 ? { ok: false, retryable: false, reason: 'status', status: 404, message: '404' } : { ok: true },
    );
    q.queue.enqueue([log(1), log(2), log(3), log(4)]);
    await q.queue.flush(5000);
    expect(q.delivered).toEqual([1]);
    expect(await q.value('tracehound_findings_forward_dropped_total', 'rejected')).toBe(3);
    expect(q.lines.some((l) => l.includes('TH_FINDINGS_DROPPED') && l.includes('"status":404'))).toBe(true);
  });

  it('is bounded: records beyond maxRecords are dropped as queue_full; records past maxRetryMs expire', async () => {
    const q = setup(() => unavailable, { maxRecords: 4, maxRetryMs: 100 });
    q.queue.enqueue([log(1), log(2), log(3), log(4), log(5), log(6)]);
    expect(q.queue.length).toBe(4);
    expect(await q.value('tracehound_findings_forward_dropped_total', 'queue_full')).toBe(2);
    // every failed send advances the injected clock by 10 ms: after 100 ms the four records expire
    expect(await q.queue.flush(5000)).toBe(true);
    expect(await q.value('tracehound_findings_forward_dropped_total', 'expired')).toBe(4);
    expect(q.delivered).toEqual([]);
  });

  it('shutdown delivers what it can within the deadline and counts the rest', async () => {
    const q = setup(() => unavailable);
    q.queue.enqueue([log(1), log(2)]);
    await q.queue.shutdown(20);
    expect(await q.value('tracehound_findings_forward_dropped_total', 'shutdown')).toBe(2);
    q.queue.enqueue([log(3)]); // after shutdown: dropped at once
    expect(await q.value('tracehound_findings_forward_dropped_total', 'shutdown')).toBe(3);
  });
});
