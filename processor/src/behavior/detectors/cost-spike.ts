import type { Interaction } from '@tracehound/core';
import type { CostEntity } from '../config.js';
import type { DetectorEnv } from '../env.js';
import { round } from '../env.js';
import { BEH } from '../rules.js';
import { Ewma } from '../state/ewma.js';
import { SlidingSum } from '../state/sliding-sum.js';
import type { BoundedStore } from '../state/store.js';
import type { BehaviorDetector } from '../types.js';

interface Spend {
  baseline: Ewma;
  bucket: number;
  bucketTokens: number;
  bucketSpans: string[];
  tokens: SlidingSum;
  cost: SlidingSum;
}

const ID: Record<CostEntity, (ix: Interaction) => string | undefined> = {
  api_key: (ix) => ix.identity.apiKeyFingerprint,
  tenant: (ix) => ix.identity.tenant,
  user: (ix) => ix.identity.user,
};

/** Most budget buckets per entity: the sliding budget window is cut into at most this many slices. */
const MAX_BUDGET_SLICES = 60;

/**
 * Denial of wallet. TH-BEH-030: tokens per bucket (default one minute) of an API key or tenant against an EWMA of its
 * own active buckets, after `warmupBuckets`. TH-BEH-031: tokens or cost in the sliding window over an absolute budget.
 * State per entity: one EWMA, the open bucket, and two fixed rings of at most 60 slices.
 */
export function costSpikeDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.costSpike;
  const bucketMs = cfg.bucketSeconds * 1000;
  const windowMs = cfg.windowSeconds * 1000;
  const sliceMs = Math.max(bucketMs, Math.ceil(windowMs / MAX_BUDGET_SLICES));
  const slices = Math.max(1, Math.ceil(windowMs / sliceMs));
  const ttl = Math.max(windowMs, env.config.baselineTtlSeconds * 1000);
  const warm = (st: Spend) => st.baseline.count >= cfg.warmupBuckets;
  const threshold = (st: Spend) => Math.max(st.baseline.threshold(cfg.ratio, cfg.zScore), cfg.minTokens);
  const stores = new Map<CostEntity, BoundedStore<Spend>>();
  for (const e of cfg.entities) stores.set(e, env.store<Spend>(`${e === 'api_key' ? 'key' : e}.spend`, ttl));

  return {
    id: 'cost-spike',
    stores: [...stores.values()],
    observe(ctx, out) {
      if (!cfg.enabled) return;
      const ix = ctx.ix;
      const u = ix.usage;
      const tokens = u.totalTokens ?? (u.inputTokens ?? 0) + (u.outputTokens ?? 0);
      const cost = u.costUsd ?? 0;
      if (!(tokens > 0) && !(cost > 0)) return;
      const now = ctx.now;
      for (const [type, store] of stores) {
        const id = ID[type](ix);
        if (!id) continue;
        const st = store.getOrCreate(id, now, () => ({
          baseline: new Ewma(cfg.alpha),
          bucket: Math.floor(now / bucketMs),
          bucketTokens: 0,
          bucketSpans: [],
          tokens: new SlidingSum(slices, sliceMs),
          cost: new SlidingSum(slices, sliceMs),
        }));
        const bucket = Math.floor(now / bucketMs);
        if (bucket !== st.bucket) {
          // Close the previous active bucket; a spike enters the baseline clamped so it cannot become normal.
          if (st.bucketTokens > 0)
            st.baseline.update(warm(st) ? Math.min(st.bucketTokens, threshold(st)) : st.bucketTokens);
          st.bucket = bucket;
          st.bucketTokens = 0;
          st.bucketSpans.length = 0;
        }
        st.bucketTokens += tokens > 0 ? tokens : 0;
        st.bucketSpans.push(ix.span.spanId);
        if (st.bucketSpans.length > env.config.maxSpanIds) st.bucketSpans.shift();
        const windowTokens = st.tokens.add(now, tokens > 0 ? tokens : 0);
        const windowCost = st.cost.add(now, cost > 0 ? cost : 0);
        const entity = { type, id };

        if (warm(st)) {
          const thr = threshold(st);
          if (st.bucketTokens > thr) {
            env.fire(
              out,
              {
                ruleId: BEH.costSpike,
                entity,
                windowSeconds: cfg.windowSeconds,
                confidence: 0.85,
                channel: 'prompt',
                evidence: `${round(st.bucketTokens, 0)} tokens in ${cfg.bucketSeconds}s where this ${type} usually spends ${round(st.baseline.mean, 0)}`,
                count: st.bucketSpans.length,
                observed: st.bucketTokens,
                threshold: thr,
                baseline: st.baseline.mean,
                spanIds: [...st.bucketSpans],
                extra: { bucketSeconds: cfg.bucketSeconds, windowCostUsd: round(windowCost, 4) },
              },
              now,
            );
          }
        }
        const overTokens = cfg.budgetTokens > 0 && windowTokens > cfg.budgetTokens;
        const overCost = cfg.budgetCostUsd > 0 && windowCost > cfg.budgetCostUsd;
        if (overTokens || overCost) {
          env.fire(
            out,
            {
              ruleId: BEH.costBudget,
              entity,
              windowSeconds: cfg.windowSeconds,
              confidence: 1,
              channel: 'prompt',
              evidence: overTokens
                ? `${round(windowTokens, 0)} tokens within ${cfg.windowSeconds}s, budget ${cfg.budgetTokens}`
                : `$${round(windowCost, 2)} within ${cfg.windowSeconds}s, budget $${cfg.budgetCostUsd}`,
              count: st.bucketSpans.length,
              observed: overTokens ? windowTokens : windowCost,
              threshold: overTokens ? cfg.budgetTokens : cfg.budgetCostUsd,
              spanIds: [...st.bucketSpans],
              extra: {
                windowTokens: round(windowTokens, 0),
                windowCostUsd: round(windowCost, 4),
                budgetKind: overTokens ? 'tokens' : 'cost',
              },
            },
            now,
          );
        }
      }
    },
  };
}
