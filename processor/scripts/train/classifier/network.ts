/**
 * Training of the classifier network (src/detect/classifier/model.ts): plain SGD with a linearly decaying rate
 * (fastText-style), softmax cross-entropy, feature dropout, class- and source-balanced sampling, and multiple-instance
 * learning over windows — each long text trains on its most attack-like candidate (a window of two blocks, or the
 * whole text), the candidate inference will judge it by. Deterministic for a seed.
 */
import type { FeatureSpec } from '../../../src/detect/classifier/features.js';
import { CLASSES } from '../../../src/detect/classifier/model.js';
import type { Example } from './examples.js';

export type Rng = () => number;

/** mulberry32 */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NetShape extends FeatureSpec {
  dim: number;
  hidden: number;
}

export interface TrainOptions {
  epochs: number;
  lr: number;
  /** Probability of dropping each feature occurrence in a training step. */
  dropout: number;
  /** Most rows of one (source group, class) used per epoch (a fresh random subset each epoch). */
  capPerBucket: number;
  /** Class weights ∝ (1 / class frequency)^power after sampling (0: none, 1: fully balanced). */
  classPower: number;
  /** Blocks of a long row used in training: the first and last maxBlocks/2. */
  maxBlocks: number;
  /** Epochs that train on whole texts before windows are chosen per text. */
  warmEpochs: number;
  /** Embedding step size relative to `lr` (row-wise AdaGrad). */
  embLr: number;
  /**
   * Weight averaging (SWA / Polyak): from this fraction of the steps on, the parameters are snapshotted `averageSnapshots`
   * times at even intervals and the network returned is their mean (0 or absent: the last weights).
   */
  averageFrom?: number;
  averageSnapshots?: number;
  /**
   * A model soup: `soup` branches forked from the shared weights after `soupFrom` epochs finish training with their own
   * sampling and dropout draws, and the network returned is the mean of their weights (absent or 1: one run).
   */
  soup?: number;
  soupFrom?: number;
  seed: number;
}

const C = CLASSES.length;
const ATTACK = [1, 2, 3];

export class Net {
  readonly E: Float32Array;
  readonly w1: Float64Array;
  readonly b1: Float64Array;
  readonly wc: Float64Array;
  readonly w2: Float64Array;
  readonly b2: Float64Array;
  /** Row-wise AdaGrad accumulators of the embeddings: every bucket learns at a rate independent of text length. */
  private readonly g2: Float32Array;
  // scratch
  private readonly x: Float64Array;
  private readonly a: Float64Array;
  private readonly h: Float64Array;
  private readonly z: Float64Array;
  private readonly dh: Float64Array;
  private readonly dx: Float64Array;
  private readonly pBuf = new Float64Array(C);
  private kept = new Int32Array(4096);
  private blockSums = new Float64Array(64 * 16);

  constructor(
    readonly shape: NetShape,
    r: Rng,
    private readonly embLr = 0.1,
  ) {
    const { bits, dim, hidden } = shape;
    this.E = new Float32Array((1 << bits) * dim); // zero: a bucket never seen contributes nothing
    const u = (n: number, scale: number) => Float64Array.from({ length: n }, () => (r() * 2 - 1) * scale);
    this.w1 = u(hidden * dim, Math.sqrt(6 / (dim + hidden)));
    this.b1 = new Float64Array(hidden).fill(0.1); // ReLUs start active, so gradients reach the zero embeddings
    this.wc = new Float64Array(2 * hidden);
    this.w2 = u(C * hidden, Math.sqrt(6 / (hidden + C)));
    this.b2 = new Float64Array(C);
    this.g2 = new Float32Array(1 << bits);
    this.x = new Float64Array(dim);
    this.a = new Float64Array(hidden);
    this.h = new Float64Array(hidden);
    this.z = new Float64Array(C);
    this.dh = new Float64Array(hidden);
    this.dx = new Float64Array(dim);
  }

  /** Logits (temperature 1) of a candidate whose embedding sum is `sum` over `n` features. */
  private logits(sum: Float64Array, so: number, n: number, channel: number): void {
    const { dim, hidden } = this.shape;
    const inv = n > 0 ? 1 / n : 0;
    for (let d = 0; d < dim; d++) this.x[d] = sum[so + d] * inv;
    for (let j = 0; j < hidden; j++) {
      let s = this.b1[j] + this.wc[channel * hidden + j];
      const row = j * dim;
      for (let d = 0; d < dim; d++) s += this.w1[row + d] * this.x[d];
      this.a[j] = s;
      this.h[j] = s > 0 ? s : 0;
    }
    for (let c = 0; c < C; c++) {
      let s = this.b2[c];
      const row = c * hidden;
      for (let j = 0; j < hidden; j++) s += this.w2[row + j] * this.h[j];
      this.z[c] = s;
    }
  }

