import { SEVERITY_NUMBER, type Finding, type Attributes, type EmittedLog, FINDING_EVENT_NAME } from '@tracehound/core';

/** OTLP SeverityNumber for each finding severity (WARN for low/medium, ERROR for high, FATAL for critical). */
const OTLP_SEVERITY: Record<Finding['severity'], { n: number; text: string }> = {
  none: { n: 9, text: 'INFO' },
  low: { n: 13, text: 'WARN' },
  medium: { n: 14, text: 'WARN2' },
  high: { n: 17, text: 'ERROR' },
  critical: { n: 21, text: 'FATAL' },
};

/** Behavioral detail keys that have their own schema field (everything else goes into tracehound.details). */
const PATTERN_FIELDS: Record<string, string> = {
  count: 'tracehound.pattern.count',
  baseline: 'tracehound.pattern.baseline',
  observed: 'tracehound.pattern.observed',
  threshold: 'tracehound.pattern.threshold',
  windowSeconds: 'tracehound.pattern.window_seconds',
  spanIds: 'tracehound.pattern.span_ids',
  entityType: 'tracehound.pattern.entity.type',
  entityId: 'tracehound.pattern.entity.id',
  relatedSpanIds: 'tracehound.related.span_ids',
  // Escalation tiers (tiers/): which tier spoke, with which model, label and score.
  tier: 'tracehound.tier',
  tierModel: 'tracehound.tier.model',
  tierLabel: 'tracehound.tier.label',
  tierScore: 'tracehound.tier.score',
};

function setIf(attrs: Attributes, key: string, value: string | undefined): void {
  if (value !== undefined && value !== '') attrs[key] = value;
}

/** The attributes of a finding's log record, named as in telemetry/fields.ts. */
export function findingAttributes(f: Finding): Attributes {
  const a: Attributes = {
    'event.name': FINDING_EVENT_NAME,
    'event.kind': 'alert',
    'event.category': 'intrusion_detection',
    'event.dataset': FINDING_EVENT_NAME,
    // Routes the record to its own data stream in Elasticsearch even without a Collector transform.
    'data_stream.dataset': FINDING_EVENT_NAME,
    'event.id': f.id,
    'event.severity': SEVERITY_NUMBER[f.severity],
    'event.risk_score': f.score,
    'rule.id': f.rule.id,
    'rule.name': f.rule.name,
    'rule.category': f.rule.category,
    'rule.ruleset': 'tracehound',
    'threat.framework': 'MITRE ATLAS',
    'threat.technique.id': [...f.rule.atlas],
    'tracehound.owasp.id': [...f.rule.owasp],
    'tracehound.severity': f.severity,
    'tracehound.confidence': f.confidence,
    'tracehound.channel': f.channel,
    'tracehound.evidence': f.evidence,
  };
  setIf(a, 'trace.id', f.traceId);
  setIf(a, 'span.id', f.spanId);
  const c = f.context;
  setIf(a, 'user.id', c.user);
  setIf(a, 'session.id', c.session);
  setIf(a, 'gen_ai.conversation.id', c.conversation);
  setIf(a, 'gen_ai.provider.name', c.provider);
  setIf(a, 'gen_ai.request.model', c.model);
  setIf(a, 'gen_ai.operation.name', c.operation);
  setIf(a, 'gen_ai.tool.name', c.tool);
  setIf(a, 'tracehound.api_key.fingerprint', c.apiKeyFingerprint);
  setIf(a, 'tracehound.tenant.id', c.tenant);
  setIf(a, 'tracehound.workload.id', c.workload);
  if (c.inputTokens !== undefined) a['gen_ai.usage.input_tokens'] = c.inputTokens;
  if (c.outputTokens !== undefined) a['gen_ai.usage.output_tokens'] = c.outputTokens;
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f.details ?? {})) {
    const field = PATTERN_FIELDS[k];
    if (field) a[field] = Array.isArray(v) ? v.map(String) : v;
    else rest[k] = v;
  }
  if (Object.keys(rest).length > 0) a['tracehound.details'] = JSON.stringify(rest);
  if (f.action) {
    a['tracehound.action.type'] = f.action.type;
    a['tracehound.action.mode'] = f.action.mode;
    a['tracehound.action.target'] = f.action.target;
    if (f.action.ttlSeconds !== undefined) a['tracehound.action.ttl_seconds'] = f.action.ttlSeconds;
  }
  return a;
}

/** One-line human summary (the log body): no content, only rule, channel and who. */
export function findingSummary(f: Finding): string {
  const who = f.context.session ? ` session=${f.context.session}` : f.context.user ? ` user=${f.context.user}` : '';
  return `[${f.severity}] ${f.rule.id} ${f.rule.name} on ${f.channel}${who} score=${f.score}`;
}

export function findingToLog(f: Finding): EmittedLog {
  const sev = OTLP_SEVERITY[f.severity];
  const resource: Attributes = {};
  if (f.context.service) resource['service.name'] = f.context.service;
  return {
    timeUnixNano: f.timeUnixNano,
    traceId: f.traceId || undefined,
    spanId: f.spanId || undefined,
    eventName: FINDING_EVENT_NAME,
    severityNumber: sev.n,
    severityText: sev.text,
    body: findingSummary(f),
    attributes: findingAttributes(f),
    resource,
  };
}
