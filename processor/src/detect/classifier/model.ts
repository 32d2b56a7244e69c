/**
 * The classifier's weights and their inference: a fastText-style bag of hashed token/sub-word embeddings (mean over a
 * window), a channel bias, one ReLU hidden layer, a softmax over the classes, divided by a calibrated temperature.
 *
 * Long texts are scored by windows of two consecutive blocks of tokens (and the whole text): the text's scores are
 * those of its most attack-like candidate, so an instruction inside a long benign document is not averaged away.
 * Cost is linear: every feature is added once to its block; each window adds two block sums and runs the small MLP.
 * Word tokens' own features (unigram + sub-words) are summed once per distinct word and kept in a bounded,
 * direct-mapped cache, verified by the word's characters (results never depend on what was scored before).
 */
import { inflateSync } from 'node:zlib';
import {
  bigramBucket,
  FeatureWalker,
  type FeatureSpec,
  MAX_SUBWORDS,
  subwordBuckets,
  trigramBucket,
  unigramBucket,
  maskAssistantNames,
} from './features.js';
import {
  BMP_CLASS,
  BMP_FOLD,
  charClass,
  FNV,
  foldChar,
  ISO,
  MAX_SUBWORD_CHARS,
  PRIME,
  SYMBOL,
  tokenize,
  WORD,
  type TokenKind,
} from './tokens.js';

export const CLASSES = ['benign', 'injection', 'extraction', 'jailbreak', 'harmful'] as const;
export type ClassName = (typeof CLASSES)[number];
/** The classes an attack finding can be raised for (harmful requests are scored, not raised, here). */
export const ATTACK_CLASSES: readonly ClassName[] = ['injection', 'extraction', 'jailbreak'];
export const CHANNELS = ['prompt', 'document'] as const;
export type ClassifierChannel = (typeof CHANNELS)[number];

/** processor/models/classifier.json */
export interface ClassifierFile {
  format: 'tracehound-classifier';
  version: 1;
  classes: string[];
  channels: string[];
  featureBits: number;
  /** Sub-word n-gram orders and whether token bigrams are features (features.ts FeatureSpec). */
  subwordOrders: number[];
  bigrams: boolean;
  /** Symbol tokens are features (absent: true). */
  symbols?: boolean;
  dim: number;
  hidden: number;
  blockTokens: number;
  /** Fewest tokens a text needs to be scored. */
  minTokens: number;
  /** int8 embedding rows with one float32 scale per row: base64 of deflate(int8[B·D] ‖ float32[B]). */
  embedding: string;
  /** Hidden layer [hidden × dim], its bias, channel biases [channels × hidden], output [classes × hidden], bias. */
  w1: number[];
  b1: number[];
  wc: number[];
  w2: number[];
  b2: number[];
  temperature: number;
  /** Attack probability (injection + extraction + jailbreak) at or above which a finding is raised, per channel. */
  thresholds: Record<ClassifierChannel, number>;
  /** How the threshold was chosen and what it gave on held-out benign rows (recorded by the trainer). */
  calibration: Record<string, number | string>;
  trainedOn: Record<string, number | string>;
}

export interface ClassScores {
  /** Calibrated class probabilities of the most attack-like window (or of the whole text). */
  probs: Record<ClassName, number>;
  /** injection + extraction + jailbreak. */
  attack: number;
  /** Characters [start, end) of the prepared text the scores come from. */
  start: number;
  end: number;
  /** Tokens scored. */
  tokens: number;
}

export interface Weights extends FeatureSpec {
  dim: number;
  hidden: number;
  minTokens: number;
  /** Embeddings as shipped: int8 rows (q) and one scale per row (s); row b, dim d = q[b·dim + d] · s[b]. */
  q: Int8Array;
  s: Float32Array;
  w1: Float64Array;
  b1: Float64Array;
  wc: Float64Array;
  w2: Float64Array;
  b2: Float64Array;
  temperature: number;
  thresholds: Record<ClassifierChannel, number>;
}

export function decodeEmbedding(data: string, buckets: number, dim: number): { q: Int8Array; s: Float32Array } {
  const raw = inflateSync(Buffer.from(data, 'base64'));
  if (raw.length !== buckets * dim + buckets * 4) throw new Error('classifier: embedding size mismatch');
  const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.length).slice();
  return {
    q: new Int8Array(bytes.buffer, 0, buckets * dim),
    s: new Float32Array(bytes.buffer, buckets * dim, buckets),
  };
}

