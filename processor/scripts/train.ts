/**
 * `npm run train`: reproduces every shipped model in processor/models/ from the corpus (scripts/lib/corpus.ts), on
 * permissive-licence rows only. Each trainer in scripts/train/ exports `trainer: Trainer`; this runs them in order.
 *
 *   npm run train                # all trainers
 *   npm run train -- char-lm     # only the named ones
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isPermissive, loadCorpus } from './lib/corpus.js';
import { modelPath } from '../src/detect/models.js';
import { trainers } from './train/index.js';

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const corpus = loadCorpus({ onMissing: (p) => console.log(`note: ${p} not found — training without it`) });
const permissive = corpus.filter(isPermissive);
console.log(`corpus: ${corpus.length} rows, ${permissive.length} with a permissive licence (the only ones trained on)`);
for (const t of trainers) {
  if (only.length > 0 && !only.includes(t.id)) continue;
  const t0 = Date.now();
  const model = await t.train(permissive, { seed: 7, log: (s) => console.log(`  [${t.id}] ${s}`) });
  mkdirSync(dirname(modelPath(t.file)), { recursive: true });
  writeFileSync(modelPath(t.file), JSON.stringify(model) + '\n');
  console.log(`${t.id}: wrote processor/models/${t.file} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
