/**
 * One-pass word classifier: the cheap first stage of the abuse detector. Every word of a text is case- and
 * accent-folded, hashed (FNV-1a) while it is read, and looked up in small open-addressing tables of the lexicon
 * (anchors.ts): whole words, word prefixes (stems) and word pairs. Chinese and Japanese runs carry no spaces, so
 * their anchors are found by a first-character index at each ideograph/kana. The result is a bit set of word
 * classes per text or per segment; no strings are allocated per word and the cost is linear in the text.
 */
import { RecentTextCache } from '../cache.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const PAIR_SALT = 0x9e3779b9;

/** Latin-1 letters folded to ASCII (lower case, accents dropped); 0 = keep the lower-cased code. */
const LATIN1 = new Uint16Array(64);
{
  const map = 'aaaaaaaceeeeiiii\0nooooo\0ouuuuy\0\0aaaaaaaceeeeiiii\0nooooo\0ouuuuy\0y';
  for (let i = 0; i < 64; i++) LATIN1[i] = map.charCodeAt(i) === 0 ? 0 : map.charCodeAt(i);
}

/** Folded code of a word character, or -1 when the character separates words; -2 for CJK (handled apart). */
function fold(c: number): number {
  if (c < 0x80) {
    if (c >= 97 && c <= 122) return c;
    if (c >= 65 && c <= 90) return c + 32;
    if (c >= 48 && c <= 57) return c;
    return -1;
  }
  if (c >= 0xc0 && c <= 0xff) {
    const f = LATIN1[c - 0xc0];
    return f === 0 ? c : f;
  }
  if (c >= 0x410 && c <= 0x42f) return c + 32; // Cyrillic upper → lower
  if (c === 0x401 || c === 0x451) return 0x435; // ё → е
  // Scripts written without spaces between words: Japanese kana, CJK ideographs, Thai.
  if (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x0e00 && c <= 0x0e7f)
  )
    return -2;
  // General, CJK and fullwidth punctuation, no-break space, Arabic comma, semicolon, question mark and full stop and
  // the Devanagari/Bengali danda separate words; other non-ASCII are letters.
  if (
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0xa0 ||
    (c >= 0xa1 && c <= 0xbf) ||
    c === 0x60c ||
    c === 0x61b ||
    c === 0x61f ||
    c === 0x6d4 ||
    c === 0x964 ||
    c === 0x965
  )
    return -1;
  return c;
}