  private static softmax(z: Float64Array, t: number, out: Float64Array): void {
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, z[c] / t);
    let total = 0;
    for (let c = 0; c < C; c++) {
      out[c] = Math.exp(z[c] / t - max);
      total += out[c];
    }
    for (let c = 0; c < C; c++) out[c] /= total;
  }

  /** The blocks of an example used for training / scoring (all when short; head and tail halves when long). */
  static keptBlocks(ex: Example, maxBlocks: number): number[] {
    const nb = ex.f.blocks.length;
    if (nb <= maxBlocks) return Array.from({ length: nb }, (_, i) => i);
    const half = maxBlocks >> 1;
    return [...Array.from({ length: half }, (_, i) => i), ...Array.from({ length: half }, (_, i) => nb - half + i)];
  }

  private blockRange(ex: Example, b: number): [number, number] {
    const { blocks, feats } = ex.f;
    return [blocks[b], b + 1 < blocks.length ? blocks[b + 1] : feats.length];
  }

  /**
   * Scores every candidate of an example (no dropout) and returns the best one's blocks and logits: windows of two
   * consecutive blocks and the whole text, best = highest attack probability.
   */
  bestCandidate(ex: Example, kept: number[], logitsOut?: Float64Array): number[] {
    const { dim } = this.shape;
    const k = kept.length;
    if (this.blockSums.length < (k + 1) * dim) this.blockSums = new Float64Array((k + 1) * dim * 2);
    const bs = this.blockSums;
    const counts: number[] = [];
    const g = k * dim; // global sum slot
    for (let d = 0; d < dim; d++) bs[g + d] = 0;
    let total = 0;
    for (let i = 0; i < k; i++) {
      const o = i * dim;
      for (let d = 0; d < dim; d++) bs[o + d] = 0;
      const [from, to] = this.blockRange(ex, kept[i]);
      for (let f = from; f < to; f++) {
        const eo = ex.f.feats[f] * dim;
        for (let d = 0; d < dim; d++) bs[o + d] += this.E[eo + d];
      }
      counts.push(to - from);
      total += to - from;
      for (let d = 0; d < dim; d++) bs[g + d] += bs[o + d];
    }
    const p = new Float64Array(C);
    this.logits(bs, g, total, ex.channel);
    Net.softmax(this.z, 1, p);
    let bestA = p[1] + p[2] + p[3];
    let best = kept;
    if (logitsOut) logitsOut.set(this.z);
    const win = new Float64Array(dim);
    for (let i = 0; i + 1 < k; i++) {
      if (kept[i + 1] !== kept[i] + 1) continue;
      for (let d = 0; d < dim; d++) win[d] = bs[i * dim + d] + bs[(i + 1) * dim + d];
      this.logits(win, 0, counts[i] + counts[i + 1], ex.channel);
      Net.softmax(this.z, 1, p);
      const a = p[1] + p[2] + p[3];
      if (a > bestA) {
        bestA = a;
        best = [kept[i], kept[i + 1]];
        if (logitsOut) logitsOut.set(this.z);
      }
    }
    return best;
  }

  /** One SGD step on the features of `blocks` of an example. */
  step(ex: Example, blocks: number[], lr: number, weight: number, dropout: number, r: Rng): number {
    const { dim, hidden } = this.shape;
    const E = this.E;
    const feats = ex.f.feats;
    const sum = this.dx; // reuse as the sum buffer, then as dx
    sum.fill(0);
    let n = 0;
    // dropout draws from an inline xorshift seeded per step (one rng call per step, not per feature)
    let s = (Math.floor(r() * 0xffffffff) | 1) >>> 0;
    const keep = Math.floor((1 - dropout) * 0xffffffff);
    if (this.kept.length < feats.length) this.kept = new Int32Array(feats.length * 2);
    const kept = this.kept;
    for (const b of blocks) {
      const [from, to] = this.blockRange(ex, b);
      for (let f = from; f < to; f++) {
        if (dropout > 0) {
          s ^= s << 13;
          s ^= s >>> 17;
          s ^= s << 5;
          if (s >>> 0 > keep) continue;
        }
        const bucket = feats[f];
        kept[n++] = bucket;
        const eo = bucket * dim;
        for (let d = 0; d < dim; d++) sum[d] += E[eo + d];
      }
    }
    if (n === 0) return 0;
    this.logits(sum, 0, n, ex.channel);
    const p = this.pBuf;
    Net.softmax(this.z, 1, p);
    const loss = -Math.log(Math.max(1e-12, p[ex.y])) * weight;
    // dz = weight · (p − onehot)
    for (let c = 0; c < C; c++) p[c] = weight * (p[c] - (c === ex.y ? 1 : 0));
    const w2 = this.w2;
    for (let j = 0; j < hidden; j++) {
      let acc = 0;
      for (let c = 0; c < C; c++) acc += w2[c * hidden + j] * p[c];
      this.dh[j] = this.a[j] > 0 ? acc : 0;
    }
    for (let c = 0; c < C; c++) {
      const row = c * hidden;
      for (let j = 0; j < hidden; j++) w2[row + j] -= lr * p[c] * this.h[j];
      this.b2[c] -= lr * p[c];
    }
    const dx = this.dx;
    dx.fill(0);
    const w1 = this.w1;
    const x = this.x;
    for (let j = 0; j < hidden; j++) {
      const da = this.dh[j];
      if (da === 0) continue;
      const row = j * dim;
      for (let d = 0; d < dim; d++) {
        dx[d] += w1[row + d] * da;
        w1[row + d] -= lr * da * x[d];
      }
      this.b1[j] -= lr * da;
      this.wc[ex.channel * hidden + j] -= lr * da;
    }
    // every occurrence of a bucket gets dx / n; AdaGrad (one accumulator per row) sets the step size
    let gg = 0;
    for (let d = 0; d < dim; d++) gg += dx[d] * dx[d];
    gg /= dim * n * n;
    const g2 = this.g2;
    const base = (this.embLr * lr) / n;
    for (let i = 0; i < n; i++) {
      const b = kept[i];
      const acc = g2[b] + gg;
      g2[b] = acc;
      const st = base / Math.sqrt(acc + 1e-12);
      const eo = b * dim;
      for (let d = 0; d < dim; d++) E[eo + d] -= st * dx[d];
    }
    return loss;
  }

  /** A copy with the same weights and optimizer state (for the branches of a soup). */
  clone(): Net {
    const n = new Net(this.shape, () => 0.5, this.embLr);
    const dst = n.params();
    this.params().forEach((a, i) => dst[i].set(a));
    n.g2.set(this.g2);
    return n;
  }

  /** Every trained parameter array (embeddings first), for weight averaging. */
  params(): Array<Float32Array | Float64Array> {
    return [this.E, this.w1, this.b1, this.wc, this.w2, this.b2];
  }

  /** Logits of the example's best candidate (what inference would judge), at temperature 1. */
  candidateLogits(ex: Example, maxBlocks: number): Float64Array {
    const z = new Float64Array(C);
    this.bestCandidate(ex, Net.keptBlocks(ex, maxBlocks), z);
    return z;
  }
}

