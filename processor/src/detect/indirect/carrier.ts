/**
 * Where a sentence of a document sits: the document's kind (code, HTML, table, e-mail, prose) and, for one position,
 * its carrier — an HTML comment, a hidden element, a code comment or docstring, a long string literal, a table cell,
 * a P.S. line, a role-labelled line ("SYSTEM: …"), a bracketed block, a block quote, or ordinary prose. Every lookup
 * looks at a bounded window around the position, so judging a few candidate sentences stays linear in the document.
 */

export type Carrier =
  | 'prose'
  | 'html_comment'
  | 'hidden'
  | 'code_comment'
  | 'docstring'
  | 'string'
  | 'cell'
  | 'ps'
  | 'role_line'
  | 'bracket'
  | 'quote';

export type DocKind = 'code' | 'html' | 'table' | 'email' | 'prose';

/** How far back a hidden element's opening tag is looked for. */
const BACK = 2000;

const HIDDEN_STYLES = [
  'display:none',
  'display: none',
  'visibility:hidden',
  'visibility: hidden',
  'font-size:0',
  'font-size: 0',
  'opacity:0',
  'opacity: 0',
  'color:white',
  'color: white',
  'color:#fff',
  'color: #fff',
  'height:0',
  'width:0',
  ' hidden',
  'aria-hidden="true"',
];

const ROLE_LABELS = [
  'system',
  'assistant',
  'ai',
  'user',
  'instruction',
  'instructions',
  'important',
  'note',
  'admin',
  'developer',
  'model',
  'bot',
  'chatgpt',
  'gpt',
  'llm',
  'sistema',
  'système',
  'systeme',
  'hinweis',
  'nota',
  'система',
  '系统',
  'システム',
  '시스템',
  'النظام',
  '<|im_start|>',
];

const CODE_STARTS = [
  'def ',
  'class ',
  'import ',
  'from ',
  'return',
  '#include',
  'function ',
  'const ',
  'let ',
  'var ',
  'public ',
  'private ',
  'print(',
  'select ',
  'if (',
  'for (',
  'while (',
  '} ',
  'int ',
  'void ',
  'func ',
  'package ',
  '<?php',
  'echo ',
];

/** First characters of CODE_STARTS (most lines start with none of them). */
const CODE_FIRST = new Set(CODE_STARTS.map((p) => p.charCodeAt(0)));

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0;
}

/** A quick guess of the document's kind from its first kilobyte and a half. */
export function docKind(lower: string): DocKind {
  const n = Math.min(lower.length, 1536);
  let lines = 0;
  let codeLines = 0;
  let pipeLines = 0;
  let commaLines = 0;
  let tags = 0;
  let start = 0;
  while (start < n) {
    let end = lower.indexOf('\n', start);
    if (end < 0 || end > n) end = n;
    let a = start;
    let b = end;
    start = end + 1;
    while (a < b && isSpace(lower.charCodeAt(a))) a++;
    while (b > a && isSpace(lower.charCodeAt(b - 1))) b--;
    if (a === b) continue;
    lines++;
    const last = lower.charCodeAt(b - 1);
    let code =
      last === 59 ||
      last === 123 ||
      last === 125 ||
      (last === 58 && (lower.startsWith('def ', a) || lower.startsWith('if ', a) || lower.startsWith('for ', a)));
    if (!code && CODE_FIRST.has(lower.charCodeAt(a)))
      for (const p of CODE_STARTS)
        if (lower.startsWith(p, a)) {
          code = true;
          break;
        }
    let pipes = 0;
    let commas = 0;
    let assign = false;
    for (let k = a; k < b; k++) {
      const c = lower.charCodeAt(k);
      if (c === 124) pipes++;
      else if (c === 44 || c === 9) commas++;
      else if (c === 61 && lower.charCodeAt(k - 1) === 32 && lower.charCodeAt(k + 1) === 32) assign = true;
      else if (c === 60) {
        const d = lower.charCodeAt(k + 1);
        if ((d >= 97 && d <= 122) || d === 47 || d === 33) tags++;
      }
    }
    if (code || assign) codeLines++;
    if (pipes >= 2) pipeLines++;
    if (commas >= 2 && b - a < 400) commaLines++;
  }
  if (lines === 0) return 'prose';
  const head = lower.slice(0, n);
  if (lower.startsWith('subject:') || lower.startsWith('from:') || head.includes('\nsubject:')) return 'email';
  if (pipeLines >= 2 && pipeLines >= lines * 0.4) return 'table';
  if (head.includes('<table') || head.includes('<td')) return 'table';
  if (tags >= 4) return 'html';
  if (codeLines >= 2 && codeLines >= lines * 0.3) return 'code';
  if (commaLines >= 3 && commaLines >= lines * 0.6) return 'table';
  const greeting =
    lower.startsWith('hi ') || lower.startsWith('dear ') || lower.startsWith('hello ') || head.includes('regards');
  return greeting ? 'email' : 'prose';
}

