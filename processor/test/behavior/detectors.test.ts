import { describe, expect, it } from 'vitest';
import { BEH } from '../../src/behavior/rules.js';
import {
  DAY,
  HOUR,
  Harness,
  MIN,
  T0,
  appTraffic,
  attackSession,
  authEvent,
  byRule,
  det,
  humanChat,
  jailbreakTemplate,
  keySpend,
  llmCall,
  modelTraffic,
  rng,
  scriptedSession,
  sentence,
  step,
  toolCall,
  type Step,
} from './generators.js';

describe('repeated injection / extraction attempts', () => {
  it('fires once when a session reaches 5 attempts in 10 minutes, with the spans that formed it', () => {
    const h = new Harness();
    const steps = attackSession('s-att', 8, T0, 60_000);
    const out = h.run(steps);
    const hits = byRule(out, BEH.repeatedAttempts);
    expect(hits).toHaveLength(1);
    const d = hits[0];
    expect(d.entity).toEqual({ type: 'session', id: 's-att' });
    expect(d.details).toMatchObject({ count: 5, threshold: 5, windowSeconds: 600, succeeded: false });
    expect(d.details?.spanIds).toEqual(steps.slice(0, 5).map((s) => s.ix.span.spanId));
    expect(byRule(out, BEH.repeatedAttemptsSucceeded)).toHaveLength(0);
  });

  it('escalates to TH-BEH-002 when an output of the same session leaks', () => {
    const h = new Harness();
    const steps = attackSession('s-win', 5, T0, 30_000);
    const leakAt = T0 + 4 * 30_000 + 10_000;
    steps.push(
      step(llmCall({ at: leakAt, session: 's-win', text: 'thanks', output: '[leak]', outputTokens: 300 }), leakAt, [
        det('T-LEAK', 'output'),
      ]),
    );
    const out = h.run(steps);
    expect(byRule(out, BEH.repeatedAttempts)).toHaveLength(1);
    const esc = byRule(out, BEH.repeatedAttemptsSucceeded);
    expect(esc).toHaveLength(1);
    expect(esc[0].details).toMatchObject({ succeeded: true });
    expect(esc[0].details?.spanIds).toContain(steps[5].ix.span.spanId);
  });

  it('reports only the escalated rule when the leak came first', () => {
    const h = new Harness();
    const leak = step(llmCall({ at: T0, session: 's-lf', text: 'hi', output: '[leak]' }), T0, [
      det('T-SECRET', 'output'),
    ]);
    const out = h.run([leak, ...attackSession('s-lf', 6, T0 + 1000, 20_000)]);
    expect(byRule(out, BEH.repeatedAttemptsSucceeded)).toHaveLength(1);
    expect(byRule(out, BEH.repeatedAttempts)).toHaveLength(0);
  });

  it('fires again in a later window, once', () => {
    const h = new Harness();
    const out = h.run([...attackSession('s-2w', 6, T0, 30_000), ...attackSession('s-2w', 6, T0 + 20 * MIN, 30_000)]);
    expect(byRule(out, BEH.repeatedAttempts)).toHaveLength(2);
  });

  it('negatives: attempts spread beyond the window, one trip in an ordinary chat, attack text only in documents', () => {
    const h = new Harness();
    const spread = attackSession('s-slow', 6, T0, 3 * MIN); // 5 attempts span 12 minutes
    const ordinary = humanChat('s-ord', 30, T0, { trip: 4 });
    const docs = attackSession('s-doc', 6, T0, 10_000).map((s) => ({ ...s, detections: [det('T-INJ', 'document')] }));
    expect(byRule(h.run([...spread, ...ordinary, ...docs]), BEH.repeatedAttempts)).toHaveLength(0);
  });
});

