import type { DetectorEnv } from '../env.js';
import { round } from '../env.js';
import { BEH } from '../rules.js';
import { LshIndex } from '../state/lsh-index.js';
import { MinHasher } from '../state/minhash.js';
import type { BehaviorDetector, Entity } from '../types.js';

/**
 * Campaigns (TH-BEH-050): near-duplicate prompts from at least minSessions distinct sessions within the window.
 * One-permutation MinHash over word shingles with LSH banding: each prompt costs O(words + numHashes + bands),
 * independent of how many sessions are tracked. Fires once per cluster per window.
 */
export function campaignDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.campaign;
  const bands = Math.max(1, Math.min(cfg.bands, cfg.numHashes));
  const rows = Math.max(1, Math.floor(cfg.numHashes / bands));
  const hasher = new MinHasher(rows * bands, cfg.shingleWords);
  const index = new LshIndex({
    bands,
    similarity: cfg.similarity,
    windowMs: cfg.windowSeconds * 1000,
    maxClusters: Math.min(cfg.maxClusters, env.config.maxEntriesPerStore),
    maxMembers: Math.max(2 * cfg.minSessions, 32),
    maxSpans: env.config.maxSpanIds,
  });

  return {
    id: 'campaign',
    stores: index.stores(),
    shutdown: () => index.clear(),
    observe(ctx, out) {
      if (!cfg.enabled || ctx.ix.kind !== 'llm_call') return;
      if (cfg.onlyFlagged && ctx.detections.length === 0) return;
      const source = ctx.session ?? ctx.ix.identity.user ?? ctx.ix.identity.apiKeyFingerprint;
      if (!source) return;
      const text = ctx.userText();
      if (text.length === 0) return;
      const words = hasher.words(text, cfg.maxChars);
      if (words.length < cfg.minWords) return;
      const sig = hasher.signature(words);
      const { cluster, sources, similarity } = index.add(
        sig,
        source,
        ctx.ix.span.spanId,
        ctx.detections.length > 0,
        ctx.now,
      );
      if (sources < cfg.minSessions || cluster.quietUntil > ctx.now) return;
      cluster.quietUntil = ctx.now + cfg.windowSeconds * 1000;
      const id = ctx.ix.identity;
      const entity: Entity = id.tenant
        ? { type: 'tenant', id: id.tenant }
        : { type: 'service', id: ctx.ix.service ?? 'unknown' };
      env.fire(
        out,
        {
          ruleId: BEH.campaign,
          entity,
          windowSeconds: cfg.windowSeconds,
          confidence: cluster.flagged > 0 ? 0.9 : 0.7,
          channel: 'prompt',
          evidence: `near-duplicate prompt from ${sources} distinct sessions within ${cfg.windowSeconds}s`,
          count: sources,
          observed: sources,
          threshold: cfg.minSessions,
          spanIds: [...cluster.spans],
          dedupeSuffix: `c${cluster.id}`,
          extra: { campaignId: `c${cluster.id}`, similarity: round(similarity), flaggedPrompts: cluster.flagged },
        },
        ctx.now,
      );
    },
  };
}