/** lastIndexOf that looks at most `max` characters back (a window slice, so a miss costs the window, not the text). */
function lastWithin(s: string, needle: string, from: number, max: number): number {
  const lo = Math.max(0, from - max);
  const k = s.slice(lo, from + needle.length).lastIndexOf(needle);
  return k < 0 ? -1 : lo + k;
}

/** Most occurrences of one marker indexed per document. */
const MAX_MARKS = 4096;

/** Positions of every delimiter a carrier is recognized by, found once per document (native substring search). */
export class Markers {
  private readonly cache = new Map<string, number[]>();
  readonly hasTags: boolean;
  readonly hiddenStyles: boolean;

  constructor(readonly text: string) {
    this.hasTags = text.includes('<');
    this.hiddenStyles =
      this.hasTags &&
      (text.includes('style') || text.includes('hidden')) &&
      HIDDEN_STYLES.some((h) => text.includes(h));
  }

  positions(mark: string): number[] {
    let list = this.cache.get(mark);
    if (!list) {
      list = [];
      for (
        let k = this.text.indexOf(mark);
        k >= 0 && list.length < MAX_MARKS;
        k = this.text.indexOf(mark, k + mark.length)
      )
        list.push(k);
      this.cache.set(mark, list);
    }
    return list;
  }

  /** Number of occurrences of `mark` that start before `pos`. */
  countBefore(mark: string, pos: number): number {
    const list = this.positions(mark);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position of the last `mark` before `pos`, or -1. */
  lastBefore(mark: string, pos: number): number {
    const n = this.countBefore(mark, pos);
    return n > 0 ? this.positions(mark)[n - 1] : -1;
  }

  /** Inside an open … close pair at `pos` (the last opener before it is later than the last closer). */
  inside(open: string, close: string, pos: number): boolean {
    const o = this.lastBefore(open, pos);
    return o >= 0 && this.lastBefore(close, pos) < o;
  }
}

function isDelimiter(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 10 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x964) return true;
  if (c === 46 || c === 33 || c === 63) {
    const d = s.charCodeAt(i + 1);
    return i + 1 >= s.length || isSpace(d) || d === 34 || d === 60;
  }
  // Markup boundaries end sentences too: "-->", "<!--", a tag's angle brackets.
  return c === 60 || c === 62;
}

/** [start, end) of the sentence around position `pos`, at most `max` characters either way. */
export function sentenceAround(s: string, pos: number, max = 600): [number, number] {
  let a = pos;
  const lo = Math.max(0, pos - max);
  while (a > lo && !isDelimiter(s, a - 1)) a--;
  let b = pos;
  const hi = Math.min(s.length, pos + max);
  while (b < hi && !isDelimiter(s, b)) b++;
  if (b < s.length && s.charCodeAt(b) !== 60 && s.charCodeAt(b) !== 62) b++;
  return [a, b];
}

function startsWithLabel(s: string, a: number): boolean {
  let k = a;
  while (k < s.length && (s[k] === '[' || s[k] === '#' || s[k] === '*' || s[k] === ' ' || s[k] === '/')) k++;
  for (const label of ROLE_LABELS) {
    if (!s.startsWith(label, k)) continue;
    const r = k + label.length;
    const c = s[r];
    if (
      c === ':' ||
      c === ']' ||
      c === '>' ||
      c === '：' ||
      (c === ' ' && s[r + 1] === ':') ||
      label === '<|im_start|>'
    )
      return true;
    if (
      label === 'note' &&
      (s.startsWith(' to the ai', r) || s.startsWith(' to the assistant', r) || s.startsWith(' to ai', r))
    )
      return true;
  }
  return false;
}

