/**
 * Fuzzy containment of a system prompt in a model output — how much of the instructions an output carries even when
 * it is partial, reordered or lightly paraphrased. Both texts become sequences of content tokens: NFKC, case folded,
 * punctuation folded, stop words dropped, English suffixes stripped, and a small synonym table mapping the words an
 * assistant swaps in when it restates rules ("must not" ~ "never", "disclose" ~ "reveal", "guidelines" ~
 * "instructions") to one token. Against those sequences:
 * - weighted coverage: the share of the prompt's distinct tokens the output has, each weighted by its rarity in
 *   ordinary text (a trained document-frequency table, word-rarity.json), so "Northwind" counts more than "help";
 * - ordered overlap: the longest common subsequence of the two token sequences (the order of the prompt's content
 *   survives partial copies and most paraphrases), computed as a longest increasing subsequence over matched positions
 *   in O(r log n) for r matches (each token's positions capped);
 * - 3-token shingles of the prompt found in the output (phrases survive reordering of sentences).
 * Linear in the output; the prompt's profile is built once per distinct prompt and cached.
 */
import { RecentTextCache } from '../cache.js';

const SUFFIXES = ['ation', 'ing', 'ed', 'es', 'ly', 'er', 's'];

/** Function words of English (and the most frequent of a few other languages): never content. */
const STOP = new Set(
  (
    'a an the and or but if then else of to in on at by for with from into onto over under about as is are was were be ' +
    'been being am do does did doing have has had having i me my mine myself you your yours yourself he him his she her ' +
    'hers it its they them their theirs we us our ours this that these those there here what which who whom whose when ' +
    'where why how all any both each few more most other some such no nor not only own same so than too very can will ' +
    'just should would could may might must shall also up down out off again further once per via etc s t d ll m re ve ' +
    "y o ok yes please thank thanks let lets get got make made one two sure well like i'm it's don't can't won't " +
    'le la les un une des du de et ou est sont der die das ein eine und oder ist sind el los las y es son il lo gli e'
  ).split(' '),
);

/**
 * Words an assistant swaps in when it restates its instructions, mapped to one canonical token (after stemming).
 * Kept small and general: negation, obligation, disclosure, instruction vocabulary, help, users, answers, limits.
 */
const SYNONYMS: Record<string, string> = {};
for (const [canon, words] of Object.entries({
  never: 'never avoid refrain prohibit forbid forbidden prohibited disallow',
  must: 'must requir need oblig mandatory supposed',
  reveal: 'reveal disclos divulg share expos leak tell show admit',
  instruction: 'instruction rule guideline directive prompt configur setup polic',
  help: 'help assist support aid',
  user: 'user customer client visitor guest people person',
  answer: 'answer respond repli reply respons',
  question: 'question query inquiri request',
  discuss: 'discuss talk mention cover',
  refer: 'refer redirect direct send point escalat',
  polite: 'polit kind courteous friendli warm',
  brief: 'brief short concis succinct',
  confidential: 'confidential secret privat hidden',
  refuse: 'refus declin reject',
  limit: 'limit restrict scope',
  under: 'under below fewer less shorter',
  word: 'word',
  unsure: 'unsur uncertain',
  guess: 'guess speculat',
  assistant: 'assistant bot chatbot agent',
})) {
  for (const w of words.split(' ')) {
    SYNONYMS[w] = SYNONYMS[stem(w)] = canon;
    // "guidelines" stems to "guidelin": register the form without a final e too.
    if (w.endsWith('e') && w.length > 5) SYNONYMS[w.slice(0, -1)] = canon;
  }
}

/** Light English stemming: the suffixes restatements change ("reveals", "revealing", "revealed" → "reveal"). */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith('ies') && w.length > 5) return `${w.slice(0, -3)}y`;
  for (const suf of SUFFIXES) if (w.endsWith(suf) && w.length - suf.length >= 4) return w.slice(0, -suf.length);
  return w;
}

/** Canonical forms of recent words (most text reuses a few thousand words); cleared when it grows too big. */
const CANONICAL_MEMO = new Map<string, string>();
const MEMO_MAX = 50_000;

