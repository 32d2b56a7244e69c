import type { DetectorEnv } from '../env.js';
import { round } from '../env.js';
import { BEH } from '../rules.js';
import { Ewma } from '../state/ewma.js';
import type { BehaviorDetector, Entity } from '../types.js';

/**
 * Output-size spikes (TH-BEH-021): each app (service + model) learns an EWMA mean and variance of its answer length;
 * after `warmup` answers, an answer above max(ratio × mean, mean + z × std, minTokens) fires for the session (or user,
 * or key) that received it. Spikes enter the baseline clamped at the threshold so a dump cannot teach itself normal.
 */
export function outputSpikeDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.outputSpike;
  const store = env.store<Ewma>('app.output', env.config.baselineTtlSeconds * 1000);

  return {
    id: 'output-spike',
    stores: [store],
    observe(ctx, out) {
      const ix = ctx.ix;
      if (!cfg.enabled || ix.kind !== 'llm_call' || ix.output.length === 0) return;
      let tokens = ix.usage.outputTokens;
      if (tokens === undefined) {
        let chars = 0;
        for (const m of ix.output) chars += m.content.length;
        tokens = chars / cfg.charsPerToken;
      }
      if (!Number.isFinite(tokens) || tokens < 0) return;
      const app = `${ix.service ?? 'unknown'}|${ix.responseModel ?? ix.model ?? 'unknown'}`;
      const base = store.getOrCreate(app, ctx.now, () => new Ewma(cfg.alpha));
      if (base.count < cfg.warmup) {
        base.update(tokens);
        return;
      }
      const threshold = Math.max(base.threshold(cfg.ratio, cfg.zScore), cfg.minTokens);
      const baseline = base.mean;
      base.update(Math.min(tokens, threshold));
      if (tokens <= threshold) return;
      const entity: Entity = ctx.actor ?? { type: 'service', id: app };
      env.fire(
        out,
        {
          ruleId: BEH.outputSpike,
          entity,
          windowSeconds: cfg.windowSeconds,
          confidence: Math.min(1, 0.6 + 0.1 * (tokens / Math.max(threshold, 1))),
          channel: 'output',
          evidence: `answer of ${round(tokens, 0)} tokens where the app baseline is ${round(baseline, 0)} (threshold ${round(threshold, 0)})`,
          count: 1,
          observed: tokens,
          threshold,
          baseline,
          spanIds: [ix.span.spanId],
          extra: { app, baselineStd: round(base.std) },
        },
        ctx.now,
      );
    },
  };
}
