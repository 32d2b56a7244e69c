/**
 * The language-independent facts of a system prompt — names, numbers, identifiers, paths, codes — grouped by the
 * sentence (rule) that states them, and the prompt's sentences as word strings. An output that restates several rules
 * carries facts from several sentences even when it is translated, summarised or reworded (names and numbers survive
 * translation; content words do not), and an output that quotes a rule keeps its words in order.
 *
 * Sentences that present the assistant (who it is, whom it serves, in the languages prompts are written in) are left
 * out: any answer may repeat them. Linear in the output (its first MAX_SCAN_CHARS); the profile is built once per
 * distinct prompt.
 */
import RE2 from 're2';
import { forEachTokenId, MAX_SCAN_CHARS } from './containment.js';
import { isSpace, spaceTokens } from './common.js';

/** Facts of one prompt: anchor token → index of the (non-presenting) sentence that states it. */
export interface FactProfile {
  anchors: Map<string, number>;
  /** Content-token ids of every sentence of the prompt (presenting ones too) with at least MIN_RULE_TOKENS. */
  rules: Array<Set<number>>;
  /** Word strings (` w1 w2 … `) of non-presenting sentences of at least SELF_VERBATIM_WORDS words, and their length. */
  sentences: Array<{ words: string; n: number }>;
}

/** A rule quoted word for word counts from this many words (from SELF_VERBATIM_WORDS when the output talks about its
 * instructions). */
export const VERBATIM_WORDS = 8;
export const SELF_VERBATIM_WORDS = 6;
const MAX_SENTENCES = 48;
const MAX_ANCHORS = 256;

/** Sentences that present the assistant, in English, German, French, Spanish, Italian and Portuguese. */
const PRESENTING = new RE2(
  String.raw`(?i)^[\s*#>\-\d.)]*(?:<[a-z_]{1,20}>[\s]*)?(?:you are|you're|your name is|your role is|you act as|act as|you work (?:for|at)|you (?:help|assist|serve|support)|role:|name:|persona:|du bist|sie sind|tu es|vous êtes|eres|usted es|sei |você é|és )`,
);

/** Capitalised words that start clauses or are too common to identify a prompt. */
const COMMON_CAPS = new Set(
  (
    'the a an i you your we our they it this that these those if when for and or but not never always only do dont ' +
    'use keep ask say tell give be is are role rules style note internal system instructions assistant user users ' +
    'mr mrs ms dr st no yes ok la le les el los las der die das du sie il lo tu un une ein eine'
  ).split(' '),
);

/** Frequent German function words: their share tells a prompt that capitalises every noun. */
const GERMAN_FUNCTION_WORDS = new Set(
  'der die das den dem des und oder nicht ist sind mit für von zu auf bei ein eine einen einem einer du sie wir ihr ich es im am an als auch nur immer niemals nie wenn'.split(
    ' ',
  ),
);

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Punctuation stripped from both ends of a token. */
const EDGE = '()[]{}"\'“”‘’«»<>.,;:!?*`/\\|–—…„';

function trimEdges(tok: string): string {
  let s = 0;
  let e = tok.length;
  while (s < e && EDGE.includes(tok[s])) s++;
  while (e > s && EDGE.includes(tok[e - 1])) e--;
  return tok.slice(s, e);
}

/**
 * The comparable form of a token: lower case; a number without its group and decimal separators ("5.000" and
 * "5,000" → "5000", "3,5" and "3.5" → "35") so the same figure matches across languages.
 */
export function anchorKey(tok: string): string {
  let digits = 0;
  let other = 0;
  for (let i = 0; i < tok.length; i++) {
    const c = tok.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c !== 44 && c !== 46) other++;
  }
  if (digits > 0 && other === 0) {
    let out = '';
    for (let i = 0; i < tok.length; i++) if (isDigit(tok.charCodeAt(i))) out += tok[i];
    return out;
  }
  return tok.toLowerCase();
}

