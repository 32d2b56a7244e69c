/**
 * Trainer of the multilingual classifier (src/detect/classifier/, rules TH-CLS-0xx) → processor/models/classifier.json.
 *
 * 1. Rows → examples (classifier/examples.ts): benign, injection (goal hijacking and injected documents),
 *    extraction, jailbreak (incl. adversarial suffixes), harmful; prompts and documents (a channel input); benign
 *    model outputs as clean document text; composed injected documents (classifier/augment.ts).
 * 2. Calibration without peeking: a group k-fold (classifier/folds.ts — a source group is never split) gives every
 *    row a score from a network that never saw its source. A temperature is fitted on those held-out scores by
 *    log-loss; the threshold is chosen on held-out benign rows only (classifier/calibrate.ts).
 * 3. The shipped network is trained on all rows and written with that temperature and threshold.
 *
 * Every network (the calibration folds' and the shipped one) is a model soup (OPTIONS.soup): after `soupFrom` epochs
 * the weights fork into three branches that finish training with their own row sampling and dropout draws, and the
 * network is the mean of their weights — one network at inference, so no inference cost. A single run's late sampling
 * noise moved short benign requests across the threshold from one training to the next; the mean of three damps it.
 * Averaging the last half of one run's iterates (SWA, options averageFrom / averageSnapshots) was tried and is off:
 * with the decaying step size it mostly kept earlier, less-fit weights (on all rows TH-CLS-001 flagged 52 benign rows
 * instead of 5, code requests among them; docs/detection-quality.md).
 */
import type { ClassifierFile } from '../../src/detect/classifier/model.js';
import type { CorpusRow } from '../lib/corpus.js';
import { composeDocuments } from './classifier/augment.js';
import { calibrate, type Calibration, type Targets } from './classifier/calibrate.js';
import { encodeNet } from './classifier/encode.js';
import { rowClass, toExample, type Example } from './classifier/examples.js';
import { groupFolds } from './classifier/folds.js';
import { rng, trainNet, type NetShape, type TrainOptions } from './classifier/network.js';
import type { Trainer } from './trainer.js';

export const SHAPE: NetShape = { bits: 17, orders: [3, 4, 5], bigrams: false, dim: 16, hidden: 32, blockTokens: 32 };
export const OPTIONS: Omit<TrainOptions, 'seed'> = {
  epochs: 4,
  lr: 0.2,
  dropout: 0.25,
  capPerBucket: 300,
  classPower: 0.5,
  maxBlocks: 16,
  warmEpochs: 1,
  embLr: 1,
  soup: 3,
  soupFrom: 2,
};
/** Held-out benign rates the threshold allows the classifier alone (the rules need the rest of the budget). */
export const TARGETS: Targets = { ordinary: 0.004, hard: 0.015, document: 0.015 };
export const MIN_TOKENS = 3;
/**
 * Families not trained on: adversarial suffixes (a dedicated detector judges them). Trained on, they taught the
 * network that punctuation-dense text is a jailbreak, and on unseen sources it flagged code requests (2.7 % of Code
 * Alpaca instructions, 3.7 % of InstructionWild) and adversarial-looking benign chats (6.4 % of WildGuard); without
 * them 0.1 %, 0.5 % and 0.8 % (docs/detection-quality.md).
 */
export const SKIP_FAMILIES: readonly string[] = ['adversarial_suffix'];
/** Calibration folds (their networks train like the shipped one, on the other folds' groups). */
export const FOLDS = 3;
/** Composed injected documents per training run. */
export const COMPOSED_DOCUMENTS = 1500;

export interface ClassifierTrainSettings {
  shape?: NetShape;
  options?: Partial<Omit<TrainOptions, 'seed'>>;
  targets?: Targets;
  folds?: number;
  composed?: number;
  /** Train on benign model outputs as clean document text (default true). */
  outputs?: boolean;
  /** Row families left out of training (e.g. adversarial suffixes, which a dedicated detector owns). */
  skipFamilies?: readonly string[];
}

export interface Prepared {
  shape: NetShape;
  options: TrainOptions;
  real: Example[];
  all: Example[];
}

