import RE2 from 're2';

/**
 * Decoders for text hidden inside other text (base64, hex, URL-encoding, ROT13, spaced-out letters), with the
 * exemptions that keep ordinary tokens out: JWTs, PEM blocks, data: URIs, hashes and UUIDs. Every decoder is bounded by
 * a byte budget supplied by the caller and keeps only results that read as text.
 */

// Candidate runs. Lower bounds keep short ids and words out; RE2 keeps every scan linear.
const BASE64_RUN = new RE2('[A-Za-z0-9+/_-]{20,}={0,2}', 'g');
const HEX_RUN = new RE2('(?:[0-9A-Fa-f]{2}(?:[\\s:,]|\\\\x|0x)?){12,}', 'g');
const URL_ESCAPES = new RE2('(?:%[0-9A-Fa-f]{2}[^%\\s]{0,3}){4,}', 'g');
const JWT = new RE2('eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*', 'g');
const PEM = new RE2('-----BEGIN [A-Z0-9 ]{1,40}-----[\\s\\S]*?-----END [A-Z0-9 ]{1,40}-----', 'g');
const DATA_URI = new RE2('data:[a-zA-Z0-9.+/-]{0,64}(?:;[a-zA-Z0-9=.-]{0,40})*;base64,[A-Za-z0-9+/=]*', 'g');
const UUID = new RE2('^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$');
const SPACED = new RE2('(?:\\b\\p{L}[ ._*\\-|/]{1,3}){5,}\\p{L}\\b', 'gu');
const HEX_ONLY = new RE2('^[0-9a-fA-F]+$');
const UPPER = new RE2('[A-Z]');
const LOWER = new RE2('[a-z]');
const URLSAFE_DASH = new RE2('-', 'g');
const URLSAFE_UNDERSCORE = new RE2('_', 'g');
const HEX_SEPARATORS = new RE2('\\\\x|0x|[\\s:,]', 'g');
const PLUS = new RE2('\\+', 'g');
const WORD_GAP = new RE2('[ ._*\\-|/]{2,}', 'g');
const LETTER_GAP = new RE2('[ ._*\\-|/]', 'g');

/** Blank out spans that look encoded but are ordinary artefacts, so decoders skip them. Same length as input. */
export function maskExempt(text: string): string {
  if (text.indexOf('eyJ') < 0 && text.indexOf('-----BEGIN') < 0 && text.indexOf('data:') < 0) return text;
  const blank = (m: string) => ' '.repeat(m.length);
  return text.replace(JWT, blank).replace(PEM, blank).replace(DATA_URI, blank);
}

/** Share of characters that look like text (letters, digits, punctuation, whitespace), 0..1. */
export function textLikeness(s: string): number {
  if (s.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0xa0 && c !== 0xfffd)) good++;
  }
  return good / s.length;
}

function readsAsText(s: string): boolean {
  if (s.length < 6 || textLikeness(s) < 0.9) return false;
  let letters = 0;
  let spaces = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c > 0x7f) letters++;
    else if (c === 0x20) spaces++;
  }
  // Natural language has letters and at least one space; binary blobs decoded as latin1 rarely do.
  return letters / s.length > 0.5 && spaces > 0;
}

/** Budget shared across all decoders of one expansion: bounds total decoded bytes. */
export interface DecodeBudget {
  remaining: number;
}

function take(budget: DecodeBudget, s: string): string | undefined {
  if (budget.remaining <= 0) return undefined;
  const out = s.length > budget.remaining ? s.slice(0, budget.remaining) : s;
  budget.remaining -= out.length;
  return out;
}

const BASE64_ONLY = new RE2('^[A-Za-z0-9+/_-]{20,}={0,2}$');

function isBase64Layer(s: string): boolean {
  return s.length >= 20 && BASE64_ONLY.test(s.trim());
}

function isHashLike(run: string): boolean {
  const hexOnly = HEX_ONLY.test(run);
  return UUID.test(run) || (hexOnly && [32, 40, 56, 64, 96, 128].includes(run.length));
}

/** Decode base64 (standard or URL-safe) runs that turn out to be text. */
export function decodeBase64Runs(text: string, budget: DecodeBudget, maxRuns = 16): string[] {
  const out: string[] = [];
  const masked = maskExempt(text);
  BASE64_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < maxRuns && budget.remaining > 0 && (m = BASE64_RUN.exec(masked)) !== null) {
    const run = m[0];
    if (isHashLike(run) || !UPPER.test(run) || !LOWER.test(run)) continue; // all-one-case runs are ids, not base64 text
    const norm = run.replace(URLSAFE_DASH, '+').replace(URLSAFE_UNDERSCORE, '/');
    const decoded = Buffer.from(norm, 'base64').toString('utf8');
    // A layer that decodes to more base64 is kept too, so the caller can peel the next layer (depth-bounded there).
    if (readsAsText(decoded) || isBase64Layer(decoded)) {
      const kept = take(budget, decoded);
      if (kept) out.push(kept);
    }
  }
  return out;
}