/** Open-addressing table uint32 key → uint32 class bits. Keys are hashes; a collision only costs a wasted check. */
class BitTable {
  private readonly keys: Uint32Array;
  private readonly vals: Uint32Array;
  private readonly mask: number;
  /**
   * One bit per value of a key's low 16 bits, set for every key added: most words of a text are in no table, and a
   * clear bit answers that with one read of an 8 KiB array instead of a probe run (never a wrong answer).
   */
  private readonly screen = new Uint32Array(2048);
  constructor(bits = 13) {
    this.keys = new Uint32Array(1 << bits);
    this.vals = new Uint32Array(1 << bits);
    this.mask = (1 << bits) - 1;
  }
  add(key: number, bits: number): void {
    const k = key === 0 ? 1 : key;
    this.screen[(k >>> 5) & 2047] |= 1 << (k & 31);
    let i = (Math.imul(k, 0x9e3779b1) >>> 19) & this.mask;
    for (;;) {
      if (this.keys[i] === 0) {
        this.keys[i] = k;
        this.vals[i] = bits >>> 0;
        return;
      }
      if (this.keys[i] === k) {
        this.vals[i] = (this.vals[i] | bits) >>> 0;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }
  get(key: number): number {
    const k = key === 0 ? 1 : key;
    if ((this.screen[(k >>> 5) & 2047] & (1 << (k & 31))) === 0) return 0;
    let i = (Math.imul(k, 0x9e3779b1) >>> 19) & this.mask;
    for (;;) {
      const s = this.keys[i];
      if (s === k) return this.vals[i];
      if (s === 0) return 0;
      i = (i + 1) & this.mask;
    }
  }
}

/**
 * The entries of comma-separated word lists, one list per class name, with the class bits of `bits`. Apostrophes
 * and hyphens separate words in text, so they do in entries too.
 */
export function lexiconEntries<K extends string>(
  bits: Readonly<Record<K, number>>,
  ...lists: ReadonlyArray<Partial<Record<K, string>>>
): Array<readonly [string, number]> {
  const out: Array<readonly [string, number]> = [];
  for (const list of lists) {
    for (const [cls, csv] of Object.entries(list) as Array<[K, string]>) {
      for (const raw of csv.split(',')) {
        const w = [...raw]
          .map((ch) => (ch === "'" || ch === '’' || ch === '-' ? ' ' : ch))
          .join('')
          .split(' ')
          .filter(Boolean)
          .join(' ');
        if (w) out.push([w, bits[cls]]);
      }
    }
  }
  return out;
}

/** The class names of `bits` whose bit is set in `set` (evidence; a fixed vocabulary). */
export function lexiconClassNames<K extends string>(bits: Readonly<Record<K, number>>, set: number): K[] {
  return (Object.keys(bits) as K[]).filter((k) => (set & bits[k]) !== 0);
}

/**
 * A compiled lexicon: entries are `word`, `stem*` (every word starting with stem) or `two words` (that pair in a row)
 * or a CJK string (anywhere), each with its class bits.
 */
export class WordClassifier {
  private readonly words: BitTable;
  private readonly stems: BitTable;
  private readonly pairs: BitTable;
  /** Hashes of the first PREFIX characters of every longer stem: a word whose prefix misses skips stem lookups. */
  private readonly prefixes: BitTable;
  /** Bit i set when some stem has length i (1..31). */
  private stemLengths = 0;
  /** The same lengths in ascending order (the word stream path walks them). */
  private readonly stemLens: Uint8Array;
  /** CJK anchors by first code unit. */
  private readonly cjk = new Map<number, Array<readonly [string, number]>>();
  /**
   * classifyWords results by stream: the same prompt or output is classified by several rules (intent, harm,
   * persona, pretext) with the same lexicon. Weak: an entry lives as long as its stream (wordsOf keeps streams
   * bounded).
   */
  private readonly memo = new WeakMap<WordStream, number>();

  /** `numberBits`: classes of any word of three or more digits ("write 500 reviews"). */
  constructor(
    entries: ReadonlyArray<readonly [string, number]>,
    private readonly numberBits = 0,
  ) {
    // Tables at most half full: open addressing needs free slots (a full table would never end a probe run).
    const bits = Math.max(13, Math.ceil(Math.log2(Math.max(1, entries.length) * 2)) + 1);
    this.words = new BitTable(bits);
    this.stems = new BitTable(bits);
    this.pairs = new BitTable(bits);
    this.prefixes = new BitTable(bits);
    for (const [raw, bits] of entries) {
      const w = raw.trim();
      if (w.length === 0) continue;
      if (fold(w.charCodeAt(0)) === -2) {
        const list = this.cjk.get(w.charCodeAt(0)) ?? [];
        list.push([w, bits]);
        this.cjk.set(w.charCodeAt(0), list);
        continue;
      }
      const stem = w.endsWith('*');
      const parts = (stem ? w.slice(0, -1) : w).split(' ').filter(Boolean);
      if (parts.length === 1 && stem) {
        const len = foldedLength(parts[0]);
        if (len > 0 && len < 32) {
          this.stems.add(hashWord(parts[0]), bits);
          this.stemLengths |= 1 << len;
          if (len >= PREFIX) this.prefixes.add(prefixHash(parts[0]), 1);
        }
      } else if (parts.length === 1) this.words.add(hashWord(parts[0]), bits);
      else if (parts.length > 1) {
        // Phrases are matched by their last two words (a stem there stands for the word and its plural).
        const a = hashWord(parts[parts.length - 2]);
        const b = parts[parts.length - 1];
        this.pairs.add(pairHash(a, hashWord(b)), bits);
        if (stem) this.pairs.add(pairHash(a, hashWord(`${b}s`)), bits);
      }
    }
    const lens: number[] = [];
    for (let j = 1; j < 32; j++) if ((this.stemLengths & (1 << j)) !== 0) lens.push(j);
    this.stemLens = Uint8Array.from(lens);
  }

  /**
   * Union of the class bits of every word of `text` (its first `max` characters). Never throws. Texts of
   * STREAM_MIN characters or more are read through their shared word stream (wordsOf): the abuse, harm, framing and
   * persona lexicons classify the same prompt and sentences, and each then reads the words, not the characters.
   */
  classify(text: string, max = text.length): number {
    if (max >= text.length && text.length >= STREAM_MIN) return this.classifyWords(wordsOf(text));
    return this.classifyChars(text, max);
  }

  /** classify() over a word stream: the same bits as reading the stream's text character by character. */
  classifyWords(ws: WordStream): number {
    const known = this.memo.get(ws);
    if (known !== undefined) return known;
    const bits = this.classifyStream(ws);
    this.memo.set(ws, bits);
    return bits;
  }

  private classifyStream(ws: WordStream): number {
    const d = ws.data;
    const lens = this.stemLens;
    const minStem = lens.length > 0 ? lens[0] : 32;
    let bits = 0;
    for (let k = 0, o = 0; k < ws.count; k++, o += 3) {
      const h = d[o];
      const lf = d[o + 2];
      const l = lf & LEN_MASK;
      if (l >= minStem) {
        const s = d[o + 1] - 1;
        const maybeStem = l >= PREFIX && this.prefixes.get(d[s + PREFIX]) !== 0;
        for (let m = 0; m < lens.length; m++) {
          const j = lens[m];
          if (j > l || (j >= PREFIX && !maybeStem)) break;
          bits |= this.stems.get(d[s + j]);
        }
      }
      bits |= this.words.get(h);
      if ((lf & NUMBER) !== 0) bits |= this.numberBits;
      if ((lf & PAIRED) !== 0) bits |= this.pairs.get(pairHash(d[o - 3], h));
    }
    if (this.cjk.size > 0 && ws.cjkCount > 0) {
      const text = ws.text;
      for (let k = ws.cjkAt, e = ws.cjkAt + ws.cjkCount; k < e; k++) {
        const i = d[k];
        const list = this.cjk.get(text.charCodeAt(i));
        if (list) for (const [a, b] of list) if (text.startsWith(a, i)) bits |= b;
      }
    }
    return bits >>> 0;
  }

  /** classify() reading the characters directly (short texts, a `max` cut, and the reference for the stream). */
  classifyChars(text: string, max = text.length): number {
    const to = Math.min(text.length, max);
    let bits = 0;
    let h = FNV_OFFSET;
    let len = 0;
    let digits = 0;
    let maybeStem = false;
    let prev = 0;
    let hasPrev = false;
    const stemLengths = this.stemLengths;
    for (let i = 0; i <= to; i++) {
      const c = i < to ? text.charCodeAt(i) : 32;
      const f = c >= 97 && c <= 122 ? c : fold(c);
      if (f >= 0) {
        h = Math.imul(h ^ f, FNV_PRIME) >>> 0;
        len++;
        if (f <= 57) digits++;
        if (len === PREFIX) maybeStem = this.prefixes.get(h) !== 0;
        if (len < 32 && (stemLengths & (1 << len)) !== 0 && (len < PREFIX || maybeStem)) bits |= this.stems.get(h);
        continue;
      }
      if (len > 0) {
        bits |= this.words.get(h);
        if (digits === len && len >= 3) bits |= this.numberBits;
        if (hasPrev) bits |= this.pairs.get(pairHash(prev, h));
        prev = h;
        hasPrev = true;
        h = FNV_OFFSET;
        len = 0;
        digits = 0;
      }
      if (f === -2) {
        const list = this.cjk.get(c);
        if (list) for (const [a, b] of list) if (text.startsWith(a, i)) bits |= b;
        hasPrev = false;
      } else if (c === 46 || c === 33 || c === 63 || c === 10) hasPrev = false;
    }
    return bits >>> 0;
  }
}

/** Word flags in a stream (above the length bits): a number of three or more digits; a word paired with the last. */
const NUMBER = 1 << 30;
const PAIRED = 1 << 29;
const LEN_MASK = (1 << 29) - 1;

/**
 * The words of one text, folded and hashed once, for every lexicon (WordClassifier) to read, in one typed array:
 * per word three entries (its FNV-1a hash; where its prefix hashes start; its folded length with the flags), then
 * the prefix hashes (`data[start + j - 1]` is the hash of a word's first j folded characters, kept for j ≤ 31, the
 * longest stem), then the offsets of the CJK/kana/Thai code units, whose anchors are matched in the text itself.
 * Pairs do not cross . ! ? line breaks or CJK characters.
 */
export interface WordStream {
  readonly text: string;
  readonly count: number;
  readonly data: Uint32Array;
  readonly cjkAt: number;
  readonly cjkCount: number;
}

/** Shorter texts are classified character by character (building and caching a stream would cost more). */
const STREAM_MIN = 48;
/** Characters of text whose streams are kept (the last texts classified; the oldest evicted first). */
const STREAM_CACHE_CHARS = 256 * 1024;
const streams = new RecentTextCache<WordStream>(STREAM_CACHE_CHARS);

/** The word stream of `text`, built on first use and kept while recent (bounded by STREAM_CACHE_CHARS). */
export function wordsOf(text: string): WordStream {
  const hit = streams.get(text);
  if (hit) return hit;
  const ws = buildWordStream(text);
  streams.set(text, ws);
  return ws;
}

let scratchWords: Uint32Array = new Uint32Array(1024);
let scratchPrefix: Uint32Array = new Uint32Array(4096);
let scratchCjk: Uint32Array = new Uint32Array(256);

const grow = (a: Uint32Array, need: number): Uint32Array => {
  if (need <= a.length) return a;
  const b = new Uint32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
};

/** One pass over `text`: the same folding, hashing and word boundaries as WordClassifier.classifyChars. */
export function buildWordStream(text: string): WordStream {
  const to = text.length;
  // Upper bounds: a word per two characters (plus the last), a prefix entry and a CJK entry per character.
  scratchWords = grow(scratchWords, ((to >> 1) + 1) * 3);
  scratchPrefix = grow(scratchPrefix, to + 1);
  scratchCjk = grow(scratchCjk, to);
  const w = scratchWords;
  const pre = scratchPrefix;
  const cj = scratchCjk;
  let count = 0;
  let np = 0;
  let nc = 0;
  let h = FNV_OFFSET;
  let len = 0;
  let digits = 0;
  let wordStart = 0;
  let hasPrev = false;
  for (let i = 0; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    const f = c >= 97 && c <= 122 ? c : fold(c);
    if (f >= 0) {
      if (len === 0) wordStart = np;
      h = Math.imul(h ^ f, FNV_PRIME) >>> 0;
      len++;
      if (f <= 57) digits++;
      if (len < 32) pre[np++] = h;
      continue;
    }
    if (len > 0) {
      const o = count * 3;
      w[o] = h;
      w[o + 1] = wordStart;
      w[o + 2] = (len & LEN_MASK) | (digits === len && len >= 3 ? NUMBER : 0) | (hasPrev ? PAIRED : 0);
      count++;
      hasPrev = true;
      h = FNV_OFFSET;
      len = 0;
      digits = 0;
    }
    if (f === -2) {
      cj[nc++] = i;
      hasPrev = false;
    } else if (c === 46 || c === 33 || c === 63 || c === 10) hasPrev = false;
  }
  const words = count * 3;
  const data = new Uint32Array(words + np + nc);
  data.set(w.subarray(0, words));
  data.set(pre.subarray(0, np), words);
  data.set(cj.subarray(0, nc), words + np);
  // Prefix starts are relative to the prefix block; make them absolute.
  for (let o = 1; o < words; o += 3) data[o] += words;
  return { text, count, data, cjkAt: words + np, cjkCount: nc };
}

/** Stems at least this long are screened by their first PREFIX characters. */
const PREFIX = 4;

function prefixHash(w: string): number {
  let h = FNV_OFFSET;
  let n = 0;
  for (let i = 0; i < w.length && n < PREFIX; i++) {
    const f = fold(w.charCodeAt(i));
    if (f >= 0) {
      h = Math.imul(h ^ f, FNV_PRIME) >>> 0;
      n++;
    }
  }
  return h;
}

function hashWord(w: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < w.length; i++) {
    const f = fold(w.charCodeAt(i));
    if (f >= 0) h = Math.imul(h ^ f, FNV_PRIME) >>> 0;
  }
  return h;
}

function foldedLength(w: string): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) if (fold(w.charCodeAt(i)) >= 0) n++;
  return n;
}

const pairHash = (a: number, b: number) => (Math.imul(a ^ PAIR_SALT, FNV_PRIME) ^ b) >>> 0;
