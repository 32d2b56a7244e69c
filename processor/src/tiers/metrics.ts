import type { Registry } from 'prom-client';
import { getOrCreateCounter, getOrCreateGauge, getOrCreateHistogram } from '../metrics/registry.js';

/**
 * Metrics of the escalation tiers (docs/metrics.md). Labels: `tier` (classifier, judge), `model` (a configured model
 * name or the judge model, both from the configuration), `reason` and `outcome` from closed sets.
 */
export function createTierMetrics(registry: Registry) {
  return {
    latency: getOrCreateHistogram<'tier' | 'model'>(registry, {
      name: 'tracehound_tier_latency_seconds',
      help: 'Latency of one tier call: a classifier batch in its worker, a judge request.',
      labelNames: ['tier', 'model'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    queueDepth: getOrCreateGauge<'tier'>(registry, {
      name: 'tracehound_tier_queue_depth',
      help: 'Texts (classifier) or requests (judge) waiting for the tier.',
      labelNames: ['tier'],
    }),
    dropped: getOrCreateCounter<'tier' | 'reason'>(registry, {
      name: 'tracehound_tier_dropped_total',
      help: 'Tier work not done: queue_full, timeout, error, shutdown, budget, breaker_open.',
      labelNames: ['tier', 'reason'],
    }),
    calls: getOrCreateCounter<'tier' | 'outcome'>(registry, {
      name: 'tracehound_tier_calls_total',
      help: 'Tier verdicts: attack, benign, cached (judge cache hit), parse_failure (judge answer not understood).',
      labelNames: ['tier', 'outcome'],
    }),
    budgetRemaining: getOrCreateGauge<'budget'>(registry, {
      name: 'tracehound_tier_budget_remaining',
      help: 'What is left of the judge budget: requests_per_minute, tokens_per_day.',
      labelNames: ['budget'],
    }),
    breakerOpen: getOrCreateGauge(registry, {
      name: 'tracehound_tier_judge_breaker_open',
      help: '1 while the judge circuit breaker is open (no request sent).',
    }),
  };
}

export type TierMetrics = ReturnType<typeof createTierMetrics>;
