/**
 * Spans the adversarial-suffix detector does not judge: text that is machine-made by design and legitimately looks
 * like nothing a person writes — URLs, e-mail addresses, file paths, hashes and other hex, UUIDs, base64 (the
 * obfuscation detectors decode it), snake_case / dotted / path-like identifiers, and code (fenced blocks, and lines that
 * read as code: statements, declarations, markup). One pass over the normalized code points; marks exempt[i] = 1.
 */
import { DIGIT, SPACE } from './alphabet.js';

const isLower = (c: number) => c >= 97 && c <= 122;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isAlpha = (c: number) => isLower(c) || isUpper(c);
const isAlnum = (c: number) => isAlpha(c) || c === DIGIT;
const isHex = (c: number) => c === DIGIT || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isB64 = (c: number) => isAlnum(c) || c === 43 || c === 47 || c === 61 || c === 45 || c === 95;

/** Characters that join the parts of an identifier, path or address (others make the token "other"). */
const JOINERS = new Set([95, 46, 45, 47, 92, 58, 64]);

/**
 * Every part between joiners is word-like — lower case, UPPER CASE, Capitalized or camelCase letters with digits only
 * at its end ("v2", "utf8", "Section3") — and at least two parts have letters. Random strings ("t23B.Pn3N") fail.
 */
function identifierParts(cps: Int32Array, s: number, e: number): boolean {
  let parts = 0;
  let i = s;
  while (i < e) {
    while (i < e && JOINERS.has(cps[i])) i++;
    const a = i;
    while (i < e && !JOINERS.has(cps[i])) i++;
    if (i === a) continue;
    if (!wordLike(cps, a, i)) return false;
    parts++;
  }
  return parts >= 2;
}

function wordLike(cps: Int32Array, a: number, b: number): boolean {
  let j = a;
  while (j < b && cps[j] === DIGIT) j++;
  if (j === b) return true; // a number
  j = a;
  if (isUpper(cps[j])) {
    let k = j;
    while (k < b && isUpper(cps[k])) k++;
    if (k - j >= 2 || k === b) {
      while (k < b && cps[k] === DIGIT) k++;
      return k === b; // ALLCAPS, optionally numbered
    }
    j++; // Capitalized
  }
  const k = j;
  while (j < b && isLower(cps[j])) j++;
  if (j === k) return false;
  while (j < b && isUpper(cps[j])) {
    const h = j + 1;
    let m = h;
    while (m < b && isLower(cps[m])) m++;
    if (m - h < 2) return false; // a camelCase hump is a capital and two or more lower-case letters
    j = m;
  }
  while (j < b && cps[j] === DIGIT) j++;
  return j === b;
}

/**
 * Mark exempt tokens (space-separated runs) in cps[from, to). A token is exempt when its shape is one of:
 *  - URL-ish: contains "://", or starts with "www.", or is host.tld/path
 *  - e-mail: x@y.z
 *  - hex/hash: ≥ 8 hex characters (digits fold to '0') with at least one letter and one digit, or a UUID shape
 *  - base64: ≥ 16 base64 characters with upper, lower and digit classes present (padding allowed)
 *  - identifier / path: letters and digits joined only by _ . - / \ : (e.g. snake_case, a.b.c, src/x.ts, C:\dir)
 */
export function markTokens(cps: Int32Array, from: number, to: number, exempt: Uint8Array): void {
  let i = from;
  while (i < to) {
    while (i < to && cps[i] === SPACE) i++;
    const start = i;
    while (i < to && cps[i] !== SPACE) i++;
    const end = i;
    if (end > start && exemptToken(cps, start, end)) exempt.fill(1, start, end);
  }
}

function exemptToken(cps: Int32Array, s: number, e: number): boolean {
  const len = e - s;
  if (len < 6) return false;
  // Strip one layer of wrapping punctuation (quotes, brackets, trailing period/comma).
  while (s < e && !isAlnum(cps[s]) && cps[s] !== 47 && cps[s] !== 92 && cps[s] !== 46) s++;
  while (e > s && !isAlnum(cps[e - 1]) && cps[e - 1] !== 47 && cps[e - 1] !== 61) e--;
  if (e - s < 6) return false;
  let alpha = 0;
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let hex = 0;
  let b64 = 0;
  let joiners = 0;
  let other = 0;
  let at = -1;
  let dot = false;
  let scheme = false;
  for (let i = s; i < e; i++) {
    const c = cps[i];
    if (isUpper(c)) upper++;
    if (isLower(c)) lower++;
    if (isAlpha(c)) alpha++;
    if (c === DIGIT) digit++;
    if (isHex(c)) hex++;
    if (isB64(c)) b64++;
    if (JOINERS.has(c)) joiners++;
    else if (!isAlnum(c) && c < 0x80) other++;
    if (c === 64) at = i;
    if (c === 46) dot = true;
    if (c === 58 && i + 2 < e && cps[i + 1] === 47 && cps[i + 2] === 47) scheme = true;
  }
  const n = e - s;
  if (scheme) return true;
  if (n >= 4 && cps[s] === 119 && cps[s + 1] === 119 && cps[s + 2] === 119 && cps[s + 3] === 46) return true;
  if (at > s && at < e - 3 && dot && other === 0) return true;
  if (hex === n && n >= 8 && digit > 0 && alpha > 0) return true;
  if (b64 === n && n >= 16 && upper > 0 && lower > 0 && digit > 0) return true;
  // Identifier or path: word-like parts joined by _ . - / \ : (snake_case, a.b.c, src/x.ts, C:\dir, 2024-01-31).
  if (other === 0 && joiners > 0 && identifierParts(cps, s, e)) return true;
  return false;
}

