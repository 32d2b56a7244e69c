import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { ActiveEntities } from '../../src/engine/active-entities.js';
import { EngineMetrics } from '../../src/engine/engine-metrics.js';
import type { Analysis } from '../../src/score/analyzer.js';
import { emptyInteraction } from '@tracehound/core';

describe('ActiveEntities', () => {
  it('counts distinct ids seen within the window and forgets idle ones', () => {
    let now = 0;
    const a = new ActiveEntities(1000, 100, () => now);
    a.touch('s1');
    a.touch('s2');
    a.touch('s1');
    a.touch(undefined);
    expect(a.count()).toBe(2);
    now = 800;
    a.touch('s2');
    now = 1500; // s1 idle 1500 ms, s2 700 ms
    expect(a.count()).toBe(1);
    now = 5000;
    expect(a.count()).toBe(0);
  });

  it('never tracks more than maxEntries ids (the count saturates at the cap)', () => {
    const a = new ActiveEntities(60_000, 3, () => 0);
    for (let i = 0; i < 50; i++) a.touch(`s${i}`);
    expect(a.count()).toBe(3);
  });
});

describe('EngineMetrics: active entities and output length', () => {
  it('exports counts per entity type, never the ids themselves', async () => {
    const registry = new Registry();
    const m = new EngineMetrics(registry, () => 0);
    const analysis: Analysis = {
      findings: [],
      risk: { score: 0, severity: 'none', rules: [], categories: [] } as unknown as Analysis['risk'],
      suppressed: 0,
    };
    for (const [user, session] of [
      ['u1', 'secret-session-a'],
      ['u1', 'secret-session-b'],
      ['u2', 'secret-session-a'],
    ]) {
      const ix = {
        ...emptyInteraction('llm_call', 'otel_genai'),
        identity: { user, session, apiKeyFingerprint: 'fp:1' },
        usage: { outputTokens: 300 },
      };
      m.record(ix, analysis);
    }
    const text = await registry.metrics();
    expect(text).toContain('tracehound_active_entities{entity="session"} 2');
    expect(text).toContain('tracehound_active_entities{entity="user"} 2');
    expect(text).toContain('tracehound_active_entities{entity="api_key"} 1');
    expect(text).toContain('tracehound_llm_output_tokens_bucket{le="512",model="unknown"} 3');
    expect(text).not.toContain('secret-session');
  });
});