/**
 * The anchor a prompt token gives, or '': a number of 2+ digits, a token mixing letters with digits or with inner
 * separators and capitals ("B7", "LEGAL-HOLD", "A1–A2"), a path or host ("infra/terraform"), or a capitalised word
 * of 3+ letters inside a sentence ("Okafor", "Valencia") — for prompts that capitalise every noun (German), only a
 * capitalised word next to another one (a name: "Schadenteam Nord").
 */
function anchorOf(tok: string, midSentence: boolean, prevCap: boolean, nextCap: boolean, nounCaps: boolean): string {
  const t = trimEdges(tok);
  if (t.length < 2 || t.length > 64) return '';
  let digits = 0;
  let letters = 0;
  let upper = 0;
  let inner = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    const c = t.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (ch.toLowerCase() !== ch.toUpperCase()) {
      letters++;
      if (ch !== ch.toLowerCase()) upper++;
    } else if (i > 0 && i < t.length - 1) inner = true;
  }
  if (digits > 0) return digits >= 2 || letters > 0 ? anchorKey(t) : '';
  if (inner && t.length >= 5 && (t.includes('/') || t.includes('.') || t.includes('@'))) return anchorKey(t);
  if (inner && upper >= 2) return anchorKey(t);
  const capital = upper > 0 && t[0] !== t[0].toLowerCase();
  if (!capital || letters < 3 || !midSentence || COMMON_CAPS.has(t.toLowerCase())) return '';
  if (upper === letters && letters >= 2) return anchorKey(t); // an acronym or a code word
  if (nounCaps && !prevCap && !nextCap) return '';
  return anchorKey(t);
}

/** "Dr." / "Mr." / "St." / "z.B.": a short capitalised word or a one-letter part before the full stop. */
function abbreviationBefore(text: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && !isSpace(text.charCodeAt(k - 1))) k--;
  const word = text.slice(k, dot);
  if (word.length === 0 || word.length > 3) return false;
  return word.length === 1 || (word[0] !== word[0].toLowerCase() && word.slice(1) === word.slice(1).toLowerCase());
}

/** Sentence boundaries: . ! ? before a space, line ends, and the `","` between JSON settings. */
function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length && out.length < MAX_SENTENCES; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
    const end =
      c === 10 ||
      ((c === 46 || c === 33 || c === 63) && isSpace(next) && !(c === 46 && abbreviationBefore(text, i))) ||
      (c === 44 && next === 34 && i > 0 && text.charCodeAt(i - 1) === 34);
    if (!end) continue;
    if (i > start) out.push(text.slice(start, i));
    start = i + 1;
  }
  return out;
}

/** Lower-cased letter-and-digit words joined by single spaces, with a space at both ends. */
export function wordString(text: string): string {
  const n = Math.min(text.length, MAX_SCAN_CHARS);
  const fast = asciiWordString(text, n);
  if (fast !== undefined) return fast;
  const parts: string[] = [];
  let i = 0;
  while (i < n) {
    while (i < n && !isWordUnit(text, i)) i++;
    if (i >= n) break;
    const a = i;
    let ascii = true;
    while (i < n && isWordUnit(text, i)) {
      if (text.charCodeAt(i) >= 128) ascii = false;
      i++;
    }
    // Lower-cased unit by unit, so a word's case mapping never depends on its neighbours (Greek final sigma).
    if (ascii) parts.push(text.slice(a, i).toLowerCase());
    else {
      let w = '';
      for (let k = a; k < i; k++) w += text[k].toLowerCase();
      parts.push(w);
    }
  }
  return parts.length > 0 ? ` ${parts.join(' ')} ` : ' ';
}

/** ASCII letters and digits → their lower-case code; 0 for every other ASCII code. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = ASCII_WORD[c - 32] = c;
let wordScratch: Uint16Array = new Uint16Array(4096);
const UTF16 = new TextDecoder('utf-16le');

/**
 * wordString of an all-ASCII text (most text) in one pass over its codes into a buffer, decoded once: no string per
 * word. undefined at the first non-ASCII unit (the caller lower-cases unit by unit then).
 */
