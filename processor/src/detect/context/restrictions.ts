/**
 * What a system prompt forbids, read once per distinct prompt: protected values (passwords, codes, keys, quoted
 * secrets, "the password is X"), data it holds about a user (names, e-mails, numbers) and must not reveal, topics to
 * avoid, a scope ("only answer questions about X"), a role, an access-code game ("say Access Granted only if …") and
 * reply-format rules. Restrictions are phrased in many ways and languages, so the parser combines cue lists
 * (cues.ts) with structure: sentences, quoted spans, values after a secret noun and a copula, negated directives.
 *
 * Never throws; linear in the prompt (clipped to MAX_PROMPT_CHARS).
 */
import {
  CUES,
  ITEM_TRANSLATIONS,
  NOUNS,
  PII_NOUNS,
  STOP_WORDS,
  TOPIC_CLASSES,
  type Cue,
  type NounClass,
  type PiiKind,
} from './cues.js';
import { Lexicon, normalize, tokenize, type Hit, type Token } from './lexicon.js';
import { readTasks } from './task.js';

/** Longest system prompt read (characters): the head, where restrictions are written. */
export const MAX_PROMPT_CHARS = 32 * 1024;

export interface ProtectedValue {
  /** Normalized value (NFKC, lower case). */
  norm: string;
  /** Letters and digits only (matches the value spaced out or punctuated). */
  compact: string;
}

export interface PiiRestriction {
  kinds: Set<PiiKind>;
  /** E-mail addresses, digit runs of 6+ digits (phones, accounts), full names. */
  values: ProtectedValue[];
  /** Family names (and given names of 4+ letters) of the people it holds data about. */
  nameParts: Set<string>;
  /**
   * The prompt forbids the data of other people by kind ("never reveal any employee's salary") without holding
   * values: a request counts only when it is about someone else.
   */
  othersOnly?: boolean;
  /** The prompt withholds the data even from the user ("not even to the customer", "to anyone"). */
  strict?: boolean;
}

export interface Restrictions {
  /** Noun classes of protected items (a password, a code, …). */
  secretClasses: Set<NounClass>;
  secretValues: ProtectedValue[];
  /**
   * What the prompt itself calls its protected items ("gate combination", "unlock phrase", "credential"): stems of
   * the head nouns (the item's name) and of all its words. A request naming a head names the item, in whatever words
   * the prompt used.
   */
  items: {
    heads: Set<string>;
    words: Set<string>;
    /** Item names as stems, head last. */
    names: string[][];
    /** Stems of the words that qualify an item after its name ("the deploy token for the *staging* cluster"). */
    modifiers: Set<string>;
    translations?: Lexicon<'item'>;
  };
  pii?: PiiRestriction;
  /** Avoided topics: a lexicon over the topic words (literal terms and the words of named topic classes). */
  topics?: { lexicon: Lexicon<'topic'>; terms: number };
  /** Scope: stems of the words the prompt's positive part uses (in-scope requests share some). */
  scope?: { stems: Set<string> };
  role?: { names: Set<string>; locked: boolean };
  /** The one narrow job the prompt's opening sets (task.ts: translate, summarize, classify, correct, rewrite, extract). */
  task?: { ids: Set<string> };
  /** Access-code game: the phrase is reserved for the code. */
  access?: { codes: ProtectedValue[]; phrases: ProtectedValue[] };
  format?: { language: boolean; noCode: boolean; json: boolean };
  /** Withheld even from the user ("to anyone", "not even to the customer"): the user's "my …" is the protected item. */
  strict?: boolean;
  /** Anything at all restricted. */
  any: boolean;
}

type SysCue = Cue | `noun:${NounClass}` | `pii:${PiiKind}`;

function buildLexicon(): Lexicon<SysCue> {
  const lex = new Lexicon<SysCue>();
  for (const c of [
    'neg',
    'confidential',
    'only',
    'discuss',
    'avoid',
    'role_lock',
    'you_are',
    'granted',
    'code_free',
    'lang_rule',
    'format_rule',
    'anyone',
    'others',
    'advice',
  ] as const)
    lex.add(c, CUES[c]);
  for (const [k, words] of Object.entries(NOUNS)) lex.add(`noun:${k as NounClass}`, words);
  for (const [k, words] of Object.entries(PII_NOUNS)) lex.add(`pii:${k as PiiKind}`, words);
  return lex;
}

let triggers: Lexicon<string> | undefined;
/** The words that name a topic class in a prompt, tagged with the class. */
function topicTriggers(): Lexicon<string> {
  if (!triggers) {
    triggers = new Lexicon<string>();
    for (const [name, cls] of Object.entries(TOPIC_CLASSES)) triggers.add(name, cls.triggers);
  }
  return triggers;
}