export function weightsFromFile(f: ClassifierFile): Weights {
  if (f.format !== 'tracehound-classifier' || f.version !== 1) throw new Error('classifier: unknown model format');
  if (f.classes.join() !== CLASSES.join() || f.channels.join() !== CHANNELS.join())
    throw new Error('classifier: model classes or channels differ from this build');
  const B = 1 << f.featureBits;
  const arr = (a: number[], n: number, name: string) => {
    if (!Array.isArray(a) || a.length !== n) throw new Error(`classifier: ${name} has the wrong size`);
    return Float64Array.from(a);
  };
  const { q, s } = decodeEmbedding(f.embedding, B, f.dim);
  // one literal with every field (no spread), so the object keeps a fast shape in hot loops
  return {
    bits: f.featureBits,
    orders: [...f.subwordOrders],
    bigrams: f.bigrams,
    symbols: f.symbols !== false,
    dim: f.dim,
    hidden: f.hidden,
    blockTokens: f.blockTokens,
    minTokens: f.minTokens,
    q,
    s,
    w1: arr(f.w1, f.hidden * f.dim, 'w1'),
    b1: arr(f.b1, f.hidden, 'b1'),
    wc: arr(f.wc, CHANNELS.length * f.hidden, 'wc'),
    w2: arr(f.w2, CLASSES.length * f.hidden, 'w2'),
    b2: arr(f.b2, CLASSES.length, 'b2'),
    temperature: f.temperature,
    thresholds: { prompt: f.thresholds.prompt, document: f.thresholds.document },
  };
}

/** Forward pass of one candidate (sum of its feature embeddings and their count) → probabilities in `out`. */
export function forward(
  w: Weights,
  sum: Float64Array,
  count: number,
  channel: number,
  h: Float64Array,
  out: Float64Array,
): void {
  const dim = w.dim;
  const hidden = w.hidden;
  const w1 = w.w1;
  const b1 = w.b1;
  const wc = w.wc;
  const w2 = w.w2;
  const b2 = w.b2;
  const t = w.temperature;
  const inv = count > 0 ? 1 / count : 0;
  for (let j = 0; j < hidden; j++) {
    let a = 0;
    const row = j * dim;
    for (let d = 0; d < dim; d++) a += w1[row + d] * sum[d];
    a = b1[j] + wc[channel * hidden + j] + a * inv;
    h[j] = a > 0 ? a : 0;
  }
  const C = out.length;
  let max = -Infinity;
  for (let c = 0; c < C; c++) {
    let z = b2[c];
    const row = c * hidden;
    for (let j = 0; j < hidden; j++) z += w2[row + j] * h[j];
    z /= t;
    out[c] = z;
    if (z > max) max = z;
  }
  let total = 0;
  for (let c = 0; c < C; c++) {
    out[c] = Math.exp(out[c] - max);
    total += out[c];
  }
  for (let c = 0; c < C; c++) out[c] /= total;
}

const CACHE_BITS = 15;
const SEED_H2 = 0x3c6ef372;
const PRIME_H2 = 0x2c1b3c6d;
// Module-local copies of what the hot loop reads: under transpiling loaders (tsx, as the eval and benchmarks run)
// every access to an imported binding is a getter call.
const L_BMP_CLASS = BMP_CLASS;
const L_BMP_FOLD = BMP_FOLD;
const L_WORD = WORD;
const L_ISO = ISO;
const L_SYMBOL = SYMBOL;
const L_MAX_CHARS = MAX_SUBWORD_CHARS;
const L_FNV = FNV;
const L_PRIME = PRIME;
const l_uni = unigramBucket;
const l_bi = bigramBucket;
const l_tri = trigramBucket;
const l_sub = subwordBuckets;
const l_charClass = charClass;
const l_foldChar = foldChar;

/**
 * Streams a text's features into block sums and keeps the best candidate — the same features, blocks and candidates
 * as features.ts (a test holds the two equal), fused into one loop for speed. One instance per model; not reentrant.
 */
class Scorer {
  private readonly shift: number;
  private readonly curSum: Float64Array;
  private readonly prevSum: Float64Array;
  private readonly global: Float64Array;
  private readonly win: Float64Array;
  private curN = 0;
  private prevN = 0;
  private globalN = 0;
  private curStart = 0;
  private prevStart = 0;
  private lastEnd = 0;
  private blocks = 0;
  private tokens = 0;
  private channel = 0;
  private prevHash = 0;
  private prev2Hash = 0;
  private prevKind = 0;
  private prev2Kind = 0;
  private readonly h: Float64Array;
  private readonly p: Float64Array;
  readonly best: Float64Array;
  bestAttack = -1;
  bestStart = 0;
  bestEnd = 0;
  private readonly cps = new Int32Array(L_MAX_CHARS);
  private readonly group = new Int32Array(1 + MAX_SUBWORDS);
  // word cache: compact keys [hash, second hash, length, feature count] per slot (small enough to stay in the CPU
  // cache), and the slot's summed vector apart (read only on a hit)
  private readonly cacheKey: Int32Array;
  private readonly cacheVec: Float32Array;
  private left = 0;

