import { randomUUID } from 'node:crypto';
import type { Counter, Registry } from 'prom-client';
import { LruMap } from '../behavior/state/lru.js';
import type { Analysis, StageExtension } from '../score/analyzer.js';
import { getOrCreateCounter } from '../metrics/registry.js';
import { SEVERITY_ORDER, type Finding, type Interaction } from '@tracehound/core';
import { findingScore } from '../score/severity.js';
import type { ActionMode, ActionSpec, ActionTarget, ActionType, ResponseConfig } from './config.js';
import { ACTION_RULE } from './rules.js';
import { VerdictStore } from './verdict-store.js';

/** Longest target id kept (ids come from telemetry: bound the memory one entry can take). */
const MAX_ID = 256;

interface TargetState {
  /** Times (ms) of recent findings of one rule for one target, oldest first, at most `threshold` of them. */
  times: number[];
  /** No new action for this rule and target before this time (the action's TTL): one decision per offence. */
  quietUntil: number;
}

export interface ActionEngineOptions {
  clock?: () => number;
  registry?: Registry;
  /** Share a store with the verdict API (created here when absent). */
  store?: VerdictStore;
}

/** The target string of a finding ("session:s-1"), or undefined when the finding does not name one. */
export function targetOf(kind: ActionTarget, f: Finding): string | undefined {
  const d = f.details;
  // Behavioral findings say which entity they concern; prefer it when it is of the wanted kind.
  let id = d && d.entityType === kind && typeof d.entityId === 'string' ? d.entityId : undefined;
  if (!id) {
    const c = f.context;
    id = kind === 'session' ? c.session : kind === 'user' ? c.user : kind === 'api_key' ? c.apiKeyFingerprint : c.tool;
  }
  if (!id) return undefined;
  return `${kind}:${id.length > MAX_ID ? id.slice(0, MAX_ID) : id}`;
}

/**
 * Decides automated actions from each analysis's findings (a StageExtension): rule-by-rule (category as a fallback)
 * none / alert / throttle / block on a session, user, API key or tool, after a per-target threshold, for a TTL, in
 * shadow or enforce mode. Enforced throttles and blocks go to the VerdictStore the verdict API answers from; every
 * decision, shadow included, comes back as a response_action finding so the SIEM sees it.
 */
export class ActionEngine implements StageExtension {
  readonly store: VerdictStore;
  private readonly clock: () => number;
  private readonly counters = new LruMap<string, TargetState>();
  private readonly decided: Counter<'action' | 'mode' | 'rule'> | undefined;

  constructor(
    private readonly config: ResponseConfig,
    opts: ActionEngineOptions = {},
  ) {
    this.clock = opts.clock ?? Date.now;
    this.store = opts.store ?? new VerdictStore(config.actions.maxEntries, this.clock);
    this.decided = opts.registry
      ? getOrCreateCounter(opts.registry, {
          name: 'tracehound_response_actions_total',
          help: 'Automated response decisions, by action, mode and triggering rule.',
          labelNames: ['action', 'mode', 'rule'] as const,
        })
      : undefined;
  }

  /** The action configured for a finding's rule, else for its category. */
  specFor(f: Finding): ActionSpec | undefined {
    const a = this.config.actions;
    return a.rules[f.rule.id] ?? a.categories[f.rule.category];
  }

  onAnalysis(_ix: Interaction, analysis: Analysis): { findings?: Finding[] } | void {
    if (analysis.findings.length === 0) return;
    let out: Finding[] | undefined;
    for (const f of analysis.findings) {
      if (f.rule.category === 'response_action') continue;
      const r = this.consider(f);
      if (r) (out ??= []).push(r);
    }
    return out ? { findings: out } : undefined;
  }

  /** One finding → at most one response_action finding. Never throws on telemetry content. */
  consider(f: Finding): Finding | undefined {
    const spec = this.specFor(f);
    if (!spec || spec.action === 'none') return undefined;
    if (spec.minSeverity && SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(spec.minSeverity))
      return undefined;
    const target = targetOf(spec.target, f);
    if (!target) return undefined;
    const now = this.clock();
    const ttlSeconds = spec.ttlSeconds ?? this.config.actions.defaultTtlSeconds;
    const threshold = spec.threshold ?? 1;
    const windowMs = (spec.windowSeconds ?? ttlSeconds) * 1000;
    const key = `${f.rule.id}|${target}`;
    let st = this.counters.node(key)?.value;
    if (!st) st = { times: [], quietUntil: 0 };
    this.counters.set(key, st, now);
    while (this.counters.size > this.config.actions.maxEntries) this.counters.shift();
    if (st.quietUntil > now) return undefined; // this offence was acted on already
    st.times.push(now);
    while (st.times.length > 0 && st.times[0] <= now - windowMs) st.times.shift();
    if (st.times.length > threshold) st.times.splice(0, st.times.length - threshold);
    if (st.times.length < threshold) return undefined;
    st.quietUntil = now + ttlSeconds * 1000;
    const count = st.times.length;
    st.times = [];

    const mode: ActionMode = spec.mode ?? this.config.mode;
    const finding = this.actionFinding(f, spec.action, mode, target, ttlSeconds, count, now);
    if (spec.action !== 'alert') {
      const fresh = this.store.put({
        decision: spec.action,
        target,
        mode,
        rule: f.rule.id,
        reason: `${f.rule.id} ${f.rule.name}`,
        decidedAt: now,
        expiresAt: now + ttlSeconds * 1000,
        findingId: finding.id,
      });
      // Already blocked (or throttled) by another rule: the live verdict was extended, nothing new to report.
      if (!fresh) return undefined;
    }
    this.decided?.inc({ action: spec.action, mode, rule: f.rule.id });
    return finding;
  }

  private actionFinding(
    trigger: Finding,
    type: Exclude<ActionType, 'none'>,
    mode: ActionMode,
    target: string,
    ttlSeconds: number,
    count: number,
    now: number,
  ): Finding {
    const rule = ACTION_RULE[type];
    const hold = type === 'alert' ? '' : ` for ${ttlSeconds}s`;
    return {
      id: randomUUID(),
      timeUnixNano: BigInt(now) * 1_000_000n,
      rule: {
        id: rule.id,
        name: rule.name,
        category: rule.category,
        owasp: trigger.rule.owasp,
        atlas: trigger.rule.atlas,
      },
      severity: rule.severity,
      score: findingScore(rule.severity, trigger.confidence),
      confidence: trigger.confidence,
      channel: trigger.channel,
      // Names ids and rules only: never content.
      evidence: `${mode === 'shadow' ? 'would ' : ''}${type} ${target}${hold} after ${count} finding(s) of ${trigger.rule.id}`,
      traceId: trigger.traceId,
      spanId: trigger.spanId,
      context: trigger.context,
      details: {
        triggerRule: trigger.rule.id,
        triggerCategory: trigger.rule.category,
        triggerFindingId: trigger.id,
        triggerSeverity: trigger.severity,
        count,
        ...(type === 'alert' ? {} : { expiresAt: new Date(now + ttlSeconds * 1000).toISOString() }),
      },
      action: { type, mode, target, ...(type === 'alert' ? {} : { ttlSeconds }) },
    };
  }
}