export function prepareExamples(
  rows: readonly CorpusRow[],
  seed: number,
  settings: ClassifierTrainSettings = {},
): Prepared {
  const shape = settings.shape ?? SHAPE;
  const options: TrainOptions = { ...OPTIONS, ...settings.options, seed };
  const real: Example[] = [];
  const skip = new Set(settings.skipFamilies ?? SKIP_FAMILIES);
  for (const r of rows) {
    if (skip.has(r.family)) continue;
    const ex = toExample(r, shape);
    if (ex && ex.f.tokens >= MIN_TOKENS && (settings.outputs !== false || ex.benignKind !== 'surrogate')) real.push(ex);
  }
  if (real.length === 0) throw new Error('classifier: no training rows');
  const composed = composeDocuments(real, settings.composed ?? COMPOSED_DOCUMENTS, rng(seed ^ 0x5eed), shape);
  return { shape, options, real, all: [...real, ...composed] };
}

/** Held-out (group k-fold) logits of every real example, and the calibration they give. */
export function crossValidate(
  p: Prepared,
  settings: ClassifierTrainSettings = {},
): { examples: Example[]; logits: Float64Array[]; calibration: Calibration } {
  const k = settings.folds ?? FOLDS;
  const fold = groupFolds(p.all, k);
  const isReal = new Set(p.real);
  const examples: Example[] = [];
  const logits: Float64Array[] = [];
  for (let f = 0; f < k; f++) {
    const train = p.all.filter((_, i) => fold[i] !== f);
    const test = p.all.filter((ex, i) => fold[i] === f && isReal.has(ex));
    if (train.length === 0 || test.length === 0) continue;
    const net = trainNet(train, p.shape, { ...p.options, seed: p.options.seed + 1 + f });
    for (const ex of test) {
      examples.push(ex);
      logits.push(net.candidateLogits(ex, p.options.maxBlocks));
    }
  }
  const calibration = examples.length
    ? calibrate(examples, logits, settings.targets ?? TARGETS)
    : { temperature: 1, thresholds: { prompt: 0.9, document: 0.9 }, heldOut: {} };
  return { examples, logits, calibration };
}

export function trainClassifier(
  rows: readonly CorpusRow[],
  seed: number,
  log: (s: string) => void,
  settings: ClassifierTrainSettings = {},
): ClassifierFile {
  const p = prepareExamples(rows, seed, settings);
  const { calibration: cal, examples } = crossValidate(p, settings);
  log(
    `calibration on ${examples.length} held-out rows: temperature ${cal.temperature}, thresholds prompt ${cal.thresholds.prompt.toFixed(4)} document ${cal.thresholds.document.toFixed(4)} (${Object.entries(
      cal.heldOut,
    )
      .map(([k, v]) => `${k} ${(100 * v).toFixed(2)} %`)
      .join(', ')})`,
  );
  const net = trainNet(p.all, p.shape, p.options, log);
  const byClass = new Array<number>(5).fill(0);
  for (const ex of p.real) byClass[ex.y]++;
  const targets = settings.targets ?? TARGETS;
  return encodeNet(net, {
    temperature: cal.temperature,
    thresholds: cal.thresholds,
    minTokens: MIN_TOKENS,
    calibration: {
      method: `group ${settings.folds ?? FOLDS}-fold: each row scored by a network that never saw its source group; temperature by log-loss; threshold on benign rows only`,
      targetOrdinary: targets.ordinary,
      targetHardNegatives: targets.hard,
      targetDocuments: targets.document,
      ...Object.fromEntries(Object.entries(cal.heldOut).map(([k, v]) => [k, Number(v.toFixed(5))])),
    },
    trainedOn: {
      rows: p.real.length,
      composedDocuments: p.all.length - p.real.length,
      groups: new Set(p.real.map((e) => e.group)).size,
      benign: byClass[0],
      injection: byClass[1],
      extraction: byClass[2],
      jailbreak: byClass[3],
      harmful: byClass[4],
      epochs: p.options.epochs,
      dropout: p.options.dropout,
      capPerBucket: p.options.capPerBucket,
      soup: p.options.soup ?? 1,
      soupFrom: p.options.soupFrom ?? p.options.epochs,
      seed,
    },
  });
}

export const trainer: Trainer = {
  id: 'classifier',
  file: 'classifier.json',
  uses: (row) => rowClass(row) !== undefined,
  train: (rows, { seed, log }) => trainClassifier(rows, seed, log),
};
