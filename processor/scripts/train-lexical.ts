/**
 * Trains the lexical injection/jailbreak model and writes processor/models/lexical-injection.json.
 *
 *   node --import tsx processor/scripts/train-lexical.ts [--no-dev] [--out PATH]
 *
 * Data: processor/eval/*.jsonl (the project's own labelled examples) plus ../shared/datasets/dev/dev.jsonl when it
 * exists (skip with --no-dev). Only the "train" split of each (src/detect/lexical/split.ts) is ever read for fitting or
 * choosing anything, so the eval's "holdout" numbers stay honest. Labels: attack = 1, benign = 0; other labels are
 * left out. Texts shorter than the detector's MIN_CHARS are left out (the detector does not score them).
 *
 * Model: L2-regularized logistic regression over hashed n-grams (src/detect/lexical/features.ts), AdaGrad, fixed seed:
 * the same data gives the same weights. The L2 strength and the decision threshold are chosen by 5-fold
 * cross-validation inside the train split: the threshold is the lowest probability whose out-of-fold false-positive
 * rate on benign prompts is ≤ 0.5 %, and the reported recall is the out-of-fold recall at that threshold.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareString } from '../src/detect/injection/prepare.js';
import { DEFAULT_MAX_CHARS } from '../src/detect/injection/signals.js';
import { DIM, FEATURE_BITS, featurize } from '../src/detect/lexical/features.js';
import { MIN_CHARS } from '../src/detect/lexical/detector.js';
import type { LexicalWeightsFile } from '../src/detect/lexical/model.js';
import { datasetSplit } from '../src/detect/lexical/split.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const useDev = !args.includes('--no-dev');
const out = args.includes('--out')
  ? args[args.indexOf('--out') + 1]
  : resolve(here, '../models/lexical-injection.json');
const DEV = resolve(here, '../../../shared/datasets/dev/dev.jsonl');
const OWN = resolve(here, '../eval');
const FOLDS = 5;
const L2_GRID = [1e-3, 3e-3, 1e-2];
const EPOCHS = 6;
const MAX_FPR = 0.005;

interface Row {
  id: string;
  text: string;
  label: string;
  family: string;
  channel?: string;
}

interface Example {
  feats: Int32Array;
  y: number;
  benignPrompt: boolean;
  fold: number;
}

function load(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

// Deterministic PRNG (mulberry32) for sampling and shuffling.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A second, independent hash of the id for the cross-validation folds (the split hash decides train/holdout). */
function foldOf(id: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x5bd1e995) >>> 0;
  return h % FOLDS;
}

const sources: string[] = [];
const rows: Row[] = [];
for (const f of readdirSync(OWN)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  rows.push(...load(join(OWN, f)));
  sources.push(`processor/eval/${f}`);
}
if (useDev && existsSync(DEV)) {
  rows.push(...load(DEV));
  sources.push('shared/datasets/dev/dev.jsonl');
} else
  console.log(
    useDev ? `note: ${DEV} not found; training on processor/eval only` : 'training without the dev set (--no-dev)',
  );

const rand = rng(20250601);
const examples: Example[] = [];
for (const r of rows) {
  if (datasetSplit(String(r.id)) !== 'train' || (r.label !== 'attack' && r.label !== 'benign')) continue;
  // Model outputs are a different distribution from inputs; keep a sample so the model sees fluent assistant prose.
  if (r.family === 'assistant_output' && rand() > 0.3) continue;
  const prepared = prepareString(r.text, DEFAULT_MAX_CHARS).text;
  if (prepared.length < MIN_CHARS) continue;
  const feats: number[] = [];
  featurize(prepared, undefined, feats);
  examples.push({
    feats: Int32Array.from(feats),
    y: r.label === 'attack' ? 1 : 0,
    benignPrompt: r.label === 'benign' && r.channel !== 'output',
    fold: foldOf(String(r.id)),
  });
}

interface Model {
  w: Float64Array;
  bias: number;
}

function train(data: Example[], l2: number, seed: number): Model {
  const pos = data.filter((e) => e.y === 1).length;
  const posWeight = Math.min(6, (data.length - pos) / Math.max(1, pos));
  const w = new Float64Array(DIM);
  const g2 = new Float64Array(DIM).fill(1e-6);
  let bias = 0;
  let bg2 = 1e-6;
  const lr = 0.5;
  const r = rng(seed);
  const order = data.map((_, i) => i);
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const ex = data[idx];
      if (ex.feats.length === 0) continue;
      const norm = 1 / Math.sqrt(ex.feats.length);
      let z = bias;
      for (const f of ex.feats) z += w[f] * norm;
      const p = 1 / (1 + Math.exp(-z));
      const grad = (ex.y === 1 ? posWeight : 1) * (p - ex.y);
      for (const f of ex.feats) {
        const gi = grad * norm + l2 * w[f];
        g2[f] += gi * gi;
        w[f] -= (lr * gi) / Math.sqrt(g2[f]);
      }
      bg2 += grad * grad;
      bias -= (lr * grad) / Math.sqrt(bg2);
    }
  }
  return { w, bias };
}

