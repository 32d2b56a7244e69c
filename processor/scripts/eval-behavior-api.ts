/**
 * Detection quality of the API-abuse behavioral detectors (TH-BEH-080 extraction, 090/091 guardrails, 100 probing,
 * 110/111 reconnaissance) on simulated traffic: seeded populations of attacker and ordinary entities with randomized
 * volumes, paces and mixes, run through the behavioral engine on its own clock with the shipped defaults. An entity
 * counts as detected when the rule fires for it; an ordinary entity counts as flagged when any of these rules fires
 * for it. Prints per-scenario rates.
 *
 *   node --import tsx processor/scripts/eval-behavior-api.ts [--seeds N]
 */
import { emptyInteraction, type Interaction } from '@tracehound/core';
import { resolveBehaviorConfig, type BehaviorConfigInput } from '../src/behavior/config.js';
import { createBehaviorRunner } from '../src/behavior/runner.js';
import { BEH } from '../src/behavior/rules.js';

const MIN = 60_000;
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const WORDS =
  'account balance billing cancel change contract customer delivery discount email error export fee form help invoice issue late login mobile month number order password payment plan policy price refund report request return schedule service setting shipping status subscription support ticket transfer update upgrade warranty'.split(
    ' ',
  );
const sentence = (r: () => number, n: number) =>
  Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');

let seq = 0;
interface Ev {
  at: number;
  ix: Interaction;
}
function call(
  atRaw: number,
  o: {
    key?: string;
    user?: string;
    session?: string;
    model?: string;
    service?: string;
    text?: string;
    history?: number;
    error?: { status: number; type: string };
    policy?: string;
  },
): Ev {
  const at = Math.round(atRaw);
  const ix = emptyInteraction('llm_call', 'sim');
  seq++;
  ix.service = o.service ?? 'support-bot';
  ix.model = o.model ?? 'gpt-4o-mini';
  ix.provider = 'openai';
  ix.input = [];
  for (let i = 0; i < (o.history ?? 0); i++)
    ix.input.push({ role: 'user', content: 'earlier' }, { role: 'assistant', content: 'answer' });
  ix.input.push({ role: 'user', content: o.text ?? 'hello' });
  ix.identity = { apiKeyFingerprint: o.key, user: o.user, session: o.session };
  if (o.error) ix.error = { httpStatus: o.error.status, type: o.error.type, spanError: true };
  if (o.policy) ix.policy = { source: 'app', decision: o.policy };
  ix.span = { traceId: `t${seq}`, spanId: `s${seq}`, name: 'chat' };
  ix.timing = { startNs: BigInt(at) * 1_000_000n, endNs: BigInt(at + 400) * 1_000_000n };
  return { at, ix };
}
function listing(at: number, key: string): Ev {
  const ix = emptyInteraction('provider_api', 'provider_api');
  seq++;
  ix.operation = 'list_models';
  ix.identity = { apiKeyFingerprint: key };
  ix.span = { traceId: `t${seq}`, spanId: `s${seq}`, name: 'GET' };
  return { at, ix };
}

