/**
 * Trains the character language model of the adversarial-suffix detector (src/detect/suffix/) and returns the
 * weights file processor/models/char-lm.json.
 *
 * Text: every benign or harmful row (prompts, documents, model outputs) — what people and assistants write, in every
 * language of the corpus. Harmful requests are human text like any other; keeping them means a harmful request is not
 * itself "surprising", only the token run appended to it. Attack rows are left out (they hold the suffixes and
 * templates the model must find strange), and so are the robustness-perturbed prompts (`promptbench/attacked_*`): their
 * typos and random tokens were produced by a perturbation program, not written by a person, and they are the
 * detector's hard negatives; the project's own generated eval rows are test material and are left out too. Each source
 * contributes at most SOURCE_CAP characters so English instruction sets do not
 * drown the other languages. The caller passes permissive-licence rows only (`npm run train`, the eval folds).
 *
 * Model: interpolated Kneser-Ney over normalized code points (alphabet.ts), order ORDER, and a shape model of the same
 * text (alphabet.ts shapeOf), order SHAPE_ORDER. Counts are exact while training (53-bit hashed keys in open-addressing
 * typed-array tables); the shipped tables keep n-grams seen at least twice (contexts seen at least
 * MIN_CTX times) and fold the mass of the dropped ones into the context's back-off weight. Every 10th row (by a seeded
 * hash of its id) is held out to measure per-script surprisal, which the detector uses as each script's baseline.
 * Deterministic: no randomness beyond the fixed row split; count tables iterate in slot order, which depends only on the
 * inserted keys.
 */
import { BOS, normalizeInto, SCRIPT_COUNT, SCRIPT_NAMES, scriptOf, shapeOf } from '../../src/detect/suffix/alphabet.js';
import {
  CharLm,
  type CharLmFile,
  type SuffixLmFile,
  extend1,
  extend2,
  QMAX,
  QTable,
  quantize,
  UNIGRAM_QSTEP,
  SEED1,
  SEED2,
} from '../../src/detect/suffix/charlm.js';
import type { CorpusRow } from '../lib/corpus.js';
import type { Trainer } from './trainer.js';

export const ORDER = 4;
export const SHAPE_ORDER = 7;
const SHAPE_PAIR_BITS = 15;
const SHAPE_CTX_BITS = 14;
const PAIR_BITS = 18;
const CTX_BITS = 16;
const QSTEP = 2;
const SOURCE_CAP = 700_000;
const MAX_ROW_CHARS = 4_000;
const MIN_CTX = 3;
const MIN_PAIR = 2;
const UNSEEN_COUNT = 50_000;
const TWO21 = 2 ** 21;

const key = (a: number, b: number) => a * TWO21 + (b & 0x1fffff);
const hi = (k: number) => Math.floor(k / TWO21) >>> 0;
const lo = (k: number) => k % TWO21;

/** Rows whose text trains the model (see the header). */
export function lmText(rows: readonly CorpusRow[]): { train: string[]; heldOut: string[]; sources: number } {
  const used = new Map<string, number>();
  const train: string[] = [];
  const heldOut: string[] = [];
  for (const r of rows) {
    if (r.label !== 'benign' && r.label !== 'harmful') continue;
    if (r.source.startsWith('promptbench/attacked')) continue;
    // The project's own eval rows are test material (some deliberately machine-like), not a sample of human text.
    if (r.set === 'own') continue;
    const src = `${r.source.split('/')[0]}|${r.channel}`;
    const have = used.get(src) ?? 0;
    if (have >= SOURCE_CAP) continue;
    const text = r.text.length > MAX_ROW_CHARS ? r.text.slice(0, MAX_ROW_CHARS) : r.text;
    used.set(src, have + text.length);
    (rowHash(r.id || text) % 10 === 0 ? heldOut : train).push(text);
  }
  return { train, heldOut, sources: used.size };
}

function rowHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Counts keyed by 53-bit n-gram keys (two hash lanes), open addressing on typed arrays: the trainer's hot loop does
 * tens of millions of updates, several times faster than a Map. `aux` holds one number per key (the key of the
 * n-gram's context). Iteration is in slot order, which depends only on the inserted keys: deterministic.
 */
class CountMap {
  keys: Float64Array;
  vals: Float64Array;
  aux: Float64Array;
  size = 0;
  private bits: number;
  constructor(bits = 12) {
    this.bits = bits;
    this.keys = new Float64Array(1 << bits).fill(-1);
    this.vals = new Float64Array(1 << bits);
    this.aux = new Float64Array(1 << bits);
  }
  private slot(k: number): number {
    const m = (1 << this.bits) - 1;
    let i = hi(k) >>> (32 - this.bits);
    while (this.keys[i] !== -1 && this.keys[i] !== k) i = (i + 1) & m;
    return i;
  }
  /** Add `by` to the count of k (creating it with `aux` when new); returns the previous count. */
  add(k: number, by: number, aux = 0): number {
    let i = this.slot(k);
    if (this.keys[i] === -1) {
      if (this.size + 1 > (1 << this.bits) * 0.6) {
        this.grow();
        i = this.slot(k);
      }
      this.keys[i] = k;
      this.vals[i] = by;
      this.aux[i] = aux;
      this.size++;
      return 0;
    }
    const prev = this.vals[i];
    this.vals[i] = prev + by;
    return prev;
  }
  get(k: number): number {
    const i = this.slot(k);
    return this.keys[i] === -1 ? 0 : this.vals[i];
  }
  private grow(): void {
    const { keys, vals, aux } = this;
    this.bits++;
    this.keys = new Float64Array(1 << this.bits).fill(-1);
    this.vals = new Float64Array(1 << this.bits);
    this.aux = new Float64Array(1 << this.bits);
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === -1) continue;
      const i = this.slot(keys[j]);
      this.keys[i] = keys[j];
      this.vals[i] = vals[j];
      this.aux[i] = aux[j];
    }
  }
  *entries(): Generator<[number, number, number]> {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== -1) yield [this.keys[i], this.vals[i], this.aux[i]];
  }
}

interface Counts {
  /** Per order k (index k-1): n-gram key → count (raw at the top order, continuation below), aux = context key. */
  grams: CountMap[];
  /** Per context length j (index j): context key → how often it occurred as a context. */
  ctxSeen: CountMap[];
  /** The code point of each order-1 key. */
  unigramCp: Map<number, number>;
}

function count(texts: readonly string[], N: number, map: (c: number) => number): Counts {
  const grams = Array.from({ length: N }, () => new CountMap());
  const ctxSeen = Array.from({ length: N }, () => new CountMap());
  const unigramCp = new Map<number, number>();
  let cps = new Int32Array(1024);
  let offs = new Int32Array(1024);
  const G = new Array<number>(N + 1);
  const H = new Array<number>(N);
  for (const t of texts) {
    if (cps.length < t.length) {
      cps = new Int32Array(t.length);
      offs = new Int32Array(t.length);
    }
    const n = normalizeInto(t, 0, t.length, cps, offs);
    for (let i = 0; i < n; i++) cps[i] = map(cps[i]);
    for (let i = 0; i < n; i++) {
      const c = cps[i];
      let g1 = extend1(SEED1 ^ 0x5bd1e995, c);
      let g2 = extend2(SEED2 ^ 0x5bd1e995, c);
      let h1 = SEED1;
      let h2 = SEED2;
      G[1] = key(g1, g2);
      H[0] = 0;
      if (!unigramCp.has(G[1])) unigramCp.set(G[1], c);
      for (let k = 1; k < N; k++) {
        const x = i - k >= 0 ? cps[i - k] : BOS;
        h1 = extend1(h1, x);
        h2 = extend2(h2, x);
        g1 = extend1(g1, x);
        g2 = extend2(g2, x);
        H[k] = key(h1, h2);
        G[k + 1] = key(g1, g2);
      }
      // Top order: raw counts. A new type at order k+1 adds one continuation to its suffix at order k; a type seen
      // before means every shorter suffix has seen this left extension already.
      for (let k = N; k >= 1; k--) if (grams[k - 1].add(G[k], 1, H[k - 1]) > 0) break;
      for (let j = 1; j < N; j++) ctxSeen[j].add(H[j], 1);
    }
  }
  return { grams, ctxSeen, unigramCp };
}