  // the weights' hot fields, copied (one property load each instead of two)
  private readonly dim: number;
  private readonly q: Int8Array;
  private readonly sc: Float32Array;
  private readonly blockTokens: number;
  private readonly bigrams: boolean;
  private readonly symbols: boolean;
  private readonly orders: readonly number[];

  constructor(private readonly w: Weights) {
    this.shift = 32 - w.bits;
    this.dim = w.dim;
    this.q = w.q;
    this.sc = w.s;
    this.blockTokens = w.blockTokens;
    this.bigrams = w.bigrams;
    this.symbols = w.symbols !== false;
    this.orders = w.orders;
    this.curSum = new Float64Array(w.dim);
    this.prevSum = new Float64Array(w.dim);
    this.global = new Float64Array(w.dim);
    this.win = new Float64Array(w.dim);
    this.h = new Float64Array(w.hidden);
    this.p = new Float64Array(CLASSES.length);
    this.best = new Float64Array(CLASSES.length);
    this.cacheKey = new Int32Array(4 << CACHE_BITS).fill(-1);
    this.cacheVec = new Float32Array(w.dim << CACHE_BITS);
  }

  private consider(sum: Float64Array, n: number, start: number, end: number): void {
    forward(this.w, sum, n, this.channel, this.h, this.p);
    const a = this.p[1] + this.p[2] + this.p[3];
    if (a > this.bestAttack) {
      this.bestAttack = a;
      this.best.set(this.p);
      this.bestStart = start;
      this.bestEnd = end;
    }
  }

  private endBlock(): void {
    const dim = this.dim;
    const cur = this.curSum;
    const prev = this.prevSum;
    const g = this.global;
    if (this.blocks > 0) {
      const win = this.win;
      for (let d = 0; d < dim; d++) win[d] = prev[d] + cur[d];
      this.consider(win, this.prevN + this.curN, this.prevStart, this.lastEnd);
    }
    for (let d = 0; d < dim; d++) {
      g[d] += cur[d];
      prev[d] = cur[d];
      cur[d] = 0;
    }
    this.globalN += this.curN;
    this.prevN = this.curN;
    this.curN = 0;
    this.prevStart = this.curStart;
    this.blocks++;
  }

