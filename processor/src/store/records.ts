import { SEVERITY_ORDER, type Finding, type Interaction, type Severity } from '@tracehound/core';
import { applyCaptureToValue, type CaptureMode } from '@tracehound/core/privacy';

/** The shapes the store returns (and the findings API answers): docs/console.md § Shapes. */

export type AnalystVerdict = 'true_positive' | 'false_positive' | 'benign_true_positive';

export interface FindingSummary {
  id: string;
  time: string;
  ruleId: string;
  ruleName: string;
  category: string;
  severity: Severity;
  score: number;
  confidence: number;
  channel: string;
  evidence: string;
  traceId: string;
  spanId: string;
  session: string | null;
  user: string | null;
  service: string | null;
  model: string | null;
  tool: string | null;
  verdict: AnalystVerdict | null;
}

export interface SpanSummary {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  start: string;
  end: string;
  session: string | null;
  user: string | null;
  service: string | null;
  model: string | null;
  provider: string | null;
  input: Array<{ role: string; content: string }>;
  output: Array<{ role: string; content: string }>;
  tool: {
    name: string;
    arguments: string | null;
    result: string | null;
    target: string | null;
    decision: 'allowed' | 'denied' | null;
    decisionRule: string | null;
  } | null;
  documents: Array<{ id: string | null; source: string | null; trust: string | null; content: string | null }>;
  usage: { inputTokens: number | null; outputTokens: number | null };
  findings: number;
  suppressed: number;
  sampled: boolean;
  /** The capture mode the content was stored under. */
  capture: CaptureMode;
}

export interface VerdictRecord {
  findingId: string;
  verdict: AnalystVerdict;
  note: string | null;
  at: string;
  suppression: string | null;
}

export interface SessionSummary {
  id: string;
  user: string | null;
  firstSeen: string;
  lastSeen: string;
  spans: number;
  findings: number;
  maxSeverity: Severity | null;
  sampled: boolean;
}

export const severityNum = (s: Severity): number => SEVERITY_ORDER.indexOf(s);
export const severityOf = (n: number): Severity | null => (n > 0 ? (SEVERITY_ORDER[n] ?? null) : null);
export const iso = (ms: number): string => new Date(ms).toISOString();
export const nsToMs = (ns: bigint): number => Number(ns / 1_000_000n);

export function findingSummary(f: Finding, verdict: AnalystVerdict | null = null): FindingSummary {
  return {
    id: f.id,
    time: iso(nsToMs(f.timeUnixNano)),
    ruleId: f.rule.id,
    ruleName: f.rule.name,
    category: f.rule.category,
    severity: f.severity,
    score: f.score,
    confidence: f.confidence,
    channel: f.channel,
    evidence: f.evidence,
    traceId: f.traceId,
    spanId: f.spanId,
    session: f.context.session ?? null,
    user: f.context.user ?? null,
    service: f.context.service ?? null,
    model: f.context.model ?? null,
    tool: f.context.tool ?? null,
    verdict,
  };
}

/** Content as captured: the capture mode applied (never raw content in redacted or hashed mode), then truncated. */
export class ContentCapture {
  constructor(
    readonly mode: CaptureMode,
    private readonly hashKey: string | undefined,
    private readonly maxChars: number,
  ) {}

  text(s: string | undefined): string | null {
    if (s === undefined || s === null) return null;
    if (this.maxChars === 0) return '';
    const v = applyCaptureToValue(this.mode, s, this.hashKey);
    const out = typeof v === 'string' ? v : '[content removed: capture mode failed]';
    return out.length > this.maxChars ? `${out.slice(0, this.maxChars)}…` : out;
  }
}

export function spanSummary(
  ix: Interaction,
  c: ContentCapture,
  counts: { findings: number; suppressed: number; sampled: boolean },
): SpanSummary {
  const t = ix.tool;
  const target = t ? (t.targetUrl ?? t.targetHost ?? t.targetPath ?? null) : null;
  return {
    traceId: ix.span.traceId,
    spanId: ix.span.spanId,
    parentSpanId: ix.span.parentSpanId ?? null,
    name: ix.span.name,
    kind: ix.kind,
    start: iso(nsToMs(ix.timing.startNs)),
    end: iso(nsToMs(ix.timing.endNs)),
    session: ix.identity.session ?? null,
    user: ix.identity.user ?? null,
    service: ix.service ?? null,
    model: ix.model ?? null,
    provider: ix.provider ?? null,
    input: ix.input.map((m) => ({ role: m.role, content: c.text(m.content) ?? '' })),
    output: ix.output.map((m) => ({ role: m.role, content: c.text(m.content) ?? '' })),
    tool: t
      ? {
          name: t.name,
          arguments: c.text(t.arguments),
          result: c.text(t.result),
          // Targets are URLs and paths the detectors judge; they may carry secrets in query strings, so they go
          // through the capture mode too.
          target: target === null ? null : c.text(target),
          decision: t.decision ?? null,
          decisionRule: t.decisionRule ?? null,
        }
      : null,
    documents: ix.documents.map((d) => ({
      id: d.id ?? null,
      source: d.source ?? null,
      trust: d.trust ?? null,
      content: c.text(d.content),
    })),
    usage: { inputTokens: ix.usage.inputTokens ?? null, outputTokens: ix.usage.outputTokens ?? null },
    findings: counts.findings,
    suppressed: counts.suppressed,
    sampled: counts.sampled,
    capture: c.mode,
  };
}