interface Scenario {
  name: string;
  rule: string[];
  attack: boolean;
  /** Events of one entity (its id is the key or user the rule reports). */
  build: (r: () => number, id: string) => Ev[];
  config?: BehaviorConfigInput;
}
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const EXTRACTION = [BEH.modelExtraction];
const RECON = [BEH.manyModels, BEH.modelListing];
const SCENARIOS: Scenario[] = [
  {
    name: 'distillation script (300-1200 req/h, distinct, single-turn)',
    rule: EXTRACTION,
    attack: true,
    build: (r, id) => {
      const n = int(r, 300, 1200);
      const gap = 3_600_000 / n;
      return Array.from({ length: n }, (_, i) =>
        call(T0 + i * gap * (0.8 + 0.4 * r()), { key: id, text: `Q${i} ${sentence(r, int(r, 6, 20))}` }),
      );
    },
  },
  {
    name: 'slow distillation (spread over 6 h)',
    rule: EXTRACTION,
    attack: true,
    build: (r, id) =>
      Array.from({ length: 1800 }, (_, i) => call(T0 + i * 12_000, { key: id, text: `item ${i} ${sentence(r, 10)}` })),
  },
  {
    name: 'chat user (multi-turn, human pace)',
    rule: EXTRACTION,
    attack: false,
    build: (r, id) =>
      Array.from({ length: int(r, 20, 120) }, (_, i) =>
        call(T0 + i * int(r, 20_000, 120_000), {
          user: id,
          key: `k-${id}`,
          session: `${id}-${Math.floor(i / 10)}`,
          history: i % 10,
          text: sentence(r, 12),
        }),
      ),
  },
  {
    name: 'shared app key (60 users, fresh questions)',
    rule: EXTRACTION,
    attack: false,
    build: (r, id) =>
      Array.from({ length: 900 }, (_, i) =>
        call(T0 + i * 4000, { key: id, user: `${id}-u${i % 60}`, text: sentence(r, 10) }),
      ),
  },
  {
    name: 'retry loop (same few prompts)',
    rule: EXTRACTION,
    attack: false,
    build: (r, id) =>
      Array.from({ length: 600 }, (_, i) => call(T0 + i * 5000, { key: id, text: `health check ${i % int(r, 2, 8)}` })),
  },
  {
    name: 'validation probing (20-60 errors in 10 min)',
    rule: [BEH.validationProbing],
    attack: true,
    build: (r, id) => {
      const n = int(r, 20, 60);
      return Array.from({ length: n }, (_, i) =>
        call(T0 + i * (540_000 / n), {
          key: id,
          model: `m${i % 7}`,
          error: r() < 0.5 ? { status: 400, type: 'BadRequestError' } : { status: 404, type: 'NotFoundError' },
        }),
      );
    },
  },
  {
    name: 'client with occasional errors (0-10 per hour)',
    rule: [BEH.validationProbing],
    attack: false,
    build: (r, id) =>
      Array.from({ length: 200 }, (_, i) =>
        call(T0 + i * 18_000, { key: id, ...(r() < 0.03 ? { error: { status: 400, type: 'BadRequestError' } } : {}) }),
      ),
  },
  {
    name: 'rate-limited and unauthorized client',
    rule: [BEH.validationProbing],
    attack: false,
    build: (r, id) =>
      Array.from({ length: 100 }, (_, i) =>
        call(T0 + i * 3000, {
          key: id,
          error: r() < 0.5 ? { status: 429, type: 'RateLimitError' } : { status: 401, type: 'AuthenticationError' },
        }),
      ),
  },
  {
    name: 'reconnaissance (listing, then 5-12 models)',
    rule: RECON,
    attack: true,
    build: (r, id) => {
      const evs: Ev[] = Array.from({ length: int(r, 1, 6) }, (_, i) => listing(T0 + i * 20_000, id));
      const n = int(r, 5, 12);
      for (let i = 0; i < n; i++)
        evs.push(call(T0 + 150_000 + i * int(r, 5_000, 40_000), { key: id, model: `model-${i}` }));
      return evs;
    },
  },
  {
    name: 'app with a router (2-3 models all day, one listing)',
    rule: RECON,
    attack: false,
    build: (r, id) => {
      const models = ['gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small'].slice(0, int(r, 2, 3));
      return [
        listing(T0, id),
        ...Array.from({ length: 300 }, (_, i) => call(T0 + i * 30_000, { key: id, model: models[i % models.length] })),
      ];
    },
  },
  {
    name: 'guardrail bypassed',
    rule: [BEH.guardrailBypassed],
    attack: true,
    build: (_r, id) => [call(T0, { session: id, policy: 'bypass' })],
  },
  {
    name: 'guarded calls (allow / deny decisions)',
    rule: [BEH.guardrailBypassed, BEH.guardrailMissing],
    attack: false,
    config: { guardrails: { require: [{ service: 'payments-bot' }] } },
    build: (r, id) =>
      Array.from({ length: 20 }, (_, i) =>
        call(T0 + i * MIN, { session: id, service: 'payments-bot', policy: r() < 0.9 ? 'allow' : 'deny' }),
      ),
  },
  {
    name: 'unguarded call of a required service',
    rule: [BEH.guardrailMissing],
    attack: true,
    config: { guardrails: { require: [{ service: 'payments-bot' }] } },
    build: (_r, id) => [call(T0, { session: id, service: 'payments-bot' })],
  },
];

const seeds = Number(process.argv[process.argv.indexOf('--seeds') + 1]) || 200;
console.log(`API-abuse behavioral detectors on simulated traffic: ${seeds} entities per scenario, shipped defaults`);
const summary: Record<string, { n: number; hit: number; attack: boolean }> = {};
for (const sc of SCENARIOS) {
  let hit = 0;
  for (let s = 0; s < seeds; s++) {
    const r = rng(s * 7919 + sc.name.length);
    const id = `e${s}`;
    let now = T0;
    const engine = createBehaviorRunner(resolveBehaviorConfig(sc.config ?? {}), {
      clock: () => now,
      ruleCategory: () => undefined,
    });
    const evs = sc.build(r, id).sort((a, b) => a.at - b.at);
    let fired = false;
    for (const e of evs) {
      now = e.at;
      const out = engine.observe(e.ix, []);
      const watched = sc.attack
        ? sc.rule
        : [
            BEH.modelExtraction,
            BEH.validationProbing,
            BEH.manyModels,
            BEH.modelListing,
            BEH.guardrailMissing,
            BEH.guardrailBypassed,
          ];
      if (
        out.some(
          (d) =>
            watched.includes(d.ruleId) &&
            (d.entity.id === id || d.entity.id.startsWith(id) || d.entity.type === 'service'),
        )
      )
        fired = true;
    }
    engine.shutdown();
    if (fired) hit++;
  }
  summary[sc.name] = { n: seeds, hit, attack: sc.attack };
  console.log(
    `  ${sc.attack ? 'attack ' : 'benign '} ${sc.name.padEnd(58)} ${sc.attack ? 'detected' : 'flagged '} ${((100 * hit) / seeds).toFixed(1).padStart(5)}%`,
  );
}