  /**
   * Adds the word's own group (unigram + sub-words) from the cache, filling the slot on a miss (the word's characters
   * are read again from the text then). A slot matches on the word's length and two independent hashes of its
   * characters (60 bits), so a cached vector is never another word's.
   */
  private addWord(text: string, start: number, end: number, hash: number, h2: number, len: number): void {
    const dim = this.dim;
    const idx = hash & ((1 << CACHE_BITS) - 1);
    const keys = this.cacheKey;
    const k = idx << 2;
    const v = this.cacheVec;
    const o = idx * dim;
    if (keys[k] !== hash || keys[k + 1] !== h2 || keys[k + 2] !== len) {
      const cps = this.cps;
      let n = 0;
      for (let i = start; i < end; i++) {
        let cp = text.charCodeAt(i);
        if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) {
          const lo = text.charCodeAt(i + 1);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
            i++;
          }
        }
        cps[n++] = l_foldChar(cp);
      }
      const grp = this.group;
      grp[0] = l_uni(hash, this.shift);
      const g = 1 + l_sub(cps, len, this.shift, this.orders, grp, 1);
      const q = this.q;
      const sc = this.sc;
      for (let d = 0; d < dim; d++) v[o + d] = 0;
      for (let i = 0; i < g; i++) {
        const b = grp[i];
        const m = sc[b];
        if (m === 0) continue;
        const eo = b * dim;
        for (let d = 0; d < dim; d++) v[o + d] += q[eo + d] * m;
      }
      keys[k] = hash;
      keys[k + 1] = h2;
      keys[k + 2] = len;
      keys[k + 3] = g;
    }
    const cur = this.curSum;
    for (let d = 0; d < dim; d++) cur[d] += v[o + d];
    this.curN += keys[k + 3];
  }

  private addRow(b: number): void {
    this.curN++;
    const m = this.sc[b];
    if (m === 0) return;
    const q = this.q;
    const dim = this.dim;
    const cur = this.curSum;
    const o = b * dim;
    for (let d = 0; d < dim; d++) cur[d] += q[o + d] * m;
  }

  /** Block boundary before a token (features.ts: every blockTokens tokens), and the token's span. */
  private begin(start: number, end: number): void {
    if (this.left === 0) {
      this.endBlock();
      this.left = this.blockTokens;
    }
    this.left--;
    if (this.curN === 0) this.curStart = start;
    this.lastEnd = end;
  }

  /** A symbol or isolating-script token (features.ts FeatureWalker.token + ListWalker, summed instead of listed). */
  private token(kind: number, hash: number, start: number, end: number): void {
    if (kind === L_SYMBOL && !this.symbols) return;
    this.begin(start, end);
    this.addRow(l_uni(hash, this.shift));
    this.context(kind, hash);
  }

  /** Context features of a token (bigram, isolating-script trigram), then it becomes the previous token. */
  private context(kind: number, hash: number): void {
    if (this.tokens > 0 && this.bigrams) this.addRow(l_bi(this.prevHash, hash, this.shift));
    if (kind === L_ISO && this.prevKind === L_ISO && this.prev2Kind === L_ISO)
      this.addRow(l_tri(this.prev2Hash, this.prevHash, hash, this.shift));
    this.prev2Hash = this.prevHash;
    this.prev2Kind = this.prevKind;
    this.prevHash = hash;
    this.prevKind = kind;
    this.tokens++;
  }

  private word(text: string, start: number, end: number, hash: number, h2: number, len: number): void {
    this.begin(start, end);
    if (len <= L_MAX_CHARS) this.addWord(text, start, end, hash, h2, len);
    else this.addRow(l_uni(hash, this.shift)); // one opaque token: no sub-words
    this.context(L_WORD, hash);
  }

  run(text: string, channel: number): number {
    this.tokens = 0;
    this.left = this.blockTokens;
    this.prevHash = this.prev2Hash = this.prevKind = this.prev2Kind = 0;
    this.curSum.fill(0);
    this.prevSum.fill(0);
    this.global.fill(0);
    this.curN = this.prevN = this.globalN = 0;
    this.blocks = 0;
    this.channel = channel;
    this.bestAttack = -1;
    this.lastEnd = 0;
    // tokens.ts tokenize(), inlined; a word's hash is taken as in tokenize(), plus a second hash for the cache
    const n = text.length;
    const cls = L_BMP_CLASS;
    const fold = L_BMP_FOLD;
    let i = 0;
    let wordStart = -1;
    let h = L_FNV;
    let h2 = SEED_H2;
    let len = 0;
    let symCp = -1;
    let symStart = 0;
    while (i < n) {
      let cp = text.charCodeAt(i);
      let w = 1;
      let c: number;
      let f: number;
      if (cp < 0x80) {
        c = cls[cp];
        f = cp >= 0x30 && cp <= 0x39 ? 0x30 : cp;
      } else if (cp < 0xd800 || cp > 0xdbff) {
        c = cls[cp];
        f = fold[cp];
      } else {
        if (i + 1 < n) {
          const lo = text.charCodeAt(i + 1);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
            w = 2;
          }
        }
        c = l_charClass(cp);
        f = l_foldChar(cp);
      }
      if (c === L_WORD) {
        if (symCp >= 0) {
          this.token(L_SYMBOL, Math.imul(L_FNV ^ symCp, L_PRIME) >>> 2, symStart, i);
          symCp = -1;
        }
        if (wordStart < 0) {
          wordStart = i;
          h = L_FNV;
          h2 = SEED_H2;
          len = 0;
        }
        h = Math.imul(h ^ f, L_PRIME);
        h2 = Math.imul(h2 ^ f, PRIME_H2);
        len++;
        i += w;
        continue;
      }
      if (wordStart >= 0) {
        this.word(text, wordStart, i, Math.imul(h ^ len, L_PRIME) >>> 2, h2 >> 2, len);
        wordStart = -1;
      }
      if (c === L_SYMBOL) {
        if (symCp !== f) {
          if (symCp >= 0) this.token(L_SYMBOL, Math.imul(L_FNV ^ symCp, L_PRIME) >>> 2, symStart, i);
          symCp = f;
          symStart = i;
        }
      } else {
        if (symCp >= 0) {
          this.token(L_SYMBOL, Math.imul(L_FNV ^ symCp, L_PRIME) >>> 2, symStart, i);
          symCp = -1;
        }
        if (c === L_ISO) this.token(L_ISO, Math.imul(L_FNV ^ f, L_PRIME) >>> 2, i, i + w);
      }
      i += w;
    }
    if (wordStart >= 0) this.word(text, wordStart, n, Math.imul(h ^ len, L_PRIME) >>> 2, h2 >> 2, len);
    if (symCp >= 0) this.token(L_SYMBOL, Math.imul(L_FNV ^ symCp, L_PRIME) >>> 2, symStart, n);
    if (this.curN > 0) this.endBlock();
    if (this.tokens > 0) this.consider(this.global, this.globalN, 0, this.lastEnd);
    return this.tokens;
  }
}