function asciiWordString(text: string, n: number): string | undefined {
  if (wordScratch.length < n + 2) wordScratch = new Uint16Array(Math.max(n + 2, wordScratch.length * 2));
  const buf = wordScratch;
  let m = 0;
  buf[m++] = 32;
  let inWord = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return undefined;
    const l = ASCII_WORD[c];
    if (l !== 0) {
      buf[m++] = l;
      inWord = true;
    } else if (inWord) {
      buf[m++] = 32;
      inWord = false;
    }
  }
  if (inWord) buf[m++] = 32;
  return m === 1 ? ' ' : UTF16.decode(buf.subarray(0, m));
}

/** A digit or a UTF-16 unit with case (a letter); ASCII without allocating. */
function isWordUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 122);
  const ch = text[i];
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** "4)", "2.", "b)", "-", "•": a list marker before a rule. */
function isListMarker(tok: string): boolean {
  if (tok === '-' || tok === '*' || tok === '•') return true;
  const last = tok[tok.length - 1];
  return (
    tok.length >= 2 &&
    tok.length <= 4 &&
    (last === ')' || last === '.') &&
    /* "4)" */ tok.length - 1 <= 3 &&
    [...tok.slice(0, -1)].every((ch) => (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z'))
  );
}

const isCap = (tok: string) => {
  const t = trimEdges(tok);
  return t.length > 0 && t[0] !== t[0].toLowerCase();
};

export function buildFactProfile(system: string): FactProfile {
  const anchors = new Map<string, number>();
  const sentences: FactProfile['sentences'] = [];
  const rules: FactProfile['rules'] = [];
  const list = splitSentences(system);
  for (const s of list) {
    const ids = new Set<number>();
    forEachTokenId(s, (id) => ids.add(id));
    if (ids.size >= MIN_RULE_TOKENS) rules.push(ids);
  }
  // A prompt in a language that capitalises its nouns (German) says little by a capital alone.
  let all = 0;
  let german = 0;
  for (const s of list)
    for (const tok of spaceTokens(s, 200)) {
      all++;
      if (GERMAN_FUNCTION_WORDS.has(trimEdges(tok).toLowerCase())) german++;
    }
  const nounCaps = all > 0 && german / all >= 0.08;
  for (let k = 0; k < list.length; k++) {
    const s = list[k];
    if (PRESENTING.test(s)) continue;
    const toks = spaceTokens(s, 200);
    for (let i = 0; i < toks.length && anchors.size < MAX_ANCHORS; i++) {
      const prev = i > 0 ? toks[i - 1] : '';
      const prevEnds = i > 0 && '.:!?'.includes(prev[prev.length - 1]) && !(prev.length <= 3 && isCap(prev));
      const a = anchorOf(
        toks[i],
        i > 0 && !prevEnds,
        i > 0 && isCap(toks[i - 1]),
        i + 1 < toks.length && isCap(toks[i + 1]),
        nounCaps,
      );
      if (a && !anchors.has(a)) anchors.set(a, k);
    }
    let body = 0;
    while (body < toks.length && body < 2 && isListMarker(toks[body])) body++;
    const words = wordString(toks.slice(body).join(' '));
    const n = words.split(' ').length - 2;
    if (n >= SELF_VERBATIM_WORDS) sentences.push({ words, n });
  }
  return { anchors, rules, sentences };
}

/** A sentence of the prompt counts as a rule from this many content tokens, and as carried from this share of them. */
const MIN_RULE_TOKENS = 3;
const RULE_CARRIED = 0.6;

/** How many of the prompt's sentences the output carries (most of their content tokens, in any order). */
export function rulesCarried(profile: FactProfile, output: string): number {
  if (profile.rules.length === 0) return 0;
  const ids = new Set<number>();
  forEachTokenId(output.length > MAX_SCAN_CHARS ? output.slice(0, MAX_SCAN_CHARS) : output, (id) => ids.add(id));
  let n = 0;
  for (const rule of profile.rules) {
    let hit = 0;
    for (const id of rule) if (ids.has(id)) hit++;
    if (hit >= RULE_CARRIED * rule.size) n++;
  }
  return n;
}

/** Which of the prompt's facts an output carries. */
export interface FactsFound {
  /** Distinct anchors found (those the user's input carries are not counted). */
  anchors: number;
  /** Distinct prompt sentences those anchors come from. */
  sentences: number;
  /** Prompt sentences of VERBATIM_WORDS or more the output repeats word for word. */
  verbatim: number;
  /** …and of SELF_VERBATIM_WORDS or more. */
  verbatimShort: number;
}

/** EDGE as a code-unit lookup (the index-based trim below). */
const EDGE_CODE = new Uint8Array(0x10000);
for (let i = 0; i < EDGE.length; i++) EDGE_CODE[EDGE.charCodeAt(i)] = 1;

/** Signature of a key: its length and first code unit. */
const signature = (len: number, first: number) => len * 65536 + first;

/** The signatures of a profile's anchors: a token whose key has none of them cannot be an anchor. */
const anchorSignatures = new WeakMap<FactProfile, Set<number>>();
function signaturesOf(profile: FactProfile): Set<number> {
  let sig = anchorSignatures.get(profile);
  if (!sig) {
    sig = new Set<number>();
    for (const a of profile.anchors.keys()) sig.add(signature(a.length, a.length > 0 ? a.charCodeAt(0) : 0));
    anchorSignatures.set(profile, sig);
  }
  return sig;
}

/**
 * Whether anchorKey(text.slice(from, to)) may have a signature of `sig`, read from the codes without building the
 * key (exact: non-ASCII keys, whose lower-casing may change the length, always may).
 */
function mayBeKey(text: string, from: number, to: number, sig: Set<number>): boolean {
  let digits = 0;
  let other = 0;
  let firstDigit = 0;
  let ascii = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (digits === 0) firstDigit = c;
      digits++;
    } else if (c !== 44 && c !== 46) other++;
    if (c >= 128) ascii = false;
  }
  if (digits > 0 && other === 0) return sig.has(signature(digits, firstDigit));
  if (!ascii) return true;
  const len = to - from;
  if (len === 0) return sig.has(signature(0, 0));
  const c = text.charCodeAt(from);
  return sig.has(signature(len, c >= 65 && c <= 90 ? c + 32 : c));
}

