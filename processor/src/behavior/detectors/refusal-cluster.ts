import type { DetectorEnv } from '../env.js';
import { BEH } from '../rules.js';
import { EventRing } from '../state/ring.js';
import type { BehaviorDetector, EntityType } from '../types.js';

/**
 * Clusters of refused answers per session (TH-BEH-010) and per API key (TH-BEH-011). A ring of `threshold` refusal
 * times per entity that has refusals at all; nothing is kept for entities that were never refused.
 */
export function refusalClusterDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.refusalCluster;
  const windowMs = cfg.windowSeconds * 1000;
  const ttlSession = Math.max(windowMs, env.config.sessionTtlSeconds * 1000);
  const sessions = env.store<EventRing>('session.refusals', ttlSession);
  const keys = env.store<EventRing>('key.refusals', windowMs);

  const track = (
    type: EntityType,
    id: string,
    threshold: number,
    ruleId: string,
    store: typeof sessions,
    now: number,
    spanId: string,
    out: Parameters<BehaviorDetector['observe']>[1],
  ) => {
    const ring = store.getOrCreate(id, now, () => new EventRing(threshold));
    ring.push(now, spanId);
    const since = now - windowMs;
    if (!ring.fullSince(since)) return;
    const count = ring.countSince(since);
    env.fire(
      out,
      {
        ruleId,
        entity: { type, id },
        windowSeconds: cfg.windowSeconds,
        confidence: 0.8,
        channel: 'output',
        evidence: `${count} refused answers for one ${type === 'session' ? 'session' : 'API key'} within ${cfg.windowSeconds}s`,
        count,
        observed: count,
        threshold,
        spanIds: ring.spanIdsSince(since, env.config.maxSpanIds),
      },
      now,
    );
  };

  return {
    id: 'refusal-cluster',
    stores: [sessions, keys],
    observe(ctx, out) {
      if (!cfg.enabled || !ctx.refused) return;
      const spanId = ctx.ix.span.spanId;
      if (ctx.session)
        track('session', ctx.session, cfg.sessionThreshold, BEH.refusalClusterSession, sessions, ctx.now, spanId, out);
      const key = ctx.ix.identity.apiKeyFingerprint;
      if (key) track('api_key', key, cfg.apiKeyThreshold, BEH.refusalClusterKey, keys, ctx.now, spanId, out);
    },
  };
}
