import { describe, expect, it } from 'vitest';
import { findingAttributes, findingToLog } from '../../src/enrich/finding-log.js';
import { riskAttributes } from '../../src/enrich/span-attributes.js';
import { type Finding, FIELDS, FIELD_NAMES } from '@tracehound/core';

const full: Finding = {
  id: 'id-1',
  timeUnixNano: 5n,
  rule: {
    id: 'TH-BEH-001',
    name: 'Repeated extraction',
    category: 'behavioral_anomaly',
    owasp: ['LLM07:2025'],
    atlas: ['AML.T0056'],
  },
  severity: 'high',
  score: 75,
  confidence: 0.9,
  channel: 'prompt',
  evidence: 'e',
  traceId: 'a'.repeat(32),
  spanId: 'b'.repeat(16),
  context: {
    service: 'svc',
    provider: 'openai',
    model: 'm',
    operation: 'chat',
    user: 'u',
    session: 's',
    conversation: 'c',
    apiKeyFingerprint: 'k',
    tenant: 't',
    workload: 'w',
    tool: 'tool',
  },
  details: {
    count: 5,
    baseline: 1,
    observed: 5,
    threshold: 5,
    windowSeconds: 600,
    spanIds: ['x'],
    entityType: 'session',
    entityId: 's',
    extra: 'v',
  },
  action: { type: 'block', mode: 'shadow', target: 'session:s', ttlSeconds: 60 },
};

describe('finding log records', () => {
  it('emit only names from the schema, with the schema types', () => {
    const attrs = findingAttributes(full);
    for (const [k, v] of Object.entries(attrs)) {
      expect(FIELD_NAMES.has(k), `${k} is not in telemetry/fields.ts`).toBe(true);
      const spec = FIELDS.find((f) => f.name === k)!;
      if (spec.type === 'string[]') expect(Array.isArray(v)).toBe(true);
      else if (spec.type === 'string') expect(typeof v).toBe('string');
      else if (spec.type === 'boolean') expect(typeof v).toBe('boolean');
      else expect(typeof v).toBe('number');
    }
    expect(attrs['tracehound.details']).toBe(JSON.stringify({ extra: 'v' }));
    expect(attrs['tracehound.pattern.span_ids']).toEqual(['x']);
  });

  it('carry the span ids, the event name and the service as a resource attribute', () => {
    const log = findingToLog(full);
    expect(log.eventName).toBe('tracehound.finding');
    expect(log.traceId).toBe(full.traceId);
    expect(log.resource).toEqual({ 'service.name': 'svc' });
    expect(log.severityText).toBe('ERROR');
    expect(log.body).toContain('TH-BEH-001');
  });

  it('span attributes are schema names too', () => {
    const a = riskAttributes({ score: 10, severity: 'low', rules: ['R'], categories: ['c'] }, 1, 'otel_genai');
    for (const k of Object.keys(a)) expect(FIELD_NAMES.has(k)).toBe(true);
  });
});
