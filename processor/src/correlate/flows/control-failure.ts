/**
 * Decision vs enforcement: a policy decision that said deny for an action (`tracehound.policy.target` = `tool:<name>`
 * or `host:<host>`, enforced or not stated) followed in the same trace by that action running, or an action run while
 * the processor's verdict API held an enforced block for its session, user or tool. Either is TH-FLOW-020: the
 * control failed.
 */
import type { Detection, Interaction } from '@tracehound/core';
import type { Denial, FlowState, FlowStep } from './flow-state.js';
import { FLOW } from './rules.js';

/** An enforced block the verdict API holds for one of `targets` at `atMs` (response/verdict-store.ts), if any. */
export type BlockLookup = (targets: readonly string[], atMs: number) => { target: string; rule: string } | undefined;

/** The target a policy decision names, normalized: `tool:<name>` or `host:<host>` (lower-cased host). */
export function parseTarget(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const t = raw.trim();
  const colon = t.indexOf(':');
  if (colon <= 0) return `tool:${t}`;
  const kind = t.slice(0, colon).toLowerCase();
  const value = t.slice(colon + 1).trim();
  if (!value) return undefined;
  if (kind === 'tool') return `tool:${value}`;
  if (kind === 'host') return `host:${value.toLowerCase()}`;
  return undefined;
}

/** A denial recorded earlier in the trace that this step's action breaks. */
function broken(step: FlowStep, denials: readonly Denial[]): Denial | undefined {
  if (step.kind !== 'tool_call') return undefined;
  for (const d of denials) {
    if (d.spanId === step.spanId || d.startNs > step.startNs) continue;
    if (d.target === `tool:${step.tool}`) return d;
    if (d.target.startsWith('host:') && step.hosts.includes(d.target.slice(5))) return d;
  }
  return undefined;
}

/** Steps of the trace that ran after a denial of their action (each step once). */
export function findDeniedExecuted(flow: FlowState): Array<{ step: FlowStep; detection: Detection }> {
  const out: Array<{ step: FlowStep; detection: Detection }> = [];
  for (const step of flow.steps) {
    const d = broken(step, flow.denials);
    if (!d) continue;
    const key = `${FLOW.deniedExecuted}\u0000${step.spanId}`;
    if (flow.fired.has(key)) continue;
    flow.fired.add(key);
    out.push({
      step,
      detection: {
        ruleId: FLOW.deniedExecuted,
        confidence: 1,
        channel: 'tool_call',
        evidence: `${step.tool ?? 'tool'} ran after a policy decision denied ${d.target}${d.rule ? ` (rule ${d.rule})` : ''}`,
        details: {
          target: d.target,
          decisionSpanId: d.spanId,
          ...(d.rule ? { decisionRule: d.rule } : {}),
          steps: [`deny:${d.target}@${d.spanId}`, `executed:${step.tool ?? step.kind}@${step.spanId}`],
          stepSpanIds: [d.spanId, step.spanId],
          source: 'policy_decision',
        },
      },
    });
  }
  return out;
}

/** An action run while the verdict API blocked its session, user or tool (checked when the span is seen). */
export function blockedButRan(ix: Interaction, lookup: BlockLookup, atMs: number): Detection | undefined {
  if (ix.kind !== 'tool_call' && ix.kind !== 'llm_call') return undefined;
  const targets: string[] = [];
  if (ix.identity.session) targets.push(`session:${ix.identity.session}`);
  if (ix.identity.user) targets.push(`user:${ix.identity.user}`);
  if (ix.identity.apiKeyFingerprint) targets.push(`api_key:${ix.identity.apiKeyFingerprint}`);
  if (ix.kind === 'tool_call' && ix.tool?.name) targets.push(`tool:${ix.tool.name}`);
  const hit = targets.length > 0 ? lookup(targets, atMs) : undefined;
  if (!hit) return undefined;
  const what = ix.kind === 'tool_call' ? (ix.tool?.name ?? 'tool') : `model call ${ix.model ?? ''}`.trim();
  return {
    ruleId: FLOW.deniedExecuted,
    confidence: 0.95,
    channel: 'tool_call',
    evidence: `${what} ran while the verdict API blocked ${hit.target} (rule ${hit.rule})`,
    details: { target: hit.target, decisionRule: hit.rule, source: 'verdict_api' },
  };
}
