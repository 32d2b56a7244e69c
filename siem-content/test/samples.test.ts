import { afterAll, describe, expect, it } from 'vitest';
import type { EmittedLog } from '@tracehound/core';
import { loadCatalog } from '../src/catalog.js';
import { evaluate } from '../src/interpret.js';
import { sampleEngine, type SampleEngine } from './samples/engine.js';
import { ATTACKS, LOW_SEVERITY_PII, NEAR_MISSES, SHADOW_RESPONSE, benignTraffic } from './samples/scenarios.js';
import { T0_MS } from './samples/spans.js';

const rules = loadCatalog();
const engines: SampleEngine[] = [];
/** A fresh engine per scenario: behavioral state must not leak between samples. */
function freshRun(spans: Parameters<SampleEngine['run']>[0]): EmittedLog[] {
  const e = sampleEngine();
  engines.push(e);
  return e.run(spans);
}
afterAll(async () => {
  for (const e of engines) await e.engine.shutdown();
});

describe('positive samples: every rule fires on findings of attack traffic', () => {
  for (const r of rules) {
    it(`${r.slug} (the real processor engine)`, () => {
      const scenario = ATTACKS[r.slug];
      expect(scenario, `no attack scenario for ${r.slug}`).toBeDefined();
      const logs = freshRun(scenario(T0_MS));
      if (r.categories.length > 0) {
        const categories: readonly string[] = r.categories;
        expect(
          logs.some((l) => categories.includes(String(l.attributes['rule.category']))),
          `${r.slug}: the engine emitted none of ${r.categories.join(', ')}`,
        ).toBe(true);
      }
      const alerts = evaluate(r, logs);
      expect(
        alerts.length,
        `${r.slug} did not fire; findings: ${logs.map((l) => l.attributes['rule.id']).join(', ')}`,
      ).toBeGreaterThan(0);
    });
  }
});

describe('benign baseline', () => {
  it('no rule fires on ordinary traffic analysed by the real engine', () => {
    const logs = freshRun(benignTraffic());
    for (const r of rules) expect(evaluate(r, logs), `${r.slug} fired on benign traffic`).toEqual([]);
  });

  for (const [slug, scenario] of Object.entries(NEAR_MISSES)) {
    it(`${slug} stays quiet just under its threshold or outside its window`, () => {
      const r = rules.find((x) => x.slug === slug)!;
      expect(evaluate(r, freshRun(scenario(T0_MS)))).toEqual([]);
    });
  }

  it('shadow-mode response actions do not alert', () => {
    const action = rules.find((x) => x.slug === 'th_response_action_enforced')!;
    const e = sampleEngine({ responseMode: 'shadow' });
    engines.push(e);
    const logs = e.run(SHADOW_RESPONSE(T0_MS));
    expect(
      logs
        .filter((l) => l.attributes['rule.category'] === 'response_action')
        .map((l) => l.attributes['tracehound.action.mode']),
    ).toEqual(['shadow']);
    expect(evaluate(action, logs)).toEqual([]);
  });

  it('low-severity personal data does not alert', () => {
    const pii = rules.find((x) => x.slug === 'th_pii_leak')!;
    const logs = freshRun(LOW_SEVERITY_PII(T0_MS));
    expect(logs.map((l) => `${l.attributes['rule.category']}/${l.attributes['tracehound.severity']}`)).toContain(
      'pii_leak/low',
    );
    expect(evaluate(pii, logs)).toEqual([]);
  });
});
