/**
 * Hashed features of one token stream (tokens.ts), shared by training and inference so the two can never hash
 * differently:
 * - every token: its unigram, and (when the spec says so) a bigram with the token before it;
 * - word tokens of ≤ MAX_SUBWORD_CHARS characters: character n-grams of the spec's orders (e.g. 3–5) of `<word>`
 *   (fastText-style sub-words; word boundaries are part of the n-gram, n-grams never cross words);
 * - isolating tokens (CJK, Thai, …) after two isolating tokens: a trigram.
 * Each hash is mixed (murmur3 fmix32) and cut to `bits` bits. Tokens are grouped into blocks of `blockTokens`; the
 * model scores windows of two consecutive blocks.
 */
import { ISO, MAX_SUBWORD_CHARS, SYMBOL, WORD, tokenize, type TokenKind, type TokenSink } from './tokens.js';

/**
 * What a model hashes: bucket bits, tokens per block, sub-word n-gram orders, token bigrams on/off, and whether symbol
 * tokens (punctuation, brackets, emoji) are features at all (off: they are skipped like spaces).
 */
export interface FeatureSpec {
  bits: number;
  blockTokens: number;
  orders: readonly number[];
  bigrams: boolean;
  symbols?: boolean;
}
const BOUNDARY_START = 0x110001; // outside Unicode: never a real '<'
const BOUNDARY_END = 0x110002;
const PRIME = 0x01000193;
const SEED_UNI = 0x2545f491;
const SEED_BI = 0x9e3779b9;
const SEED_TRI = 0x7feb352d;
const SEED_SUB = [0x68e31da4, 0xb5297a4d, 0x1b56c4e9, 0x4f6cdd1d, 0x846ca68b, 0x1d872b41];

export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const unigramBucket = (h: number, shift: number) => fmix(h ^ SEED_UNI) >>> shift;
export const bigramBucket = (prev: number, h: number, shift: number) =>
  fmix(Math.imul(prev, 0x9e3779b1) ^ h ^ SEED_BI) >>> shift;
export const trigramBucket = (p2: number, p1: number, h: number, shift: number) =>
  fmix(Math.imul(Math.imul(p2, 0x9e3779b1) ^ p1, 0x85ebca77) ^ h ^ SEED_TRI) >>> shift;

/** Sub-word buckets of a word (its folded code points `cps[0..len)`), appended to `out` from `at`; returns the count. */
export function subwordBuckets(
  cps: Int32Array,
  len: number,
  shift: number,
  orders: readonly number[],
  out: Int32Array,
  at: number,
): number {
  if (len === 0) return 0;
  let k = at;
  const padded = len + 2;
  for (let o = 0; o < orders.length; o++) {
    const n = orders[o];
    if (n > padded) break;
    const seed = SEED_SUB[n];
    for (let s = 0; s + n <= padded; s++) {
      let h = seed;
      for (let j = s; j < s + n; j++)
        h = Math.imul(h ^ (j === 0 ? BOUNDARY_START : j === padded - 1 ? BOUNDARY_END : cps[j - 1]), PRIME);
      out[k++] = fmix(h) >>> shift;
    }
  }
  return k - at;
}

/** Most sub-word buckets one word can have (any orders from 1 to 6). */
export const MAX_SUBWORDS = [1, 2, 3, 4, 5, 6].reduce((s, n) => s + Math.max(0, MAX_SUBWORD_CHARS + 2 - n + 1), 0);

/**
 * Walks the tokens of `text` and reports, per token, the token's own feature group (unigram + sub-words, identical
 * for every occurrence of the token) and its context features (bigram, trigram). Used by both featurizers below.
 */
export abstract class FeatureWalker implements TokenSink {
  protected readonly shift: number;
  private prevHash = 0;
  private prev2Hash = 0;
  private prevKind = 0;
  private prev2Kind = 0;
  private hasPrev = false;
  tokens = 0;
  /** Scratch for a token's own group: [unigram, ...sub-words]. */
  protected readonly group = new Int32Array(1 + MAX_SUBWORDS);