/** Decode hex byte runs ("69676e6f7265", "69 67 6e", "\x69\x67") that turn out to be text. */
export function decodeHexRuns(text: string, budget: DecodeBudget, maxRuns = 16): string[] {
  const out: string[] = [];
  HEX_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < maxRuns && budget.remaining > 0 && (m = HEX_RUN.exec(text)) !== null) {
    const digits = m[0].replace(HEX_SEPARATORS, '');
    if (isHashLike(m[0].trim()) || isHashLike(digits)) continue;
    const decoded = Buffer.from(digits.length % 2 ? digits.slice(0, -1) : digits, 'hex').toString('utf8');
    if (readsAsText(decoded)) {
      const kept = take(budget, decoded);
      if (kept) out.push(kept);
    }
  }
  return out;
}

/** Decode URL-encoded (percent-escaped) stretches. */
export function decodeUrlRuns(text: string, budget: DecodeBudget, maxRuns = 16): string[] {
  if (text.indexOf('%') < 0) return [];
  const out: string[] = [];
  URL_ESCAPES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < maxRuns && budget.remaining > 0 && (m = URL_ESCAPES.exec(text)) !== null) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(m[0].replace(PLUS, ' '));
    } catch {
      continue;
    }
    if (decoded !== m[0] && readsAsText(decoded)) {
      const kept = take(budget, decoded);
      if (kept) out.push(kept);
    }
  }
  return out;
}

export function rot13(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(((c - 65 + 13) % 26) + 65);
    else if (c >= 97 && c <= 122) out += String.fromCharCode(((c - 97 + 13) % 26) + 97);
    else out += s[i];
  }
  return out;
}

// Frequent English words (and injection vocabulary): ROT13 text has almost none, its decoding has many.
const COMMON = new Set(
  (
    'the be to of and a in that have i it for not on with he as you do at this but his by from they we say her she or an ' +
    'will my one all would there their what so up out if about who get which go me when make can like no just him know ' +
    'take your some could them see other than then now only its over also after use two how our first well way even new ' +
    'want because any these give most us is are was were been has had did said ignore previous instructions prompt system ' +
    'rules reveal print tell show password secret'
  ).split(' '),
);

/**
 * Length and first letter of every common word (bit `first - 97` of COMMON_SHAPE[length]): a letter run of another
 * shape is not looked up, so most words cost no string (an exact screen).
 */
const COMMON_SHAPE = new Uint32Array(32);
for (const w of COMMON) if (w.length < 32) COMMON_SHAPE[w.length] |= 1 << (w.charCodeAt(0) - 97);

/** Common words in the first `limit` characters, counting no further than `stop`. */
function commonWordCount(s: string, limit: number, stop = Infinity): number {
  let n = 0;
  let start = -1;
  const lower = s.length > limit ? s.slice(0, limit).toLowerCase() : s.toLowerCase();
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const isLetter = c >= 97 && c <= 122;
    if (isLetter && start < 0) start = i;
    else if (!isLetter && start >= 0) {
      const len = i - start;
      if (
        len < 32 &&
        (COMMON_SHAPE[len] & (1 << (lower.charCodeAt(start) - 97))) !== 0 &&
        COMMON.has(lower.slice(start, i)) &&
        ++n >= stop
      )
        return n;
      start = -1;
    }
  }
  return n;
}

/** The ROT13 reading of a text when that reading is clearly more English than the text itself. */
export function decodeRot13(text: string, budget: DecodeBudget, sampleChars = 2048): string | undefined {
  const sample = text.length > sampleChars ? text.slice(0, sampleChars) : text;
  const before = commonWordCount(sample, sampleChars, 12);
  if (before >= 12) return undefined; // already plain English: a ROT13 reading cannot be "clearly more English"
  const decoded = rot13(sample);
  const after = commonWordCount(decoded, sampleChars);
  if (after >= 3 && after > 2 * before + 1) return take(budget, rot13(text));
  return undefined;
}

/** Re-join letters written apart ("i g n o r e", "i.g.n.o.r.e") so word patterns can see them. */
export function collapseSpaced(text: string): string | undefined {
  SPACED.lastIndex = 0;
  if (!SPACED.test(text)) return undefined;
  SPACED.lastIndex = 0;
  // A wider gap separates words ("i g n o r e   a l l"); a single separator sits between letters of one word.
  return text.replace(
    SPACED,
    (run: string) => run.replace(WORD_GAP, '\u0000').replace(LETTER_GAP, '').split('\u0000').join(' ') + ' ',
  );
}