/** Code keywords and operators; a line that starts with or holds these, with code punctuation, reads as code. */
const CODE_WORDS = [
  'function',
  'return',
  'const',
  'let',
  'var',
  'def',
  'class',
  'import',
  'from',
  'public',
  'private',
  'static',
  'void',
  'int',
  'for',
  'while',
  'if',
  'else',
  'elif',
  'print',
  'println',
  'printf',
  'cout',
  'SELECT',
  'select',
  'FROM',
  'WHERE',
  'echo',
  'fn',
  'func',
  'package',
  'struct',
  'new',
  'async',
  'await',
  'try',
  'catch',
  'lambda',
  'include',
  'using',
  'namespace',
  'end',
  'do',
  'then',
  'std',
];

const WORDS = new Set(CODE_WORDS);

/**
 * Mark code lines in the normalized text. The model folds newlines into spaces, so lines are found on the raw text:
 * `lineStarts` are the normalized indexes where a raw line begins (with the matching raw offsets in `offsets`).
 * A line is code when it sits in a ``` fence, or when it has at least two code tokens (keywords, `=`/`==`/`=>`/`->`/
 * `::`/`;`-terminated statements, a call `name(` or markup `<tag`) and its brackets balance.
 */
export function markCodeLines(raw: string, cps: Int32Array, offsets: Int32Array, n: number, exempt: Uint8Array): void {
  let fence = false;
  let lineStartRaw = 0;
  let ci = 0; // normalized index of the current line's start
  const rawLen = raw.length;
  while (lineStartRaw <= rawLen) {
    let lineEndRaw = raw.indexOf('\n', lineStartRaw);
    if (lineEndRaw < 0) lineEndRaw = rawLen;
    // Normalized range of this raw line.
    let cj = ci;
    while (cj < n && offsets[cj] < lineEndRaw) cj++;
    const line = raw.slice(lineStartRaw, Math.min(lineEndRaw, lineStartRaw + 2000));
    const trimmed = line.trimStart();
    const isFence = trimmed.startsWith('```') || trimmed.startsWith('~~~');
    if (isFence) fence = !fence;
    if (fence || isFence || looksLikeCode(line)) exempt.fill(1, ci, cj);
    else markInlineCode(line, lineStartRaw, offsets, ci, cj, exempt);
    ci = cj;
    if (lineEndRaw >= rawLen) break;
    lineStartRaw = lineEndRaw + 1;
  }
}

/**
 * Code and data pasted after prose on the same line ("Debug this: int[] a = {1, 2}; for (…) { … }", "the file holds
 * 'id,name\\n1,Ann'"): an inline `code` span that reads as code, or the rest of the line after a colon when it reads as
 * code (looksLikeCode) or as escaped rows of data (comma-separated fields joined by literal \\n).
 */
function markInlineCode(
  line: string,
  rawStart: number,
  offsets: Int32Array,
  ci: number,
  cj: number,
  exempt: Uint8Array,
): void {
  const fillRaw = (from: number, to: number) => {
    let k = ci;
    while (k < cj && offsets[k] < rawStart + from) k++;
    while (k < cj && offsets[k] < rawStart + to) exempt[k++] = 1;
  };
  for (let i = line.indexOf('`'); i >= 0 && i < line.length;) {
    const close = line.indexOf('`', i + 1);
    if (close < 0) break;
    const inner = line.slice(i + 1, close);
    if (inner.length > 3 && (looksLikeCode(inner) || escapedRows(inner))) fillRaw(i, close + 1);
    i = line.indexOf('`', close + 1);
  }
  // At most the first four boundaries are tried (each try reads the rest of the line: bounded, linear work).
  for (let i = 0, tries = 0; i < line.length - 1 && tries < 4; i++) {
    const c = line[i];
    if (!(c === ':' && line[i + 1] === ' ')) continue;
    tries++;
    const rest = line.slice(i + 2);
    if (rest.length >= 8 && (looksLikeCode(rest) || escapedRows(rest))) {
      fillRaw(i + 2, line.length);
      return;
    }
  }
  if (escapedRows(line.trim())) fillRaw(0, line.length);
}