  constructor(protected readonly spec: FeatureSpec) {
    this.shift = 32 - spec.bits;
  }

  protected reset(): void {
    this.prevHash = this.prev2Hash = this.prevKind = this.prev2Kind = 0;
    this.hasPrev = false;
    this.tokens = 0;
  }

  /** One token: its kind, hash, span and characters, and its context buckets (-1 when absent). */
  protected abstract onToken(
    kind: TokenKind,
    hash: number,
    start: number,
    end: number,
    cps: Int32Array,
    len: number,
    bigram: number,
    trigram: number,
  ): void;

  token(kind: TokenKind, hash: number, start: number, end: number, cps: Int32Array, len: number): void {
    if (kind === SYMBOL && this.spec.symbols === false) return;
    const bigram = this.hasPrev && this.spec.bigrams ? bigramBucket(this.prevHash, hash, this.shift) : -1;
    const trigram =
      kind === ISO && this.prevKind === ISO && this.prev2Kind === ISO
        ? trigramBucket(this.prev2Hash, this.prevHash, hash, this.shift)
        : -1;
    this.onToken(kind, hash, start, end, cps, kind === WORD ? len : 0, bigram, trigram);
    this.prev2Hash = this.prevHash;
    this.prev2Kind = this.prevKind;
    this.prevHash = hash;
    this.prevKind = kind;
    this.hasPrev = true;
    this.tokens++;
  }

  /** Fill `group` with the token's unigram and sub-words; returns the group's length. */
  protected ownGroup(hash: number, cps: Int32Array, len: number): number {
    this.group[0] = unigramBucket(hash, this.shift);
    return 1 + subwordBuckets(cps, len, this.shift, this.spec.orders, this.group, 1);
  }
}

export interface RowFeatures {
  /** Bucket of every feature occurrence, in token order. */
  feats: Int32Array;
  /** Index in `feats` where each block starts (length = number of blocks). */
  blocks: Int32Array;
  tokens: number;
}

class ListWalker extends FeatureWalker {
  private buf = new Int32Array(1024);
  private n = 0;
  private blockStarts: number[] = [];
  constructor(spec: FeatureSpec) {
    super(spec);
  }
  private push(b: number) {
    if (this.n === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = b;
  }
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
    if (this.tokens % this.spec.blockTokens === 0) this.blockStarts.push(this.n);
    const g = this.ownGroup(hash, cps, len);
    for (let i = 0; i < g; i++) this.push(this.group[i]);
    if (bi >= 0) this.push(bi);
    if (tri >= 0) this.push(tri);
  }
  run(text: string): RowFeatures {
    this.reset();
    this.n = 0;
    this.blockStarts = [];
    tokenize(text, this);
    return { feats: this.buf.slice(0, this.n), blocks: Int32Array.from(this.blockStarts), tokens: this.tokens };
  }
}

/**
 * Names of AI assistants and their makers ("ChatGPT", "GPT-4", "Claude", "OpenAI") masked, length kept, to one symbol
 * run. Jailbreak templates name the model they target and ordinary prompts name the tool they talk about ("a tweet
 * about ChatGPT"), so the name itself is no evidence; unmasked, the network learned it as a jailbreak word and flagged
 * ordinary prompts about ChatGPT. Training and inference both read text through this.
 */
const ASSISTANT_NAMES =
  /\b(?:chat ?gpt|gpt[- ]?(?:3\.5|4o|4|3|5)(?:[- ]turbo)?|openai|claude|anthropic|bard|gemini|copilot|llama ?\d?|mistral)\b/g;
export function maskAssistantNames(text: string): string {
  return text.replace(ASSISTANT_NAMES, (m) => '§'.repeat(m.length));
}

/** Every feature of a (prepared) text, by block — what training reads. */
export function rowFeatures(text: string, spec: FeatureSpec): RowFeatures {
  return new ListWalker(spec).run(maskAssistantNames(text));
}
