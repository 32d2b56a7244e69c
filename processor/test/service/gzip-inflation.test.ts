/**
 * Decompressed bytes count against server.maxInFlightBytes as they inflate (issue 22, item 2): many small gzip requests
 * that each inflate to tens of MiB get 429 + Retry-After once the budget is used up, instead of all inflating at once.
 * Pass/fail is on the bytes the budget charged (its high-water mark) and on the Buffer memory the process held
 * (process.memoryUsage().arrayBuffers, sampled; RSS is left to `npm run soak`).
 */
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T } from '../../src/otlp/proto.js';
import { createNextHop, metricValue, startService, testConfig, type NextHop, type Running } from './helpers.js';

const MiB = 1024 * 1024;
const MAX_BODY = 40 * MiB;
const MAX_IN_FLIGHT = 48 * MiB;
const CONCURRENT = 16;

type Packing = 'gzip' | 'gzip, two members' | 'deflate';

/** A valid trace request of about `inflated` bytes (one huge attribute) that compresses to a few tens of KB. */
function bomb(inflated: number, packing: Packing): Buffer {
  const body = T.ExportTraceServiceRequest.encode({
    resourceSpans: [
      {
        scopeSpans: [
          {
            spans: [
              {
                traceId: Buffer.alloc(16, 1),
                spanId: Buffer.alloc(8, 1),
                name: 'upload',
                attributes: [{ key: 'blob', value: { stringValue: 'a'.repeat(inflated) } }],
              },
            ],
          },
        ],
      },
    ],
  }).finish();
  if (packing === 'deflate') return zlib.deflateSync(body, { level: 9 });
  if (packing === 'gzip') return zlib.gzipSync(body, { level: 9 });
  // Two gzip members (legal; gunzip concatenates them): the trailer declares only the last member's size.
  const cut = body.length - 10;
  return Buffer.concat([zlib.gzipSync(body.subarray(0, cut), { level: 9 }), zlib.gzipSync(body.subarray(cut))]);
}

describe('concurrent gzip inflation is charged to the in-flight budget', () => {
  let hop: NextHop;
  let svc: Running;
  beforeEach(async () => {
    hop = createNextHop();
    await hop.listen();
    svc = await startService(
      testConfig({ endpoint: hop.url }, { maxBodyBytes: MAX_BODY, maxInFlightBytes: MAX_IN_FLIGHT }),
    );
  });
  afterEach(async () => {
    await svc?.stop();
    await hop?.close();
  });

  it.each(['gzip', 'gzip, two members', 'deflate'] as const)(
    '%s: ' + `${CONCURRENT} requests of ~40 KB inflating to 36 MiB each → 429 + Retry-After, bounded bytes held`,
    async (packing) => {
      const one = bomb(36 * MiB, packing);
      const bodies = Array.from({ length: CONCURRENT }, () => one);
      expect(bodies[0].length).toBeLessThan(100_000);
      let release!: () => void;
      hop.gate = new Promise((r) => (release = r)); // accepted requests stay in flight until every answer is in

      const baseline = process.memoryUsage().arrayBuffers;
      let peakBuffers = 0;
      let peakCharged = 0;
      const sample = async (): Promise<void> => {
        peakBuffers = Math.max(peakBuffers, process.memoryUsage().arrayBuffers - baseline);
        peakCharged = Math.max(peakCharged, await metricValue(svc.service, 'tracehound_inflight_bytes'));
      };
      const sampler = setInterval(() => void sample(), 2);
      const answers: Array<{ status: number; retryAfter: string | null; code: string | null }> = [];
      const pending = bodies.map((body) =>
        fetch(`${svc.httpUrl}/v1/traces`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-protobuf',
            'content-encoding': packing.startsWith('gzip') ? 'gzip' : 'deflate',
          },
          body,
        }).then(async (res) => {
          await res.arrayBuffer();
          answers.push({
            status: res.status,
            retryAfter: res.headers.get('retry-after'),
            code: res.headers.get('x-tracehound-error'),
          });
        }),
      );
      // Everything refused has answered while the accepted ones are still held at the hop.
      while (answers.length + hop.received < CONCURRENT) await new Promise((r) => setTimeout(r, 10));
      release();
      await Promise.all(pending);
      clearInterval(sampler);

      const refused = answers.filter((a) => a.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(CONCURRENT - 2);
      expect(refused.every((a) => a.retryAfter === '1' && a.code === 'TH_OVERLOADED')).toBe(true);
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
      expect(answers.every((a) => a.status === 200 || a.status === 429)).toBe(true);

      // The inflated bytes were charged, and never more than the budget — except by a request alone in flight, which
      // may take up to twice its size while inflated chunks are joined (no size declared: deflate, several members).
      const bound = packing === 'gzip' ? MAX_IN_FLIGHT : 2 * 36 * MiB + 2 * MiB;
      const peak = await metricValue(svc.service, 'tracehound_inflight_bytes_peak');
      expect(peak).toBeGreaterThanOrEqual(36 * MiB);
      expect(peak).toBeLessThanOrEqual(bound);
      expect(peakCharged).toBeLessThanOrEqual(bound);
      // Buffers actually held stay near the budget (plus what the hop and fetch keep), not CONCURRENT × 36 MiB.
      expect(peakBuffers).toBeLessThan(3 * MAX_IN_FLIGHT);
      expect(await metricValue(svc.service, 'tracehound_inflight_bytes')).toBe(0);
    },
  );
});
