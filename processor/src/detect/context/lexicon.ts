/**
 * Words and phrases in many languages, found in one linear pass without regular expressions: texts are normalized
 * (NFKC, lower case) and cut into word tokens; a phrase of up to four tokens is looked up in a map, a stem ("politi*")
 * by its first characters, and words of scripts written without spaces (Chinese, Japanese, Thai, …) by substrings of
 * their runs, indexed by first character so ordinary text costs one map probe per character at most.
 *
 * The context detectors (system-prompt restrictions, indirect instructions in documents) use it for their cue lists:
 * each cue has a tag, and a scan returns which tags occur where.
 */

export interface Token {
  /** Normalized text of the token. */
  text: string;
  /** UTF-16 offsets into the normalized text. */
  start: number;
  end: number;
  /** A run of a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar). */
  unspaced: boolean;
}

export interface Tokenized {
  norm: string;
  tokens: Token[];
}

/** A cue found in a text: its tag and the tokens it spans (for unspaced scripts, the token that contains it). */
export interface Hit<T extends string> {
  tag: T;
  token: number;
  len: number;
  /** For a cue found inside a run of an unspaced script: its character offset in that token. */
  offset?: number;
}

/** NFKC, lower case, typographic apostrophes straightened: the one form cues and texts are compared in. */
export function normalize(text: string): string {
  let t = text;
  for (let i = 0; i < t.length; i++) {
    if (t.charCodeAt(i) >= 0x80) {
      t = t.normalize('NFKC');
      break;
    }
  }
  return t.toLowerCase();
}

/** Scripts written without spaces between words (and Hangul, whose words carry attached particles). */
export function isUnspaced(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || // hiragana, katakana
    (c >= 0xac00 && c <= 0xd7af) || // Hangul syllables: spaced, but particles attach to the noun ("비밀번호를")
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x3130 && c <= 0x318f) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x31f0 && c <= 0x31ff) ||
    (c >= 0xff66 && c <= 0xff9f) ||
    (c >= 0x0e00 && c <= 0x0eff) || // Thai, Lao
    (c >= 0x1000 && c <= 0x109f) || // Myanmar
    (c >= 0x1780 && c <= 0x17ff) // Khmer
  );
}

/** Letters, digits and combining marks of any script (punctuation, symbols, spaces and emoji are not). */
export function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, box drawing
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral characters (emoji) are not words
  if (c >= 0xfe30 && c <= 0xfe4f) return false;
  if (c >= 0xff00 && c <= 0xff65) return !((c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || c >= 0xff3b);
  if (c === 0x60c || c === 0x61b || c === 0x61f || (c >= 0x66a && c <= 0x66d) || c === 0x6d4) return false; // Arabic
  if (c === 0x964 || c === 0x965) return false; // danda
  if (c === 0xe2f || c === 0xe46 || c === 0xe4f || c === 0xe5a || c === 0xe5b) return false; // Thai marks
  return true;
}

/** Per UTF-16 code unit: 0 = not part of a word, 1 = word character, 2 = word character of an unspaced script. */
const CLASS = (() => {
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) if (isWordChar(c)) t[c] = isUnspaced(c) ? 2 : 1;
  return t;
})();

/** The character class table tokenize() uses (for one-pass scanners that make no tokens). */
export function wordClass(): Uint8Array {
  return CLASS;
}

/** Tokens of a normalized text, at most maxTokens of them (texts are clipped before this by the callers). */
export function tokenize(norm: string, maxTokens = 1 << 20): Token[] {
  const out: Token[] = [];
  const n = norm.length;
  let i = 0;
  while (i < n && out.length < maxTokens) {
    const k = CLASS[norm.charCodeAt(i)];
    if (k === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && CLASS[norm.charCodeAt(j)] === k) j++;
    out.push({ text: norm.slice(i, j), start: i, end: j, unspaced: k === 2 });
    i = j;
  }
  return out;
}

export function tokenized(text: string, maxTokens?: number): Tokenized {
  const norm = normalize(text);
  return { norm, tokens: tokenize(norm, maxTokens) };
}

const MAX_WORDS = 4;
const STEM_KEY = 3;

interface Node<T> {
  tags?: T[];
  next?: Map<string, Node<T>>;
  /** Phrases whose last token is a stem ("ev adres*"): that token's prefix and the phrase's tag. */
  stemNext?: Array<{ prefix: string; tag: T }>;
}

