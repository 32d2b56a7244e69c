/**
 * Whether a URL carries data (what an exfiltration image or link needs): encoded text, a high-entropy base64 or hex
 * run, or a credential, in a query value or a path segment. Parsing uses the WHATWG URL parser; each value is read
 * once, so the cost is linear in the URL.
 */
import { findSecrets } from '@tracehound/core/privacy';

export type UrlDataKind = 'secret' | 'text' | 'encoded';

export interface UrlData {
  kind: UrlDataKind;
  /** Query parameter name, or `path`. */
  where: string;
  /** Length of the decoded value (never the value: it may be the stolen data). */
  length: number;
}

export interface UrlDataLimits {
  /** Shortest encoded text (three or more words) that counts. */
  minTextChars: number;
  /** Shortest base64/hex run that counts. */
  minEncodedChars: number;
  /** Report encoded text at all (links need a click: only secrets and blobs count for them). */
  text: boolean;
}

function isB64Char(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 43 ||
    c === 47 ||
    c === 61 ||
    c === 45 ||
    c === 95
  );
}

/** Bits per character of a string (Shannon entropy over its characters). */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** The longest run of base64/base64url characters in s. */
function longestB64Run(s: string): string {
  let best = '';
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const ok = i < s.length && isB64Char(s.charCodeAt(i));
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      if (i - start > best.length) best = s.slice(start, i);
      start = -1;
    }
  }
  return best;
}

/** A run that looks random, not like a word or an identifier made of words. */
function looksEncoded(run: string, min: number): boolean {
  if (run.length < min) return false;
  let upper = 0;
  let lower = 0;
  let digit = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
  }
  const hexOnly = /* lower-case hex */ upper === 0 && [...run].every((ch) => '0123456789abcdef'.includes(ch));
  if (hexOnly) return run.length >= Math.max(min, 32) && digit > 0 && entropy(run) >= 3.3;
  const classes = Number(upper > 0) + Number(lower > 0) + Number(digit > 0);
  return classes >= 2 && upper > 0 && entropy(run) >= 4.2;
}

function words(s: string): number {
  let n = 0;
  let inWord = false;
  for (const ch of s) {
    const w = ch !== ' ' && ch !== '\n' && ch !== '\t';
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

function classify(value: string, where: string, lim: UrlDataLimits): UrlData | undefined {
  if (value.length < Math.min(lim.minTextChars, lim.minEncodedChars)) return undefined;
  if (findSecrets(value).some((s) => s.confidence >= 0.5)) return { kind: 'secret', where, length: value.length };
  if (lim.text && value.length >= lim.minTextChars && words(value) >= 3)
    return { kind: 'text', where, length: value.length };
  if (looksEncoded(longestB64Run(value), lim.minEncodedChars)) return { kind: 'encoded', where, length: value.length };
  return undefined;
}

/** Host of a URL (lower case), or undefined when it does not parse. */
export function urlHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The first data-carrying part of a URL, or undefined. */
export function dataInUrl(url: string, lim: UrlDataLimits): UrlData | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  let n = 0;
  for (const [name, value] of u.searchParams) {
    if (++n > 64) break;
    const hit = classify(value, name.slice(0, 40), lim);
    if (hit) return hit;
  }
  for (const seg of u.pathname.split('/').slice(0, 32)) {
    let d = seg;
    try {
      d = decodeURIComponent(seg);
    } catch {
      // keep the raw segment
    }
    // A path segment is data only when encoded (file names with spaces are ordinary).
    const hit = classify(d, 'path', { ...lim, text: false });
    if (hit) return hit;
  }
  return undefined;
}
