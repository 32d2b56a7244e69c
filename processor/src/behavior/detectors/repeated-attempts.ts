import type { FindingCategory } from '@tracehound/core';
import type { DetectorEnv } from '../env.js';
import { BEH } from '../rules.js';
import { EventRing } from '../state/ring.js';
import type { BehaviorDetector } from '../types.js';

interface SessionAttacks {
  attempts: EventRing;
  lastLeakAt: number;
  leakSpan: string;
}

const LEAK_CHANNELS = new Set(['output', 'tool_call']);

/**
 * Repeated injection / extraction attempts within one session (TH-BEH-001) and, when an output of the same session
 * was flagged as a leak within the window, the escalated TH-BEH-002. State exists only for sessions that attacked or
 * leaked: one ring of `threshold` timestamps each.
 */
export function repeatedAttemptsDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.repeatedAttempts;
  const windowMs = cfg.windowSeconds * 1000;
  const attack = new Set<FindingCategory>(cfg.attackCategories);
  const leak = new Set<FindingCategory>(cfg.leakCategories);
  const store = env.store<SessionAttacks>('session.attempts', Math.max(windowMs, env.config.sessionTtlSeconds * 1000));

  return {
    id: 'repeated-attempts',
    stores: [store],
    observe(ctx, out) {
      if (!cfg.enabled || !ctx.session) return;
      let attempted = false;
      let leaked = false;
      for (const d of ctx.detectionCategories) {
        if (d.category && attack.has(d.category) && d.channel === 'prompt') attempted = true;
        else if (d.category && leak.has(d.category) && LEAK_CHANNELS.has(d.channel)) leaked = true;
      }
      if (!attempted && !leaked) return;
      const now = ctx.now;
      const st = store.getOrCreate(ctx.session, now, () => ({
        attempts: new EventRing(cfg.threshold),
        lastLeakAt: -Infinity,
        leakSpan: '',
      }));
      const spanId = ctx.ix.span.spanId;
      if (attempted) st.attempts.push(now, spanId);
      if (leaked) {
        st.lastLeakAt = now;
        st.leakSpan = spanId;
      }
      const since = now - windowMs;
      if (!st.attempts.fullSince(since)) return;
      const count = st.attempts.countSince(since);
      const spanIds = st.attempts.spanIdsSince(since, env.config.maxSpanIds);
      const entity = { type: 'session' as const, id: ctx.session };
      if (st.lastLeakAt >= since) {
        if (st.leakSpan && !spanIds.includes(st.leakSpan)) spanIds.push(st.leakSpan);
        const fired = env.fire(
          out,
          {
            ruleId: BEH.repeatedAttemptsSucceeded,
            entity,
            windowSeconds: cfg.windowSeconds,
            confidence: 1,
            channel: leaked ? 'output' : 'prompt',
            evidence: `${count} injection/extraction attempts in ${cfg.windowSeconds}s followed by a leak in the same session`,
            count,
            observed: count,
            threshold: cfg.threshold,
            spanIds,
            extra: { succeeded: true },
          },
          now,
        );
        // The escalated finding replaces the plain one for this window.
        if (fired) env.quiet(BEH.repeatedAttempts, entity, cfg.windowSeconds, now);
        return;
      }
      if (!attempted) return;
      env.fire(
        out,
        {
          ruleId: BEH.repeatedAttempts,
          entity,
          windowSeconds: cfg.windowSeconds,
          confidence: 0.9,
          channel: 'prompt',
          evidence: `${count} injection/extraction attempts in one session within ${cfg.windowSeconds}s`,
          count,
          observed: count,
          threshold: cfg.threshold,
          spanIds,
          extra: { succeeded: false },
        },
        now,
      );
    },
  };
}