describe('refusal clusters', () => {
  const refusals = (
    session: string,
    key: string,
    n: number,
    start: number,
    gap: number,
    via: 'finish' | 'detector',
  ): Step[] =>
    Array.from({ length: n }, (_, i) => {
      const at = start + i * gap;
      const ix = llmCall({
        at,
        session,
        key,
        text: 'how do I make it',
        output: 'I cannot help',
        finishReason: via === 'finish' ? 'content_filter' : 'stop',
      });
      return step(ix, at, via === 'detector' ? [det('T-REF', 'output')] : []);
    });

  it('fires per session (finish reasons) and per key (across sessions), once each per window', () => {
    const h = new Harness({ refusalCluster: { sessionThreshold: 4, apiKeyThreshold: 6 } });
    const out = h.run([
      ...refusals('s-r1', 'k-r', 5, T0, 20_000, 'finish'),
      ...refusals('s-r2', 'k-r', 3, T0 + 5_000, 20_000, 'detector'),
    ]);
    const s = byRule(out, BEH.refusalClusterSession);
    expect(s).toHaveLength(1);
    expect(s[0].entity).toEqual({ type: 'session', id: 's-r1' });
    expect(s[0].details).toMatchObject({ count: 4, threshold: 4 });
    const k = byRule(out, BEH.refusalClusterKey);
    expect(k).toHaveLength(1);
    expect(k[0].entity).toEqual({ type: 'api_key', id: 'k-r' });
  });

  it('negative: an ordinary user refused once, and refusals far apart', () => {
    const h = new Harness();
    const out = h.run([
      ...humanChat('s-one', 20, T0, { trip: 3, tripRule: 'T-REF', key: 'k-1' }),
      ...refusals('s-far', 'k-2', 6, T0, 5 * MIN, 'finish'),
    ]);
    expect(byRule(out, BEH.refusalClusterSession)).toHaveLength(0);
    expect(byRule(out, BEH.refusalClusterKey)).toHaveLength(0);
  });
});

describe('inhuman input rate', () => {
  it('fires once for a script pasting 1,500 chars every 2 s', () => {
    const h = new Harness();
    const out = byRule(h.run(scriptedSession('s-bot', 12, T0, 2_000, 1500)), BEH.inhumanInputRate);
    expect(out).toHaveLength(1);
    expect(out[0].entity).toEqual({ type: 'session', id: 's-bot' });
    expect(out[0].details).toMatchObject({ count: 5, threshold: 15 });
    expect(out[0].details?.spanIds).toHaveLength(5);
    expect(Number(out[0].details?.observed)).toBeGreaterThan(700);
  });

  it('negatives: a declared batch workload, a human chat, a user pasting twice, calls of the same turn', () => {
    const h = new Harness();
    const batch = scriptedSession('s-batch', 50, T0, 500, 2000, 'nightly-summarizer');
    const human = humanChat('s-h', 30, T0);
    const paste = [
      ...scriptedSession('s-paste', 2, T0, 3_000, 1500),
      ...scriptedSession('s-paste', 3, T0 + 10 * MIN, 5 * MIN, 1500),
    ];
    // One turn fanned out to a guard call, the main call and agent steps that re-send the prompt: not new input.
    const fan: Step[] = [];
    for (let i = 0; i < 4; i++) {
      const at = T0 + i * 3 * MIN;
      const text = `${sentence(rng(i), 60)}`;
      for (let j = 0; j < 7; j++)
        fan.push(
          step(
            llmCall({ at: at + j * 400, session: 's-fan', text, traceId: j < 4 ? `fan${i}` : undefined, output: 'ok' }),
            at + j * 400,
          ),
        );
    }
    expect(byRule(h.run([...batch, ...human, ...paste, ...fan]), BEH.inhumanInputRate)).toHaveLength(0);
  });

  it('the exemption is configurable: only listed workloads are exempt', () => {
    const h = new Harness({ inputRate: { exemptWorkloads: ['nightly-summarizer'] } });
    const out = h.run([
      ...scriptedSession('s-a', 10, T0, 500, 2000, 'nightly-summarizer'),
      ...scriptedSession('s-b', 10, T0, 500, 2000, 'unknown-job'),
    ]);
    const hits = byRule(out, BEH.inhumanInputRate);
    expect(hits.map((d) => d.entity.id)).toEqual(['s-b']);
  });
});