export class Lexicon<T extends string> {
  /** Phrases of up to MAX_WORDS tokens as a trie over tokens. */
  private readonly root = new Map<string, Node<T>>();
  private readonly stems = new Map<string, Array<{ stem: string; tag: T }>>();
  /** First two characters of every stem, as one number, so most tokens skip the stem lookup without allocating. */
  private readonly stemStarts = new Set<number>();
  private readonly unspaced = new Map<string, T[]>();
  /** Per first character of an unspaced cue: the cue lengths that start with it. */
  private readonly unspacedFirst = new Map<number, number[]>();
  private size = 0;

  /**
   * Add phrases under a tag. A trailing '*' makes the last token a stem: "politi*" matches "political", "ev adres*"
   * matches "ev adresi".
   */
  add(tag: T, phrases: readonly string[]): this {
    for (const raw of phrases) {
      const stem = raw.endsWith('*');
      const norm = normalize(stem ? raw.slice(0, -1) : raw).trim();
      if (!norm) continue;
      const toks = tokenize(norm);
      if (toks.length === 0) continue;
      this.size++;
      if (toks.length === 1 && toks[0].unspaced) {
        const s = toks[0].text;
        push(this.unspaced, s, tag);
        const first = s.charCodeAt(0);
        const lens = this.unspacedFirst.get(first) ?? [];
        if (!lens.includes(s.length)) lens.push(s.length);
        this.unspacedFirst.set(first, lens);
        continue;
      }
      if (stem && toks.length === 1 && toks[0].text.length >= STEM_KEY) {
        const s = toks[0].text;
        const list = this.stems.get(s.slice(0, STEM_KEY)) ?? [];
        list.push({ stem: s, tag });
        this.stems.set(s.slice(0, STEM_KEY), list);
        this.stemStarts.add((s.charCodeAt(0) << 16) | s.charCodeAt(1));
        continue;
      }
      if (stem && toks.length > 1 && toks.length <= MAX_WORDS) {
        let lvl = this.root;
        let last: Node<T> | undefined;
        for (const w of toks.slice(0, -1)) {
          last = lvl.get(w.text);
          if (!last) lvl.set(w.text, (last = {}));
          lvl = last.next ??= new Map();
        }
        const prefix = toks[toks.length - 1].text;
        const list = (last!.stemNext ??= []);
        if (!list.some((x) => x.prefix === prefix && x.tag === tag)) list.push({ prefix, tag });
        continue;
      }
      let level = this.root;
      let node: Node<T> | undefined;
      const words = toks.slice(0, MAX_WORDS);
      words.forEach((w, k) => {
        node = level.get(w.text);
        if (!node) level.set(w.text, (node = {}));
        if (k < words.length - 1) level = node.next ??= new Map();
      });
      const tags = (node!.tags ??= []);
      if (!tags.includes(tag)) tags.push(tag);
    }
    return this;
  }

  get entries(): number {
    return this.size;
  }

  /** Every cue occurrence in tokens [from, to) of a tokenized text, in text order. */
  scan(t: Tokenized, from = 0, to = t.tokens.length): Hit<T>[] {
    const out: Hit<T>[] = [];
    const toks = t.tokens;
    const stems = this.stemStarts.size > 0;
    for (let i = from; i < to; i++) {
      const tok = toks[i];
      if (tok.unspaced) {
        this.scanUnspaced(tok.text, i, out);
        continue;
      }
      const w = tok.text;
      let node = this.root.get(w);
      for (let k = 1; node; k++) {
        if (node.tags) for (const tag of node.tags) out.push({ tag, token: i, len: k });
        if (i + k >= to) break;
        const nextText = toks[i + k].text;
        if (node.stemNext)
          for (const sn of node.stemNext)
            if (nextText.startsWith(sn.prefix)) out.push({ tag: sn.tag, token: i, len: k + 1 });
        if (!node.next) break;
        node = node.next.get(nextText);
      }
      if (stems && w.length >= STEM_KEY && this.stemStarts.has((w.charCodeAt(0) << 16) | w.charCodeAt(1))) {
        const list = this.stems.get(w.slice(0, STEM_KEY));
        if (list) for (const s of list) if (w.startsWith(s.stem)) out.push({ tag: s.tag, token: i, len: 1 });
      }
    }
    return out;
  }

  private scanUnspaced(s: string, token: number, out: Hit<T>[]): void {
    if (this.unspaced.size === 0) return;
    for (let p = 0; p < s.length; p++) {
      const lens = this.unspacedFirst.get(s.charCodeAt(p));
      if (!lens) continue;
      for (const len of lens) {
        if (p + len > s.length) continue;
        const tags = this.unspaced.get(s.slice(p, p + len));
        if (tags) for (const tag of tags) out.push({ tag, token, len: 1, offset: p });
      }
    }
  }
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) {
    if (!list.includes(v)) list.push(v);
  } else m.set(k, [v]);
}
