/**
 * Unicode-correct tokenization for the classifier, over code points (surrogate pairs joined), on text already
 * NFKC-normalized and lower-cased (injection/prepare.ts):
 * - word tokens: runs of letters, combining marks and digits (Latin, Cyrillic, Greek, Arabic, Devanagari, Bengali,
 *   Hangul, …); digits fold to `0` so numbers share features;
 * - isolating tokens: one character each for scripts written without spaces between words (CJK ideographs, kana,
 *   Thai, Lao, Khmer, Myanmar) — their bigrams and trigrams play the part of words;
 * - symbol tokens: every other visible character (punctuation, brackets, emoji), one token per run of the same
 *   character, so `<|im_start|>`, `###` or a suffix of odd punctuation stay visible;
 * - everything else (spaces, controls) separates tokens.
 * One pass, no allocation per token; linear in the text.
 */

export const SEP = 0;
export const WORD = 1;
export const ISO = 2;
export const SYMBOL = 3;
export type TokenKind = typeof WORD | typeof ISO | typeof SYMBOL;

/** Longest word whose characters are kept for sub-word n-grams (longer runs — hashes, base64 — are one opaque token). */
export const MAX_SUBWORD_CHARS = 24;

/** Class (SEP, WORD, ISO, SYMBOL) and folded form of every BMP code point. */
export const BMP_CLASS = new Uint8Array(0x10000);
export const BMP_FOLD = new Uint16Array(0x10000);

function isIsolating(cp: number): boolean {
  return (
    (cp >= 0x0e00 && cp <= 0x0eff) || // Thai, Lao
    (cp >= 0x1000 && cp <= 0x109f) || // Myanmar
    (cp >= 0x1780 && cp <= 0x17ff) || // Khmer
    (cp >= 0x2e80 && cp <= 0x2fdf) || // CJK radicals
    (cp >= 0x3005 && cp <= 0x3007) ||
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

{
  const letter = /[\p{L}\p{M}\p{N}]/u;
  const digit = /\p{Nd}/u;
  const space = /[\s\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}]/u;
  for (let cp = 0; cp < 0x10000; cp++) {
    BMP_FOLD[cp] = cp;
    if (cp >= 0xd800 && cp <= 0xdfff) continue; // surrogates: joined before lookup
    const ch = String.fromCharCode(cp);
    if (isIsolating(cp) && letter.test(ch)) BMP_CLASS[cp] = ISO;
    else if (letter.test(ch)) {
      BMP_CLASS[cp] = WORD;
      if (digit.test(ch)) BMP_FOLD[cp] = 0x30;
    } else if (space.test(ch)) BMP_CLASS[cp] = SEP;
    else BMP_CLASS[cp] = SYMBOL;
  }
  BMP_FOLD[0x3c2] = 0x3c3; // Greek final sigma folds to sigma (what full case folding does)
}

export function charClass(cp: number): number {
  if (cp < 0x10000) return BMP_CLASS[cp];
  if (isIsolating(cp)) return ISO;
  if ((cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0xe0000 && cp <= 0xe007f)) return cp >= 0xe0000 ? SEP : SYMBOL;
  return WORD;
}

export function foldChar(cp: number): number {
  return cp < 0x10000 ? BMP_FOLD[cp] : cp;
}

/**
 * Receives each token: its kind, a 30-bit hash of its folded characters (small enough to stay an unboxed integer),
 * and its span in the text.
 */
export interface TokenSink {
  /** `cps[0..len)` are the folded code points of a word token (len ≤ MAX_SUBWORD_CHARS; 0 for longer words). */
  token(kind: TokenKind, hash: number, start: number, end: number, cps: Int32Array, len: number): void;
}

export const FNV = 0x811c9dc5;
export const PRIME = 0x01000193;

/** Walk `text` token by token. */
export function tokenize(text: string, sink: TokenSink, cps: Int32Array = new Int32Array(MAX_SUBWORD_CHARS)): void {
  const n = text.length;
  const cls = BMP_CLASS;
  const fold = BMP_FOLD;
  let i = 0;
  let wordStart = -1;
  let h = FNV;
  let len = 0;
  let symCp = -1;
  let symStart = 0;
  while (i < n) {
    let cp = text.charCodeAt(i);
    let w = 1;
    let c: number;
    let f: number;
    if (cp < 0xd800 || cp > 0xdbff) {
      c = cls[cp];
      f = fold[cp];
    } else {
      if (i + 1 < n) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          w = 2;
        }
      }
      c = charClass(cp);
      f = foldChar(cp);
    }
    if (c === WORD) {
      if (symCp >= 0) {
        sink.token(SYMBOL, Math.imul(FNV ^ symCp, PRIME) >>> 2, symStart, i, cps, 0);
        symCp = -1;
      }
      if (wordStart < 0) {
        wordStart = i;
        h = FNV;
        len = 0;
      }
      h = Math.imul(h ^ f, PRIME);
      if (len < MAX_SUBWORD_CHARS) cps[len] = f;
      len++;
      i += w;
      continue;
    }
    if (wordStart >= 0) {
      sink.token(WORD, Math.imul(h ^ len, PRIME) >>> 2, wordStart, i, cps, len <= MAX_SUBWORD_CHARS ? len : 0);
      wordStart = -1;
    }
    if (c === SYMBOL) {
      if (symCp !== f) {
        if (symCp >= 0) sink.token(SYMBOL, Math.imul(FNV ^ symCp, PRIME) >>> 2, symStart, i, cps, 0);
        symCp = f;
        symStart = i;
      }
    } else {
      if (symCp >= 0) {
        sink.token(SYMBOL, Math.imul(FNV ^ symCp, PRIME) >>> 2, symStart, i, cps, 0);
        symCp = -1;
      }
      if (c === ISO) sink.token(ISO, Math.imul(FNV ^ f, PRIME) >>> 2, i, i + w, cps, 0);
    }
    i += w;
  }
  if (wordStart >= 0)
    sink.token(WORD, Math.imul(h ^ len, PRIME) >>> 2, wordStart, n, cps, len <= MAX_SUBWORD_CHARS ? len : 0);
  if (symCp >= 0) sink.token(SYMBOL, Math.imul(FNV ^ symCp, PRIME) >>> 2, symStart, n, cps, 0);
}
