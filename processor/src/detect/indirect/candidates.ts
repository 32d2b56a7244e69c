/**
 * The one pass every document gets: words are hashed as they are read (no strings made), and a word is a candidate
 * when its hash is the first word of a strong cue (the reader addressed as an AI, "your answer", "the user", "when
 * summarizing", "do not tell") anywhere, or a command verb where a sentence starts. Runs of unspaced scripts are
 * matched by their characters. The same pass counts scripts and the Latin-script stop words of each language, so the
 * document's main script and language come for free. Hash collisions only add candidates; the window scan that follows
 * (features.ts) checks every cue exactly.
 */
import { normalize, tokenize, wordClass } from '../context/lexicon.js';
import { DOC_CUES, OPENER_WORDS } from './cues.js';

/** FNV-1a of a word, folded to 30 bits so it stays a small integer (no heap numbers in the hot loop). */
function hashWord(s: string, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

const STRONG_TAGS = ['ai', 'out_ref', 'when_task', 'hide', 'override_verb', 'hijack', 'unbound'] as const;
const VERB_TAGS = ['gen_verb', 'link_verb', 'act_verb'] as const;
/** Characters at the end of a document scanned even when the head used up half the candidates. */
const TAIL = 16 * 1024;

/** Characters of a word hashed for stem triggers. */
const PREFIX = 5;

interface Tables {
  /** Hashes of the first PREFIX characters of stem cues. */
  prefixes: Set<number>;
  /** Word hash → flags: STRONG | VERB | OPENER. */
  words: Map<number, number>;
  strongFirst: Set<number>;
  verbs: Set<number>;
  openers: Set<number>;
  /** Unspaced cue strings by first character (code unit) → their lengths; and the strings. */
  unspacedFirst: Map<number, number[]>;
  unspaced: Set<string>;
}

/** Words never used as a phrase's trigger (every sentence has them). */
const COMMON = new Set([
  'the',
  'a',
  'an',
  'i',
  'you',
  'your',
  'if',
  'when',
  'do',
  'not',
  'to',
  'this',
  'that',
  'is',
  'are',
  'be',
  'of',
  'in',
  'on',
  'every',
  'each',
  'without',
  'before',
  'after',
  'reading',
  'read',
  'người',
  'không',
  'hình',
  'de',
  'la',
  'le',
  'el',
  'al',
  'en',
  'der',
  'den',
  'dem',
  'die',
  'il',
  'o',
  'ao',
  'je',
  'het',
  'and',
  'or',
  'any',
  'all',
  'only',
  'just',
  'so',
  'but',
  'also',
  'with',
  'from',
  'for',
  'at',
  'by',
  'it',
  'me',
  'my',
  'we',
  'us',
  'our',
  'they',
  'then',
  'now',
  'please',
  'new',
  'say',
  'und',
  'et',
  'y',
  'e',
  'solo',
  'nur',
]);

let tables: Tables | undefined;
const STRONG = 1;
const VERB = 2;
const OPENER = 4;
/** Bit of the first Latin stop-word language in a word's flags. */
const LANG_SHIFT = 3;

function build(): Tables {
  const t: Tables = {
    prefixes: new Set(),
    words: new Map(),
    strongFirst: new Set(),
    verbs: new Set(),
    openers: new Set(),
    unspacedFirst: new Map(),
    unspaced: new Set(),
  };
  const addUnspaced = (w: string) => {
    t.unspaced.add(w);
    const lens = t.unspacedFirst.get(w.charCodeAt(0)) ?? [];
    if (!lens.includes(w.length)) lens.push(w.length);
    t.unspacedFirst.set(w.charCodeAt(0), lens);
  };
  const firstWord = (phrase: string, into: Set<number>) => {
    const toks = tokenize(normalize(phrase.endsWith('*') ? phrase.slice(0, -1) : phrase));
    if (toks.length === 0) return;
    if (toks[0].unspaced) addUnspaced(toks[0].text);
    else into.add(hashWord(toks[0].text, 0, toks[0].text.length));
  };
  // A phrase of several words triggers on its longest word ("the user" on "user"): the sentence around it holds the
  // whole phrase, and common words ("the", "your") would make every sentence a candidate.
  const keyWord = (phrase: string, into: Set<number>) => {
    if (phrase.endsWith('*')) {
      // A stem triggers on the first PREFIX characters of a word (hashed as the word is read).
      const stem = normalize(phrase.slice(0, -1));
      if (stem.length >= PREFIX && !stem.includes(' ')) t.prefixes.add(hashWord(stem, 0, PREFIX));
      return;
    }
    const toks = tokenize(normalize(phrase));
    if (toks.length === 0) return;
    let key = toks[0];
    for (const tok of toks)
      if (tok.unspaced || (!COMMON.has(tok.text) && (COMMON.has(key.text) || tok.text.length >= key.text.length)))
        key = tok;
    if (key.unspaced) addUnspaced(key.text);
    else into.add(hashWord(key.text, 0, key.text.length));
  };
  for (const tag of STRONG_TAGS) for (const p of DOC_CUES[tag]) keyWord(p, t.strongFirst);
  for (const tag of VERB_TAGS) for (const p of DOC_CUES[tag]) firstWord(p, t.verbs);
  for (const w of OPENER_WORDS) t.openers.add(hashWord(w, 0, w.length));
  const flag = (h: number, f: number) => t.words.set(h, (t.words.get(h) ?? 0) | f);
  for (const h of t.strongFirst) flag(h, STRONG);
  for (const h of t.verbs) flag(h, VERB);
  for (const h of t.openers) flag(h, OPENER);
  LANG_NAMES.forEach((lang, i) => {
    for (const w of LATIN_STOP[lang]) flag(hashWord(w, 0, w.length), 1 << (LANG_SHIFT + i));
  });
  return t;
}

export interface DocScan {
  /** Character positions of candidate words, in order. */
  positions: number[];
  /** Word characters per script (SCRIPTS order), in the head of the document. */
  scripts: Int32Array;
  /** Stop-word votes per Latin-script language (LANG_NAMES order), in the head of the document. */
  langVotes: Int32Array;
  /** Sentence starts seen (line breaks and sentence-final punctuation). */
  sentences: number;
}

/** Script classes counted per document. */
export const SCRIPTS = [
  'latin',
  'greek',
  'cyrillic',
  'arabic',
  'devanagari',
  'thai',
  'cjk',
  'hangul',
  'other',
] as const;
/** Latin-script languages told apart by their stop words. */
export const LANG_NAMES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'tr', 'ro', 'vi', 'id'] as const;
/** Characters of the head that vote on script and language. */
export const SCRIPT_HEAD = 4096;