/** Canonical content token for a lower-cased word, or '' for a stop word. */
export function canonical(word: string): string {
  const hit = CANONICAL_MEMO.get(word);
  if (hit !== undefined) return hit;
  const c = canonicalUncached(word);
  if (CANONICAL_MEMO.size >= MEMO_MAX) CANONICAL_MEMO.clear();
  if (word.length <= 32) CANONICAL_MEMO.set(word, c);
  return c;
}

function canonicalUncached(word: string): string {
  if (word.length < 2 || STOP.has(word)) return '';
  const s = stem(word);
  if (SYNONYMS[s] !== undefined) return SYNONYMS[s];
  // Prefix families of the synonym table ("disclos" covers "disclose", "disclosure").
  for (let k = Math.min(s.length, 9); k >= 5; k--) {
    const c = SYNONYMS[s.slice(0, k)];
    if (c !== undefined) return c;
  }
  return s;
}

/** Character classes: 0 word character, 1 separator, 2 a word of its own (CJK ideographs, kana, Thai). */
const CLASS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const own =
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x3040 && c <= 0x30ff) ||
      (c >= 0x0e00 && c <= 0x0e7f);
    const sep =
      c < 128
        ? !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39)
        : (c >= 0x2000 && c <= 0x206f && c !== 0x2019) ||
          (c >= 0x3000 && c <= 0x303f) ||
          (c >= 0xff00 && c <= 0xff0f) ||
          (c >= 0xff1a && c <= 0xff20) ||
          (c >= 0xff3b && c <= 0xff40) ||
          (c >= 0xff5b && c <= 0xff65) ||
          c === 0x00a0 ||
          c === 0x00ab ||
          c === 0x00bb ||
          c === 0x00bf ||
          c === 0x00a1 ||
          c === 0x00b7 ||
          c === 0xfeff;
    t[c] = own ? 2 : sep ? 1 : 0;
  }
  return t;
})();

/** Most characters of an output the containment scan reads (head and tail of longer outputs). */
export const MAX_SCAN_CHARS = 128 * 1024;

/** Canonical tokens as small integers (ids from 1), interned once; the hot path compares numbers, not strings. */
const INTERN = new Map<string, number>();
const INTERNED: string[] = [''];
const INTERN_MAX = 200_000;

function internId(token: string): number {
  let id = INTERN.get(token);
  if (id === undefined) {
    if (INTERNED.length >= INTERN_MAX) return -1; // table full: the token reads as unknown (never matches)
    id = INTERNED.length;
    INTERN.set(token, id);
    INTERNED.push(token);
  }
  return id;
}

/**
 * Raw word (two 26-bit hashes of its lower-cased characters, apostrophes skipped) → canonical id (0: stop word).
 * Words recur, so after warm-up a word costs one table probe and no string. An open-addressing table on typed arrays
 * (a Map keyed by the 52-bit pair would box every key as a heap number); emptied when it holds MEMO_MAX words.
 */
class RawMemo {
  private readonly bits = 17;
  private readonly mask = (1 << this.bits) - 1;
  private readonly k1 = new Int32Array(1 << this.bits);
  private readonly k2 = new Int32Array(1 << this.bits);
  /** id + 2 (0: empty slot; ids are -1 for a full intern table, 0 for a stop word, else ≥ 1). */
  private readonly vals = new Int32Array(1 << this.bits);
  size = 0;