describe('output-size spikes', () => {
  it('fires on a 4,000-token answer where 500 is normal, after warm-up', () => {
    const h = new Harness();
    const base = appTraffic(100, T0, 10_000, 500, 150);
    const dumpAt = T0 + 101 * 10_000;
    const dump = step(
      llmCall({ at: dumpAt, session: 's-dump', text: 'list every document you know', output: 'x', outputTokens: 4000 }),
      dumpAt,
    );
    const out = h.run([...base, dump]);
    const hits = byRule(out, BEH.outputSpike);
    expect(hits).toHaveLength(1);
    expect(hits[0].entity).toEqual({ type: 'session', id: 's-dump' });
    expect(Number(hits[0].details?.baseline)).toBeGreaterThan(400);
    expect(Number(hits[0].details?.baseline)).toBeLessThan(600);
    expect(hits[0].details).toMatchObject({ observed: 4000 });
  });

  it('needs the warm-up count before firing', () => {
    const h = new Harness({ outputSpike: { warmup: 50 } });
    const base = appTraffic(20, T0, 10_000, 500, 100);
    const at = T0 + 21 * 10_000;
    const out = h.run([
      ...base,
      step(llmCall({ at, session: 's-early', text: 'x', output: 'x', outputTokens: 5000 }), at),
    ]);
    expect(byRule(out, BEH.outputSpike)).toHaveLength(0);
  });

  it('negatives: a legitimate long answer, and an app whose answers are long anyway', () => {
    const h = new Harness();
    const base = appTraffic(100, T0, 10_000, 500, 150);
    const at = T0 + 101 * 10_000;
    const long = step(
      llmCall({ at, session: 's-long', text: 'write a detailed report', output: 'x', outputTokens: 1400 }),
      at,
    );
    const reportApp = appTraffic(100, T0, 10_000, 3000, 2500, 8).map((s) => ({
      ...s,
      ix: { ...s.ix, service: 'report-writer' },
    }));
    const at2 = T0 + 102 * 10_000;
    const big = step(
      {
        ...llmCall({ at: at2, session: 's-rep', text: 'x', output: 'x', outputTokens: 6000 }),
        service: 'report-writer',
      },
      at2,
    );
    expect(byRule(h.run([...base, long, ...reportApp, big]), BEH.outputSpike)).toHaveLength(0);
  });

  it('repeated dumps from one session fire once per window', () => {
    const h = new Harness();
    const base = appTraffic(100, T0, 10_000, 500, 100);
    const dumps = [0, 1, 2, 3].map((i) => {
      const at = T0 + 101 * 10_000 + i * 30_000;
      return step(llmCall({ at, session: 's-dumper', text: 'more', output: 'x', outputTokens: 5000 }), at);
    });
    expect(byRule(h.run([...base, ...dumps]), BEH.outputSpike)).toHaveLength(1);
  });
});

describe('token / cost spikes per key', () => {
  it('fires when a key spends 20x its own per-minute baseline (denial of wallet)', () => {
    const h = new Harness({ costSpike: { minTokens: 10_000 } });
    const normal = keySpend('k-dow', 30, T0, 3000);
    const spikeStart = T0 + 31 * MIN;
    const spike = Array.from({ length: 20 }, (_, i) =>
      step(
        llmCall({
          at: spikeStart + i * 2000,
          session: 'dow',
          key: 'k-dow',
          text: 'x',
          output: 'x',
          inputTokens: 3000,
          outputTokens: 1000,
        }),
        spikeStart + i * 2000,
      ),
    );
    const out = h.run([...normal, ...spike]);
    const hits = byRule(out, 'TH-BEH-030').filter((d) => d.entity.type === 'api_key');
    expect(hits).toHaveLength(1);
    expect(Number(hits[0].details?.baseline)).toBeGreaterThan(2000);
    expect(Number(hits[0].details?.baseline)).toBeLessThan(4500);
    expect(Number(hits[0].details?.observed)).toBeGreaterThan(Number(hits[0].details?.threshold));
  });

  it('absolute budget per window, per key and per tenant', () => {
    const h = new Harness({ costSpike: { budgetTokens: 100_000, windowSeconds: 3600 } });
    const out = h.run(keySpend('k-b', 60, T0, 3000, 'acme'));
    const hits = byRule(out, BEH.costBudget);
    expect(hits.map((d) => d.entity.type).sort()).toEqual(['api_key', 'tenant']);
    expect(hits[0].details).toMatchObject({ threshold: 100_000, budgetKind: 'tokens' });
  });

  it('negatives: steady spend, a key with bursty but habitual use, no budget configured', () => {
    const h = new Harness();
    const steady = keySpend('k-steady', 120, T0, 5000);
    const r = rng(5);
    const bursty: Step[] = [];
    for (let m = 0; m < 120; m++) {
      const tokens = m % 10 === 0 ? 40_000 : 2000 + Math.floor(r() * 1000);
      const at = T0 + m * MIN;
      bursty.push(
        step(
          llmCall({
            at,
            session: `b${m}`,
            key: 'k-bursty',
            text: 'x',
            output: 'x',
            inputTokens: tokens,
            outputTokens: 0,
          }),
          at,
        ),
      );
    }
    const out = h.run([...steady, ...bursty]);
    expect(byRule(out, BEH.costSpike)).toHaveLength(0);
    expect(byRule(out, BEH.costBudget)).toHaveLength(0);
  });
});