let lexicon: Lexicon<SysCue> | undefined;
function sysLexicon(): Lexicon<SysCue> {
  return (lexicon ??= buildLexicon());
}

const COPULA = new Set([
  'is',
  'are',
  'was',
  'equals',
  'reads',
  'ist',
  'lautet',
  'es',
  'est',
  'è',
  'é',
  'это',
  'jest',
  'adalah',
  'ialah',
  'là',
  'है',
  'هي',
  'هو',
  'sera',
  'será',
  'wird',
]);
const UNSPACED_COPULA = new Set(['是', '为', '為', 'は', '는', '은', '：']);

// Words of the rules themselves, never the protected value.
const NOT_VALUE = new Set([
  'access',
  'granted',
  'denied',
  'accessgranted',
  'accessdenied',
  'nope',
  'password',
  'secret',
  'code',
  'never',
  'only',
  'system',
  'admin',
  'user',
]);

// Capitalized words that start sentences or name things rather than people.
const NOT_NAME = new Set([
  'you',
  'the',
  'never',
  'do',
  'name',
  'date',
  'patient',
  'phone',
  'address',
  'customer',
  'rules',
  'internal',
  'remember',
  'only',
  'always',
  'help',
  'your',
  'user',
  'email',
  'account',
  'system',
  'record',
  'note',
  'tel',
  'bank',
  'hotel',
  'cloud',
  'group',
  'inc',
  'ltd',
  'co',
  'hosting',
  'logistics',
  'labs',
  'school',
  'university',
  'library',
  'museum',
  'clinic',
  'airlines',
  'air',
  'team',
  'street',
  'road',
  'avenue',
  'city',
  'company',
  'corp',
  'insurance',
  'services',
  'support',
  'assistant',
  'bot',
  'shop',
  'store',
  'gmbh',
  'ag',
  'sa',
  'llc',
  'plc',
  'kundendaten',
  'dear',
  'hi',
  'hello',
  'confidential',
  'employee',
  'birth',
  'salary',
  'passphrase',
  'password',
  'secret',
  'access',
  'granted',
  'denied',
  'ok',
  'if',
  'when',
  'otherwise',
  'below',
  'above',
  'public',
  'and',
]);

interface Sentence {
  start: number;
  end: number;
  /** Token index range. */
  from: number;
  to: number;
}

function isDelimiter(norm: string, i: number): boolean {
  const c = norm.charCodeAt(i);
  if (c === 10 || c === 59 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) return true;
  if (c === 46 || c === 33 || c === 63) {
    const d = i + 1 < norm.length ? norm.charCodeAt(i + 1) : 32;
    return d === 32 || d === 10 || d === 9;
  }
  return false;
}

function sentences(norm: string, tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let t = 0;
  const close = (end: number) => {
    const from = t;
    while (t < tokens.length && tokens[t].start < end) t++;
    if (t > from) out.push({ start, end, from, to: t });
    start = end + 1;
  };
  for (let i = 0; i < norm.length; i++) if (isDelimiter(norm, i)) close(i);
  close(norm.length);
  return out;
}

const QUOTES: Record<string, string> = {
  '"': '"”',
  '“': '”“',
  '”': '”',
  '„': '“”',
  '«': '»',
  '»': '«',
  '「': '」',
  '『': '』',
  '`': '`',
  "'": "'",
  '‘': '’',
};

/** Quoted spans of 1–64 characters on one line: [start, end) of their content. */
export function quotedSpans(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < s.length; i++) {
    const closers = QUOTES[s[i]];
    if (!closers) continue;
    if (s[i] === "'" && i > 0 && isWordLike(s.charCodeAt(i - 1))) continue; // an apostrophe (don't, user's)
    const limit = Math.min(s.length, i + 66);
    for (let j = i + 1; j < limit; j++) {
      const c = s[j];
      if (c === '\n') break;
      if (closers.includes(c)) {
        if (c === "'" && j + 1 < s.length && isWordLike(s.charCodeAt(j + 1))) continue;
        if (j > i + 1) out.push([i + 1, j]);
        i = j;
        break;
      }
    }
  }
  return out;
}

function isWordLike(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c >= 0xc0;
}

/** Letters and digits only. */
export function compact(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f))
    )
      out += s[i];
  }
  return out;
}

const TRIM = new Set([...' \t\n"\'`“”«»„‘’「」:=-.,;!?)(']);

