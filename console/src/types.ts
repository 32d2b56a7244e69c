// The findings API's shapes (docs/console.md § Shapes; docs/console-openapi.json). The console talks to the
// processor only over HTTP, so it keeps its own copy of what it reads.

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type AnalystVerdict = 'true_positive' | 'false_positive' | 'benign_true_positive';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
export const VERDICTS: readonly AnalystVerdict[] = ['true_positive', 'false_positive', 'benign_true_positive'];

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

export interface RuleInfo {
  id: string;
  name: string;
  category: string;
  severity: Severity;
  description: string;
  falsePositives: string;
  owasp: string[];
  atlas: string[];
  playbook: PlaybookRef | null;
}

export interface Message {
  role: string;
  content: string;
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
  input: Message[];
  output: Message[];
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
}

export interface VerdictRecord {
  findingId: string;
  verdict: AnalystVerdict;
  note: string | null;
  at: string;
  suppression: string | null;
}

export interface SuppressionMatch {
  service?: string;
  user?: string;
  session?: string;
  model?: string;
  tool?: string;
  evidenceContains?: string;
}

export interface SuppressionInfo {
  id: string;
  rule: string;
  reason: string;
  expires: string;
  source: 'config' | 'file' | 'api';
  match?: SuppressionMatch;
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

export interface FindingDetail {
  finding: FindingSummary & { details: Record<string, unknown> | null; action: Record<string, unknown> | null };
  rule: RuleInfo | null;
  relatedSpans: SpanSummary[];
  verdicts: VerdictRecord[];
}

export interface Timeline {
  session: SessionSummary;
  items: Array<SpanSummary & { findingsInline: FindingSummary[] }>;
}

export interface ReviewItem extends SessionSummary {
  reason: 'flagged' | 'sample';
  reviewed: boolean;
}

export interface RuleStats extends RuleInfo {
  findings: number;
  verdicts: Record<AnalystVerdict, number>;
  precision: number | null;
  suppressions: SuppressionInfo[];
}

export interface OverTime {
  bucketSeconds: number;
  from: string;
  to: string;
  buckets: Array<{ start: string; counts: Record<string, number> }>;
}

/** A rule's response playbook (GET /api/v1/playbooks/{id} serves its text). */
export interface PlaybookRef {
  id: string;
  title: string;
  url: string;
}

export interface Playbook {
  id: string;
  title: string;
  /** Where it is maintained (siem-content/playbooks/…). */
  source: string;
  markdown: string;
  rules: string[];
}
