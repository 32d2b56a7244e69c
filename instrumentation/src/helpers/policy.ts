/** Policy decisions: which rule resolved how, whether it was enforced, and why. */
import { context as otelContext, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { runtime } from '../runtime.js';
import { safely } from '../safe.js';
import * as A from '@tracehound/core/attributes';
import { stampIdentity } from './identity.js';

export interface PolicyDecisionRecord {
  rule: string;
  /** allow | deny | redact | flag | ... */
  decision: string;
  enforced: boolean;
  reason?: string;
  /** What the decision concerns (`tool:<name>`, `host:<host>`): the processor flags the action when it still runs. */
  target?: string;
}

export interface PolicyDecisionOptions {
  /** Annotate this span instead of starting a new one. */
  span?: Span;
  /** Parent context for the new span (default: the active context). */
  context?: Context;
}

export function policyAttributes(p: PolicyDecisionRecord): Attributes {
  const a: Attributes = {
    [A.TH_POLICY_RULE]: p.rule,
    [A.TH_POLICY_DECISION]: p.decision,
    [A.TH_POLICY_ENFORCED]: p.enforced,
  };
  if (p.reason) a[A.TH_POLICY_REASON] = p.reason;
  if (p.target) a[A.TH_POLICY_TARGET] = p.target;
  return a;
}

/** Records a policy decision as a `tracehound.policy_decision` span (or on opts.span). Never throws. */
export function recordPolicyDecision(decision: PolicyDecisionRecord, opts: PolicyDecisionOptions = {}): void {
  safely(
    'recordPolicyDecision',
    () => {
      if (opts.span) {
        opts.span.setAttributes(policyAttributes(decision));
        return;
      }
      const ctx = opts.context ?? otelContext.active();
      const span = runtime()
        .tracer()
        .startSpan(A.SPAN_POLICY_DECISION, { attributes: policyAttributes(decision) }, ctx);
      stampIdentity(span, ctx);
      span.end();
    },
    undefined,
  );
}