/** Index into SCRIPTS of a word's first character, or -1 (digits, symbols). */
export function scriptIndex(c: number): number {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 0 : -1;
  if (c < 0x250) return 0;
  if (c < 0x370) return 8;
  if (c < 0x400) return 1;
  if (c < 0x530) return 2;
  if (c >= 0x600 && c < 0x700) return 3;
  if (c >= 0x900 && c < 0x980) return 4;
  if (c >= 0xe00 && c < 0xe80) return 5;
  if (c >= 0x1e00 && c < 0x1f00) return 0;
  if (c >= 0x2000 && c < 0x3040) return -1;
  if ((c >= 0x3040 && c < 0x3200) || (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00)) return 6;
  if (c >= 0xac00 && c < 0xd7b0) return 7;
  return 8;
}

/** Stop words of the Latin-script languages (the vote that tells a switch of language). */
export const LATIN_STOP: Record<(typeof LANG_NAMES)[number], readonly string[]> = {
  en: ['the', 'and', 'is', 'of', 'to', 'you', 'your', 'with', 'this', 'that', 'are', 'for'],
  es: ['el', 'los', 'las', 'y', 'es', 'del', 'que', 'por', 'con', 'para', 'una', 'tu', 'un', 'sobre', 'en'],
  fr: ['le', 'les', 'et', 'est', 'des', 'du', 'pour', 'avec', 'une', 'vous', 'dans', 'sur', 'au', 'ta', 'ton', 'à'],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'für',
    'ein',
    'eine',
    'dich',
    'auf',
    'zu',
    'einen',
    'ich',
    'nur',
    'auch',
    'deiner',
    'über',
    'du',
  ],
  it: ['il', 'gli', 'è', 'della', 'che', 'sono', 'di', 'non', 'nel', 'alla', 'questo', 'anche', 'sul', 'nella', 'solo'],
  pt: ['os', 'é', 'do', 'da', 'não', 'você', 'em', 'com', 'uma', 'pelo', 'seu', 'mais', 'um', 'na', 'sua'],
  nl: ['het', 'en', 'van', 'een', 'niet', 'met', 'voor', 'je', 'dat', 'op', 'zijn', 'ook'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'çok', 'olarak', 'değil', 'sen', 'daha', 'gibi', 'olan'],
  ro: ['și', 'este', 'în', 'din', 'care', 'pentru', 'cu', 'să', 'la', 'mai', 'fost', 'acest'],
  vi: ['và', 'là', 'của', 'có', 'không', 'được', 'cho', 'các', 'những', 'một', 'trong', 'này'],
  id: ['dan', 'yang', 'di', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'dari', 'ke', 'adalah', 'kamu'],
};