describe('authentication anomalies', () => {
  const history = (user: string, days: number, nets: string[]): Step[] => {
    const steps: Step[] = [];
    for (let d = 0; d < days; d++) {
      for (let j = 0; j < 3; j++) {
        const at = T0 + d * DAY + j * HOUR;
        steps.push(
          step(authEvent({ at, user, outcome: 'success', address: `${nets[(d + j) % nets.length]}.${10 + j}` }), at),
        );
      }
    }
    return steps;
  };

  it('a new /24 after the learning period fires once; the same new network again does not', () => {
    const h = new Harness();
    const hist = history('alice', 5, ['10.1.2', '10.1.3']);
    const at = T0 + 6 * DAY;
    const out = h.run([
      ...hist,
      step(authEvent({ at, user: 'alice', outcome: 'success', address: '203.0.113.77' }), at),
      step(authEvent({ at: at + MIN, user: 'alice', outcome: 'success', address: '203.0.113.78' }), at + MIN),
    ]);
    const hits = byRule(out, BEH.authNewNetwork);
    expect(hits).toHaveLength(1);
    expect(hits[0].entity).toEqual({ type: 'user', id: 'alice' });
    expect(hits[0].details).toMatchObject({ network: '203.0.113.0/24' });
  });

  it('IPv6 uses /64: a new interface id in the same /64 is not new', () => {
    const h = new Harness({ auth: { learningSeconds: 0, learningEvents: 2 } });
    const out = h.run(
      [0, 1, 2, 3]
        .map((i) =>
          step(
            authEvent({ at: T0 + i * MIN, key: 'k6', outcome: 'success', address: `2001:db8:1:2::${i + 1}` }),
            T0 + i * MIN,
          ),
        )
        .concat([
          step(
            authEvent({ at: T0 + 10 * MIN, key: 'k6', outcome: 'success', address: '2001:db8:9:9::1' }),
            T0 + 10 * MIN,
          ),
        ]),
    );
    const hits = byRule(out, BEH.authNewNetwork);
    expect(hits).toHaveLength(1);
    expect(hits[0].details).toMatchObject({ network: '2001:db8:9:9:0:0:0:0/64' });
  });

  it('many failures then a success fires; a forgotten password (two failures) does not', () => {
    const h = new Harness();
    const brute: Step[] = [];
    for (let i = 0; i < 8; i++)
      brute.push(
        step(
          authEvent({ at: T0 + i * 5_000, user: 'bob', outcome: 'failure', address: '198.51.100.9' }),
          T0 + i * 5_000,
        ),
      );
    brute.push(
      step(authEvent({ at: T0 + 60_000, user: 'bob', outcome: 'success', address: '198.51.100.9' }), T0 + 60_000),
    );
    const forgot = [0, 1].map((i) =>
      step(authEvent({ at: T0 + i * 10_000, user: 'carol', outcome: 'failure', address: '10.0.0.1' }), T0 + i * 10_000),
    );
    forgot.push(
      step(authEvent({ at: T0 + 30_000, user: 'carol', outcome: 'success', address: '10.0.0.1' }), T0 + 30_000),
    );
    const out = h.run([...brute, ...forgot]);
    const hits = byRule(out, BEH.authFailuresThenSuccess);
    expect(hits).toHaveLength(1);
    expect(hits[0].entity.id).toBe('bob');
    expect(hits[0].details?.spanIds).toHaveLength(6);
  });

  it('negatives: new networks during the learning period, and LLM spans do not teach networks by default', () => {
    const h = new Harness();
    const early = ['10.0.0.1', '172.16.5.4', '192.168.7.7', '100.64.3.3'].map((a, i) =>
      step(authEvent({ at: T0 + i * HOUR, user: 'dave', outcome: 'success', address: a }), T0 + i * HOUR),
    );
    const llm = [0, 1, 2].map((i) =>
      step(
        llmCall({ at: T0 + 5 * DAY + i, user: 'dave', session: 'sd', text: 'x', clientAddress: `203.0.${i}.1` }),
        T0 + 5 * DAY + i,
      ),
    );
    expect(byRule(h.run([...early, ...llm]), BEH.authNewNetwork)).toHaveLength(0);
  });
});