export function attackProbability(z: Float64Array, t: number): number {
  let max = -Infinity;
  for (let c = 0; c < C; c++) max = Math.max(max, z[c] / t);
  let total = 0;
  let att = 0;
  for (let c = 0; c < C; c++) {
    const e = Math.exp(z[c] / t - max);
    total += e;
    if (ATTACK.includes(c)) att += e;
  }
  return att / total;
}

/** Train a network on examples. */
export function trainNet(
  examples: readonly Example[],
  shape: NetShape,
  o: TrainOptions,
  log?: (s: string) => void,
): Net {
  const r = rng(o.seed);
  const net = new Net(shape, r, o.embLr);
  // buckets of (group, class) for source-balanced sampling
  const buckets = new Map<string, Example[]>();
  for (const ex of examples) {
    const k = `${ex.group}\u0000${ex.y}\u0000${ex.channel}`;
    const b = buckets.get(k) ?? [];
    b.push(ex);
    buckets.set(k, b);
  }
  const bucketList = [...buckets.keys()].sort().map((k) => buckets.get(k) ?? []);
  const perEpoch: Example[] = [];
  const classCount = new Float64Array(C);
  for (const b of bucketList) {
    const take = Math.min(b.length, o.capPerBucket);
    classCount[b[0].y] += take;
  }
  const totalCount = classCount.reduce((s, x) => s + x, 0);
  const classWeight = Array.from(classCount, (n) => (n > 0 ? Math.pow(totalCount / (C * n), o.classPower) : 0));
  const steps = o.epochs * bucketList.reduce((s, b) => s + Math.min(b.length, o.capPerBucket), 0);
  const epoch = (n: Net, rr: Rng, e: number, done: number, avg?: Averager): number => {
    perEpoch.length = 0;
    for (const b of bucketList) {
      if (b.length <= o.capPerBucket) perEpoch.push(...b);
      else {
        const idx = b.map((_, i) => i);
        for (let i = 0; i < o.capPerBucket; i++) {
          const j = i + Math.floor(rr() * (idx.length - i));
          [idx[i], idx[j]] = [idx[j], idx[i]];
          perEpoch.push(b[idx[i]]);
        }
      }
    }
    for (let i = perEpoch.length - 1; i > 0; i--) {
      const j = Math.floor(rr() * (i + 1));
      [perEpoch[i], perEpoch[j]] = [perEpoch[j], perEpoch[i]];
    }
    let loss = 0;
    for (const ex of perEpoch) {
      const lr = o.lr * Math.max(0.0001, 1 - done / steps);
      done++;
      const kept = Net.keptBlocks(ex, o.maxBlocks);
      const blocks = e < o.warmEpochs || kept.length < 3 ? kept : n.bestCandidate(ex, kept);
      loss += n.step(ex, blocks, lr, classWeight[ex.y], o.dropout, rr);
      avg?.after(done);
    }
    log?.(`epoch ${e + 1}/${o.epochs}: ${perEpoch.length} rows, mean loss ${(loss / perEpoch.length).toFixed(4)}`);
    return done;
  };
  const k = Math.max(1, Math.floor(o.soup ?? 1));
  const fork = k > 1 ? Math.min(o.epochs, Math.max(0, Math.floor(o.soupFrom ?? 0))) : o.epochs;
  let done = 0;
  const avg = k === 1 ? averager(net, steps, o.averageFrom ?? 0, o.averageSnapshots ?? 0) : undefined;
  for (let e = 0; e < fork; e++) done = epoch(net, r, e, done, avg);
  if (k === 1) {
    avg?.finish();
    return net;
  }
  // a soup: k branches from the shared weights, each finishing training with its own sampling and dropout draws
  const branches: Net[] = [];
  for (let b = 0; b < k; b++) {
    const n = net.clone();
    const rr = b === 0 ? r : rng((o.seed ^ Math.imul(0x9e3779b9, b + 1)) >>> 0);
    const bavg = averager(n, steps, o.averageFrom ?? 0, o.averageSnapshots ?? 0);
    let d = done;
    for (let e = fork; e < o.epochs; e++) d = epoch(n, rr, e, d, bavg);
    bavg?.finish();
    branches.push(n);
  }
  const into = net.params();
  const from = branches.map((n) => n.params());
  for (let a = 0; a < into.length; a++) {
    const dst = into[a];
    for (let i = 0; i < dst.length; i++) {
      let sum = 0;
      for (const f of from) sum += f[a][i];
      dst[i] = sum / k;
    }
  }
  return net;
}

