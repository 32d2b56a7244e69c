import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../scripts/train/classifier/calibrate.js';
import type { Example } from '../../../scripts/train/classifier/examples.js';
import { groupFolds } from '../../../scripts/train/classifier/folds.js';
import { attackProbability } from '../../../scripts/train/classifier/network.js';
import { trainClassifier } from '../../../scripts/train/classifier.js';
import { Classifier, weightsFromFile } from '../../../src/detect/classifier/model.js';
import { prepareString } from '../../../src/detect/injection/prepare.js';
import { composedCorpus, held, TINY } from './composed.js';

describe('classifier training', () => {
  const rows = composedCorpus(30);
  const a = trainClassifier(rows, 7, () => {}, TINY);

  it('is deterministic for a seed and changes with it', () => {
    const b = trainClassifier(rows, 7, () => {}, TINY);
    expect(b.embedding).toBe(a.embedding);
    expect(b.w1).toEqual(a.w1);
    expect(b.thresholds).toEqual(a.thresholds);
    const c = trainClassifier(rows, 8, () => {}, TINY);
    expect(c.embedding).not.toBe(a.embedding);
  });

  it('learns the composed intents: attacks score above benign requests', () => {
    const clf = new Classifier(weightsFromFile(a));
    const score = (t: string) => clf.score(prepareString(t, 1 << 16).text, 'prompt')?.attack ?? 0;
    const minAttack = Math.min(...held.attacks.map(score));
    const maxBenign = Math.max(...held.benign.map(score));
    expect(minAttack).toBeGreaterThan(maxBenign);
    expect(a.trainedOn.rows).toBe(rows.length);
    expect(a.thresholds.prompt).toBeGreaterThanOrEqual(0.5);
  });
});

describe('classifier weight averaging', () => {
  const rows = composedCorpus(30);
  const train = (options: Record<string, number>) =>
    trainClassifier(rows, 7, () => {}, { ...TINY, options: { ...TINY.options, ...options } });
  const separates = (f: ReturnType<typeof train>) => {
    const clf = new Classifier(weightsFromFile(f));
    const score = (t: string) => clf.score(prepareString(t, 1 << 16).text, 'prompt')?.attack ?? 0;
    return Math.min(...held.attacks.map(score)) > Math.max(...held.benign.map(score));
  };
  const last = train({ averageFrom: 0, averageSnapshots: 0, soup: 1 });

  it('of one snapshot at the last step is the last weights', () => {
    const one = train({ averageFrom: 0.5, averageSnapshots: 1, soup: 1 });
    expect(one.embedding).toBe(last.embedding);
    expect(one.w2).toEqual(last.w2);
  });

  it('over the last half of training gives other weights that still separate the intents', () => {
    const avg = train({ averageFrom: 0.5, averageSnapshots: 8, soup: 1 });
    expect(avg.embedding).not.toBe(last.embedding);
    expect(separates(avg)).toBe(true);
  });

  it('as a soup: one branch is the plain run, several branches average to a network that still separates', () => {
    const plain = { averageFrom: 0, averageSnapshots: 0 };
    expect(train({ ...plain, soup: 1, soupFrom: 3 }).embedding).toBe(last.embedding);
    const soup = train({ ...plain, soup: 3, soupFrom: 3 });
    expect(soup.embedding).not.toBe(last.embedding);
    expect(separates(soup)).toBe(true);
  });
});

function ex(group: string, y: number, benignKind?: Example['benignKind'], channel = 0): Example {
  return {
    row: undefined as never,
    y,
    channel,
    group,
    f: { feats: new Int32Array(), blocks: new Int32Array(), tokens: 0 },
    benignKind,
  };
}

describe('classifier calibration', () => {
  it('chooses the threshold on benign rows only, meeting the targets pooled and per source group', () => {
    const examples: Example[] = [];
    const logits: Float64Array[] = [];
    // 400 ordinary benign rows in 4 groups with attack logit rising over the rows; one group is much noisier
    for (let g = 0; g < 4; g++)
      for (let i = 0; i < 100; i++) {
        examples.push(ex(`g${g}`, 0, 'ordinary'));
        logits.push(Float64Array.from([2, (i / 100) * (g === 3 ? 5 : 2), 0, 0, 0]));
      }
    // attacks: their scores must not influence the threshold
    for (let i = 0; i < 50; i++) {
      examples.push(ex('atk', 1));
      logits.push(Float64Array.from([0, 1 + i / 10, 0, 0, 0]));
    }
    const cal = calibrate(examples, logits, { ordinary: 0.01, hard: 0.03, document: 0.03 });
    const p = (i: number) => attackProbability(logits[i], cal.temperature);
    const benign = examples.map((e, i) => ({ e, p: p(i) })).filter((x) => x.e.benignKind === 'ordinary');
    const flagged = benign.filter((x) => x.p >= cal.thresholds.prompt);
    expect(flagged.length / benign.length).toBeLessThanOrEqual(0.01);
    for (let g = 0; g < 4; g++) {
      const rows = benign.filter((x) => x.e.group === `g${g}`);
      expect(rows.filter((x) => x.p >= cal.thresholds.prompt).length / rows.length).toBeLessThanOrEqual(0.04);
    }
    // the same benign scores with different attack scores give the same threshold
    const moved = logits.map((z, i) => (examples[i].y === 1 ? Float64Array.from([0, 9, 0, 0, 0]) : z));
    expect(calibrate(examples, moved, { ordinary: 0.01, hard: 0.03, document: 0.03 }).thresholds.prompt).toBe(
      cal.thresholds.prompt,
    );
  });

  it('fits the temperature that minimizes held-out log-loss', () => {
    const examples: Example[] = [];
    const logits: Float64Array[] = [];
    // overconfident logits that are right only 70 % of the time → a temperature above 1
    for (let i = 0; i < 100; i++) {
      examples.push(ex('g', i % 10 < 7 ? 1 : 0, i % 10 < 7 ? undefined : 'ordinary'));
      logits.push(Float64Array.from([0, 8, 0, 0, 0]));
    }
    expect(calibrate(examples, logits, { ordinary: 0.5, hard: 0.5, document: 0.5 }).temperature).toBeGreaterThan(1);
  });

  it('keeps every source group in one fold and spreads classes over the folds', () => {
    const examples: Example[] = [];
    for (let g = 0; g < 12; g++) for (let i = 0; i < 10 + g; i++) examples.push(ex(`g${g}`, g % 3));
    const folds = groupFolds(examples, 3);
    for (let g = 0; g < 12; g++) expect(new Set(folds.filter((_, i) => examples[i].group === `g${g}`)).size).toBe(1);
    for (let f = 0; f < 3; f++)
      for (let c = 0; c < 3; c++) expect(examples.some((e, i) => folds[i] === f && e.y === c)).toBe(true);
  });
});