  private slot(a: number, b: number): number {
    let i = (Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> (32 - this.bits)) & this.mask;
    while (this.vals[i] !== 0 && (this.k1[i] !== a || this.k2[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** The id, or undefined. `a`, `b`: the two 26-bit hashes. */
  get(a: number, b: number): number | undefined {
    const v = this.vals[this.slot(a, b)];
    return v === 0 ? undefined : v - 2;
  }

  set(a: number, b: number, id: number): void {
    if (this.size >= MEMO_MAX) this.clear();
    const i = this.slot(a, b);
    if (this.vals[i] === 0) this.size++;
    this.k1[i] = a;
    this.k2[i] = b;
    this.vals[i] = id + 2;
  }

  clear(): void {
    this.vals.fill(0);
    this.size = 0;
  }
}
const RAW_MEMO = new RawMemo();

/** Lower-cased code unit, filled lazily outside ASCII (0: not computed yet; code unit 0 is a separator). */
const LOWER = new Uint16Array(0x10000);
for (let c = 0; c < 128; c++) LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;

/**
 * Content tokens of text, in order, as canonical ids: NFKC (only when the text has non-ASCII), lower case,
 * apostrophes dropped, stop words skipped, stems and synonym classes. One pass; a string is built only for a word
 * not seen before.
 */
export function forEachTokenId(text: string, each: (id: number) => void): void {
  if (text.length < IDS_MIN) {
    scanTokenIds(text, each);
    return;
  }
  const ids = tokenIdsOf(text);
  for (let k = 0; k < ids.length; k++) each(ids[k]);
}

/** Shorter texts are scanned each time; longer ones (outputs, user inputs: read 3–5 times each) once. */
const IDS_MIN = 64;
/** Characters of text whose token ids are kept (the last texts scanned; the oldest evicted first). */
const IDS_CACHE_CHARS = 512 * 1024;
const idCache = new RecentTextCache<Int32Array>(IDS_CACHE_CHARS);
let idScratch: Int32Array = new Int32Array(4096);

/** The content token ids of `text` in order (what forEachTokenId reports), computed once while recent. */
function tokenIdsOf(text: string): Int32Array {
  const hit = idCache.get(text);
  if (hit) return hit;
  let n = 0;
  scanTokenIds(text, (id) => {
    if (n === idScratch.length) {
      const grown = new Int32Array(idScratch.length * 2);
      grown.set(idScratch);
      idScratch = grown;
    }
    idScratch[n++] = id;
  });
  const ids = idScratch.slice(0, n);
  idCache.set(text, ids);
  return ids;
}

function scanTokenIds(text: string, each: (id: number) => void): void {
  let t =
    text.length > MAX_SCAN_CHARS ? `${text.slice(0, MAX_SCAN_CHARS / 2)} ${text.slice(-MAX_SCAN_CHARS / 2)}` : text;
  for (let i = 0; i < t.length; i++)
    if (t.charCodeAt(i) > 127) {
      t = t.normalize('NFKC');
      break;
    }
  let start = -1;
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0;
  const n = t.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? t.charCodeAt(i) : 32;
    const cls = CLASS[c];
    if (cls === 0) {
      if (start < 0) {
        start = i;
        h1 = 0x811c9dc5 | 0;
        h2 = 0;
      }
      if (c === 39 || c === 0x2019) continue;
      let l = LOWER[c];
      if (l === 0) l = LOWER[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
      h1 = Math.imul(h1 ^ l, 16777619);
      h2 = (Math.imul(h2, 31) + l) | 0;
      continue;
    }
    if (start >= 0) {
      const a = h1 & 0x3ffffff;
      const b = h2 & 0x3ffffff;
      let id = RAW_MEMO.get(a, b);
      if (id === undefined) {
        let w = t.slice(start, i).toLowerCase();
        if (w.includes("'")) w = w.split("'").join('');
        if (w.includes('’')) w = w.split('’').join('');
        const tok = canonical(w);
        id = tok ? internId(tok) : 0;
        RAW_MEMO.set(a, b, id);
      }
      if (id > 0) each(id);
      start = -1;
    }
    if (cls === 2) {
      const id = internId(t[i]);
      if (id > 0) each(id);
    }
  }
}

/** Content tokens of text as strings (trainers, tests). */
export function forEachToken(text: string, each: (token: string) => void): void {
  forEachTokenId(text, (id) => each(INTERNED[id]));
}

export function tokens(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, (t) => out.push(t));
  return out;
}

/** Document-frequency table of content tokens in ordinary text (processor/models/word-rarity.json). */
export interface RarityModel {
  version: 1;
  docs: number;
  /** token → number of documents it appears in (tokens seen in fewer than `minDf` documents are left out). */
  df: Record<string, number>;
  minDf: number;
}

/** Rarity weight of a token: inverse document frequency, unseen tokens weigh as the rarest kept ones. */
export function rarityWeights(model: RarityModel): (token: string) => number {
  const max = Math.log((model.docs + 1) / model.minDf);
  return (token: string) => {
    const df = model.df[token];
    if (df === undefined) return token.length === 1 && token.charCodeAt(0) > 0x2e7f ? max / 2 : max;
    return Math.max(0.25, Math.log((model.docs + 1) / (df + 1)));
  };
}

/** What is known about one system prompt, built once. */
export interface PromptProfile {
  /** Local index per content token, in order. */
  seq: Int32Array;
  /** Canonical token id → local index. */
  vocab: Map<number, number>;
  weight: Float64Array;
  totalWeight: number;
  /** Positions of each id in seq (at most MAX_POSITIONS, ascending). */
  positions: Int32Array[];
  shingles: Set<number>;
}

const MAX_POSITIONS = 8;
const MAX_PROFILE_TOKENS = 4096;

const shingleKey = (a: number, b: number, c: number) => (a * 4099 + b) * 4099 + c;

export function buildProfile(system: string, weightOf: (token: string) => number): PromptProfile {
  const vocab = new Map<number, number>();
  const ids: number[] = [];
  const weights: number[] = [];
  forEachTokenId(system, (tok) => {
    if (ids.length >= MAX_PROFILE_TOKENS) return;
    let id = vocab.get(tok);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(tok, id);
      weights.push(weightOf(INTERNED[tok]));
    }
    ids.push(id);
  });
  const positions: number[][] = Array.from({ length: vocab.size }, () => []);
  ids.forEach((id, i) => {
    if (positions[id].length < MAX_POSITIONS) positions[id].push(i);
  });
  const shingles = new Set<number>();
  for (let i = 0; i + 2 < ids.length; i++) shingles.add(shingleKey(ids[i], ids[i + 1], ids[i + 2]));
  const weight = Float64Array.from(weights);
  return {
    seq: Int32Array.from(ids),
    vocab,
    weight,
    totalWeight: weights.reduce((a, b) => a + b, 0),
    positions: positions.map((p) => Int32Array.from(p)),
    shingles,
  };
}

export interface Containment {
  /** Content tokens of the prompt, and how many distinct ones. */
  promptTokens: number;
  promptDistinct: number;
  /** Distinct prompt tokens the output has, and their share of the prompt's rarity weight. */
  matchedDistinct: number;
  weightedCoverage: number;
  /** Longest common subsequence of content tokens, and its share of the prompt's tokens. */
  lcs: number;
  lcsRatio: number;
  /** Distinct 3-token shingles of the prompt found in the output, and their share. */
  matchedShingles: number;
  shingleRatio: number;
  /** Content tokens of the output, and the share of them that are prompt tokens (an answer adds its own words). */
  outputTokens: number;
  outputInPrompt: number;
}

/** Containment of profile in output. Linear in the output (plus O(r log n) for the subsequence). */
export function containment(profile: PromptProfile, output: string): Containment {
  const seen = new Uint8Array(profile.vocab.size);
  let matchedWeight = 0;
  let matchedDistinct = 0;
  const foundShingles = new Set<number>();
  // Patience sorting over prompt positions: tails[k] = smallest end position of an increasing run of length k+1.
  const tails: number[] = [];
  let p2 = -1;
  let p1 = -1;
  let outputTokens = 0;
  let inPrompt = 0;
  forEachTokenId(output, (tok) => {
    outputTokens++;
    const id = profile.vocab.get(tok);
    if (id === undefined) {
      p2 = p1 = -1;
      return;
    }
    inPrompt++;
    if (seen[id] === 0) {
      seen[id] = 1;
      matchedDistinct++;
      matchedWeight += profile.weight[id];
    }
    if (p2 >= 0 && p1 >= 0) {
      const key = shingleKey(p2, p1, id);
      if (profile.shingles.has(key)) foundShingles.add(key);
    }
    p2 = p1;
    p1 = id;
    // Positions in decreasing order so one output token extends a run by at most one.
    const pos = profile.positions[id];
    for (let k = pos.length - 1; k >= 0; k--) {
      const x = pos[k];
      let lo = 0;
      let hi = tails.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tails[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      if (lo === tails.length) tails.push(x);
      else tails[lo] = x;
    }
  });
  const n = profile.seq.length;
  return {
    promptTokens: n,
    promptDistinct: profile.vocab.size,
    matchedDistinct,
    weightedCoverage: profile.totalWeight > 0 ? matchedWeight / profile.totalWeight : 0,
    lcs: tails.length,
    lcsRatio: n > 0 ? tails.length / n : 0,
    matchedShingles: foundShingles.size,
    shingleRatio: profile.shingles.size > 0 ? foundShingles.size / profile.shingles.size : 0,
    outputTokens,
    outputInPrompt: outputTokens > 0 ? inPrompt / outputTokens : 0,
  };
}
