import { emptyInteraction, type Interaction } from '@tracehound/core';
import { describe, expect, it } from 'vitest';
import { resolveBehaviorConfig } from '../../src/behavior/config.js';
import { BEH } from '../../src/behavior/rules.js';
import {
  Harness,
  MIN,
  T0,
  byRule,
  llmCall,
  rng,
  sentence,
  spanId,
  step,
  type CallOpts,
  type Step,
} from './generators.js';

/** One request of a distillation script: a fresh, distinct prompt each time, no conversation. */
function harvest(key: string, n: number, start: number, gapMs: number, extra: Partial<CallOpts> = {}): Step[] {
  const r = rng(key.length * 31 + n);
  return Array.from({ length: n }, (_, i) => {
    const at = start + i * gapMs;
    return step(
      llmCall({ at, key, text: `Q${i}: explain ${sentence(r, 8)} in detail`, outputTokens: 600, ...extra }),
      at,
    );
  });
}

/** An ordinary multi-turn chat: each request carries the conversation so far. */
function conversation(user: string, key: string, turns: number, start: number): Step[] {
  const r = rng(user.length * 17);
  const history: Interaction['input'] = [];
  const out: Step[] = [];
  for (let i = 0; i < turns; i++) {
    const at = start + i * 45_000;
    const ix = llmCall({ at, user, key, session: `s-${user}`, text: sentence(r, 12) });
    ix.input = [...history, { role: 'user', content: sentence(r, 12) }];
    history.push(ix.input[ix.input.length - 1], { role: 'assistant', content: sentence(r, 30) });
    out.push(step(ix, at));
  }
  return out;
}

function failed(o: CallOpts & { status?: number; type?: string }): Interaction {
  const ix = llmCall(o);
  ix.error = { ...(o.status ? { httpStatus: o.status } : {}), ...(o.type ? { type: o.type } : {}), spanError: true };
  return ix;
}

function listing(at: number, key?: string, service = 'support-bot'): Interaction {
  const ix = emptyInteraction('provider_api', 'provider_api');
  const sid = spanId();
  ix.operation = 'list_models';
  ix.provider = 'openai';
  ix.service = service;
  ix.identity = { apiKeyFingerprint: key };
  ix.timing = { startNs: BigInt(at) * 1_000_000n, endNs: BigInt(at + 50) * 1_000_000n };
  ix.span = { traceId: `t${sid}`, spanId: sid, name: 'GET' };
  return ix;
}

describe('model extraction / distillation (TH-BEH-080)', () => {
  it('fires once for a key harvesting 400 distinct single-turn answers in an hour', () => {
    const h = new Harness();
    const out = byRule(h.run(harvest('k-thief', 400, T0, 8000)), BEH.modelExtraction);
    expect(out).toHaveLength(1);
    expect(out[0].entity).toEqual({ type: 'api_key', id: 'k-thief' });
    expect(out[0].details).toMatchObject({ count: 300, threshold: 300 });
    expect(Number(out[0].details?.distinctRatio)).toBeGreaterThan(0.9);
    expect(out[0].details?.spanIds).toHaveLength(10);
  });

  it('negatives: repeated prompts (a retry loop), multi-turn chats, the same volume spread over a day, a shared app key', () => {
    const h = new Harness();
    const retry = Array.from({ length: 400 }, (_, i) =>
      step(llmCall({ at: T0 + i * 8000, key: 'k-retry', text: `health check ${i % 5}` }), T0 + i * 8000),
    );
    const chats = Array.from({ length: 12 }, (_, u) => conversation(`u-chat${u}`, 'k-app', 30, T0 + u * 1000)).flat();
    const slow = harvest('k-slow', 400, T0, 4 * MIN); // 400 requests over ~27 h: < 300 per hour
    // One application key shared by 40 users who each ask a few fresh questions: judged per user, not as one actor.
    const r = rng(5);
    const shared = Array.from({ length: 400 }, (_, i) =>
      step(llmCall({ at: T0 + i * 8000, key: 'k-shared', user: `u${i % 40}`, text: sentence(r, 10) }), T0 + i * 8000),
    );
    expect(byRule(h.run([...retry, ...chats, ...slow, ...shared]), BEH.modelExtraction)).toEqual([]);
  });

  it('exempt workloads are not judged; a user is judged through its key, on its own without one or behind a shared key', () => {
    const h = new Harness({ modelExtraction: { exemptWorkloads: ['nightly-eval'] } });
    const evalJob = harvest('k-eval', 400, T0, 8000, { workload: 'nightly-eval' });
    const personal = harvest('k-u', 400, T0, 8000, { user: 'u-scraper' });
    const keyless = harvest('', 400, T0, 8000, { key: undefined, user: 'u-nokey' });
    // A key shared by 40 ordinary users and one scraper: the key is judged per user, and the scraper stands out.
    const r = rng(9);
    const sharedUsers = Array.from({ length: 400 }, (_, i) =>
      step(llmCall({ at: T0 + i * 8000, key: 'k-app', user: `u${i % 40}`, text: sentence(r, 10) }), T0 + i * 8000),
    );
    const scraper = harvest('k-app', 400, T0 + 3000, 8000, { user: 'u-hidden' });
    const out = byRule(h.run([...evalJob, ...personal, ...keyless, ...sharedUsers, ...scraper]), BEH.modelExtraction);
    expect(out.map((d) => d.entity).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { type: 'api_key', id: 'k-u' },
      { type: 'user', id: 'u-hidden' },
      { type: 'user', id: 'u-nokey' },
    ]);
  });
});