function trimValue(raw: string): string {
  let a = 0;
  let b = raw.length;
  while (a < b && TRIM.has(raw[a]) && raw[a] !== '.' && raw[a] !== ',' && raw[a] !== ')' && raw[a] !== '?') a++;
  while (b > a && TRIM.has(raw[b - 1]) && raw[b - 1] !== '-') b--;
  return raw.slice(a, b);
}

function value(raw: string): ProtectedValue | undefined {
  const norm = trimValue(raw);
  const c = compact(norm);
  if (c.length < 3 || norm.length > 64) return undefined;
  if (STOP_WORDS.has(norm) || COPULA.has(norm) || NOT_VALUE.has(c)) return undefined;
  return { norm, compact: c };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Whitespace-separated words of a string. */
function words(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    let j = i;
    while (j < s.length && !isSpace(s.charCodeAt(j))) j++;
    if (j > i) out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function hasDigitOrJoiner(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c) || c === 45 || c === 95) return true;
  }
  return false;
}

function hasAssign(s: string): boolean {
  return s.includes(':') || s.includes('=') || s.includes('：');
}

/** Values after a secret noun in one sentence: a quoted span, or what follows a copula / ':' / '='. */
function secretValuesIn(
  norm: string,
  tokens: Token[],
  s: Sentence,
  nounHits: Hit<SysCue>[],
  quotes: Array<[number, number]>,
): ProtectedValue[] {
  const out: ProtectedValue[] = [];
  for (const [a, b] of quotes)
    if (a >= s.start && b <= s.end) {
      const v = value(norm.slice(a, b));
      if (v) out.push(v);
    }
  if (out.length > 0) return out;
  for (const h of nounHits) {
    const tok = tokens[h.token + h.len - 1];
    // Unspaced scripts: the noun sits inside a run; a copula right after it ("密码是") starts the value.
    let pos = tok.end;
    if (tok.unspaced) {
      if (!UNSPACED_COPULA.has(norm[tok.end - 1]) && !hasAssign(norm.slice(tok.end, tok.end + 2))) continue;
    } else {
      // Up to 6 tokens to a copula, ':' or '='.
      let found = false;
      for (let i = h.token + h.len, k = 0; i < s.to && k < 7; i++, k++) {
        if (hasAssign(norm.slice(pos, tokens[i].start))) {
          pos = tokens[i].start;
          found = true;
          break;
        }
        if (COPULA.has(tokens[i].text)) {
          pos = tokens[i].end;
          found = true;
          break;
        }
        pos = tokens[i].end;
      }
      if (!found) {
        if (!hasAssign(norm.slice(pos, Math.min(s.end, pos + 3)))) continue;
      }
    }
    // The value: up to three tokens (or one run of non-space characters) before the sentence ends.
    const rest = norm.slice(pos, s.end).trim();
    const ws = words(rest);
    const first = ws[0] ?? '';
    const v = value(rest.length <= 24 && !hasDigitOrJoiner(first) ? rest : first);
    if (v) out.push(v);
  }
  return out;
}

const CODE_SPLIT = new Set([...' \t\n,;()"\'`“”«»„']);

/** Code-like strings in a sentence (mixed letters and digits, all-caps words, 4+ digits), from the original case. */
function codeLike(raw: string, s: Sentence, out: ProtectedValue[]): void {
  const part = raw.slice(s.start, s.end);
  let i = 0;
  while (i < part.length) {
    while (i < part.length && CODE_SPLIT.has(part[i])) i++;
    let j = i;
    while (j < part.length && !CODE_SPLIT.has(part[j])) j++;
    let w = part.slice(i, j);
    i = j;
    while (w.length > 0 && '.:!?'.includes(w[w.length - 1])) w = w.slice(0, -1);
    if (w.length < 4 || w.length > 40) continue;
    let digits = 0;
    let lower = 0;
    let upper = 0;
    let other = 0;
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      if (isDigit(c)) digits++;
      else if (c >= 97 && c <= 122) lower++;
      else if (c >= 65 && c <= 90) upper++;
      else if (c !== 45 && c !== 95) other++;
    }
    if (other > 0) continue;
    const caps = upper >= 4 && lower === 0 && digits === 0;
    if ((digits > 0 && lower + upper > 0) || caps || (digits >= 4 && lower + upper === 0)) {
      const v = value(w.toLowerCase());
      if (v) out.push(v);
    }
  }
}