/**
 * Anchor keys of a text (its first MAX_SCAN_CHARS): its space-separated tokens with their edges trimmed (and the parts
 * around an apostrophe), as anchorKey. With `sig`, only keys that may be anchors (the others are never looked up).
 */
function keysOf(text: string, sig?: Set<number>): Set<string> {
  const out = new Set<string>();
  const s = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const n = s.length;
  const may = (from: number, to: number) => sig === undefined || mayBeKey(s, from, to, sig);
  let start = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && !isSpace(s.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    let a = start;
    let b = i;
    start = -1;
    while (a < b && EDGE_CODE[s.charCodeAt(a)] === 1) a++;
    while (b > a && EDGE_CODE[s.charCodeAt(b - 1)] === 1) b--;
    if (b - a >= 2 && may(a, b)) out.add(anchorKey(s.slice(a, b)));
    // "Dr. Okafor's" / "Lindqvist," / "l'Altivo": the part after an apostrophe-free split is looked up too.
    let ap = -1;
    for (let k = a; k < b; k++)
      if (s.charCodeAt(k) === 0x2019) {
        ap = k;
        break;
      }
    if (ap < 0)
      for (let k = a; k < b; k++)
        if (s.charCodeAt(k) === 39) {
          ap = k;
          break;
        }
    if (ap > a) {
      if (may(a, ap)) out.add(anchorKey(s.slice(a, ap)));
      if (may(ap + 1, b)) out.add(anchorKey(s.slice(ap + 1, b)));
    }
  }
  return out;
}

