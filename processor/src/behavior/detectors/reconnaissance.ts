import type { DetectorEnv } from '../env.js';
import { BEH } from '../rules.js';
import { EventRing } from '../state/ring.js';
import type { BehaviorDetector, Entity, ObserveContext } from '../types.js';

interface Recon {
  /** The first model seen, kept inline: most keys use one model, and then no map is allocated. */
  model: string | null;
  modelAt: number;
  modelSpan: string;
  /** Model → last time requested once a second model appears; insertion order is recency, ≤ maxModelsTracked. */
  models: Map<string, { at: number; spanId: string }> | null;
  listings: EventRing | null;
  lastListing: number;
}

/**
 * API reconnaissance. TH-BEH-110: one API key (else user) requests `distinctModels` or more
 * distinct models within `windowSeconds` (failed requests count: asking for models that do not exist is capability
 * probing). TH-BEH-111: `listingThreshold` model-listing or model-lookup calls (provider_api interactions) within the
 * window, per key, else user, else the calling service. State per entity: at most `maxModelsTracked` model names and one ring of listing times.
 */
export function reconnaissanceDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.reconnaissance;
  const windowMs = cfg.windowSeconds * 1000;
  const store = env.store<Recon>('entity.recon', windowMs);

  const entityOf = (ctx: ObserveContext): Entity | undefined => {
    const id = ctx.ix.identity;
    if (id.apiKeyFingerprint) return { type: 'api_key', id: id.apiKeyFingerprint };
    if (id.user) return { type: 'user', id: id.user };
    // Sessions are not judged (an app picks the model of a chat session); anonymous listing calls count per service.
    return ctx.ix.kind === 'provider_api' && ctx.ix.service ? { type: 'service', id: ctx.ix.service } : undefined;
  };

  return {
    id: 'reconnaissance',
    stores: [store],
    observe(ctx, out) {
      const ix = ctx.ix;
      if (!cfg.enabled) return;
      const listing = ix.kind === 'provider_api';
      if (!listing && ix.kind !== 'llm_call' && ix.kind !== 'embedding') return;
      const entity = entityOf(ctx);
      if (!entity) return;
      const st = store.getOrCreate(`${entity.type}:${entity.id}`, ctx.now, () => ({
        model: null,
        modelAt: 0,
        modelSpan: '',
        models: null,
        listings: null,
        lastListing: 0,
      }));
      const since = ctx.now - windowMs;
      if (listing) {
        (st.listings ??= new EventRing(cfg.listingThreshold)).push(ctx.now, ix.span.spanId);
        st.lastListing = ctx.now;
        if (st.listings.fullSince(since)) {
          const count = st.listings.countSince(since);
          env.fire(
            out,
            {
              ruleId: BEH.modelListing,
              entity,
              windowSeconds: cfg.windowSeconds,
              confidence: 0.65,
              channel: 'prompt',
              evidence: `${count} model listing or lookup calls within ${cfg.windowSeconds}s from one ${entity.type === 'api_key' ? 'API key' : entity.type}${ix.provider ? ` (${ix.provider})` : ''}`,
              count,
              observed: count,
              threshold: cfg.listingThreshold,
              spanIds: st.listings.spanIdsSince(since, env.config.maxSpanIds),
              extra: { operation: ix.operation ?? 'list_models' },
            },
            ctx.now,
          );
        }
        if (!ix.model) return; // a lookup of one model also counts that model below
      }
      const model = ix.model;
      if (!model) return;
      if (!st.models && (st.model === null || st.model === model)) {
        st.model = model;
        st.modelAt = ctx.now;
        st.modelSpan = ix.span.spanId;
        return; // one model so far: nothing to count
      }
      if (!st.models) {
        st.models = new Map([[st.model!, { at: st.modelAt, spanId: st.modelSpan }]]);
        st.model = null;
      }
      const models = st.models;
      models.delete(model);
      models.set(model, { at: ctx.now, spanId: ix.span.spanId });
      while (models.size > cfg.maxModelsTracked) models.delete(models.keys().next().value as string);
      if (models.size < cfg.distinctModels) return; // the common case: a few models, no allocation
      const recent = [...models.entries()].filter(([, v]) => v.at >= since);
      if (recent.length < cfg.distinctModels) return;
      const listed = st.lastListing >= since;
      env.fire(
        out,
        {
          ruleId: BEH.manyModels,
          entity,
          windowSeconds: cfg.windowSeconds,
          confidence: listed ? 0.8 : 0.65,
          channel: 'prompt',
          evidence: `${recent.length} distinct models requested within ${cfg.windowSeconds}s by one ${entity.type === 'api_key' ? 'API key' : entity.type}${listed ? ', after listing the models' : ''}`,
          count: recent.length,
          observed: recent.length,
          threshold: cfg.distinctModels,
          spanIds: recent.slice(-env.config.maxSpanIds).map(([, v]) => v.spanId),
          extra: { models: recent.slice(-10).map(([m]) => m.slice(0, 80)), afterListing: listed },
        },
        ctx.now,
      );
    },
  };
}