/** Absolute discount from the count-of-counts (Ney): D = n1 / (n1 + 2 n2), clamped. */
function discount(m: CountMap): number {
  let n1 = 0;
  let n2 = 0;
  for (const [, v] of m.entries()) {
    if (v === 1) n1++;
    else if (v === 2) n2++;
  }
  const d = n1 + 2 * n2 > 0 ? n1 / (n1 + 2 * n2) : 0.5;
  return Math.min(0.95, Math.max(0.3, d));
}

function build(
  c: Counts,
  N: number,
  pairBits: number,
  ctxBits: number,
  log: (s: string) => void,
): Omit<CharLmFile, 'scripts' | 'trainedOn'> {
  const pairs = new QTable(pairBits);
  const ctx = new QTable(ctxBits);
  let pairCount = 0;
  let ctxCount = 0;
  let dropped = 0;
  // Unigram level (order 1, continuation counts).
  const uni = c.grams[0];
  const d1 = discount(uni);
  let total1 = 0;
  for (const [, v] of uni.entries()) total1 += v;
  const unseenMass = (d1 * uni.size) / total1;
  const uniEntries: Array<[number, number]> = [];
  for (const [k, v] of uni.entries()) uniEntries.push([c.unigramCp.get(k) ?? 0, Math.max(v - d1, 0) / total1]);
  uniEntries.sort((a, b) => a[0] - b[0]);
  const unigramCps: number[] = [];
  const uq = Buffer.alloc(uniEntries.length);
  let prevCp = 0;
  uniEntries.forEach(([cp, p], i) => {
    unigramCps.push(cp - prevCp);
    prevCp = cp;
    uq[i] = quantize(p + unseenMass / UNSEEN_COUNT, UNIGRAM_QSTEP, 255);
  });
  // Orders 2..N.
  for (let k = 2; k <= N; k++) {
    const m = c.grams[k - 1];
    const D = discount(m);
    const seen = c.ctxSeen[k - 1];
    const totals = new Map<number, number>();
    const typesOf = new Map<number, number>();
    for (const [, v, h] of m.entries()) {
      totals.set(h, (totals.get(h) ?? 0) + v);
      typesOf.set(h, (typesOf.get(h) ?? 0) + 1);
    }
    // Kept mass per context, to fold dropped pairs into its back-off weight.
    const kept = new Map<number, number>();
    for (const [g, v, h] of m.entries()) {
      if (seen.get(h) < MIN_CTX || v < MIN_PAIR) continue;
      const a = Math.max(v - D, 0) / totals.get(h)!;
      const q = quantize(a, QSTEP);
      if (q >= QMAX) continue;
      if (pairs.put(hi(g), lo(g), q)) {
        pairCount++;
        kept.set(h, (kept.get(h) ?? 0) + Math.pow(2, -q / QSTEP));
      } else dropped++;
    }
    for (const [h, tot] of totals) {
      if (seen.get(h) < MIN_CTX) continue;
      const gamma = Math.max((D * typesOf.get(h)!) / tot, 1 - (kept.get(h) ?? 0));
      if (ctx.put(hi(h), lo(h), quantize(Math.min(1, gamma), QSTEP))) ctxCount++;
      else dropped++;
    }
    log(`order ${k}: ${m.size} n-gram types, D=${D.toFixed(3)}`);
  }
  log(
    `tables: ${pairCount} pairs in 2^${pairBits} slots, ${ctxCount} contexts in 2^${ctxBits}, ${dropped} dropped (probe runs full)`,
  );
  return {
    version: 1,
    order: N,
    pairBits,
    ctxBits,
    qstep: QSTEP,
    pairs: pairs.encode(),
    contexts: ctx.encode(),
    unigramCps,
    unigramQ: uq.toString('base64'),
    unseenMass,
    unseenCount: UNSEEN_COUNT,
  };
}

