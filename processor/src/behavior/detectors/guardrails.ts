import type { Interaction } from '@tracehound/core';
import type { GuardrailRequirement } from '../config.js';
import type { DetectorEnv } from '../env.js';
import { BEH } from '../rules.js';
import type { BehaviorDetector } from '../types.js';

/** A selector value: exact, or a prefix when it ends with '*'. */
function matchValue(pattern: string | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (value === undefined) return false;
  return pattern.endsWith('*') ? value.startsWith(pattern.slice(0, -1)) : value === pattern;
}

/** Index of the first requirement the call matches (every given field must match), or -1. */
export function requirementFor(ix: Interaction, require: readonly GuardrailRequirement[]): number {
  for (let i = 0; i < require.length; i++) {
    const r = require[i];
    if (
      matchValue(r.service, ix.service) &&
      matchValue(r.model, ix.model) &&
      matchValue(r.workload, ix.identity.workload) &&
      matchValue(r.provider, ix.provider)
    )
      return i;
  }
  return -1;
}

const hasGuardrail = (ix: Interaction) =>
  (ix.guardrails?.length ?? 0) > 0 || ix.policy !== undefined || (ix.moderation?.length ?? 0) > 0;

/**
 * LLM invocations without guardrails. TH-BEH-090: an LLM call that matches an entry of `require` carries no policy
 * decision, moderation verdict or guardrail evidence, and no span of its trace did within `traceWindowSeconds`
 * before it (an input guard that ran first); reported once per service and model per `windowSeconds` with the
 * count so far. TH-BEH-091: a policy or moderation decision on the span says the guardrail was bypassed or
 * disabled (`bypassDecisions`), per event. State: the trace ids that showed a guardrail, and one counter per
 * service and model.
 */
export function guardrailsDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.guardrails;
  const traces = env.store<true>('trace.guardrail', cfg.traceWindowSeconds * 1000);
  const missing = env.store<{ count: number; spans: string[] }>('app.unguarded', cfg.windowSeconds * 1000);
  const bypass = new Set(cfg.bypassDecisions.map((d) => d.toLowerCase()));

  return {
    id: 'guardrails',
    stores: [traces, missing],
    observe(ctx, out) {
      if (!cfg.enabled) return;
      const ix = ctx.ix;
      const trace = ix.span.traceId;
      if (hasGuardrail(ix) && trace) traces.set(trace, true, ctx.now);

      let bypassed: (typeof ix.moderation & object)[number] | undefined;
      if (ix.policy?.decision && bypass.has(ix.policy.decision.toLowerCase())) bypassed = ix.policy;
      else for (const m of ix.moderation ?? []) if (m.decision && bypass.has(m.decision.toLowerCase())) bypassed ??= m;
      if (bypassed) {
        const entity = ctx.actor ?? { type: 'service' as const, id: ix.service ?? 'unknown' };
        env.fire(
          out,
          {
            ruleId: BEH.guardrailBypassed,
            entity,
            windowSeconds: cfg.windowSeconds,
            confidence: 0.8,
            channel: 'prompt',
            evidence:
              `${bypassed.source ?? 'app'} guardrail decision "${bypassed.decision}"${bypassed.rule ? ` (rule ${bypassed.rule})` : ''}${bypassed.reason ? `: ${bypassed.reason}` : ''}`.slice(
                0,
                200,
              ),
            count: 1,
            observed: 1,
            threshold: 1,
            spanIds: [ix.span.spanId],
            perEvent: true,
            extra: { decision: String(bypassed.decision), source: bypassed.source ?? 'app' },
          },
          ctx.now,
        );
      }

      if (ix.kind !== 'llm_call' || cfg.require.length === 0) return;
      const req = requirementFor(ix, cfg.require);
      if (req < 0 || hasGuardrail(ix) || (trace && traces.peek(trace, ctx.now))) return;
      const app = `${ix.service ?? 'unknown'}/${ix.model ?? 'unknown'}`;
      const st = missing.getOrCreate(app, ctx.now, () => ({ count: 0, spans: [] }));
      st.count++;
      st.spans.push(ix.span.spanId);
      if (st.spans.length > env.config.maxSpanIds) st.spans.shift();
      env.fire(
        out,
        {
          ruleId: BEH.guardrailMissing,
          entity: { type: 'service', id: app },
          windowSeconds: cfg.windowSeconds,
          confidence: 0.75,
          channel: 'prompt',
          evidence: `LLM call of ${app} carried no policy decision, moderation or guardrail (required by behavior.guardrails.require[${req}]); ${st.count} such call${st.count === 1 ? '' : 's'} this window`,
          count: st.count,
          observed: st.count,
          threshold: 1,
          spanIds: [...st.spans],
          extra: { requirement: req, ...(ix.model ? { model: ix.model } : {}) },
        },
        ctx.now,
      );
    },
  };
}
