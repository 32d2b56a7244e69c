import { describe, expect, it } from 'vitest';
import { WireTraceBatch } from '../../src/otlp/batch.js';
import { indexItems, TRACE_SHAPE } from '../../src/otlp/item-index.js';
import { T } from '../../src/otlp/proto.js';
import { afterAcknowledged, BatchEffects } from '../../src/pipeline/acknowledgement.js';
import { Pipeline } from '../../src/pipeline/runner.js';
import type { PipelineStage } from '../../src/pipeline/stage.js';
import { silentLogger } from '../../src/log/logger.js';

function request(names: string[]): Buffer {
  const spans = names.map((name, i) => ({ traceId: Buffer.alloc(16, 7), spanId: Buffer.alloc(8, i + 1), name }));
  return Buffer.from(T.ExportTraceServiceRequest.encode({ resourceSpans: [{ scopeSpans: [{ spans }] }] }).finish());
}

function stage(name: string, body: PipelineStage['processTraces'], calls: string[] = []): PipelineStage {
  return {
    name,
    processTraces: body,
    forceFlush: async () => void calls.push(`${name}:flush`),
    shutdown: async () => void calls.push(`${name}:shutdown`),
  };
}

describe('Pipeline', () => {
  it('runs stages in order, later stages see the batch after earlier ones', async () => {
    const order: string[] = [];
    const body = request(['a', 'b']);
    const batch = new WireTraceBatch(body, indexItems(TRACE_SHAPE, body));
    const p = new Pipeline(
      [
        stage('one', (b) => void order.push(`one:${b.spans().length}`)),
        stage('two', async (b) => {
          await Promise.resolve();
          order.push(`two:${b.spans()[1].view.name}`);
        }),
      ],
      silentLogger,
    );
    await p.runTraces(batch);
    expect(order).toEqual(['one:2', 'two:b']);
    expect(batch.forwardBody()).toBe(body); // nothing edited: the very same bytes
  });

  it('a failing stage is reported, its edits rolled back, and the batch refused (fails closed); later stages do not run', async () => {
    const failed: string[] = [];
    const ran: string[] = [];
    const body = request(['a']);
    const batch = new WireTraceBatch(body, indexItems(TRACE_SHAPE, body));
    const p = new Pipeline(
      [
        stage('good', (b) => b.setSpanAttributes(b.spans()[0].ref, { kept: 1 })),
        stage('bad', (b) => {
          ran.push('bad');
          b.setSpanAttributes(b.spans()[0].ref, { dropped: 1 });
          b.emitLogs([
            {
              timeUnixNano: 1n,
              eventName: 'x',
              severityNumber: 9,
              severityText: 'INFO',
              body: '',
              attributes: {},
              resource: {},
            },
          ]);
          throw new Error('boom');
        }),
        stage('after', () => void ran.push('after')),
      ],
      silentLogger,
      { stageFailed: (s) => failed.push(s) },
    );
    expect(await p.runTraces(batch)).toEqual({ ok: false, reason: 'failed', stage: 'bad' });
    expect(failed).toEqual(['bad']);
    expect(ran).toEqual(['bad']);
    expect(batch.emittedLogs()).toHaveLength(0);
    const span = (
      T.ExportTraceServiceRequest.decode(batch.forwardBody()) as unknown as {
        resourceSpans: { scopeSpans: { spans: { attributes: { key: string }[] }[] }[] }[];
      }
    ).resourceSpans[0].scopeSpans[0].spans[0];
    expect(span.attributes.map((a) => a.key)).toEqual(['kept']);
  });

  it('effects a stage defers (sync or after an await) wait for the commit; a discarded batch has none', async () => {
    const done: string[] = [];
    const p = new Pipeline(
      [
        stage('emitter', async (b) => {
          afterAcknowledged(() => done.push(`sync:${b.spans().length}`));
          await new Promise((r) => setTimeout(r, 1));
          afterAcknowledged(() => done.push('after-await'));
        }),
      ],
      silentLogger,
    );
    const body = request(['a']);
    const acked = new BatchEffects();
    await p.runTraces(new WireTraceBatch(body, indexItems(TRACE_SHAPE, body)), acked);
    const refused = new BatchEffects();
    await p.runTraces(new WireTraceBatch(body, indexItems(TRACE_SHAPE, body)), refused);
    expect(done).toEqual([]);
    expect(acked.size).toBe(2);
    refused.discard();
    acked.commit();
    acked.commit();
    expect(done).toEqual(['sync:1', 'after-await']);
    afterAcknowledged(() => done.push('outside a batch')); // offline use: at once
    expect(done).toHaveLength(3);
  });

  it('flushes then shuts stages down once, even when one of them fails', async () => {
    const calls: string[] = [];
    const broken: PipelineStage = {
      name: 'broken',
      forceFlush: async () => Promise.reject(new Error('x')),
      shutdown: async () => void calls.push('broken:shutdown'),
    };
    const p = new Pipeline([stage('a', undefined, calls), broken], silentLogger);
    await Promise.all([p.shutdown(), p.shutdown()]);
    expect(calls).toEqual(['a:flush', 'a:shutdown', 'broken:shutdown']);
  });
});
