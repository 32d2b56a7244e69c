import type { Channel } from './interaction.js';

export type Severity = 'none' | 'low' | 'medium' | 'high' | 'critical';

export const SEVERITY_ORDER: readonly Severity[] = ['none', 'low', 'medium', 'high', 'critical'];

/** ECS event.severity number for each level (used in finding log records and SIEM rules). */
export const SEVERITY_NUMBER: Record<Severity, number> = { none: 0, low: 21, medium: 47, high: 73, critical: 99 };

/** Every category a finding can have (docs/schema.md explains each). */
export const FINDING_CATEGORIES = [
  'prompt_injection',
  'indirect_prompt_injection',
  'jailbreak',
  'system_prompt_extraction',
  'system_prompt_leak',
  'obfuscation',
  'secret_leak',
  'pii_leak',
  'tool_misuse',
  'data_exfiltration',
  'refusal',
  'model_abuse',
  'harmful_request',
  'moderation',
  'behavioral_anomaly',
  'cost_abuse',
  'auth_anomaly',
  'campaign',
  'model_drift',
  'scope_violation',
  'response_action',
  'insecure_output',
  'model_extraction',
  'missing_guardrail',
  'api_probing',
  'reconnaissance',
  'unsafe_agent_flow',
  'control_failure',
] as const;

export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

/**
 * Categories whose detections are signals, not findings: a model refusing is a fact about the answer that behavioural
 * rules consume (refusal clusters = probing, refusal-rate drift), not an attack on that one output. They reach the
 * behavioural runner as detections and the span as `tracehound.response.refused`; only the patterns become findings.
 */
export const SIGNAL_CATEGORIES: ReadonlySet<FindingCategory> = new Set<FindingCategory>(['refusal']);

/** Static description of a rule: everything an analyst needs to know before reading one finding. */
export interface RuleMeta {
  id: string; // stable, e.g. TH-INJ-001
  name: string;
  category: FindingCategory;
  /** Severity when the rule fires at full confidence. */
  severity: Exclude<Severity, 'none'>;
  description: string;
  example: string;
  falsePositives: string;
  owasp: string[]; // e.g. ['LLM01:2025']
  atlas: string[]; // e.g. ['AML.T0051']
  channels: Channel[];
}

/** What a detector returns: one rule matched on one channel, with a confidence and redacted evidence. */
export interface Detection {
  ruleId: string;
  /** 0..1 */
  confidence: number;
  channel: Channel;
  /** Short, already redacted snippet: never raw secret or PII text. */
  evidence: string;
  /** Extra numbers and flags (behavioral: count, baseline, observed, threshold; linked span ids). */
  details?: Record<string, string | number | boolean | string[]>;
}

/** A scored detection in context: what is written to the findings file and emitted as an OTLP log record. */
export interface Finding {
  id: string;
  timeUnixNano: bigint;
  rule: Pick<RuleMeta, 'id' | 'name' | 'category' | 'owasp' | 'atlas'>;
  severity: Severity;
  /** 0..100 */
  score: number;
  confidence: number;
  channel: Channel;
  evidence: string;
  traceId: string;
  spanId: string;
  context: {
    service?: string;
    provider?: string;
    model?: string;
    operation?: string;
    user?: string;
    session?: string;
    conversation?: string;
    apiKeyFingerprint?: string;
    tenant?: string;
    workload?: string;
    tool?: string;
    /** Token usage of the model call the finding concerns (the call, counted once). */
    inputTokens?: number;
    outputTokens?: number;
  };
  details?: Record<string, string | number | boolean | string[]>;
  /** Set when a response action was decided for this finding (automated response, docs/response.md). */
  action?: { type: string; mode: 'shadow' | 'enforce'; target: string; ttlSeconds?: number };
}