function isEmailLocal(c: number): boolean {
  return (c >= 97 && c <= 122) || isDigit(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isDomain(c: number): boolean {
  return (c >= 97 && c <= 122) || isDigit(c) || c === 46 || c === 45;
}

function emails(norm: string, out: ProtectedValue[]): void {
  for (let at = norm.indexOf('@'); at >= 0; at = norm.indexOf('@', at + 1)) {
    let a = at;
    while (a > 0 && at - a < 64 && isEmailLocal(norm.charCodeAt(a - 1))) a--;
    let b = at + 1;
    while (b < norm.length && b - at < 255 && isDomain(norm.charCodeAt(b))) b++;
    while (b > at + 1 && norm[b - 1] === '.') b--;
    const dom = norm.slice(at + 1, b);
    if (a < at && dom.includes('.')) {
      const e = norm.slice(a, b);
      out.push({ norm: e, compact: compact(e) });
    }
  }
}

/** Runs of 6+ digits with separators (phone numbers, account numbers) as their digits. */
function digitRuns(norm: string, out: ProtectedValue[]): void {
  let i = 0;
  while (i < norm.length) {
    if (!isDigit(norm.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let digits = '';
    let last = i;
    while (j < norm.length) {
      const c = norm.charCodeAt(j);
      if (isDigit(c)) {
        digits += norm[j];
        last = j;
      } else if (!(c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41 || c === 43) || j - last > 2)
        break;
      j++;
    }
    if (digits.length >= 6) out.push({ norm: norm.slice(i, last + 1), compact: digits });
    i = j + 1;
  }
}

function allDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isDigit(w.charCodeAt(i))) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Sequences of 2–3 capitalized words in the original text that name a person (not a company or a sentence start). */
function personNames(raw: string, s: Sentence): string[] {
  const part = raw.slice(s.start, s.end);
  const toks = tokenize(part);
  const out: string[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length >= 2 && run.length <= 3) {
      const words = run.map((t) => t.text.toLowerCase());
      if (!words.some((w) => NOT_NAME.has(w))) out.push(words.join(' '));
    }
    run = [];
  };
  for (const t of toks) {
    const c = t.text.charCodeAt(0);
    const capital =
      t.text.length >= 2 && t.text[0] !== t.text[0].toLowerCase() && t.text.slice(1) !== t.text.slice(1).toUpperCase();
    const adjacent = run.length === 0 || part.slice(run[run.length - 1].end, t.start) === ' ';
    if (capital && !t.unspaced && c < 0x2000 && adjacent) run.push(t);
    else {
      flush();
      if (capital && !t.unspaced) run.push(t);
    }
  }
  flush();
  return out;
}

/** Discuss cues that name a forbidden activity of their own (a request to speculate is one). */
const ACTIVITY = new Set(['speculate', 'speculation', 'debate', 'gossip']);

/** A token written with a capital in the original text (a proper name in the scripts that have case). */
function capitalized(raw: string, t: Token): boolean {
  const c = raw[t.start];
  return c !== undefined && c !== c.toLowerCase();
}

/** Stem used for topic and scope vocabulary (plural and inflection tolerant for the Latin-script languages). */
export function stem(w: string): string {
  return w.length >= 6 ? w.slice(0, Math.max(5, w.length - 3)) : w;
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'our',
  'your',
  'this',
  'that',
  'my',
  'its',
  'el',
  'la',
  'le',
  'les',
  'los',
  'las',
  'der',
  'die',
  'das',
  'den',
  'il',
  'lo',
  'o',
  'het',
  'de',
  'een',
  'un',
  'une',
  'ein',
  'eine',
  'current',
  'exact',
]);
const PREPOSITIONS = new Set([
  'for',
  'of',
  'to',
  'in',
  'on',
  'at',
  'from',
  'with',
  'by',
  'that',
  'which',
  'de',
  'del',
  'du',
  'des',
  'da',
  'di',
  'für',
  'von',
  'zum',
  'zur',
  'van',
  'voor',
  'для',
  'от',
  'dla',
  'için',
  'pour',
  'para',
  'per',
]);
const SAY_VERBS = new Set([
  'say',
  'says',
  'answer',
  'respond',
  'reply',
  'output',
  'print',
  'write',
  'return',
  'saying',
  'with',
  'di',
  'dis',
  'diga',
  'sag',
  'sage',
  'antworte',
  'responde',
  'réponds',
  'rispondi',
  'responda',
  'скажи',
  'ответь',
  '说',
  '回答',
]);
const CONDITIONAL = new Set([
  'if',
  'when',
  'only',
  'unless',
  'otherwise',
  'else',
  'whenever',
  'si',
  'cuando',
  'solo',
  'sinon',
  'wenn',
  'falls',
  'nur',
  'sonst',
  'se',
  'quando',
  'als',
  'alleen',
  'если',
  'только',
  'jeśli',
  'eğer',
]);
const NEGATIVE_BRANCH = new Set(['otherwise', 'else', 'sinon', 'sonst', 'altrimenti', 'иначе', 'aksi']);

/** Content tokens [from, to) as an item name (determiners dropped, cut at the first preposition), or undefined. */
function itemName(tokens: Token[], from: number, to: number): string[] | undefined {
  let a = from;
  while (a < to && DETERMINERS.has(tokens[a].text)) a++;
  const out: string[] = [];
  for (let k = a; k < to && out.length < 4; k++) {
    const w = tokens[k].text;
    if (PREPOSITIONS.has(w) || COPULA.has(w)) break;
    if (STOP_WORDS.has(w) && !NOUN_LIKE.has(w)) continue;
    out.push(w);
  }
  return out.length > 0 && out.length <= 4 ? out : undefined;
}

// Words that make a name the name of a protected item (stems; the noun lists of cues.ts count too).
const SECRETISH = new Set(
  [
    'credential',
    'credentials',
    'combination',
    'passkey',
    'unlock',
    'token',
    'login',
    'secret',
    'password',
    'code',
    'key',
    'pin',
    'word',
    'words',
    'answer',
    'flag',
    'cipher',
    'magic',
    'vault',
    'phrase',
    'passphrase',
    'codeword',
    'respuesta',
    'réponse',
    'antwort',
    'risposta',
    'resposta',
    'ответ',
  ].map((w) => stem(w)),
);

// Stop words that still name an item ("the answer is X").
const NOUN_LIKE = new Set(['answer', 'code', 'key']);

/** Stems of the content words of a name phrase that are not the item's name (what follows its preposition). */
function qualifiers(tokens: Token[], from: number, to: number, name: string[]): string[] {
  const out: string[] = [];
  for (let k = from; k < to && out.length < 4; k++) {
    const w = tokens[k].text;
    if (w.length < 3 || tokens[k].unspaced || name.includes(w)) continue;
    if (STOP_WORDS.has(w) || DETERMINERS.has(w) || PREPOSITIONS.has(w) || COPULA.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

function addItem(r: Restrictions, name: string[]): void {
  const head = name[name.length - 1];
  if (head.length < 3 && head.charCodeAt(0) < 0x80) return;
  const stems = name.map((w) => stem(w));
  if (!r.items.names.some((n) => n.join(' ') === stems.join(' '))) r.items.names.push(stems);
  r.items.heads.add(stem(head));
  for (const w of name) if (w.length >= 3) r.items.words.add(stem(w));
}

/**
 * Protected items named by structure rather than by a known noun: "name: value" lines, "the X is V" with a code-like
 * or quoted V, and a quoted value after a name ("the magic words \"…\""), when the sentence or the next one carries a
 * prohibition. Quoted text after a say-verb in a conditional ("if …, answer \"The door swings open.\"") is a
 * reserved reply, returned for access-code games. Adds values and item names to r.
 */
function namedItems(
  raw: string,
  norm: string,
  tokens: Token[],
  sents: Sentence[],
  hits: Hit<SysCue>[][],
  quotes: Array<[number, number]>,
  r: Restrictions,
): ProtectedValue[] {
  const phrases: ProtectedValue[] = [];
  const prohibits = (i: number) =>
    i >= 0 && i < sents.length && hits[i].some((h) => h.tag === 'neg' || h.tag === 'confidential');
  const pushValue = (v: ProtectedValue | undefined) => {
    if (v && !r.secretValues.some((x) => x.compact === v.compact)) r.secretValues.push(v);
  };
  const candidates: Array<{
    name: string[];
    v?: ProtectedValue;
    guarded: boolean;
    strong: boolean;
    context?: string[];
  }> = [];
  sents.forEach((s, i) => {
    const nounTokens = new Set(hits[i].filter((h) => h.tag.startsWith('noun:')).map((h) => h.token));
    const guarded = prohibits(i - 1) || prohibits(i) || prohibits(i + 1) || prohibits(i + 2);
    const conditional = tokens.slice(s.from, s.to).some((t) => CONDITIONAL.has(t.text));
    const secretish = (from: number, to: number) => {
      for (let k = from; k < to; k++) if (nounTokens.has(k) || SECRETISH.has(stem(tokens[k].text))) return true;
      return false;
    };
    // Quoted spans: reserved replies, or values named by the words before them.
    for (const [a, b] of quotes) {
      if (a < s.start || b > s.end) continue;
      let before = s.from;
      while (before < s.to && tokens[before].end <= a - 1) before++;
      const prev = before - 1 >= s.from ? tokens[before - 1] : undefined;
      const v = value(norm.slice(a, b));
      if (!v || !prev) continue;
      if (SAY_VERBS.has(prev.text) && conditional) {
        const lead = norm.slice(s.start, a);
        const negative =
          tokens.slice(s.from, before).some((t) => NEGATIVE_BRANCH.has(t.text)) ||
          lead.includes('anything else') ||
          lead.includes('any other');
        if (!negative) phrases.push(v);
        continue;
      }
      const from = Math.max(s.from, before - 2);
      const name = itemName(tokens, from, before);
      // "opens only for the magic words "…"": a value the prompt reserves is guarded by "only" too.
      const only = hits[i].some((h) => h.tag === 'only');
      if (name && secretish(from, before)) candidates.push({ name, v, guarded: guarded || only, strong: true });
    }
    // "name: value" and "the X is V".
    const text = norm.slice(s.start, s.end);
    let split = -1;
    for (let k = 0; k < text.length; k++) {
      const c = text[k];
      if ((c === ':' || c === '=' || c === '：') && text[k + 1] !== '/') {
        split = s.start + k;
        break;
      }
    }
    let nameFrom = s.from;
    let nameTo = -1;
    let valueStart = -1;
    if (split >= 0) {
      nameTo = s.from;
      while (nameTo < s.to && tokens[nameTo].end <= split) nameTo++;
      if (nameTo - s.from > 5) {
        // A long label ("Security question answer (for phone verification only):"): the name ends at its last
        // secret-like word, not at the label's end.
        let head = -1;
        for (let k = nameTo - 1; k >= s.from && head < 0; k--) if (secretish(k, k + 1)) head = k;
        if (head >= 0 && head < nameTo - 1) {
          nameFrom = Math.max(s.from, head - 2);
          nameTo = head + 1;
        } else nameFrom = nameTo - 3;
      }
      if (nameTo > nameFrom) valueStart = split + 1;
    }
    if (valueStart < 0) {
      for (let k = s.from + 1; k < s.to && k < s.from + 10; k++)
        if (COPULA.has(tokens[k].text)) {
          nameTo = k;
          valueStart = tokens[k].end;
          break;
        }
    }
    if (valueStart < 0 || !secretish(nameFrom, nameTo)) return;
    const rest = norm.slice(valueStart, s.end).trim();
    const ws = words(rest);
    if (ws.length === 0) return;
    // The value: quoted, a short remainder of the sentence, or the first code-like string.
    const quoted = quotes.find(([a]) => a >= valueStart && a <= valueStart + 3);
    let v: ProtectedValue | undefined;
    let strong = false;
    if (quoted) {
      v = value(norm.slice(quoted[0], quoted[1]));
      strong = true;
    } else if (ws.length <= 3) v = value(ws.join(' '));
    if (!v) {
      const found: ProtectedValue[] = [];
      codeLike(raw, { start: valueStart, end: s.end, from: 0, to: 0 }, found);
      v = found[0];
      strong = v !== undefined;
    }
    const name = itemName(tokens, nameFrom, nameTo);
    // A labelled item whose value is not a string ("Answer key for this week: 1) …, 2) …") is still protected when
    // a prohibition is next to it; it has no value to match.
    if (name && (v || (split >= 0 && guarded)))
      candidates.push({ name, v, guarded, strong, context: qualifiers(tokens, nameFrom, nameTo, name) });
  });
  // An item counts when a prohibition is near it, or when its name comes back in a sentence that carries one.
  const protectedStems = new Set<string>();
  sents.forEach((s, i) => {
    if (prohibits(i)) for (let k = s.from; k < s.to; k++) protectedStems.add(stem(tokens[k].text));
  });
  for (const c of candidates) {
    if (!c.guarded && !c.name.some((w) => protectedStems.has(stem(w)))) continue;
    addItem(r, c.name);
    for (const w of c.context ?? []) r.items.modifiers.add(w);
    pushValue(c.v);
  }
  return phrases;
}

export function parseRestrictions(systemText: string): Restrictions {
  const raw = (systemText.length > MAX_PROMPT_CHARS ? systemText.slice(0, MAX_PROMPT_CHARS) : systemText).normalize(
    'NFKC',
  );
  const norm = normalize(raw);
  const tokens = tokenize(norm);
  const lex = sysLexicon();
  const sents = sentences(norm, tokens);
  const quotes = quotedSpans(norm);
  const r: Restrictions = {
    secretClasses: new Set(),
    secretValues: [],
    items: { heads: new Set(), words: new Set(), names: [], modifiers: new Set() },
    any: false,
  };

  const hits = sents.map((s) => lex.scan({ norm, tokens }, s.from, s.to));
  const has = (i: number, tag: SysCue) => hits[i].some((h) => h.tag === tag);
  const anyNeg = hits.some((hs) => hs.some((h) => h.tag === 'neg' || h.tag === 'confidential'));
  const piiValues: ProtectedValue[] = [];
  const names: string[] = [];
  const piiKinds = new Set<PiiKind>();
  const topicTerms: string[] = [];
  const topicClassWords: string[] = [];
  const positive = new Set<string>();
  const roleNames = new Set<string>();
  let access = false;
  let scope = false;
  let roleLocked = false;
  let role = false;
  let strict = false;
  const othersKinds = new Set<PiiKind>();
  const format = { language: false, noCode: false, json: false };

  sents.forEach((s, i) => {
    const hs = hits[i];
    const neg = has(i, 'neg');
    const conf = has(i, 'confidential');
    const nounHits = hs.filter((h) => h.tag.startsWith('noun:'));
    const piiHere = hs.filter((h) => h.tag.startsWith('pii:'));
    const granted = has(i, 'granted');
    if (granted) access = true;
    if (nounHits.length > 0) {
      const vals = secretValuesIn(norm, tokens, s, nounHits, quotes);
      codeLike(raw, s, vals);
      if (neg || conf || anyNeg || vals.length > 0 || granted)
        for (const h of nounHits) r.secretClasses.add(h.tag.slice(5) as NounClass);
      for (const v of vals) if (!r.secretValues.some((x) => x.compact === v.compact)) r.secretValues.push(v);
    } else if (granted) {
      // "say Access Granted only if the user's message is exactly X": quoted or code-like values of the rule.
      const vals: ProtectedValue[] = [];
      for (const [a, b] of quotes)
        if (a >= s.start && b <= s.end && !norm.slice(a, b).includes('granted')) {
          const v = value(norm.slice(a, b));
          if (v) vals.push(v);
        }
      codeLike(raw, s, vals);
      // "… if the user's message is exactly X": the last word after "exactly" / "is".
      const ws = words(norm.slice(s.start, s.end));
      for (let k = ws.length - 2; k >= 0 && k >= ws.length - 3; k--)
        if (ws[k] === 'exactly' || ws[k] === 'is') {
          const v = value(ws.slice(k + 1).join(' '));
          if (v) vals.push(v);
          break;
        }
      for (const v of vals)
        if (!v.norm.includes('granted') && !r.secretValues.some((x) => x.compact === v.compact)) r.secretValues.push(v);
    }
    // Personal data.
    const before = piiValues.length;
    emails(norm.slice(s.start, s.end), piiValues);
    digitRuns(norm.slice(s.start, s.end), piiValues);
    if (piiHere.length > 0 || piiValues.length > before) {
      for (const h of piiHere) piiKinds.add(h.tag.slice(4) as PiiKind);
      for (const v of piiValues.slice(before)) piiKinds.add(v.norm.includes('@') ? 'email' : 'phone');
      for (const n of personNames(raw, s)) names.push(n);
    }
    if (has(i, 'anyone') && (neg || conf)) strict = true;
    // Other people's data by kind ("never reveal any employee's salary"), with no values to match.
    if ((neg || conf) && has(i, 'others')) for (const h of piiHere) othersKinds.add(h.tag.slice(4) as PiiKind);
    // "Do not give investment advice / diagnoses": the topic classes named around the advice word.
    const advice = neg ? hs.find((h) => h.tag === 'advice') : undefined;
    if (advice) {
      const named = new Set(
        topicTriggers()
          .scan({ norm, tokens }, Math.max(s.from, advice.token - 4), Math.min(s.to, advice.token + advice.len + 6))
          .map((h) => h.tag),
      );
      for (const cls of named) topicClassWords.push(...TOPIC_CLASSES[cls].words);
    }
    // Topics to avoid: the words after "do not discuss" / "avoid".
    const discuss = hs.find((h) => h.tag === 'discuss' || h.tag === 'avoid');
    if (discuss && (neg || has(i, 'avoid')) && nounHits.length === 0 && !granted) {
      // Each prohibition of the sentence is its own clause ("never mention X, do not discuss Y, and …"): the topic
      // is the words after a discuss/avoid cue up to the next prohibition.
      const negs = hs.filter((h) => h.tag === 'neg').map((h) => h.token);
      let done = discuss.token;
      for (const d of hs) {
        if ((d.tag !== 'discuss' && d.tag !== 'avoid') || d.token < done) continue;
        // ("ne parle pas de …": the negation right after the cue is part of it.)
        const next = negs.find((t) => t > d.token + d.len + 1);
        const end = next ?? s.to;
        done = end;
        const named = new Set(
          topicTriggers()
            .scan({ norm, tokens }, d.token, end)
            .map((h) => h.tag),
        );
        // "Do not speculate about …": the forbidden activity itself is asked for by its word.
        if (ACTIVITY.has(tokens[d.token].text)) topicTerms.push(tokens[d.token].text);
        for (let t = d.token + d.len; t < end; t++) {
          const w = tokens[t].text;
          // Where a topic class names the topic, only proper names narrow it ("the Lisbon office"): the other
          // words of the clause ("planned", "future") are not the topic.
          if (named.size > 0 && !capitalized(raw, tokens[t])) continue;
          if (STOP_WORDS.has(w) || (w.length < 3 && !tokens[t].unspaced) || allDigits(w)) continue;
          topicTerms.push(w);
        }
        for (const cls of named) topicClassWords.push(...TOPIC_CLASSES[cls].words);
      }
    } else {
      for (let t = s.from; t < s.to; t++) positive.add(stem(tokens[t].text));
    }
    if (has(i, 'only') && !granted && nounHits.length === 0) scope = true;
    if (has(i, 'role_lock')) roleLocked = true;
    const youAre = hs.find((h) => h.tag === 'you_are');
    if (youAre) {
      role = true;
      const next = tokens[youAre.token + youAre.len];
      if (next) {
        const rawWord = raw.slice(next.start, next.end);
        if (rawWord[0] && rawWord[0] !== rawWord[0].toLowerCase()) roleNames.add(next.text);
      }
    }
    if (has(i, 'lang_rule')) format.language = true;
    if (has(i, 'code_free') && neg) format.noCode = true;
    if (has(i, 'format_rule')) format.json = true;
  });

  const phrases = namedItems(raw, norm, tokens, sents, hits, quotes, r);
  const translated = [...r.items.heads].flatMap((h) => ITEM_TRANSLATIONS[h] ?? []);
  if (translated.length > 0) r.items.translations = new Lexicon<'item'>().add('item', translated);
  if (phrases.length >= 2 || (phrases.length >= 1 && r.secretValues.length > 0)) access = true;

  if (piiKinds.size > 0 && (piiValues.length > 0 || names.length > 0) && anyNeg) {
    const parts = new Set<string>();
    const vals = [...piiValues];
    for (const n of names) {
      vals.push({ norm: n, compact: compact(n) });
      for (const p of n.split(' ')) if (p.length >= 4) parts.add(p);
    }
    r.pii = { kinds: piiKinds, values: vals, nameParts: parts, strict };
  } else if (othersKinds.size > 0)
    r.pii = { kinds: othersKinds, values: [], nameParts: new Set(), othersOnly: true, strict };
  const literal = topicTerms.filter((w) => !positive.has(stem(w)) && !roleNames.has(w));
  if (literal.length > 0 || topicClassWords.length > 0) {
    const lexicon = new Lexicon<'topic'>();
    lexicon.add('topic', topicClassWords);
    for (const w of literal) lexicon.add('topic', w.length >= 6 ? [`${stem(w)}*`, w] : [w]);
    r.topics = { lexicon, terms: literal.length + topicClassWords.length };
  }
  if (access) r.access = { codes: r.secretValues, phrases };
  if (scope) {
    const stems = new Set<string>();
    for (const t of tokens) if (!STOP_WORDS.has(t.text) && t.text.length >= 3) stems.add(stem(t.text));
    r.scope = { stems };
  }
  if (role) r.role = { names: roleNames, locked: roleLocked };
  // The job set in the opening two sentences, unless they forbid it ("do not translate …").
  const opening = sents.slice(0, 2).filter((_, i) => !has(i, 'neg'));
  const taskIds = readTasks({ norm, tokens }, opening);
  if (taskIds) r.task = { ids: taskIds };
  if (format.language || format.noCode || format.json) r.format = format;
  if (strict) r.strict = true;
  r.any =
    r.secretClasses.size > 0 ||
    r.secretValues.length > 0 ||
    r.items.heads.size > 0 ||
    r.pii !== undefined ||
    r.topics !== undefined ||
    r.scope !== undefined ||
    roleLocked ||
    r.task !== undefined ||
    r.access !== undefined ||
    r.format !== undefined;
  return r;
}