/** Characters after which a word starts a sentence (or a comment, a cell, a label's text). */
export function opensSentence(c: number): boolean {
  return (
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 10 ||
    c === 58 ||
    c === 59 ||
    c === 62 ||
    c === 60 ||
    c === 45 ||
    c === 42 ||
    c === 35 ||
    c === 47 ||
    c === 91 ||
    c === 93 ||
    c === 40 ||
    c === 34 ||
    c === 39 ||
    c === 124 ||
    c === 0x2022 ||
    c === 0x3002 ||
    c === 0xff01 ||
    c === 0xff1f ||
    c === 0xff1a ||
    c === 0x964 ||
    c === 0x201c
  );
}

/** One pass over a lower-cased NFKC document: candidate word positions (at most `max`). */
export function scanDocument(text: string, max: number): DocScan {
  const t = (tables ??= build());
  const cls = wordClass();
  const positions: number[] = [];
  const scripts = new Int32Array(SCRIPTS.length);
  const langVotes = new Int32Array(LANG_NAMES.length);
  let sentences = 1;
  const n = text.length;
  let i = 0;
  // Whether the next word starts a sentence (after a delimiter, or after an opener that did).
  let start = true;
  // Half the budget for the head; once it is spent, the scan jumps to the tail (injections sit at either end).
  const tail = Math.max(0, n - TAIL);
  while (i < n && positions.length < max) {
    if (i < tail && positions.length >= max >> 1) {
      i = tail;
      start = true;
    }
    const c = text.charCodeAt(i);
    const k = cls[c];
    if (k === 0) {
      if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0) {
        start = opensSentence(c) || (start && (c === 44 || c === 0x3001));
        if (c === 10 || c === 46 || c === 33 || c === 63 || c === 0x3002) sentences++;
      }
      i++;
      continue;
    }
    if (i < SCRIPT_HEAD) {
      const sc = scriptIndex(c);
      if (sc >= 0) scripts[sc]++;
    }
    if (k === 2) {
      // Unspaced run: look up cue strings by their first character.
      let j = i;
      let found = false;
      while (j < n && cls[text.charCodeAt(j)] === 2) {
        if (!found) {
          const lens = t.unspacedFirst.get(text.charCodeAt(j));
          if (lens)
            for (const len of lens)
              if (t.unspaced.has(text.slice(j, j + len))) {
                positions.push(j);
                found = true;
                break;
              }
        }
        j++;
      }
      start = false;
      i = j;
      continue;
    }
    // Spaced word: hash it while reading it (and its first PREFIX characters, for stems).
    let h = 0x811c9dc5;
    let hp = -1;
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (cls[d] !== 1) break;
      h = Math.imul(h ^ d, 0x01000193);
      j++;
      if (j - i === PREFIX) hp = h & 0x3fffffff;
    }
    if (hp >= 0 && j - i > PREFIX && t.prefixes.has(hp)) {
      positions.push(i);
      start = false;
      i = j;
      continue;
    }
    const f = t.words.get(h & 0x3fffffff) ?? 0;
    if (f >> LANG_SHIFT !== 0 && i < SCRIPT_HEAD)
      for (let b = 0; b < LANG_NAMES.length; b++) if ((f >> (LANG_SHIFT + b)) & 1) langVotes[b]++;
    // A verb followed by "(" or "=" is code (print(x), output = …), not a command to the reader.
    const next = j < n ? text.charCodeAt(j) : 32;
    if ((f & STRONG) !== 0 || (start && (f & VERB) !== 0 && next !== 40 && next !== 61 && next !== 95 && next !== 46))
      positions.push(i);
    start = start && (f & OPENER) !== 0;
    i = j;
  }
  return { positions, scripts, langVotes, sentences };
}