/** `"Name,Age\nAnn,28\nBo,31"`: quoted or bare CSV rows joined by a literal backslash-n, two rows or more. */
function escapedRows(s: string): boolean {
  const t = s.replace(/^['"`]|['"`.]$/g, '');
  const rows = t.split('\\n');
  if (rows.length < 3) return false;
  const fields = rows[0].split(',').length;
  return fields >= 2 && rows.every((r) => r.length > 0 && r.length <= 200 && r.split(',').length === fields);
}

const startsTag = (ch: string) => {
  const c = ch.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 33;
};

/** `name = …`, `a.b[0] += …`, `$x = …` at the start of a line. */
function startsWithAssignment(line: string, at: number): boolean {
  let i = at;
  if (line[i] === '$') i++;
  const s = i;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46)) break;
  }
  if (i === s || i - s > 40) return false;
  if (line[i] === '[') {
    const close = line.indexOf(']', i);
    if (close < 0 || close - i > 20) return false;
    i = close + 1;
  }
  while (line[i] === ' ') i++;
  if ('+-*/'.includes(line[i] ?? 'x') && line[i + 1] === '=') i++;
  return line[i] === '=' && line[i + 1] !== '=';
}

/** How code lines begin: a keyword with code punctuation, an assignment, markup, a brace, a comment or a prompt. */
function codeStart(line: string, lead: number): boolean {
  if (startsWithAssignment(line, lead)) return true;
  const c = line[lead] ?? '';
  const c2 = line.slice(lead, lead + 3);
  if (c === '<' || c === '}' || c === '{' || c === '@' || c === '#' || c === ')' || c === ']') return true;
  if (c2.startsWith('//') || c2.startsWith('/*') || c2.startsWith('* ') || c2 === '>>>' || c2.startsWith('$ '))
    return true;
  let i = lead;
  while (i < line.length && /* identifier */ isWordChar(line.charCodeAt(i))) i++;
  const word = line.slice(lead, i);
  if (!WORDS.has(word)) return false;
  // "for (", "def f(", "import os", "return x;" — a keyword followed by code punctuation on the line.
  for (let j = i; j < Math.min(line.length, i + 80); j++) {
    const ch = line[j];
    if (ch === '(' || ch === '{' || ch === ':' || ch === '=' || ch === ';' || ch === '<' || ch === '[') return true;
  }
  return false;
}

/** Longest run of consecutive plain lower-case words (prose has long runs, code lines rarely do). */
function longestWordRun(line: string): number {
  let best = 0;
  let run = 0;
  let i = 0;
  const n = Math.min(line.length, 2000);
  while (i < n) {
    while (i < n && line[i] === ' ') i++;
    const s = i;
    let plain = true;
    while (i < n && line[i] !== ' ') {
      const c = line.charCodeAt(i);
      if (!((c >= 97 && c <= 122) || ((c === 44 || c === 46) && i + 1 < n && line[i + 1] === ' '))) plain = false;
      i++;
    }
    if (i === s) continue;
    run = plain ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

const isWordChar = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;

/** One line: it begins the way code lines begin, has at least two code cues, and its brackets balance. */
export function looksLikeCode(line: string): boolean {
  let cues = 0;
  let depth = 0;
  let unmatched = 0;
  let word = '';
  const len = Math.min(line.length, 2000);
  const lead = line.length - line.trimStart().length;
  if (lead >= 2 && line.length > lead) cues++; // indented line
  if (startsWithAssignment(line, lead)) cues += 2;
  for (let i = 0; i <= len; i++) {
    const ch = i < len ? line[i] : ' ';
    const c = ch.charCodeAt(0);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 48 && c <= 57)) {
      word += ch;
      continue;
    }
    if (word) {
      if (WORDS.has(word)) cues++;
      if (ch === '(' && word.length > 1)
        cues++; // call
      else if (ch === ' ' && line[i + 1] === '(' && WORDS.has(word)) cues++; // "for (", "if ("
      word = '';
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (depth > 0) depth--;
      else unmatched++;
    }
    const next = i + 1 < len ? line[i + 1] : '';
    if (ch === '=' && (next === '=' || next === '>' || line[i - 1] === ' ')) cues++;
    else if (ch === '-' && next === '>') cues++;
    else if (ch === ':' && next === ':') cues++;
    else if (ch === '<' && startsTag(next)) cues++;
    else if (ch === ';' && line.slice(i + 1).trim() === '') cues++;
    else if ((ch === '{' || ch === '}') && line.trim().length <= 2) cues += 2;
  }
  const t = line.trimEnd();
  const last = t[t.length - 1];
  const endsCode =
    last === ';' || last === '{' || last === '}' || last === ')' || (last === ':' && t[t.length - 2] === ')');
  if (endsCode) cues++;
  if (cues < 2 || depth + unmatched > 1) return false;
  return codeStart(line, lead) || (endsCode && longestWordRun(line) < 5);
}
