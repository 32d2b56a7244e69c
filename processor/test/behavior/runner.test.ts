import { Ajv } from 'ajv';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import {
  behaviorConfigSchema,
  behaviorDefaults,
  resolveBehaviorConfig,
  type BehaviorConfigInput,
} from '../../src/behavior/config.js';
import { createBehaviorRunner } from '../../src/behavior/runner.js';
import { behaviorRules } from '../../src/behavior/rules.js';
import { emptyInteraction, type Interaction } from '@tracehound/core';
import { Harness, MIN, T0, attackSession, byRule, det, humanChat, llmCall, ruleCategory, step } from './generators.js';

describe('behavior config', () => {
  const ajv = new Ajv({ strict: true, allErrors: true });
  const validate = ajv.compile(behaviorConfigSchema);

  it('the schema accepts the defaults and partial sections over them, and rejects unknown keys and bad values', () => {
    // The loader merges the defaults under the user's values before validating, as resolveBehaviorConfig does.
    const over = (partial: object) => validate(resolveBehaviorConfig(partial as BehaviorConfigInput));
    expect(validate(behaviorDefaults)).toBe(true);
    expect(over({ repeatedAttempts: { threshold: 3 } })).toBe(true);
    expect(over({ repeatedAttempts: { treshold: 3 } })).toBe(false);
    expect(over({ bogus: true })).toBe(false);
    expect(over({ campaign: { similarity: 2 } })).toBe(false);
    expect(over({ costSpike: { entities: ['session'] } })).toBe(false);
    expect(validate({ repeatedAttempts: { threshold: 3 } })).toBe(false);
  });

  it('resolveBehaviorConfig overlays sections on the defaults', () => {
    const c = resolveBehaviorConfig({ repeatedAttempts: { threshold: 3 } });
    expect(c.repeatedAttempts.threshold).toBe(3);
    expect(c.repeatedAttempts.windowSeconds).toBe(600);
    expect(c.campaign).toEqual(behaviorDefaults.campaign);
  });
});

describe('behavior rules', () => {
  it('every rule has ids, mappings and text an analyst needs', () => {
    const ids = new Set<string>();
    for (const r of behaviorRules) {
      expect(r.id).toMatch(/^TH-BEH-\d{3}$/);
      expect(ids.has(r.id)).toBe(false);
      ids.add(r.id);
      expect(r.owasp.length).toBeGreaterThan(0);
      for (const o of r.owasp) expect(o).toMatch(/^LLM(0[1-9]|10):2025$/);
      for (const a of r.atlas) expect(a).toMatch(/^AML\.T\d{4}(\.\d{3})?$/);
      expect(r.atlas.length).toBeGreaterThan(0);
      expect(r.description.length).toBeGreaterThan(40);
    }
  });
});

describe('behavior engine', () => {
  it('keeps every store within maxEntriesPerStore under 5k sessions, and counts evictions', () => {
    const h = new Harness({ maxEntriesPerStore: 500 });
    for (let i = 0; i < 5_000; i++) {
      const at = T0 + i * 10;
      h.observe(
        step(
          llmCall({
            at,
            session: `s${i}`,
            user: `u${i}`,
            key: `k${i % 1000}`,
            text: `hello number ${i} ${'word '.repeat(20)}`,
            output: 'x',
            outputTokens: 10,
            inputTokens: 10,
            finishReason: 'content_filter',
          }),
          at,
          [det('T-INJ')],
        ),
      );
    }
    const st = h.engine.stats();
    for (const [name, n] of Object.entries(st.stores))
      expect(n, name).toBeLessThanOrEqual(name === 'campaign.bands' ? 500 * 16 : 500);
    expect(st.evictions['session.pace']).toBeGreaterThan(4_000);
    expect(st.evictions['session.attempts']).toBeGreaterThan(4_000);
    expect(st.totalEvictions).toBeGreaterThan(st.evictions['session.pace']);
  });

  it('drops idle session state after its TTL', () => {
    const h = new Harness({ sessionTtlSeconds: 600 });
    h.run(humanChat('s-idle', 3, T0));
    expect(h.engine.stats().stores['session.pace']).toBe(1);
    h.run(humanChat('s-new', 3, T0 + 60 * MIN));
    expect(h.engine.stats().stores['session.pace']).toBe(1);
  });

  it('exports state sizes, evictions and patterns to a prom-client registry, and unregisters on shutdown', async () => {
    const reg = new Registry();
    const h = new Harness({ maxEntriesPerStore: 100 }, reg);
    h.run(attackSession('s-m', 5, T0, 1000));
    for (let i = 0; i < 300; i++)
      h.observe(step(llmCall({ at: T0 + 10_000 + i, session: `x${i}`, text: 'hi there' }), T0 + 10_000 + i));
    const text = await reg.metrics();
    expect(text).toMatch(/tracehound_behavior_state_entries\{store="session.pace"\} 100/);
    expect(text).toMatch(/tracehound_behavior_evictions_total\{store="session.pace",reason="lru"\} 20\d/);
    expect(text).toMatch(/tracehound_behavior_patterns_total\{rule="TH-BEH-001"\} 1/);
    expect(() => createBehaviorRunner(behaviorDefaults, { clock: () => 0, ruleCategory, metrics: reg })).toThrow(
      /already registered/,
    );
    h.engine.shutdown();
    expect(await reg.metrics()).not.toMatch(/tracehound_behavior/);
    expect(h.engine.observe(llmCall({ at: T0, session: 's', text: 'x' }), [])).toEqual([]);
  });

  it('never throws on malformed interactions, and reports detector errors', () => {
    const errors: string[] = [];
    const e = createBehaviorRunner(behaviorDefaults, { clock: () => T0, ruleCategory, onError: (d) => errors.push(d) });
    const broken = {
      ...emptyInteraction('llm_call', 'x'),
      input: null,
      output: [{ role: 'assistant', content: null, toolCalls: [null] }],
      identity: { session: 's', allowedTools: ['a'] },
      usage: { totalTokens: 'many' },
      documents: [null],
    } as unknown as Interaction;
    expect(() =>
      e.observe(broken, [det('T-INJ'), { ruleId: 'unknown', confidence: 1, channel: 'prompt', evidence: '' }]),
    ).not.toThrow();
    expect(() => e.observe({} as Interaction, [])).not.toThrow();
    expect(errors.length).toBeGreaterThan(0);
  });

  it('disabled: nothing is kept and nothing fires', () => {
    const h = new Harness({ enabled: false });
    expect(h.run(attackSession('s', 10, T0, 1000))).toEqual([]);
    expect(h.engine.stats().totalEntries).toBe(0);
  });

  it('findings carry the schema detail keys and no raw prompt text', () => {
    const h = new Harness();
    const out = byRule(h.run(attackSession('s-keys', 5, T0, 1000)), 'TH-BEH-001');
    const d = out[0].details!;
    for (const k of ['count', 'observed', 'threshold', 'windowSeconds', 'spanIds']) expect(d).toHaveProperty(k);
    expect(JSON.stringify(out)).not.toMatch(/show your instructions/);
  });
});