/** Per-token contribution to one class, for evidence: which words pushed the decision. */
class Explainer extends FeatureWalker {
  readonly spans: Array<{ start: number; end: number; score: number }> = [];
  constructor(
    private readonly w: Weights,
    private readonly g: Float64Array,
  ) {
    super(w);
  }
  private dot(b: number): number {
    let s = 0;
    const o = b * this.w.dim;
    const m = this.w.s[b];
    for (let d = 0; d < this.w.dim; d++) s += this.w.q[o + d] * m * this.g[d];
    return s;
  }
  protected onToken(
    _k: TokenKind,
    hash: number,
    start: number,
    end: number,
    cps: Int32Array,
    len: number,
    bi: number,
    tri: number,
  ): void {
    const n = this.ownGroup(hash, cps, len);
    let s = 0;
    for (let i = 0; i < n; i++) s += this.dot(this.group[i]);
    if (bi >= 0) s += this.dot(bi);
    if (tri >= 0) s += this.dot(tri);
    this.spans.push({ start, end, score: s });
  }
  run(text: string): void {
    tokenize(text, this);
  }
}

export class Classifier {
  private readonly scorer: Scorer;
  constructor(readonly weights: Weights) {
    this.scorer = new Scorer(weights);
  }

  threshold(channel: ClassifierChannel): number {
    return this.weights.thresholds[channel];
  }

  /** Scores of a prepared text (NFKC, lower-cased) on a channel; undefined when it has too few tokens. */
  score(prepared: string, channel: ClassifierChannel): ClassScores | undefined {
    const s = this.scorer;
    const tokens = s.run(maskAssistantNames(prepared), channel === 'document' ? 1 : 0);
    if (tokens < this.weights.minTokens) return undefined;
    const probs = Object.fromEntries(CLASSES.map((c, i) => [c, s.best[i]])) as Record<ClassName, number>;
    return { probs, attack: s.bestAttack, start: s.bestStart, end: s.bestEnd, tokens };
  }

  /**
   * The tokens of `prepared[start, end)` that contributed most to class `cls` (gradient × input at the candidate's
   * hidden state, linearized), best first.
   */
  explain(prepared: string, scores: ClassScores, cls: ClassName, channel: ClassifierChannel, top = 3) {
    const w = this.weights;
    const text = maskAssistantNames(prepared).slice(scores.start, scores.end);
    // Hidden state of the candidate, recomputed on its text.
    const sum = new Float64Array(w.dim);
    const walker = new (class extends FeatureWalker {
      n = 0;
      protected onToken(
        _k: TokenKind,
        hash: number,
        _s: number,
        _e: number,
        cps: Int32Array,
        len: number,
        bi: number,
        tri: number,
      ) {
        const g = this.ownGroup(hash, cps, len);
        const add = (b: number) => {
          for (let d = 0; d < w.dim; d++) sum[d] += w.q[b * w.dim + d] * w.s[b];
          this.n++;
        };
        for (let i = 0; i < g; i++) add(this.group[i]);
        if (bi >= 0) add(bi);
        if (tri >= 0) add(tri);
      }
      run(t: string) {
        tokenize(t, this);
      }
    })(w);
    walker.run(text);
    const h = new Float64Array(w.hidden);
    const p = new Float64Array(CLASSES.length);
    forward(w, sum, walker.n, channel === 'document' ? 1 : 0, h, p);
    const c = CLASSES.indexOf(cls);
    const g = new Float64Array(w.dim);
    for (let j = 0; j < w.hidden; j++) {
      if (h[j] <= 0) continue;
      const coef = w.w2[c * w.hidden + j] - w.w2[0 * w.hidden + j]; // towards the class, away from benign
      for (let d = 0; d < w.dim; d++) g[d] += coef * w.w1[j * w.dim + d];
    }
    const ex = new Explainer(w, g);
    ex.run(text);
    return ex.spans
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, top)
      .map((s) => ({ start: s.start + scores.start, end: s.end + scores.start, score: s.score }));
  }
}