/** Per-script mean and sd of surprisal on held-out text, and the training characters per script. */
function scriptStats(
  model: CharLm,
  heldOut: readonly string[],
  train: readonly string[],
  map: (c: number) => number,
): CharLmFile['scripts'] {
  const sum = new Float64Array(SCRIPT_COUNT);
  const sq = new Float64Array(SCRIPT_COUNT);
  const n = new Float64Array(SCRIPT_COUNT);
  const chars = new Float64Array(SCRIPT_COUNT);
  let cps = new Int32Array(1024);
  let offs = new Int32Array(1024);
  let bits = new Float64Array(1024);
  for (const t of heldOut) {
    if (cps.length < t.length) {
      cps = new Int32Array(t.length);
      offs = new Int32Array(t.length);
      bits = new Float64Array(t.length);
    }
    const len = normalizeInto(t, 0, t.length, cps, offs);
    const mapped = cps.map(map);
    model.surprisal(mapped, 0, len, bits);
    for (let i = 0; i < len; i++) {
      const s = scriptOf(cps[i]);
      sum[s] += bits[i];
      sq[s] += bits[i] * bits[i];
      n[s]++;
    }
  }
  for (const t of train) {
    if (cps.length < t.length) {
      cps = new Int32Array(t.length);
      offs = new Int32Array(t.length);
    }
    const len = normalizeInto(t, 0, t.length, cps, offs);
    for (let i = 0; i < len; i++) chars[scriptOf(cps[i])]++;
  }
  return SCRIPT_NAMES.map((_, s) => {
    const mean = n[s] > 0 ? sum[s] / n[s] : 0;
    const sd = n[s] > 1 ? Math.sqrt(Math.max(0, sq[s] / n[s] - mean * mean)) : 0;
    return { mean: round(mean), sd: round(sd), chars: chars[s] };
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function trainOne(
  name: string,
  train: readonly string[],
  heldOut: readonly string[],
  order: number,
  pairBits: number,
  ctxBits: number,
  map: (c: number) => number,
  log: (s: string) => void,
): CharLmFile {
  const counts = count(train, order, map);
  const tables = build(counts, order, pairBits, ctxBits, (s) => log(`${name} ${s}`));
  const file: CharLmFile = { ...tables, scripts: [], trainedOn: '' };
  file.scripts = scriptStats(new CharLm(file), heldOut, train, map);
  const latin = file.scripts[3];
  log(`${name}: held-out latin surprisal ${latin.mean} ± ${latin.sd} bits/char`);
  return file;
}

export function trainCharLm(rows: readonly CorpusRow[], log: (s: string) => void = () => {}): SuffixLmFile {
  const { train, heldOut, sources } = lmText(rows);
  const chars = train.reduce((a, t) => a + t.length, 0);
  log(`${train.length} texts (${chars} characters) from ${sources} sources, ${heldOut.length} held out`);
  const full = trainOne('full', train, heldOut, ORDER, PAIR_BITS, CTX_BITS, (c) => c, log);
  const shape = trainOne('shape', train, heldOut, SHAPE_ORDER, SHAPE_PAIR_BITS, SHAPE_CTX_BITS, shapeOf, log);
  const trainedOn = `${train.length} benign/harmful texts, ${chars} characters, ${sources} sources (permissive licences)`;
  return { version: 1, full: { ...full, trainedOn }, shape: { ...shape, trainedOn }, trainedOn };
}

export const trainer: Trainer = {
  id: 'char-lm',
  file: 'char-lm.json',
  train: (rows, { log }) => trainCharLm(rows, log),
};
