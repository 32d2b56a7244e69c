import { describe, expect, it } from 'vitest';
import { detectionDefaults } from '../../src/detect/config.js';
import { createContentRunner } from '../../src/detect/content-runner.js';
import { Analyzer, type BehaviorLike } from '../../src/score/analyzer.js';
import { emptyInteraction, type InteractionKind } from '@tracehound/core';
import { RuleCatalog } from '../../src/rules/catalog.js';
import { Scorer } from '../../src/score/scorer.js';
import { SuppressionList } from '../../src/score/suppressions.js';
import { createRefusalDetector } from '../../src/detect/leak/refusal.js';
import { riskAttributes } from '../../src/enrich/span-attributes.js';

describe('Analyzer', () => {
  it('feeds model calls to the behavioral engine but not the agent spans that repeat them', () => {
    const seen: InteractionKind[] = [];
    const behavior: BehaviorLike = { rules: [], observe: (ix) => (seen.push(ix.kind), []) };
    const content = createContentRunner(detectionDefaults, { factories: [] });
    const analyzer = new Analyzer(
      content,
      new Scorer(new RuleCatalog([]), detectionDefaults, () => 0),
      new SuppressionList([], () => 0),
      behavior,
    );
    for (const kind of ['agent', 'llm_call', 'tool_call', 'agent'] as InteractionKind[])
      analyzer.analyze(emptyInteraction(kind, 'test'));
    expect(seen).toEqual(['llm_call', 'tool_call']);
  });

  it('a refusal is a signal: it reaches the behavioral engine and the span, not the findings', () => {
    const observed: string[][] = [];
    const behavior: BehaviorLike = {
      rules: [],
      observe: (_ix, dets) => (observed.push(dets.map((d) => d.ruleId)), []),
    };
    const content = createContentRunner(detectionDefaults, { factories: [createRefusalDetector] });
    const analyzer = new Analyzer(
      content,
      new Scorer(new RuleCatalog(content.rules), detectionDefaults, () => 0),
      new SuppressionList([], () => 0),
      behavior,
    );
    const ix = emptyInteraction('llm_call', 'test');
    ix.output = [{ role: 'assistant', content: "I'm sorry, but I can't help with that." }];
    const a = analyzer.analyze(ix);
    expect(observed).toEqual([['TH-REF-001']]);
    expect(a.findings).toEqual([]);
    expect(a.risk).toMatchObject({ score: 0, severity: 'none', refused: true });
    expect(riskAttributes(a.risk, 0, 'test')['tracehound.response.refused']).toBe(true);

    ix.output = [{ role: 'assistant', content: 'Paris is the capital of France.' }];
    const b = analyzer.analyze(ix);
    expect(b.risk.refused).toBeUndefined();
    expect(riskAttributes(b.risk, 0, 'test')['tracehound.response.refused']).toBeUndefined();
  });
});