/** Whether the angle-bracket tag opening before `pos` (within the window) hides its content. */
function hiddenAt(s: string, pos: number): boolean {
  let i = pos;
  const lo = Math.max(0, pos - BACK);
  for (let k = 0; k < 8; k++) {
    i = lastWithin(s, '<', i - 1, i - 1 - lo);
    if (i < lo || i < 0) return false;
    const close = s.indexOf('>', i);
    if (close < 0 || close - i > 600 || close > pos) continue;
    if (s.charCodeAt(i + 1) === 47) continue; // a closing tag: keep looking for the element it belongs to
    const tag = s.slice(i, close);
    if (HIDDEN_STYLES.some((h) => tag.includes(h))) {
      let e = i + 1;
      while (e < close && !isSpace(s.charCodeAt(e))) e++;
      const endTag = s.indexOf(`</${s.slice(i + 1, e)}`, close);
      return endTag < 0 || endTag >= pos;
    }
  }
  return false;
}

/** The carrier of the sentence that starts at `start` (lower-cased document of the given kind). */
export function carrierAt(m: Markers, kind: DocKind, start: number): Carrier {
  const s = m.text;
  if (m.hasTags) {
    if (m.inside('<!--', '-->', start)) return 'html_comment';
    if (m.hiddenStyles && hiddenAt(s, start)) return 'hidden';
    if (m.inside('<|im_start|>', '<|im_end|>', start)) return 'role_line';
  }
  const lineStart = s.lastIndexOf('\n', start - 1) + 1;
  let a = lineStart;
  while (a < start && isSpace(s.charCodeAt(a))) a++;
  if (kind === 'code') {
    // Inside a docstring when an odd number of marks precede the sentence (its own opening marks included).
    let probe = start;
    while (probe < s.length && probe < start + 3 && (s.charCodeAt(probe) === 34 || s.charCodeAt(probe) === 39)) probe++;
    if (m.countBefore('"""', probe) % 2 === 1 || m.countBefore("'''", probe) % 2 === 1) return 'docstring';
    if (m.inside('/*', '*/', start)) return 'code_comment';
    const directive =
      s.startsWith('#include', a) ||
      s.startsWith('#import', a) ||
      s.startsWith('#define', a) ||
      s.startsWith('#pragma', a) ||
      s.startsWith('#if', a) ||
      s.startsWith('#!', a);
    if (
      (s.startsWith('#', a) && !directive) ||
      s.startsWith('//', a) ||
      s.startsWith('-- ', a) ||
      s.startsWith('* ', a)
    )
      return 'code_comment';
    const line = s.slice(lineStart, start);
    if (line.includes(' # ') || line.includes(' // ') || line.includes('\t# ')) return 'code_comment';
    let quotes = 0;
    for (let k = lineStart; k < start; k++) if (s.charCodeAt(k) === 34) quotes++;
    if (quotes % 2 === 1) return 'string';
  }
  if (startsWithLabel(s, a)) return 'role_line';
  if (s.startsWith('p.s', a) || s.startsWith('ps:', a) || s.startsWith('ps ', a) || s.startsWith('pps', a)) return 'ps';
  if (s.startsWith('>', a)) return 'quote';
  if (kind !== 'code') {
    const openSq = lastWithin(s, '[', start, 600);
    if (openSq >= 0) {
      const closeSq = s.indexOf(']', openSq);
      if (closeSq < 0 || closeSq >= start) return 'bracket';
      // "[assistant instructions] …": the text after a bracketed label on the same line.
      if (
        closeSq >= lineStart &&
        closeSq - openSq < 60 &&
        s.slice(start, start + 4000).includes(`[/${s.slice(openSq + 1, closeSq)}]`)
      )
        return 'bracket';
    }
  }
  if (kind === 'table') return 'cell';
  if (m.hasTags && m.inside('<td', '</td', start)) return 'cell';
  return 'prose';
}
