/** JSON schemas of the findings API's shapes (docs/console.md § Shapes); the OpenAPI document is built from them. */

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const severity = { type: 'string', enum: ['none', 'low', 'medium', 'high', 'critical'] } as const;
export const ANALYST_VERDICT = {
  type: 'string',
  enum: ['true_positive', 'false_positive', 'benign_true_positive'],
} as const;

const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
});

export const errorSchema = obj({ code: str, message: str });

export const findingSummarySchema = obj({
  id: str,
  time: str,
  ruleId: str,
  ruleName: str,
  category: str,
  severity,
  score: { type: 'number' },
  confidence: { type: 'number' },
  channel: str,
  evidence: str,
  traceId: str,
  spanId: str,
  session: nstr,
  user: nstr,
  service: nstr,
  model: nstr,
  tool: nstr,
  verdict: { type: ['string', 'null'], enum: [...ANALYST_VERDICT.enum, null] },
});

const message = obj({ role: str, content: str });
export const spanSummarySchema = obj({
  traceId: str,
  spanId: str,
  parentSpanId: nstr,
  name: str,
  kind: str,
  start: str,
  end: str,
  session: nstr,
  user: nstr,
  service: nstr,
  model: nstr,
  provider: nstr,
  input: { type: 'array', items: message },
  output: { type: 'array', items: message },
  tool: {
    anyOf: [
      { type: 'null' },
      obj({ name: str, arguments: nstr, result: nstr, target: nstr, decision: nstr, decisionRule: nstr }),
    ],
  },
  documents: { type: 'array', items: obj({ id: nstr, source: nstr, trust: nstr, content: nstr }) },
  usage: obj({ inputTokens: { type: ['integer', 'null'] }, outputTokens: { type: ['integer', 'null'] } }),
  findings: int,
  suppressed: int,
  sampled: { type: 'boolean' },
  capture: { type: 'string', enum: ['full', 'redacted', 'hashed'] },
});

export const verdictRecordSchema = obj({
  findingId: str,
  verdict: ANALYST_VERDICT,
  note: nstr,
  at: str,
  suppression: nstr,
});

export const sessionSummarySchema = obj({
  id: str,
  user: nstr,
  firstSeen: str,
  lastSeen: str,
  spans: int,
  findings: int,
  maxSeverity: { type: ['string', 'null'] },
  sampled: { type: 'boolean' },
});

/** A link to a rule's response playbook: url is its API route (the console shows it at /console/playbooks/{id}). */
export const playbookRefSchema = obj({ id: str, title: str, url: str });

export const playbookSchema = obj({
  id: str,
  title: str,
  source: { type: 'string', description: 'where the playbook is maintained (siem-content/playbooks/…)' },
  markdown: str,
  rules: { type: 'array', items: str, description: 'processor rule ids whose findings lead to this playbook' },
});

export const ruleInfoSchema = obj({
  id: str,
  name: str,
  category: str,
  severity,
  description: str,
  falsePositives: str,
  owasp: { type: 'array', items: str },
  atlas: { type: 'array', items: str },
  playbook: { anyOf: [{ type: 'null' }, playbookRefSchema] },
});

export const matchSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    service: str,
    user: str,
    session: str,
    model: str,
    tool: str,
    evidenceContains: { type: 'string', minLength: 1, maxLength: 256 },
  },
} as const;

export const suppressionInfoSchema = {
  type: 'object',
  properties: { id: str, rule: str, reason: str, expires: str, source: str, match: matchSchema },
  required: ['id', 'rule', 'reason', 'expires', 'source'],
};

export const listLimit = { type: 'integer', minimum: 1, maximum: 200, default: 50 } as const;
export const cursorParam = { type: 'string', maxLength: 1024, description: 'nextCursor of the previous page' } as const;
export const timeParam = (what: string) => ({ type: 'string', format: 'date-time', description: what });
export const errors = { 400: errorSchema, 401: errorSchema };
