/**
 * Secrets in outputs: recall of the whole engine (category secret_leak) over a generated corpus of checksum-valid keys
 * in every supported format, in several contexts (core/test/fixtures/secrets.ts — fresh keys, never stored).
 */
import { generateSecretCorpus } from '../../../core/test/fixtures/secrets.js';
import type { EvalEngine } from './engine.js';
import { rowInteraction } from './interaction.js';

export interface SecretCorpusResult {
  n: number;
  formats: number;
  recall: number;
  missed: Record<string, number>;
}

export function secretCorpus(engine: EvalEngine): SecretCorpusResult {
  const corpus = [1, 2, 3, 4, 5].flatMap((seed) => generateSecretCorpus(seed, 6));
  const missed: Record<string, number> = {};
  let hit = 0;
  for (const s of corpus) {
    const found = engine.run(rowInteraction({ text: s.text, channel: 'output' }));
    if (found.some((f) => f.rule.category === 'secret_leak')) hit++;
    else missed[s.kind] = (missed[s.kind] ?? 0) + 1;
  }
  return {
    n: corpus.length,
    formats: new Set(corpus.map((c) => c.kind)).size,
    recall: corpus.length ? (100 * hit) / corpus.length : 0,
    missed,
  };
}
