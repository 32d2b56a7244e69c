/**
 * The contract between the processor, the SIEM content and the dashboards: every attribute the processor emits.
 * docs/schema.md and docs/schema.json are generated from this list (npm run gen:schema); a test fails when they drift,
 * and the SIEM/dashboard tests only accept field names listed here.
 */

export type FieldType = 'string' | 'int' | 'double' | 'boolean' | 'string[]';

export interface FieldSpec {
  name: string;
  type: FieldType;
  /** span: set on every scored span; finding: an attribute of each finding log record; finding_resource: a resource
   * attribute of the finding log record. */
  on: 'span' | 'finding' | 'finding_resource';
  description: string;
  example: string | number | boolean | string[];
}

export const FINDING_EVENT_NAME = 'tracehound.finding';

export const FIELDS: readonly FieldSpec[] = [
  // On scored spans
  {
    name: 'tracehound.risk.score',
    type: 'int',
    on: 'span',
    description: 'Risk of the span, 0–100 (0: nothing found).',
    example: 78,
  },
  {
    name: 'tracehound.risk.severity',
    type: 'string',
    on: 'span',
    description: 'none | low | medium | high | critical.',
    example: 'high',
  },
  {
    name: 'tracehound.finding.rules',
    type: 'string[]',
    on: 'span',
    description: 'Ids of the rules that fired on this span.',
    example: ['TH-INJ-001'],
  },
  {
    name: 'tracehound.finding.categories',
    type: 'string[]',
    on: 'span',
    description: 'Categories of those rules.',
    example: ['prompt_injection'],
  },
  {
    name: 'tracehound.finding.count',
    type: 'int',
    on: 'span',
    description: 'Number of findings on this span.',
    example: 1,
  },
  {
    name: 'tracehound.dialect',
    type: 'string',
    on: 'span',
    description: 'Instrumentation dialect the span was read as.',
    example: 'otel_genai',
  },
  {
    name: 'tracehound.scan.partial',
    type: 'boolean',
    on: 'span',
    description:
      'Set (true) when a text of the span was longer than detection.maxTextBytes: only its head and tail windows were scanned, the middle was not. Its risk is a lower bound.',
    example: true,
  },
  {
    name: 'tracehound.response.refused',
    type: 'boolean',
    on: 'span',
    description:
      'Set (true) when the model refused (TH-REF-001: a refusal finish reason, provider verdict or refusal phrasing at the start of the answer). A signal, not a finding: refusal clusters and refusal-rate drift are the findings (TH-BEH-010/011, TH-BEH-060).',
    example: true,
  },
  {
    name: 'tracehound.capture.mode',
    type: 'string',
    on: 'span',
    description: 'Set when content attributes were rewritten before forwarding: redacted | hashed.',
    example: 'redacted',
  },
  {
    name: 'tracehound.review.sample',
    type: 'boolean',
    on: 'span',
    description: 'The span was sampled for human review of clean traffic.',
    example: true,
  },

  // Finding log records (ECS-style names)
  {
    name: 'event.name',
    type: 'string',
    on: 'finding',
    description: `Always "${FINDING_EVENT_NAME}".`,
    example: FINDING_EVENT_NAME,
  },
  { name: 'event.kind', type: 'string', on: 'finding', description: 'Always "alert".', example: 'alert' },
  {
    name: 'event.category',
    type: 'string',
    on: 'finding',
    description: 'Always "intrusion_detection".',
    example: 'intrusion_detection',
  },
  {
    name: 'event.dataset',
    type: 'string',
    on: 'finding',
    description: 'Always "tracehound.finding" (routes the Elasticsearch data stream).',
    example: 'tracehound.finding',
  },
  {
    name: 'data_stream.dataset',
    type: 'string',
    on: 'finding',
    description:
      'Always "tracehound.finding": routes the record to its own Elasticsearch data stream (the exporter moves data_stream.* to the document root and appends ".otel": logs-tracehound.finding.otel-<namespace>).',
    example: 'tracehound.finding',
  },
  {
    name: 'event.id',
    type: 'string',
    on: 'finding',
    description: 'Unique id of the finding (UUID).',
    example: '5b0c1f5e-6b44-4f59-9d59-0c6f1f0e2a11',
  },
  {
    name: 'event.severity',
    type: 'int',
    on: 'finding',
    description: 'Numeric severity: low 21, medium 47, high 73, critical 99.',
    example: 73,
  },
  { name: 'event.risk_score', type: 'int', on: 'finding', description: 'Score of this finding, 0–100.', example: 72 },
  {
    name: 'rule.id',
    type: 'string',
    on: 'finding',
    description: 'Stable rule id (docs/rules.md).',
    example: 'TH-INJ-001',
  },
  {
    name: 'rule.name',
    type: 'string',
    on: 'finding',
    description: 'Human name of the rule.',
    example: 'Direct prompt injection',
  },
  {
    name: 'rule.category',
    type: 'string',
    on: 'finding',
    description: 'Finding category (docs/schema.md lists them).',
    example: 'prompt_injection',
  },
  { name: 'rule.ruleset', type: 'string', on: 'finding', description: 'Always "tracehound".', example: 'tracehound' },
  {
    name: 'threat.framework',
    type: 'string',
    on: 'finding',
    description: 'Always "MITRE ATLAS".',
    example: 'MITRE ATLAS',
  },
  {
    name: 'threat.technique.id',
    type: 'string[]',
    on: 'finding',
    description: 'MITRE ATLAS technique ids.',
    example: ['AML.T0051'],
  },
  {
    name: 'tracehound.owasp.id',
    type: 'string[]',
    on: 'finding',
    description: 'OWASP Top 10 for LLM Applications 2025 ids.',
    example: ['LLM01:2025'],
  },
  {
    name: 'tracehound.severity',
    type: 'string',
    on: 'finding',
    description: 'low | medium | high | critical.',
    example: 'high',
  },
  {
    name: 'tracehound.confidence',
    type: 'double',
    on: 'finding',
    description: 'Detector confidence, 0–1.',
    example: 0.9,
  },
  {
    name: 'tracehound.channel',
    type: 'string',
    on: 'finding',
    description: 'Where it was seen: prompt | system | document | tool_call | tool_result | output.',
    example: 'prompt',
  },
  {
    name: 'tracehound.evidence',
    type: 'string',
    on: 'finding',
    description: 'Short redacted evidence; never a raw secret.',
    example: '…ignore all previous instructions and…',
  },
  {
    name: 'tracehound.details',
    type: 'string',
    on: 'finding',
    description: 'JSON object of further detector details (not for rule logic).',
    example: '{"decoded":"base64"}',
  },
  {
    name: 'trace.id',
    type: 'string',
    on: 'finding',
    description: 'Trace id (hex) of the span the finding concerns.',
    example: '4bf92f3577b34da6a3ce929d0e0e4736',
  },
  {
    name: 'span.id',
    type: 'string',
    on: 'finding',
    description: 'Span id (hex) of the span the finding concerns.',
    example: '00f067aa0ba902b7',
  },
  { name: 'user.id', type: 'string', on: 'finding', description: 'End user, when known.', example: 'u-1842' },
  { name: 'session.id', type: 'string', on: 'finding', description: 'Session, when known.', example: 's-77a1' },
  {
    name: 'gen_ai.conversation.id',
    type: 'string',
    on: 'finding',
    description: 'Conversation, when known.',
    example: 'conv-3',
  },
  { name: 'gen_ai.provider.name', type: 'string', on: 'finding', description: 'Model provider.', example: 'openai' },
  { name: 'gen_ai.request.model', type: 'string', on: 'finding', description: 'Model.', example: 'gpt-4o-mini' },
  {
    name: 'gen_ai.operation.name',
    type: 'string',
    on: 'finding',
    description: 'Operation (chat, execute_tool, retrieval...).',
    example: 'chat',
  },
  {
    name: 'gen_ai.tool.name',
    type: 'string',
    on: 'finding',
    description: 'Tool involved, for tool findings.',
    example: 'http_get',
  },
  {
    name: 'tracehound.api_key.fingerprint',
    type: 'string',
    on: 'finding',
    description: 'Fingerprint of the API key used (never the key).',
    example: 'k-9f2c',
  },
  { name: 'tracehound.tenant.id', type: 'string', on: 'finding', description: 'Tenant, when known.', example: 'acme' },
  {
    name: 'tracehound.workload.id',
    type: 'string',
    on: 'finding',
    description: 'Workload identity, when known.',
    example: 'support-bot',
  },
  {
    name: 'gen_ai.usage.input_tokens',
    type: 'int',
    on: 'finding',
    description: 'Input tokens of the model call the finding concerns (one call traced twice is counted once).',
    example: 412,
  },
  {
    name: 'gen_ai.usage.output_tokens',
    type: 'int',
    on: 'finding',
    description: 'Output tokens of that model call.',
    example: 57,
  },
  {
    name: 'tracehound.related.span_ids',
    type: 'string[]',
    on: 'finding',
    description:
      'Other spans of the trace that carried the same text or raised the same finding (wrappers, the retrieval span of a pasted document); the finding is raised once, on the most specific span.',
    example: ['b7ad6b7169203331'],
  },
  {
    name: 'tracehound.tier',
    type: 'string',
    on: 'finding',
    description:
      'Escalation-tier findings only: the tier that spoke (classifier | judge), after the span was forwarded (docs/classifiers.md).',
    example: 'classifier',
  },
  {
    name: 'tracehound.tier.model',
    type: 'string',
    on: 'finding',
    description: 'Escalation-tier findings: the configured classifier model name, or the judge model.',
    example: 'prompt-guard-22m',
  },
  {
    name: 'tracehound.tier.label',
    type: 'string',
    on: 'finding',
    description:
      'Escalation-tier findings: the label that fired (a model label such as MALICIOUS; attack or unsafe for the judge).',
    example: 'MALICIOUS',
  },
  {
    name: 'tracehound.tier.score',
    type: 'double',
    on: 'finding',
    description: "Escalation-tier findings: the model's probability of the label, or the judge's score (0..1).",
    example: 0.97,
  },
  {
    name: 'tracehound.pattern.entity.type',
    type: 'string',
    on: 'finding',
    description: 'Behavioral findings: entity kind (session | user | api_key | model | tenant | service).',
    example: 'session',
  },
  {
    name: 'tracehound.pattern.entity.id',
    type: 'string',
    on: 'finding',
    description: 'Behavioral findings: entity id.',
    example: 's-77a1',
  },
  {
    name: 'tracehound.pattern.count',
    type: 'int',
    on: 'finding',
    description: 'Behavioral findings: events in the window.',
    example: 5,
  },
  {
    name: 'tracehound.pattern.baseline',
    type: 'double',
    on: 'finding',
    description: 'Behavioral findings: learned baseline.',
    example: 480,
  },
  {
    name: 'tracehound.pattern.observed',
    type: 'double',
    on: 'finding',
    description: 'Behavioral findings: observed value.',
    example: 4100,
  },
  {
    name: 'tracehound.pattern.threshold',
    type: 'double',
    on: 'finding',
    description: 'Behavioral findings: threshold crossed.',
    example: 5,
  },
  {
    name: 'tracehound.pattern.window_seconds',
    type: 'int',
    on: 'finding',
    description: 'Behavioral findings: window length.',
    example: 600,
  },
  {
    name: 'tracehound.pattern.span_ids',
    type: 'string[]',
    on: 'finding',
    description: 'Behavioral findings: spans that formed the pattern.',
    example: ['00f067aa0ba902b7'],
  },
  {
    name: 'tracehound.action.type',
    type: 'string',
    on: 'finding',
    description: 'Response action decided: alert | throttle | block.',
    example: 'block',
  },
  {
    name: 'tracehound.action.mode',
    type: 'string',
    on: 'finding',
    description: 'shadow (would have) | enforce.',
    example: 'shadow',
  },
  {
    name: 'tracehound.action.target',
    type: 'string',
    on: 'finding',
    description: 'What the action applies to, e.g. session:s-77a1.',
    example: 'session:s-77a1',
  },
  {
    name: 'tracehound.action.ttl_seconds',
    type: 'int',
    on: 'finding',
    description: 'How long the action holds.',
    example: 900,
  },
  {
    name: 'service.name',
    type: 'string',
    on: 'finding_resource',
    description: 'Service that produced the span (resource attribute of the finding record).',
    example: 'support-bot',
  },
];

export const FIELD_NAMES: ReadonlySet<string> = new Set(FIELDS.map((f) => f.name));
