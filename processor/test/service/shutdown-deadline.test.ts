/**
 * At the shutdown deadline every export in flight gets an answer (issue 22, item 10): 200 when the next hop accepted
 * its data, 503 TH_SHUTTING_DOWN otherwise — never a reset after the data was forwarded — and the shutdown is
 * reported unclean (serve exits 1).
 */
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { TraceBatch } from '@tracehound/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineStage } from '../../src/pipeline/stage.js';
import {
  createNextHop,
  grpcExport,
  makeSpans,
  metricValue,
  startService,
  testConfig,
  until,
  type NextHop,
} from './helpers.js';

const post = (url: string, body: Uint8Array) =>
  fetch(`${url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body }).then(
    async (r) => ({ status: r.status, code: r.headers.get('x-tracehound-error'), body: await r.arrayBuffer() }),
    (err: Error) => ({ status: 0, code: `reset: ${err.message}`, body: undefined }),
  );

describe('shutdown deadline', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  async function hop(): Promise<{ hop: NextHop; release: () => void }> {
    const h = createNextHop();
    await h.listen();
    cleanup.push(() => h.close());
    let release!: () => void;
    h.gate = new Promise((r) => (release = r));
    return { hop: h, release };
  }

  it('an export whose next hop answers just after the deadline still gets its 200 (no reset, no duplicate)', async () => {
    const { hop: h, release } = await hop();
    const svc = await startService(testConfig({ endpoint: h.url }, { shutdownTimeoutMs: 200 }));
    const body = ProtobufTraceSerializer.serializeRequest(await makeSpans(2))!;
    const inflight = post(svc.httpUrl, body);
    await until(() => h.received >= 1, 'the export at the hop');
    const stopping = svc.service.shutdown();
    await new Promise((r) => setTimeout(r, 400)); // past the deadline, within the grace for forwards on their way
    release();
    expect(await inflight).toMatchObject({ status: 200 });
    expect(await stopping).toEqual({ clean: false });
    expect(h.requests).toHaveLength(1);
  });

  it('an export whose next hop never answers is answered 503 TH_SHUTTING_DOWN (HTTP) / UNAVAILABLE (gRPC)', async () => {
    const { hop: h } = await hop(); // never released
    const svc = await startService(testConfig({ endpoint: h.url, timeoutMs: 60_000 }, { shutdownTimeoutMs: 100 }));
    const body = ProtobufTraceSerializer.serializeRequest(await makeSpans(2))!;
    const httpInflight = post(svc.httpUrl, body);
    const grpcInflight = grpcExport(svc.grpcUrl.replace('http://', ''), 'traces', Buffer.from(body));
    await until(() => h.received >= 2, 'both exports at the hop');
    expect(await svc.service.shutdown()).toEqual({ clean: false });
    expect(await httpInflight).toMatchObject({ status: 503, code: 'TH_SHUTTING_DOWN' });
    const g = await grpcInflight;
    expect(g.code).toBe(14); // UNAVAILABLE: retried by the Collector
    expect(g.details).toContain('TH_SHUTTING_DOWN');
    expect(await metricValue(svc.service, 'tracehound_receiver_refused_spans_total', { reason: 'shutdown' })).toBe(4);
  });

  it('a batch still in the stages at the deadline is not forwarded afterwards: 503, nothing at the hop', async () => {
    const h = createNextHop();
    await h.listen();
    cleanup.push(() => h.close());
    let entered = 0;
    let finish!: () => void;
    const slow: PipelineStage = {
      name: 'slow',
      processTraces: (_b: TraceBatch) => {
        entered++;
        return new Promise<void>((r) => (finish = r));
      },
      forceFlush: async () => {},
      shutdown: async () => {},
    };
    const svc = await startService(testConfig({ endpoint: h.url }, { shutdownTimeoutMs: 100, stageTimeoutMs: 0 }), [
      slow,
    ]);
    const inflight = post(svc.httpUrl, ProtobufTraceSerializer.serializeRequest(await makeSpans(1))!);
    await until(() => entered === 1, 'the batch in the stage');
    const stopping = svc.service.shutdown();
    await new Promise((r) => setTimeout(r, 200));
    finish(); // the stage completes after the deadline
    expect(await inflight).toMatchObject({ status: 503, code: 'TH_SHUTTING_DOWN' });
    expect(await stopping).toEqual({ clean: false });
    expect(h.received).toBe(0);
  });

  it('nothing in flight: a clean shutdown', async () => {
    const h = createNextHop();
    await h.listen();
    cleanup.push(() => h.close());
    const svc = await startService(testConfig({ endpoint: h.url }, { shutdownTimeoutMs: 2000 }));
    expect((await post(svc.httpUrl, ProtobufTraceSerializer.serializeRequest(await makeSpans(1))!)).status).toBe(200);
    expect(await svc.service.shutdown()).toEqual({ clean: true });
  });
});
