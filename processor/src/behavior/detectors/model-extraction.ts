import type { DetectorEnv } from '../env.js';
import { round } from '../env.js';
import { BEH } from '../rules.js';
import { hash32, KmvSketch } from '../state/kmv.js';
import type { BehaviorDetector, Entity } from '../types.js';

interface Window {
  start: number;
  requests: number;
  singleTurn: number;
  outputTokens: number;
  /** Requests added to the sketch: sampling starts once the window reaches a quarter of minRequests. */
  sampled: number;
  prompts: KmvSketch | null;
  /** Hashes of the distinct users seen on a key (at most sharedKeyUsers + 1): a key many users share is not one actor. */
  users: number[] | null;
  spans: string[] | null;
}

/**
 * Model extraction / distillation (TH-BEH-080): one API key (or user) sends many requests within the window, almost
 * all of them distinct prompts that start a new conversation — the shape of a script harvesting answers to train a
 * copy. Windows are tumbling, per entity, from the entity's first request; distinct prompts are estimated with a
 * K-minimum-values sketch of `sketchSize` hashes, started once the window holds a quarter of `minRequests` (so an
 * ordinary user costs a few numbers, not a sketch). Keys used by more than `sharedKeyUsers` distinct users are an
 * application's shared key and are judged per user instead; users behind a personal key are judged through the key
 * (a user is judged on its own only without a key or behind a shared one). State per entity: a few numbers, and past
 * a quarter of `minRequests` the sketch and span ids.
 */
export function modelExtractionDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.modelExtraction;
  const windowMs = cfg.windowSeconds * 1000;
  const store = env.store<Window>('entity.extraction', windowMs);
  const exempt = new Set(cfg.exemptWorkloads);

  const fresh = (now: number): Window => ({
    start: now,
    requests: 0,
    singleTurn: 0,
    outputTokens: 0,
    sampled: 0,
    prompts: null,
    users: null,
    spans: null,
  });
  const sampleFrom = Math.max(1, Math.ceil(cfg.minRequests / 4));

  /** Count one request for the entity; false when the entity is a shared key (the request was not counted). */
  const observeEntity = (
    entity: Entity,
    text: string,
    singleTurn: boolean,
    user: string | undefined,
    ctx: Parameters<BehaviorDetector['observe']>[0],
    out: Parameters<BehaviorDetector['observe']>[1],
  ): boolean => {
    const key = `${entity.type}:${entity.id}`;
    let w = store.get(key, ctx.now);
    if (!w || ctx.now - w.start > windowMs) {
      w = fresh(ctx.now);
      store.set(key, w, ctx.now);
    }
    if (entity.type === 'api_key' && user) {
      const users = (w.users ??= []);
      if (users.length <= cfg.sharedKeyUsers) {
        const h = hash32(user);
        if (!users.includes(h)) users.push(h);
      }
      if (users.length > cfg.sharedKeyUsers) return false; // shared application key: the per-user window judges
    }
    w.requests++;
    if (singleTurn) w.singleTurn++;
    w.outputTokens += ctx.ix.usage.outputTokens ?? 0;
    if (w.requests < sampleFrom) return true;
    (w.prompts ??= new KmvSketch(cfg.sketchSize)).add(hash32(text));
    w.sampled++;
    const spans = (w.spans ??= []);
    spans.push(ctx.ix.span.spanId);
    if (spans.length > env.config.maxSpanIds) spans.shift();
    if (w.requests < cfg.minRequests) return true;
    const distinct = Math.min(w.sampled, w.prompts.estimate());
    const distinctRatio = distinct / w.sampled;
    const singleTurnRatio = w.singleTurn / w.requests;
    if (distinctRatio < cfg.minDistinctRatio || singleTurnRatio < cfg.minSingleTurnRatio) return true;
    env.fire(
      out,
      {
        ruleId: BEH.modelExtraction,
        entity,
        windowSeconds: cfg.windowSeconds,
        confidence: 0.7,
        channel: 'prompt',
        evidence: `${w.requests} requests within ${cfg.windowSeconds}s from one ${entity.type === 'api_key' ? 'API key' : 'user'}: ${Math.round(distinctRatio * 100)}% distinct prompts, ${Math.round(singleTurnRatio * 100)}% single-turn (systematic querying)`,
        count: w.requests,
        observed: w.requests,
        threshold: cfg.minRequests,
        spanIds: [...spans],
        extra: {
          distinctPrompts: Math.round(distinctRatio * w.requests),
          distinctRatio: round(distinctRatio),
          singleTurnRatio: round(singleTurnRatio),
          outputTokens: w.outputTokens,
        },
      },
      ctx.now,
    );
    return true;
  };

  return {
    id: 'model-extraction',
    stores: [store],
    observe(ctx, out) {
      if (!cfg.enabled || ctx.ix.kind !== 'llm_call') return;
      const id = ctx.ix.identity;
      if (id.workload && (exempt.has(id.workload) || (cfg.exemptDeclaredWorkloads && exempt.size === 0))) return;
      const text = ctx.userText();
      if (!text) return;
      // A conversation's first turn: nothing the assistant said before is in the input.
      const singleTurn = !ctx.ix.input.some((m) => m.role === 'assistant');
      // Judge the key; judge the user only when there is no key, or the key is shared by many users (an
      // application's key), so an ordinary user behind a personal key costs no state of its own.
      const keyJudged = id.apiKeyFingerprint !== undefined && cfg.entities.includes('api_key');
      const keyShared = keyJudged
        ? !observeEntity({ type: 'api_key', id: id.apiKeyFingerprint! }, text, singleTurn, id.user, ctx, out)
        : true;
      if (id.user && cfg.entities.includes('user') && keyShared)
        observeEntity({ type: 'user', id: id.user }, text, singleTurn, undefined, ctx, out);
    },
  };
}
