import { randomUUID } from 'node:crypto';
import type { DetectionConfig } from '../detect/config.js';
import { SIGNAL_CATEGORIES, type Detection, type Finding, type Severity, type Interaction } from '@tracehound/core';
import type { RuleCatalog } from '../rules/catalog.js';
import { findingId } from '../correlate/finding-id.js';
import { effectiveSeverity, findingScore, maxSeverity } from './severity.js';

export interface SpanRisk {
  score: number;
  severity: Severity;
  rules: string[];
  categories: string[];
  /** Set when a text of the span was longer than detection.maxTextBytes: only its head and tail were scanned. */
  partial?: boolean;
  /** Set when the model refused (a signal-category detection): an attribute of the span, not a finding. */
  refused?: boolean;
}

/** Context fields a finding carries, taken from the Interaction it concerns. */
export function findingContext(ix: Interaction): Finding['context'] {
  const id = ix.identity;
  return {
    service: ix.service,
    provider: ix.provider,
    model: ix.responseModel ?? ix.model,
    operation: ix.operation,
    user: id.user,
    session: id.session,
    conversation: id.conversation,
    apiKeyFingerprint: id.apiKeyFingerprint,
    tenant: id.tenant,
    workload: id.workload,
    tool: ix.tool?.name,
    ...(ix.usage.inputTokens !== undefined ? { inputTokens: ix.usage.inputTokens } : {}),
    ...(ix.usage.outputTokens !== undefined ? { outputTokens: ix.usage.outputTokens } : {}),
  };
}

/** Turns detections into findings: severity per the ladder, score, mappings, context. */
export class Scorer {
  constructor(
    private readonly catalog: RuleCatalog,
    private readonly config: DetectionConfig,
    private readonly clock: () => number,
  ) {}

  /** Whether a rule's detections are signals (SIGNAL_CATEGORIES) rather than findings. */
  isSignal(ruleId: string): boolean {
    const rule = this.catalog.get(ruleId);
    return rule !== undefined && SIGNAL_CATEGORIES.has(rule.category);
  }

  toFinding(det: Detection, ix: Interaction): Finding | undefined {
    const rule = this.catalog.get(det.ruleId);
    if (!rule) return undefined;
    const ruleSeverity = this.config.rules[rule.id]?.severity ?? rule.severity;
    const severity = effectiveSeverity(ruleSeverity, det.confidence);
    // Idempotent ids for spans (a retried batch yields the same ids); random only for texts scanned without a span.
    const id = ix.span.traceId
      ? findingId({
          traceId: ix.span.traceId,
          spanId: ix.span.spanId,
          ruleId: rule.id,
          channel: det.channel,
          evidence: det.evidence,
        })
      : randomUUID();
    return {
      id,
      timeUnixNano: BigInt(this.clock()) * 1_000_000n,
      rule: { id: rule.id, name: rule.name, category: rule.category, owasp: rule.owasp, atlas: rule.atlas },
      severity,
      score: findingScore(severity, det.confidence),
      confidence: Math.round(det.confidence * 1000) / 1000,
      channel: det.channel,
      evidence: det.evidence,
      traceId: ix.span.traceId,
      spanId: ix.span.spanId,
      context: findingContext(ix),
      details: det.details,
    };
  }

  /** One detection per rule and channel survives (the most confident), so one span does not flood the SIEM. */
  static dedupe(dets: Detection[]): Detection[] {
    const best = new Map<string, Detection>();
    for (const d of dets) {
      const k = `${d.ruleId}\u0000${d.channel}`;
      const prev = best.get(k);
      if (!prev || d.confidence > prev.confidence) best.set(k, d);
    }
    return [...best.values()];
  }

  /** The span's risk: the highest finding score, raised 5 points per further distinct category (max 100). */
  static spanRisk(findings: Finding[]): SpanRisk {
    if (findings.length === 0) return { score: 0, severity: 'none', rules: [], categories: [] };
    let top = 0;
    let sev: Severity = 'none';
    for (const f of findings) {
      top = Math.max(top, f.score);
      sev = maxSeverity(sev, f.severity);
    }
    const categories = [...new Set(findings.map((f) => f.rule.category))].sort();
    const score = Math.min(100, top + 5 * (categories.length - 1));
    return {
      score,
      severity: sev,
      rules: [...new Set(findings.map((f) => f.rule.id))].sort(),
      categories,
    };
  }
}
