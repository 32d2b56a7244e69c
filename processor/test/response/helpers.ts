import type { Finding, FindingCategory, Severity } from '@tracehound/core';
import type { ResponseConfig } from '../../src/response/config.js';
import { responseDefaults } from '../../src/response/config.js';

/** A controllable clock (ms since the epoch). */
export function fakeClock(start = Date.parse('2025-06-01T12:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (t: number) => void (now = t) };
}

let seq = 0;

export function finding(
  over: {
    rule?: string;
    category?: FindingCategory;
    severity?: Severity;
    session?: string;
    user?: string;
    apiKeyFingerprint?: string;
    tool?: string;
    details?: Finding['details'];
  } = {},
): Finding {
  seq++;
  return {
    id: `f-${seq}`,
    timeUnixNano: 1n,
    rule: {
      id: over.rule ?? 'TH-INJ-001',
      name: 'Instruction override',
      category: over.category ?? 'prompt_injection',
      owasp: ['LLM01:2025'],
      atlas: ['AML.T0051'],
    },
    severity: over.severity ?? 'high',
    score: 75,
    confidence: 0.9,
    channel: 'prompt',
    evidence: 'ignore all previous [...]',
    traceId: 'a'.repeat(32),
    spanId: 'b'.repeat(16),
    context: { session: over.session, user: over.user, apiKeyFingerprint: over.apiKeyFingerprint, tool: over.tool },
    details: over.details,
  };
}

export function responseConfig(
  over: Partial<Omit<ResponseConfig, 'actions'>> & { actions?: Partial<ResponseConfig['actions']> } = {},
): ResponseConfig {
  return {
    ...structuredClone(responseDefaults),
    enabled: true,
    ...over,
    actions: { ...structuredClone(responseDefaults.actions), ...over.actions },
  } as ResponseConfig;
}
