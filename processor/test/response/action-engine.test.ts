import { describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import type { Analysis } from '../../src/score/analyzer.js';
import { findingToLog } from '../../src/enrich/finding-log.js';
import { emptyInteraction } from '@tracehound/core';
import { Scorer } from '../../src/score/scorer.js';
import { ActionEngine, targetOf } from '../../src/response/action-engine.js';
import { VerdictStore } from '../../src/response/verdict-store.js';
import { fakeClock, finding, responseConfig } from './helpers.js';

const ix = emptyInteraction('llm_call', 'test');
const analysis = (...findings: ReturnType<typeof finding>[]): Analysis => ({
  findings,
  risk: Scorer.spanRisk(findings),
  suppressed: 0,
});

describe('ActionEngine', () => {
  it('blocks a session once the per-session threshold is crossed, and records the decision as a finding', () => {
    const clock = fakeClock();
    const registry = new Registry();
    const engine = new ActionEngine(
      responseConfig({
        mode: 'enforce',
        actions: {
          rules: {
            'TH-INJ-001': { action: 'block', target: 'session', threshold: 3, windowSeconds: 600, ttlSeconds: 900 },
          },
        },
      }),
      { clock: clock.now, registry },
    );
    expect(engine.onAnalysis(ix, analysis(finding({ session: 's-1' })))).toBeUndefined();
    clock.advance(1000);
    expect(engine.onAnalysis(ix, analysis(finding({ session: 's-1' })))).toBeUndefined();
    expect(engine.store.strongest(['session:s-1'])).toBeUndefined();
    clock.advance(1000);
    const out = engine.onAnalysis(ix, analysis(finding({ session: 's-1' })));
    const [f] = out!.findings!;
    expect(f.rule).toMatchObject({ id: 'TH-RSP-001', category: 'response_action' });
    expect(f.action).toEqual({ type: 'block', mode: 'enforce', target: 'session:s-1', ttlSeconds: 900 });
    expect(f.details).toMatchObject({ triggerRule: 'TH-INJ-001', count: 3 });
    expect(f.evidence).not.toContain('ignore all previous');
    const log = findingToLog(f);
    expect(log.attributes).toMatchObject({
      'tracehound.action.type': 'block',
      'tracehound.action.target': 'session:s-1',
      'tracehound.action.ttl_seconds': 900,
    });

    const v = engine.store.strongest(['session:s-1', 'user:u-1']);
    expect(v).toMatchObject({ decision: 'block', rule: 'TH-INJ-001', expiresAt: clock.now() + 900_000 });
    // Another session is unaffected.
    expect(engine.store.strongest(['session:s-2'])).toBeUndefined();
    // The same offence is not reported again while the block holds...
    clock.advance(1000);
    expect(engine.onAnalysis(ix, analysis(finding({ session: 's-1' })))).toBeUndefined();
    // ...and the block ends with its TTL.
    clock.advance(900_000);
    expect(engine.store.strongest(['session:s-1'])).toBeUndefined();
    return registry
      .getSingleMetricAsString('tracehound_response_actions_total')
      .then((text) =>
        expect(text).toContain('tracehound_response_actions_total{action="block",mode="enforce",rule="TH-INJ-001"} 1'),
      );
  });

  it('forgets attempts older than the window', () => {
    const clock = fakeClock();
    const engine = new ActionEngine(
      responseConfig({
        mode: 'enforce',
        actions: { rules: { 'TH-INJ-001': { action: 'block', target: 'session', threshold: 2, windowSeconds: 60 } } },
      }),
      { clock: clock.now },
    );
    engine.onAnalysis(ix, analysis(finding({ session: 's-1' })));
    clock.advance(61_000);
    expect(engine.onAnalysis(ix, analysis(finding({ session: 's-1' })))).toBeUndefined();
    clock.advance(1000);
    expect(engine.onAnalysis(ix, analysis(finding({ session: 's-1' })))?.findings).toHaveLength(1);
  });

  it('in shadow mode records a would-have finding but the verdict API still allows', () => {
    const clock = fakeClock();
    const engine = new ActionEngine(
      responseConfig({ actions: { rules: { 'TH-INJ-001': { action: 'block', target: 'user' } } } }),
      { clock: clock.now },
    );
    const [f] = engine.onAnalysis(ix, analysis(finding({ user: 'mallory' })))!.findings!;
    expect(f.action).toMatchObject({ type: 'block', mode: 'shadow', target: 'user:mallory' });
    expect(f.evidence).toMatch(/^would block user:mallory/);
    expect(engine.store.strongest(['user:mallory'])).toBeUndefined();
    expect(engine.store.get('user:mallory', 'shadow')).toBeDefined();
  });

  it('falls back to the category, and the rule entry wins over it', () => {
    const engine = new ActionEngine(
      responseConfig({
        mode: 'enforce',
        actions: {
          rules: { 'TH-SEC-001': { action: 'none', target: 'session' } },
          categories: { secret_leak: { action: 'throttle', target: 'api_key', ttlSeconds: 60 } },
        },
      }),
      { clock: fakeClock().now },
    );
    const byCategory = engine.onAnalysis(
      ix,
      analysis(finding({ rule: 'TH-SEC-002', category: 'secret_leak', apiKeyFingerprint: 'k-1' })),
    );
    expect(byCategory!.findings![0]).toMatchObject({
      rule: { id: 'TH-RSP-002' },
      action: { type: 'throttle', target: 'api_key:k-1', ttlSeconds: 60 },
    });
    expect(
      engine.onAnalysis(
        ix,
        analysis(finding({ rule: 'TH-SEC-001', category: 'secret_leak', apiKeyFingerprint: 'k-2' })),
      ),
    ).toBeUndefined();
  });

  it('ignores findings below minSeverity, without the target, and its own response findings', () => {
    const engine = new ActionEngine(
      responseConfig({
        mode: 'enforce',
        actions: { categories: { prompt_injection: { action: 'block', target: 'session', minSeverity: 'high' } } },
      }),
      { clock: fakeClock().now },
    );
    expect(engine.onAnalysis(ix, analysis(finding({ session: 's', severity: 'medium' })))).toBeUndefined();
    expect(engine.onAnalysis(ix, analysis(finding({ severity: 'critical' })))).toBeUndefined();
    expect(
      engine.onAnalysis(ix, analysis(finding({ session: 's', category: 'response_action', rule: 'TH-RSP-001' }))),
    ).toBeUndefined();
  });

  it('alerts without a verdict, and a stronger action replaces a weaker one', () => {
    const engine = new ActionEngine(
      responseConfig({
        mode: 'enforce',
        actions: {
          rules: {
            'TH-A': { action: 'alert', target: 'session' },
            'TH-T': { action: 'throttle', target: 'session' },
            'TH-B': { action: 'block', target: 'session' },
          },
        },
      }),
      { clock: fakeClock().now },
    );
    const alert = engine.onAnalysis(ix, analysis(finding({ rule: 'TH-A', session: 's' })))!.findings![0];
    expect(alert.action).toEqual({ type: 'alert', mode: 'enforce', target: 'session:s' });
    expect(engine.store.strongest(['session:s'])).toBeUndefined();
    engine.onAnalysis(ix, analysis(finding({ rule: 'TH-T', session: 's' })));
    expect(engine.store.strongest(['session:s'])?.decision).toBe('throttle');
    expect(engine.onAnalysis(ix, analysis(finding({ rule: 'TH-B', session: 's' })))!.findings![0].rule.id).toBe(
      'TH-RSP-001',
    );
    expect(engine.store.strongest(['session:s'])?.decision).toBe('block');
  });

  it('uses the entity a behavioral finding names', () => {
    const f = finding({ rule: 'TH-BEH-011', session: 's-ctx', details: { entityType: 'api_key', entityId: 'k-beh' } });
    expect(targetOf('api_key', f)).toBe('api_key:k-beh');
    expect(targetOf('session', f)).toBe('session:s-ctx');
    expect(targetOf('tool', f)).toBeUndefined();
  });

  it('keeps memory bounded: counters and verdicts are LRU-capped', () => {
    const clock = fakeClock();
    const store = new VerdictStore(100, clock.now);
    const engine = new ActionEngine(
      responseConfig({
        mode: 'enforce',
        actions: { maxEntries: 100, rules: { 'TH-INJ-001': { action: 'block', target: 'session' } } },
      }),
      { clock: clock.now, store },
    );
    for (let i = 0; i < 1000; i++) engine.onAnalysis(ix, analysis(finding({ session: `s-${i}` })));
    expect(store.size).toBe(100);
    expect(store.strongest(['session:s-999'])).toBeDefined();
    expect(store.strongest(['session:s-0'])).toBeUndefined();
  });
});
