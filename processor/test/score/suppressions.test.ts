import { describe, expect, it } from 'vitest';
import type { Finding } from '@tracehound/core';
import { SuppressionList } from '../../src/score/suppressions.js';

const finding = (rule: string, session: string): Finding => ({
  id: 'f',
  timeUnixNano: 0n,
  rule: { id: rule, name: rule, category: 'prompt_injection', owasp: [], atlas: [] },
  severity: 'high',
  score: 70,
  confidence: 1,
  channel: 'prompt',
  evidence: 'ignore previous',
  traceId: '',
  spanId: '',
  context: { session },
});

describe('SuppressionList', () => {
  it('suppresses matching findings until the expiry, and counts hits', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const list = new SuppressionList(
      [{ id: 'S1', rule: 'R1', reason: 'QA session', expires: '2026-01-02T00:00:00Z', match: { session: 'qa' } }],
      () => now,
    );
    expect(list.match(finding('R1', 'qa'))).toBe('S1');
    expect(list.match(finding('R1', 'other'))).toBeUndefined();
    expect(list.match(finding('R2', 'qa'))).toBeUndefined();
    expect(list.hits.get('S1')).toBe(1);
    now = Date.parse('2026-01-03T00:00:00Z');
    expect(list.match(finding('R1', 'qa'))).toBeUndefined();
  });

  it('treats an unparseable expiry as expired and * as any rule', () => {
    const list = new SuppressionList(
      [
        { id: 'bad', rule: '*', reason: 'r', expires: 'soon' },
        { id: 'any', rule: '*', reason: 'r', expires: '2999-01-01T00:00:00Z', match: { evidenceContains: 'ignore' } },
      ],
      () => 0,
    );
    expect(list.match(finding('R9', 'x'))).toBe('any');
  });
});
