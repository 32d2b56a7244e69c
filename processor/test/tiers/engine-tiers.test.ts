import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attributes, EmittedLog, Finding, SpanRef, SpanView, TraceBatch } from '@tracehound/core';
import { startFakeProvider, type FakeProvider } from '../../../examples/fake-provider/index.js';
import { loadConfig } from '../../src/config/index.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { findingAttributes } from '../../src/enrich/finding-log.js';
import { BatchEffects, withBatchEffects } from '../../src/pipeline/acknowledgement.js';
import { tiersDefaults } from '../../src/tiers/config.js';
import { writeTinyClassifier } from '../fixtures/tiers/tiny-classifier.js';

class Batch implements TraceBatch {
  readonly signal = 'traces' as const;
  edits = new Map<number, Attributes>();
  logs: EmittedLog[] = [];
  constructor(private readonly views: SpanView[]) {}
  spans() {
    return this.views.map((view, span) => ({ ref: { resource: 0, scope: 0, span }, view }));
  }
  setSpanAttributes(ref: SpanRef, a: Attributes) {
    this.edits.set(ref.span, { ...this.edits.get(ref.span), ...a });
  }
  setSpanEventAttributes() {}
  emitLogs(l: EmittedLog[]) {
    this.logs.push(...l);
  }
}

function chatSpan(user: string): SpanView {
  return {
    traceId: 'e'.repeat(32),
    spanId: 'f'.repeat(16),
    name: 'chat gpt-4o-mini',
    kind: 3,
    startNs: 0n,
    endNs: 1n,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: user }] }]),
    },
    events: [],
    resource: { 'service.name': 'svc' },
    scope: { name: 's' },
  };
}

describe('engine with both tiers: asynchronous findings after acknowledgement, same sinks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'th-tiers-engine-'));
  const written: Finding[] = [];
  let fake: FakeProvider;
  let engine: Engine;

  beforeAll(async () => {
    fake = await startFakeProvider({
      respond: (req) =>
        req.model === 'judge-1'
          ? { text: req.user.includes('jailbreak') ? '{"verdict":"attack","score":0.8}' : '{"verdict":"benign"}' }
          : undefined,
    });
    const base = loadConfig(undefined, {});
    engine = createEngine(
      {
        ...base,
        tiers: {
          ...tiersDefaults,
          select: { minRisk: 0, maxRisk: 100, sampleRate: 0 },
          classifier: {
            ...tiersDefaults.classifier,
            enabled: true,
            models: [{ name: 'tiny', directory: writeTinyClassifier(join(dir, 'm')), labels: { INJECTION: 0.6 } }],
          },
          judge: { ...tiersDefaults.judge, enabled: true, baseUrl: fake.openaiBaseURL, model: 'judge-1' },
        },
      },
      {
        outputSinks: false,
        behavior: false,
        sinks: [
          { name: 'test', write: (f) => written.push(...f), forceFlush: async () => {}, shutdown: async () => {} },
        ],
      },
    );
    await engine.ready();
  }, 60_000);

  afterAll(async () => {
    await engine.shutdown();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('submits nothing before the batch is acknowledged, then reports TH-TIER-001 and TH-TIER-002 to the sinks', async () => {
    const [stage] = engine.stages();
    const effects = new BatchEffects();
    const batch = new Batch([chatSpan('jailbreak now')]);
    const before = fake.requests.length;
    await withBatchEffects(effects, () => stage!.processTraces!(batch));
    // The span is enriched with the embedded verdict only; the tiers have not been asked yet.
    expect(Object.keys(batch.edits.get(0) ?? {}).some((k) => k.startsWith('tracehound.tier'))).toBe(false);
    await engine.forceFlush();
    expect(fake.requests.length).toBe(before);
    expect(written.filter((f) => f.rule.id.startsWith('TH-TIER'))).toEqual([]);

    effects.commit();
    await engine.forceFlush();
    const tier = written.filter((f) => f.rule.id.startsWith('TH-TIER'));
    expect(tier.map((f) => f.rule.id).sort()).toEqual(['TH-TIER-001', 'TH-TIER-002']);
    const classifier = findingAttributes(tier.find((f) => f.rule.id === 'TH-TIER-001')!);
    expect(classifier).toMatchObject({
      'tracehound.tier': 'classifier',
      'tracehound.tier.model': 'tiny',
      'tracehound.tier.label': 'INJECTION',
      'trace.id': 'e'.repeat(32),
    });
    expect(findingAttributes(tier.find((f) => f.rule.id === 'TH-TIER-002')!)['tracehound.tier']).toBe('judge');
  }, 30_000);

  it('a refused batch (discarded effects) is never sent to the tiers', async () => {
    const [stage] = engine.stages();
    const effects = new BatchEffects();
    const n = written.length;
    const before = fake.requests.length;
    await withBatchEffects(effects, () => stage!.processTraces!(new Batch([chatSpan('jailbreak again please')])));
    effects.discard();
    await engine.forceFlush();
    expect(fake.requests.length).toBe(before);
    expect(written.length).toBe(n);
  });
});
