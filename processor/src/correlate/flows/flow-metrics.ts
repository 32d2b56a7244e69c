/**
 * Metrics of the flows layer: policy decisions by rule and outcome (the "security control effectiveness" view), and
 * the flow state's size and evictions. Label values are bounded: rule names pass the LabelLimiter (first 200 distinct
 * values, then "other"; secret-looking values "redacted"), outcomes are one of a fixed set.
 */
import type { Counter, Registry } from 'prom-client';
import { LabelLimiter } from '../../metrics/label-limiter.js';
import { getOrCreateCounter, getOrCreateGauge } from '../../metrics/registry.js';
import type { FlowStore } from './flow-state.js';

const OUTCOMES = new Set(['allow', 'deny', 'redact', 'flag', 'throttle']);
const ALIASES: Record<string, string> = {
  allowed: 'allow',
  permit: 'allow',
  denied: 'deny',
  block: 'deny',
  blocked: 'deny',
  reject: 'deny',
  rejected: 'deny',
  redacted: 'redact',
  flagged: 'flag',
};

export function decisionOutcome(decision: string | undefined): string {
  const d = (decision ?? '').trim().toLowerCase();
  const o = ALIASES[d] ?? d;
  return OUTCOMES.has(o) ? o : 'other';
}

export class FlowMetrics {
  private readonly decisions: Counter<'rule' | 'outcome' | 'enforced'>;
  private readonly rules = new LabelLimiter(200);

  constructor(registry: Registry, store: FlowStore) {
    this.decisions = getOrCreateCounter(registry, {
      name: 'tracehound_policy_decisions_total',
      help: "Policy decisions seen in the telemetry (the app's and the guard's), by rule, outcome and whether enforced.",
      labelNames: ['rule', 'outcome', 'enforced'] as const,
    });
    getOrCreateGauge(registry, {
      name: 'tracehound_flow_state_entries',
      help: 'Traces and sessions whose agent flow is remembered.',
      labelNames: ['scope'] as const,
      collect() {
        this.set({ scope: 'trace' }, store.traces.size);
        this.set({ scope: 'session' }, store.sessions.size);
      },
    });
    getOrCreateGauge(registry, {
      name: 'tracehound_flow_state_evictions',
      help: 'Flow state entries evicted since start (lru: the store was full; ttl: the wait or session TTL ran out).',
      labelNames: ['scope', 'reason'] as const,
      collect() {
        for (const [scope, s] of [
          ['trace', store.traces],
          ['session', store.sessions],
        ] as const)
          for (const reason of ['lru', 'ttl'] as const) this.set({ scope, reason }, s.evictions[reason]);
      },
    });
  }

  decision(rule: string | undefined, decision: string | undefined, enforced: boolean | undefined): void {
    this.decisions.inc({
      rule: this.rules.value(rule),
      outcome: decisionOutcome(decision),
      enforced: enforced === undefined ? 'unknown' : String(enforced),
    });
  }
}