/**
 * Running mean of the network's parameters at `snapshots` evenly spaced steps over the last (1 − from) of training,
 * the last step included; `finish` writes the mean into the network. One model, so no inference cost: it damps the
 * step-to-step wander of the late SGD iterates that moved short benign texts across the threshold between trainings.
 */
interface Averager {
  after(done: number): void;
  finish(): void;
}

function averager(net: Net, steps: number, from: number, snapshots: number): Averager | undefined {
  if (!(from > 0 && from < 1) || snapshots < 1 || steps < 1) return undefined;
  const start = Math.floor(steps * from);
  const at = new Set<number>();
  for (let i = 1; i <= snapshots; i++) at.add(start + Math.round(((steps - start) * i) / snapshots));
  const params = net.params();
  const sums = params.map((a) => new Float64Array(a.length));
  let n = 0;
  return {
    after(done: number): void {
      if (!at.has(done)) return;
      n++;
      for (let k = 0; k < params.length; k++) {
        const a = params[k];
        const s = sums[k];
        for (let i = 0; i < a.length; i++) s[i] += a[i];
      }
    },
    finish(): void {
      if (n === 0) return;
      for (let k = 0; k < params.length; k++) {
        const a = params[k];
        const s = sums[k];
        for (let i = 0; i < a.length; i++) a[i] = s[i] / n;
      }
    },
  };
}
