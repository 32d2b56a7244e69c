import { describe, expect, it } from 'vitest';
import { detectionDefaults } from '../../src/detect/config.js';
import { createContentRunner } from '../../src/detect/content-runner.js';
import { Analyzer, type BehaviorLike } from '../../src/score/analyzer.js';
import { emptyInteraction, type InteractionKind } from '@tracehound/core';
import { RuleCatalog } from '../../src/rules/catalog.js';
import { Scorer } from '../../src/score/scorer.js';
import { SuppressionList } from '../../src/score/suppressions.js';

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
});