describe('campaigns (near-duplicate prompts across sessions)', () => {
  it('fires once when 5 distinct sessions send variants of one template within the window', () => {
    const h = new Harness();
    const steps: Step[] = [];
    for (let i = 0; i < 12; i++) {
      const at = T0 + i * 3 * MIN;
      steps.push(
        step(
          llmCall({ at, session: `camp-${i}`, tenant: 'acme', text: jailbreakTemplate(i) }),
          at,
          i % 2 ? [det('T-JB')] : [],
        ),
      );
    }
    const hits = byRule(h.run(steps), BEH.campaign);
    expect(hits).toHaveLength(1);
    expect(hits[0].entity).toEqual({ type: 'tenant', id: 'acme' });
    expect(hits[0].details).toMatchObject({ count: 5, threshold: 5 });
    expect(hits[0].details?.spanIds).toEqual(steps.slice(0, 5).map((s) => s.ix.span.spanId));
    expect(Number(hits[0].details?.flaggedPrompts)).toBe(2);
  });

  it('negatives: distinct prompts from many sessions, one session repeating itself, short greetings, sessions outside the window', () => {
    const h = new Harness();
    const r = rng(3);
    const distinct = Array.from({ length: 200 }, (_, i) =>
      step(llmCall({ at: T0 + i * 1000, session: `d-${i}`, text: sentence(r, 30) }), T0 + i * 1000),
    );
    const self = Array.from({ length: 10 }, (_, i) =>
      step(llmCall({ at: T0 + i * 1000, session: 'same', text: jailbreakTemplate(1) }), T0 + i * 1000),
    );
    const hello = Array.from({ length: 20 }, (_, i) =>
      step(llmCall({ at: T0 + i * 1000, session: `g-${i}`, text: 'hello there, how are you today?' }), T0 + i * 1000),
    );
    const slow = Array.from({ length: 6 }, (_, i) =>
      step(
        llmCall({ at: T0 + i * 2 * HOUR, session: `slow-${i}`, text: `${jailbreakTemplate(500 + i)} slowly` }),
        T0 + i * 2 * HOUR,
      ),
    );
    expect(byRule(h.run([...distinct, ...self, ...hello, ...slow]), BEH.campaign)).toHaveLength(0);
  });
});

describe('model drift', () => {
  const lengths = (mean: number) => (r: () => number) => mean * (0.5 + r());

  it('fires on a refusal-rate drop after a model update, once per window', () => {
    const h = new Harness({ modelDrift: { minSamples: 200, windowSeconds: 3600 } });
    const ref = modelTraffic('m1', 400, T0, HOUR, 0.3, lengths(300), 1);
    const after = modelTraffic('m1', 400, T0 + HOUR, HOUR, 0.05, lengths(300), 2);
    const after2 = modelTraffic('m1', 400, T0 + 2 * HOUR, HOUR, 0.05, lengths(300), 3);
    const closer = modelTraffic('m1', 5, T0 + 3 * HOUR, MIN, 0.05, lengths(300), 4);
    const out = h.run([...ref, ...after, ...after2, ...closer]);
    const hits = byRule(out, BEH.driftRefusalRate);
    expect(hits).toHaveLength(2); // one per drifted window
    expect(hits[0].entity).toEqual({ type: 'model', id: 'openai/m1' });
    expect(hits[0].details).toMatchObject({ direction: 'down' });
  });

  it('fires on an output-length shift (PSI), not on a stable model', () => {
    const h = new Harness({ modelDrift: { minSamples: 200 } });
    const out = h.run([
      ...modelTraffic('stable', 400, T0, HOUR, 0.05, lengths(300), 11),
      ...modelTraffic('stable', 400, T0 + HOUR, HOUR, 0.05, lengths(300), 12),
      ...modelTraffic('stable', 5, T0 + 2 * HOUR, MIN, 0.05, lengths(300), 13),
      ...modelTraffic('verbose', 400, T0, HOUR, 0.05, lengths(200), 21),
      ...modelTraffic('verbose', 400, T0 + HOUR, HOUR, 0.05, lengths(1600), 22),
      ...modelTraffic('verbose', 5, T0 + 2 * HOUR, MIN, 0.05, lengths(1600), 23),
    ]);
    const psiHits = byRule(out, BEH.driftOutputLength);
    expect(psiHits.map((d) => d.entity.id)).toEqual(['openai/verbose']);
    expect(Number(psiHits[0].details?.observed)).toBeGreaterThan(0.25);
    expect(byRule(out, BEH.driftRefusalRate)).toHaveLength(0);
  });
});

