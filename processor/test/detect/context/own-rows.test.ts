import { describe, expect, it } from 'vitest';
import { detectionDefaults } from '../../../src/detect/config.js';
import { createContextConflictDetector } from '../../../src/detect/context/index.js';
import { createIndirectInstructionDetector } from '../../../src/detect/indirect/index.js';
import { channelTexts } from '../../../src/detect/texts.js';
import { loadCorpus, type CorpusRow } from '../../../scripts/lib/corpus.js';
import { emptyInteraction } from '@tracehound/core';

/**
 * The context detectors on the project's own composed rows (processor/eval/context-*.jsonl, written by the seeded
 * generators in scripts/gen-eval): recall on the attacks and flags on the benign counterparts, per file. The blind and
 * holdout files were written apart from the tuning set; their bars are lower on purpose.
 */
const detectors = [
  createContextConflictDetector(detectionDefaults),
  createIndirectInstructionDetector(detectionDefaults),
];
const rows = loadCorpus({ dev: false, train: false }).filter((r) => r.source.startsWith('own/context-'));

function flagged(r: CorpusRow): boolean {
  const ix = emptyInteraction('llm_call', 'test');
  if (r.system) ix.systemInstructions = r.system;
  if (r.channel === 'document') {
    if (r.request) ix.input.push({ role: 'user', content: r.request });
    ix.documents = [{ content: r.text, trust: 'untrusted' }];
  } else if (r.channel === 'tool_result') {
    if (r.request) ix.input.push({ role: 'user', content: r.request });
    ix.input.push({ role: 'tool', content: r.text });
  } else ix.input.push({ role: 'user', content: r.text });
  const texts = channelTexts(ix);
  return detectors.some((d) =>
    d.detect({ interaction: ix, texts }).some((x) => x.confidence >= detectionDefaults.minConfidence),
  );
}

function rates(file: string): { tpr: number; fpr: number; n: number } {
  const mine = rows.filter((r) => r.source === `own/${file}`);
  const attacks = mine.filter((r) => r.label === 'attack');
  const benign = mine.filter((r) => r.label === 'benign');
  return {
    tpr: attacks.filter(flagged).length / attacks.length,
    fpr: benign.filter(flagged).length / benign.length,
    n: mine.length,
  };
}

describe('context detectors on own composed rows', () => {
  it.each([
    ['context-conflicts', 0.9, 0.01],
    ['context-conflicts-blind', 0.8, 0.02],
    ['context-conflicts-blind2', 0.85, 0.02],
    ['context-documents', 0.75, 0.02],
    ['context-documents-blind', 0.75, 0.02],
    ['context-documents-holdout', 0.55, 0.05],
  ])('%s: recall ≥ %d, benign flagged ≤ %d', (file, minTpr, maxFpr) => {
    const r = rates(file as string);
    expect(r.n).toBeGreaterThan(40);
    expect(r.tpr).toBeGreaterThanOrEqual(minTpr as number);
    expect(r.fpr).toBeLessThanOrEqual(maxFpr as number);
  });
});