export function factsIn(profile: FactProfile, output: string, userText: string): FactsFound {
  let anchors = 0;
  let verbatim = 0;
  let verbatimShort = 0;
  const from = new Set<number>();
  if (profile.anchors.size > 0) {
    const sig = signaturesOf(profile);
    const keys = keysOf(output, sig);
    const user = userText.length > 0 ? keysOf(userText, sig) : undefined;
    for (const [a, k] of profile.anchors) {
      if (!keys.has(a) || user?.has(a)) continue;
      anchors++;
      from.add(k);
    }
  }
  if (profile.sentences.length > 0) {
    const words = wordString(output);
    const user = userText.length > 0 ? wordString(userText) : '';
    for (const s of profile.sentences) {
      if (!words.includes(s.words) || user.includes(s.words)) continue;
      verbatimShort++;
      if (s.n >= VERBATIM_WORDS) verbatim++;
    }
  }
  return { anchors, sentences: from.size, verbatim, verbatimShort };
}

/**
 * The output talks about its own instructions, in the languages prompts are written in ("my instructions say",
 * "I was told", "mes consignes", "según mis instrucciones", "laut meinen Anweisungen", "le mie istruzioni").
 */
export const SELF_REFERENCE = new RE2(
  String.raw`(?i)\b(?:my (?:system |initial |original |hidden |internal )?(?:instructions?|prompt|guidelines|rules|directives|configuration|config|setup|set-up|briefing|orders)\b|i(?:'m| am| was| were| have been|'ve been) (?:told|instructed|configured|set up|programmed|briefed)\b|according to my (?:instructions|guidelines|rules|prompt|setup|configuration)\b|behind the scenes\b|the gist of my\b|how i (?:was|am|'ve been) (?:configured|set up|instructed)\b|my system (?:prompt|message)\b|part of what i work with\b|mes (?:consignes|instructions|règles|directives)\b|on m'a (?:dit|demandé|configuré)|d'après mes\b|selon mes\b|mis (?:instrucciones|reglas|directrices|indicaciones)\b|me (?:dijeron|indicaron|configuraron)\b|según mis\b|meine[nr]? (?:anweisungen|vorgaben|regeln|richtlinien|instruktionen)\b|laut meine[nr]?\b|mir wurde (?:gesagt|aufgetragen)|le mie (?:istruzioni|regole|direttive)\b|secondo le mie\b|mi (?:è stato detto|hanno detto)|(?:as )?minhas (?:instruções|regras)\b|disseram-me\b|segundo as minhas\b)`,
);

/**
 * Thresholds of TH-LEAK-006 (chosen on benign outputs: on-topic answers use the facts of one rule — the hotline, the
 * doctor, the office — not of several, and rarely talk about their instructions).
 */
export const FACT_THRESHOLDS = {
  /** Talking about its instructions: facts of at least 2 rules, 3 facts in all. */
  selfAnchors: 3,
  selfSentences: 2,
  /** Without that: facts of at least 3 rules, 5 in all. */
  anchors: 5,
  sentences: 3,
  /** Rules quoted word for word: one while talking about its instructions, two otherwise. */
  selfVerbatim: 1,
  verbatim: 2,
} as const;

/** The TH-LEAK-006 verdict: a confidence, or 0. */
export function factsVerdict(f: FactsFound, selfReference: boolean | (() => boolean)): number {
  const t = FACT_THRESHOLDS;
  // The output's wording about its instructions (a regex over it) is read only when a test needs it.
  let known: boolean | undefined = typeof selfReference === 'boolean' ? selfReference : undefined;
  const self = (): boolean => (known ??= (selfReference as () => boolean)());
  const verbatim = f.verbatim >= t.verbatim || (f.verbatimShort >= t.selfVerbatim && self());
  const facts =
    (f.anchors >= t.anchors && f.sentences >= t.sentences) ||
    (f.anchors >= t.selfAnchors && f.sentences >= t.selfSentences && self());
  if (!verbatim && !facts) return 0;
  return verbatim && facts ? 0.85 : 0.7;
}