interface Quantized {
  q: Int8Array;
  scale: number;
  bias: number;
}

function quantize(m: Model): Quantized {
  let maxAbs = 0;
  for (const v of m.w) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs / 127 || 1;
  const q = new Int8Array(DIM);
  for (let i = 0; i < DIM; i++) q[i] = Math.max(-127, Math.min(127, Math.round(m.w[i] / scale)));
  return { q, scale, bias: m.bias };
}

/** Probability from the quantized weights, exactly as the detector computes it. */
function score(m: Quantized, ex: Example): number {
  let s = 0;
  for (const f of ex.feats) s += m.q[f];
  return 1 / (1 + Math.exp(-(m.bias + (s * m.scale) / Math.sqrt(Math.max(1, ex.feats.length)))));
}

/** Lowest threshold whose false-positive rate on benign prompts is ≤ MAX_FPR (floored at 0.5). */
function pickThreshold(scored: Array<{ p: number; ex: Example }>): number {
  const benign = scored
    .filter((s) => s.ex.benignPrompt)
    .map((s) => s.p)
    .sort((a, b) => b - a);
  const k = Math.floor(benign.length * MAX_FPR);
  return Math.max(0.5, Math.min(0.995, (benign[k] ?? 0.5) + 1e-4));
}

function rates(scored: Array<{ p: number; ex: Example }>, threshold: number): { recall: number; fpr: number } {
  const att = scored.filter((s) => s.ex.y === 1);
  const ben = scored.filter((s) => s.ex.benignPrompt);
  return {
    recall: att.filter((s) => s.p >= threshold).length / Math.max(1, att.length),
    fpr: ben.filter((s) => s.p >= threshold).length / Math.max(1, ben.length),
  };
}

const pos = examples.filter((e) => e.y === 1).length;
console.log(
  `train split: ${examples.length} rows (${pos} attack, ${examples.length - pos} benign), ${FOLDS}-fold cross-validation`,
);
let best: { l2: number; threshold: number; recall: number; fpr: number } | undefined;
for (const l2 of L2_GRID) {
  const oof: Array<{ p: number; ex: Example }> = [];
  for (let f = 0; f < FOLDS; f++) {
    const m = quantize(
      train(
        examples.filter((e) => e.fold !== f),
        l2,
        7 + f,
      ),
    );
    for (const ex of examples) if (ex.fold === f) oof.push({ p: score(m, ex), ex });
  }
  const threshold = pickThreshold(oof);
  const r = rates(oof, threshold);
  console.log(
    `  l2 ${l2}: out-of-fold recall ${(r.recall * 100).toFixed(1)} % at threshold ${threshold.toFixed(3)} (FP ${(r.fpr * 100).toFixed(2)} % on benign prompts)`,
  );
  if (!best || r.recall > best.recall) best = { l2, threshold, ...r };
}
if (!best) throw new Error('no training data');

const final = quantize(train(examples, best.l2, 7));
const fit = rates(
  examples.map((ex) => ({ p: score(final, ex), ex })),
  best.threshold,
);
console.log(
  `chosen l2 ${best.l2}, threshold ${best.threshold.toFixed(4)}; cross-validated recall ${(best.recall * 100).toFixed(1)} %, fit on all train rows ${(fit.recall * 100).toFixed(1)} %`,
);

const file: LexicalWeightsFile = {
  version: 2,
  featureBits: FEATURE_BITS,
  bias: final.bias,
  scale: final.scale,
  weights: Buffer.from(final.q.buffer).toString('base64'),
  threshold: Math.round(best.threshold * 10000) / 10000,
  trainedOn: `${sources.join(' + ')} (train split only, ${examples.length} rows of ${MIN_CHARS}+ prepared characters; 30 % sample of model outputs)`,
  metrics: {
    l2: best.l2,
    cvRecall: Math.round(best.recall * 1000) / 1000,
    cvFprBenignPrompts: Math.round(best.fpr * 10000) / 10000,
    trainRecall: Math.round(fit.recall * 1000) / 1000,
    rows: examples.length,
  },
};
writeFileSync(out, `${JSON.stringify(file)}\n`);
console.log(`wrote ${out}`);