describe('scope violations', () => {
  it('retrieval outside the declared data scope, and of another tenant', () => {
    const h = new Harness();
    const at = T0;
    const ix = llmCall({
      at,
      session: 's-sc',
      user: 'u-support',
      tenant: 'acme',
      dataScope: ['source:kb/public/*', 'classification:public'],
      text: 'salary',
      documents: [
        { id: 'doc-ok', source: 'kb/public/faq', classification: 'public', tenant: 'acme' },
        { id: 'doc-hr', source: 'kb/hr/salaries', classification: 'confidential', tenant: 'acme' },
        { id: 'doc-x', source: 'kb/public/faq', tenant: 'globex' },
      ],
    });
    const out = h.run([step(ix, at)]);
    const scope = byRule(out, BEH.scopeRetrieval);
    expect(scope).toHaveLength(1);
    expect(scope[0].entity).toEqual({ type: 'user', id: 'u-support' });
    expect(scope[0].details).toMatchObject({ count: 1, documents: ['doc-hr'] });
    expect(byRule(out, BEH.scopeCrossTenant)[0].details).toMatchObject({ documents: ['doc-x'] });
  });

  it('tools outside the session allowed set, inherited by later tool spans; fires per event', () => {
    const h = new Harness();
    const decl = step(
      llmCall({ at: T0, session: 's-tools', text: 'x', allowedTools: ['search', 'calc_*'], toolCalls: ['send_email'] }),
      T0,
    );
    const ok = step(toolCall({ at: T0 + 1000, session: 's-tools', tool: 'calc_add' }), T0 + 1000);
    const bad1 = step(toolCall({ at: T0 + 2000, session: 's-tools', tool: 'send_email' }), T0 + 2000);
    const bad2 = step(toolCall({ at: T0 + 3000, session: 's-tools', tool: 'send_email' }), T0 + 3000);
    const out = byRule(h.run([decl, ok, bad1, bad2]), BEH.scopeTool);
    expect(out.map((d) => [d.details?.executed, d.confidence])).toEqual([
      [false, 0.7],
      [true, 1],
      [true, 1],
    ]);
  });

  it('negatives: no declaration, in-scope documents, documents without attributes', () => {
    const h = new Harness();
    const out = h.run([
      step(toolCall({ at: T0, session: 'free', tool: 'anything' }), T0),
      step(
        llmCall({
          at: T0,
          session: 'in',
          tenant: 'acme',
          dataScope: ['kb/public/*'],
          text: 'x',
          documents: [{ id: 'a', source: 'kb/public/a', tenant: 'acme' }, { id: 'b' }],
        }),
        T0,
      ),
    ]);
    expect(out).toHaveLength(0);
  });

  it('dedupeSeconds turns per-event firing into once per window', () => {
    const h = new Harness({ scope: { dedupeSeconds: 300 } });
    const steps = [0, 1, 2].map((i) =>
      step(toolCall({ at: T0 + i * 1000, session: 's-d', tool: 'rm', allowedTools: ['ls'] }), T0 + i * 1000),
    );
    expect(byRule(h.run(steps), BEH.scopeTool)).toHaveLength(1);
  });
});
