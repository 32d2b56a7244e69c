/**
 * Trainer of `word-rarity` (processor/models/word-rarity.json): document frequencies of content tokens (the
 * prompt-leak detector's normalization: case/punctuation folding, stop words out, stemming, synonym classes) over
 * benign text with a permissive licence. The prompt-leak detector weighs a system prompt's tokens by rarity, so an
 * output that shares "Northwind" and "cryptocurrency" with its prompt counts for more than one sharing "help".
 * Deterministic (counts only; ties broken by token), a second or two on one core.
 */
import type { CorpusRow } from '../lib/corpus.js';
import { forEachToken, type RarityModel } from '../../src/detect/leak/containment.js';
import type { Trainer } from './trainer.js';

/** Tokens kept: the most frequent ones (the rest weigh as rare, which is what they are). */
const MAX_TOKENS = 12000;
const MIN_DF = 3;

export function trainWordRarity(rows: readonly CorpusRow[]): RarityModel {
  const df = new Map<string, number>();
  let docs = 0;
  for (const r of rows) {
    if (r.label !== 'benign') continue;
    docs++;
    const seen = new Set<string>();
    forEachToken(r.text, (t) => seen.add(t));
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const kept = [...df.entries()]
    .filter(([, n]) => n >= MIN_DF)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_TOKENS)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { version: 1, docs, minDf: MIN_DF, df: Object.fromEntries(kept) };
}

export const trainer: Trainer = {
  id: 'word-rarity',
  file: 'word-rarity.json',
  train(rows, { log }) {
    const model = trainWordRarity(rows);
    log(`${model.docs} benign documents, ${Object.keys(model.df).length} tokens kept (df ≥ ${MIN_DF})`);
    return model;
  },
};