describe('LLM calls without guardrails (TH-BEH-090, TH-BEH-091)', () => {
  const require = [{ service: 'support-bot', model: 'gpt-4o*' }];

  it('fires once per service and model per window for unguarded calls that must be guarded', () => {
    const h = new Harness({ guardrails: { require } });
    const calls = Array.from({ length: 5 }, (_, i) =>
      step(llmCall({ at: T0 + i * MIN, model: 'gpt-4o-mini', session: `s${i}`, text: 'hi' }), T0 + i * MIN),
    );
    const out = byRule(h.run(calls), BEH.guardrailMissing);
    expect(out).toHaveLength(1);
    expect(out[0].entity).toEqual({ type: 'service', id: 'support-bot/gpt-4o-mini' });
    expect(out[0].details).toMatchObject({ requirement: 0, count: 1 });
  });

  it('negatives: guardrail evidence on the span, an input guard earlier in the trace, calls not required, no requirement', () => {
    const h = new Harness({ guardrails: { require } });
    const onSpan = llmCall({ at: T0, model: 'gpt-4o', text: 'a' });
    onSpan.guardrails = ['azure_content_filter'];
    const guard = emptyInteraction('policy_decision', 'tracehound');
    guard.policy = { source: 'app', decision: 'allow', rule: 'input-moderation' };
    guard.span = { traceId: 'trace-guarded', spanId: spanId(), name: 'guard' };
    const afterGuard = llmCall({ at: T0 + 1000, model: 'gpt-4o', text: 'b', traceId: 'trace-guarded' });
    const otherService = llmCall({ at: T0 + 2000, model: 'gpt-4o', service: 'batch-etl', text: 'c' });
    const otherModel = llmCall({ at: T0 + 3000, model: 'claude-x', text: 'd' });
    const out = h.run([
      step(onSpan, T0),
      step(guard, T0 + 500),
      step(afterGuard, T0 + 1000),
      step(otherService, T0 + 2000),
      step(otherModel, T0 + 3000),
    ]);
    expect(byRule(out, BEH.guardrailMissing)).toEqual([]);
    expect(
      byRule(new Harness().run([step(llmCall({ at: T0, model: 'gpt-4o', text: 'x' }), T0)]), BEH.guardrailMissing),
    ).toEqual([]);
  });

  it('a bypassed or disabled guardrail fires per event; an allow or deny decision does not', () => {
    const h = new Harness();
    const bypassed = llmCall({ at: T0, session: 's-dbg', text: 'x' });
    bypassed.policy = { source: 'app', decision: 'BYPASS', reason: 'debug header present' };
    const denied = llmCall({ at: T0 + 1000, session: 's-ok', text: 'y' });
    denied.policy = { source: 'app', decision: 'deny', enforced: true };
    const disabled = llmCall({ at: T0 + 2000, session: 's-dbg', text: 'z' });
    disabled.moderation = [{ source: 'bedrock', decision: 'disabled' }];
    const out = byRule(
      h.run([step(bypassed, T0), step(denied, T0 + 1000), step(disabled, T0 + 2000)]),
      BEH.guardrailBypassed,
    );
    expect(out.map((d) => d.details?.decision)).toEqual(['BYPASS', 'disabled']);
    expect(out[0].evidence).toContain('debug header present');
  });

  it('requirements replace the default (empty) list; the default requires nothing', () => {
    expect(resolveBehaviorConfig({ guardrails: { require } }).guardrails.require).toEqual(require);
    expect(resolveBehaviorConfig().guardrails.require).toEqual([]);
  });
});

