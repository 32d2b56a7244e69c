import type { ChannelText } from '../detector.js';
import { textTraits, traitsOf, type TextTraits } from './traits.js';
import { stripHidden } from './unicode.js';

/**
 * The one normalization every injection pattern is written against: NFKC (fullwidth → ASCII), lower-case, hidden
 * characters removed, typographic quotes straightened, runs of whitespace collapsed (a run containing a newline
 * becomes one newline, any other run one space). Cached per ChannelText so every detector shares the work.
 *
 * Native string operations do the heavy lifting (NFKC, lower-casing); quotes and whitespace are one pass that
 * copies only when something changes, so ordinary text costs a single scan.
 */

export interface Prepared {
  text: string;
  /** True when the input was longer than the scan limit and only its head and tail were kept. */
  truncated: boolean;
}

const cache = new WeakMap<ChannelText, Prepared>();

/** Keep the head and the tail of very long texts: injections sit at either end far more often than in the middle. */
function clip(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  const head = Math.floor(maxChars * 0.75);
  return { text: `${text.slice(0, head)}\n${text.slice(text.length - (maxChars - head))}`, truncated: true };
}

/** Whitespace the patterns treat as one space (the newline is handled apart). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 13 ||
    c === 12 ||
    c === 11 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** 1 = single quote, 2 = double quote, 0 = neither. */
function quoteKind(c: number): number {
  if (c === 0x60 || c === 0xb4 || c === 0x2bc || c === 0x2032 || (c >= 0x2018 && c <= 0x201b)) return 1;
  if (c === 0xab || c === 0xbb || c === 0x2033 || (c >= 0x201c && c <= 0x201f)) return 2;
  return 0;
}

/** Straighten quotes and collapse whitespace runs; returns the input itself when nothing changes. */
export function squeeze(t: string): string {
  let parts: string[] | undefined;
  let last = 0;
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 32) {
      // The common case: a single space between two non-space characters needs nothing.
      const d = i + 1 < n ? t.charCodeAt(i + 1) : 0;
      if (!isSpace(d) && d !== 10) continue;
    } else if ((c > 13 && c < 0x60) || (c > 0x60 && c < 0xa0)) continue; // printable ASCII other than '`'
    if (c === 10 || isSpace(c)) {
      let j = i;
      let newline = false;
      while (j < n) {
        const d = t.charCodeAt(j);
        if (d === 10) newline = true;
        else if (!isSpace(d)) break;
        j++;
      }
      const rep = newline ? '\n' : ' ';
      if (j - i === 1 && t[i] === rep) continue;
      (parts ??= []).push(t.slice(last, i), rep);
      last = j;
      i = j - 1;
      continue;
    }
    const q = quoteKind(c);
    if (q === 0) continue;
    (parts ??= []).push(t.slice(last, i), q === 1 ? "'" : '"');
    last = i + 1;
  }
  if (!parts) return t;
  parts.push(t.slice(last));
  return parts.join('');
}

/** Prepare a text whose traits (textTraits of the whole raw text) are known: skips every step that cannot apply. */
function prepareWith(raw: string, maxChars: number, traits: TextTraits): Prepared {
  const { text, truncated } = clip(raw, maxChars);
  let t = traits.hidden ? stripHidden(text) : text;
  if (traits.nonAscii) t = t.normalize('NFKC');
  t = t.toLowerCase();
  if (traits.nonAscii || traits.needsSqueeze || truncated) t = squeeze(t);
  return { text: t, truncated };
}

export function prepareString(raw: string, maxChars: number): Prepared {
  return prepareWith(raw, maxChars, textTraits(raw));
}

export function prepare(ct: ChannelText, maxChars: number): Prepared {
  let p = cache.get(ct);
  if (!p) {
    p = prepareWith(ct.text, maxChars, traitsOf(ct));
    cache.set(ct, p);
  }
  return p;
}
