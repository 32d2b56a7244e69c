import { describe, expect, it } from 'vitest';
import { detectionDefaults } from '../../src/detect/config.js';
import { type Detection, type RuleMeta, emptyInteraction } from '@tracehound/core';
import { RuleCatalog } from '../../src/rules/catalog.js';
import { Scorer } from '../../src/score/scorer.js';
import { effectiveSeverity, findingScore } from '../../src/score/severity.js';

const rule = (
  id: string,
  severity: RuleMeta['severity'],
  category: RuleMeta['category'] = 'prompt_injection',
): RuleMeta => ({
  id,
  name: id,
  category,
  severity,
  description: 'd',
  example: 'e',
  falsePositives: 'f',
  owasp: ['LLM01:2025'],
  atlas: ['AML.T0051'],
  channels: ['prompt'],
});
const det = (ruleId: string, confidence: number, channel: Detection['channel'] = 'prompt'): Detection => ({
  ruleId,
  confidence,
  channel,
  evidence: 'x',
});

describe('severity ladder', () => {
  it('keeps the rule severity when confident and lowers it one step when not', () => {
    expect(effectiveSeverity('critical', 0.9)).toBe('critical');
    expect(effectiveSeverity('critical', 0.6)).toBe('high');
    expect(effectiveSeverity('low', 0.5)).toBe('low');
  });
  it('scores higher severities and confidences higher', () => {
    expect(findingScore('critical', 1)).toBeGreaterThan(findingScore('high', 1));
    expect(findingScore('high', 1)).toBeGreaterThan(findingScore('high', 0.5));
    expect(findingScore('critical', 1)).toBeLessThanOrEqual(100);
  });
});

describe('Scorer', () => {
  const catalog = new RuleCatalog([rule('R1', 'high'), rule('R2', 'critical', 'data_exfiltration')]);
  const ix = { ...emptyInteraction('llm_call', 'test'), identity: { session: 's1', user: 'u1' }, service: 'svc' };
  ix.span = { traceId: 'aa'.repeat(16), spanId: 'bb'.repeat(8), name: 'chat' };

  it('maps a detection to a finding with mappings and context', () => {
    const s = new Scorer(catalog, detectionDefaults, () => 1_700_000_000_000);
    const f = s.toFinding(det('R1', 0.9), ix)!;
    expect(f.severity).toBe('high');
    expect(f.rule.owasp).toEqual(['LLM01:2025']);
    expect(f.context).toMatchObject({ session: 's1', user: 'u1', service: 'svc' });
    expect(f.traceId).toBe(ix.span.traceId);
    expect(f.timeUnixNano).toBe(1_700_000_000_000n * 1_000_000n);
  });

  it('applies a configured severity override and ignores unknown rules', () => {
    const s = new Scorer(catalog, { ...detectionDefaults, rules: { R1: { severity: 'low' } } }, () => 0);
    expect(s.toFinding(det('R1', 1), ix)!.severity).toBe('low');
    expect(s.toFinding(det('nope', 1), ix)).toBeUndefined();
  });

  it('keeps the most confident detection per rule and channel', () => {
    const out = Scorer.dedupe([det('R1', 0.6), det('R1', 0.9), det('R1', 0.7, 'document')]);
    expect(out).toHaveLength(2);
    expect(out.find((d) => d.channel === 'prompt')!.confidence).toBe(0.9);
  });

  it('computes the span risk from the top finding plus distinct categories', () => {
    const s = new Scorer(catalog, detectionDefaults, () => 0);
    const one = Scorer.spanRisk([s.toFinding(det('R1', 1), ix)!]);
    const two = Scorer.spanRisk([s.toFinding(det('R1', 1), ix)!, s.toFinding(det('R2', 1), ix)!]);
    expect(one.severity).toBe('high');
    expect(two.severity).toBe('critical');
    expect(two.score).toBe(Math.min(100, findingScore('critical', 1) + 5));
    expect(two.categories).toEqual(['data_exfiltration', 'prompt_injection']);
    expect(Scorer.spanRisk([])).toEqual({ score: 0, severity: 'none', rules: [], categories: [] });
  });
});