describe('validation-error probing (TH-BEH-100)', () => {
  it('fires when one key collects 20 validation errors in 10 minutes', () => {
    const h = new Harness();
    const steps = Array.from({ length: 24 }, (_, i) => {
      const at = T0 + i * 20_000;
      return step(
        failed({
          at,
          key: 'k-probe',
          model: `model-${i % 6}`,
          status: i % 2 ? 400 : 404,
          type: i % 2 ? 'BadRequestError' : 'NotFoundError',
        }),
        at,
      );
    });
    const out = byRule(h.run(steps), BEH.validationProbing);
    expect(out).toHaveLength(1);
    expect(out[0].entity).toEqual({ type: 'api_key', id: 'k-probe' });
    expect(out[0].details?.errorKinds).toEqual(expect.arrayContaining(['400', '404']));
  });

  it('counts error types without a status (SDK exceptions) and status codes given as error.type', () => {
    const h = new Harness({ probing: { threshold: 3 } });
    const steps = ['invalid_request_error', '422', 'ValidationException'].map((type, i) =>
      step(failed({ at: T0 + i * 1000, key: 'k-t', type }), T0 + i * 1000),
    );
    expect(byRule(h.run(steps), BEH.validationProbing)).toHaveLength(1);
  });

  it('negatives: auth failures and rate limits, server errors, a few validation errors, errors spread out', () => {
    const h = new Harness();
    const steps: Step[] = [];
    for (let i = 0; i < 30; i++) {
      const at = T0 + i * 10_000;
      steps.push(step(failed({ at, key: 'k-auth', status: i % 2 ? 401 : 429 }), at));
      steps.push(step(failed({ at, key: 'k-5xx', status: 503, type: 'InternalServerError' }), at));
    }
    for (let i = 0; i < 10; i++)
      steps.push(step(failed({ at: T0 + i * 1000, key: 'k-few', status: 400 }), T0 + i * 1000));
    for (let i = 0; i < 25; i++)
      steps.push(step(failed({ at: T0 + i * MIN, key: 'k-slow', status: 400 }), T0 + i * MIN));
    expect(byRule(h.run(steps), BEH.validationProbing)).toEqual([]);
  });
});

describe('API reconnaissance (TH-BEH-110, TH-BEH-111)', () => {
  it('many distinct models per key, after listing the models: both rules fire once', () => {
    const h = new Harness();
    const steps: Step[] = Array.from({ length: 5 }, (_, i) => step(listing(T0 + i * 5000, 'k-recon'), T0 + i * 5000));
    const models = ['gpt-4o', 'gpt-4o-mini', 'o3', 'gpt-4.1', 'gpt-5-preview', 'text-embedding-3-large', 'dall-e-3'];
    models.forEach((model, i) => {
      const at = T0 + 30_000 + i * 10_000;
      steps.push(
        step(
          i % 3 === 2
            ? failed({ at, key: 'k-recon', model, status: 404 })
            : llmCall({ at, key: 'k-recon', model, text: 'hi' }),
          at,
        ),
      );
    });
    const out = h.run(steps);
    expect(byRule(out, BEH.modelListing)).toHaveLength(1);
    const many = byRule(out, BEH.manyModels);
    expect(many).toHaveLength(1);
    expect(many[0].details).toMatchObject({ count: 5, afterListing: true });
  });

  it('listing without identity is attributed to the service', () => {
    const h = new Harness({ reconnaissance: { listingThreshold: 3 } });
    const out = byRule(
      h.run([0, 1, 2].map((i) => step(listing(T0 + i * 1000, undefined, 'admin-ui'), T0 + i * 1000))),
      BEH.modelListing,
    );
    expect(out.map((d) => d.entity)).toEqual([{ type: 'service', id: 'admin-ui' }]);
  });

  it('negatives: an app using two models all day, four models in a window, one listing at start-up', () => {
    const h = new Harness();
    const steps: Step[] = [step(listing(T0, 'k-app'), T0)];
    for (let i = 0; i < 200; i++) {
      const at = T0 + i * 30_000;
      steps.push(
        step(llmCall({ at, key: 'k-app', model: i % 2 ? 'gpt-4o' : 'text-embedding-3-small', text: 'q' }), at),
      );
    }
    ['a', 'b', 'c', 'd'].forEach((m, i) =>
      steps.push(step(llmCall({ at: T0 + i * 1000, key: 'k-four', model: m, text: 'q' }), T0 + i * 1000)),
    );
    for (let i = 0; i < 6; i++) {
      const at = T0 + i * 11 * MIN; // one model every 11 minutes: never 5 within 10 minutes
      steps.push(step(llmCall({ at, key: 'k-spread', model: `m${i}`, text: 'q' }), at));
    }
    const out = h.run(steps);
    expect(byRule(out, BEH.manyModels)).toEqual([]);
    expect(byRule(out, BEH.modelListing)).toEqual([]);
  });

  it('state stays bounded per entity', () => {
    const h = new Harness({ reconnaissance: { maxModelsTracked: 8, distinctModels: 50 } });
    h.run(
      Array.from({ length: 500 }, (_, i) =>
        step(llmCall({ at: T0 + i, key: 'k-many', model: `m${i}`, text: 'q' }), T0 + i),
      ),
    );
    expect(h.engine.stats().stores['entity.recon']).toBe(1);
  });
});
