import type { ChannelText } from '../detector.js';

/**
 * One cheap pass over a text that says which de-obfuscation steps could find anything at all, so expansion runs its
 * regex scans and decoders only where something looks encoded. Every flag is a necessary condition of the step it
 * gates (a superset check): a false flag means that step cannot produce output for this text.
 */

export interface TextTraits {
  /** A run of 20+ base64 characters that mixes upper- and lower-case letters. */
  base64: boolean;
  /** 24+ hex digits in a row (separators allowed). */
  hex: boolean;
  /** At least four %XX escapes. */
  urlEscapes: boolean;
  /** Tag, invisible or bidi control characters may be present. */
  hidden: boolean;
  /** Letters that may be look-alikes of Latin ones (Cyrillic, Greek, fullwidth, a few symbols). */
  confusables: boolean;
  /** Six letters in a row separated by 1–3 of [ ._*-|/] ("i g n o r e"). */
  spaced: boolean;
  /** ASCII letters in the text (ROT13 needs some). */
  asciiLetters: number;
  /** Any character outside ASCII (NFKC and the quote/space folding of prepare() can only matter then). */
  nonAscii: boolean;
  /** ASCII whitespace or quotes that prepare() rewrites (runs of spaces, tabs, CR, backticks). */
  needsSqueeze: boolean;
}

const cache = new WeakMap<ChannelText, TextTraits>();

/** Traits of a channel text, computed once and shared by expansion and preparation. */
export function traitsOf(ct: ChannelText): TextTraits {
  let t = cache.get(ct);
  if (!t) {
    t = textTraits(ct.text);
    cache.set(ct, t);
  }
  return t;
}

function isB64(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 43 ||
    c === 47 ||
    c === 95 ||
    c === 45
  );
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isSpacedSeparator(c: number): boolean {
  return c === 32 || c === 46 || c === 95 || c === 42 || c === 45 || c === 124 || c === 47;
}

function isHiddenUnit(c: number): boolean {
  return (
    c === 0xad ||
    c === 0x34f ||
    c === 0x61c ||
    c === 0x115f ||
    c === 0x1160 ||
    c === 0x180e ||
    c === 0x3164 ||
    c === 0xfeff ||
    c === 0xffa0 ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) ||
    c === 0xdb40
  );
}

function isConfusableUnit(c: number): boolean {
  return (
    (c >= 0x370 && c <= 0x52f) ||
    (c >= 0xff21 && c <= 0xff5a) ||
    c === 0x131 ||
    c === 0x237 ||
    c === 0x261 ||
    c === 0x2113 ||
    c === 0x1c0 ||
    c === 0xa4f2
  );
}

export function textTraits(text: string): TextTraits {
  const t: TextTraits = {
    base64: false,
    hex: false,
    urlEscapes: false,
    hidden: false,
    confusables: false,
    spaced: false,
    asciiLetters: 0,
    nonAscii: false,
    needsSqueeze: false,
  };
  let prevSpace = false;
  let b64 = 0;
  let b64Upper = false;
  let b64Lower = false;
  let hex = 0;
  let escapes = 0;
  let letters = 0;
  // spaced letters: units = single letters so far in the chain, sep = separators since the last letter
  let units = 0;
  let sep = 0;
  let prevLetter = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Fast path: lower-case ASCII letters and the single space make up most of ordinary text.
    if (c >= 97 && c <= 122) {
      letters++;
      b64++;
      b64Lower = true;
      if (b64 >= 20 && b64Upper) t.base64 = true;
      if (c <= 102) {
        if (++hex >= 24) t.hex = true;
      } else if (c !== 120) hex = 0; // 'x' separates "\\x69\\x67"
      units = !prevLetter && sep >= 1 && sep <= 3 && units > 0 ? units + 1 : 1;
      if (units >= 6) t.spaced = true;
      sep = 0;
      prevLetter = true;
      prevSpace = false;
      continue;
    }
    if (c === 32) {
      b64 = 0;
      b64Upper = b64Lower = false;
      if (prevSpace) t.needsSqueeze = true;
      prevSpace = true;
      if (prevLetter || sep > 0) sep++;
      else units = 0;
      prevLetter = false;
      continue;
    }
    const upper = c >= 65 && c <= 90;
    if (upper) letters++;
    if (isB64(c)) {
      b64++;
      if (upper) b64Upper = true;
      if (b64 >= 20 && b64Upper && b64Lower) t.base64 = true;
    } else {
      b64 = 0;
      b64Upper = b64Lower = false;
    }
    if (isHex(c)) {
      if (++hex >= 24) t.hex = true;
    } else if (!(c === 58 || c === 44 || c === 92 || c === 120 || c === 10)) hex = 0;
    if (c <= 32 || c === 96) {
      // Whitespace other than a lone space or newline, or a backtick: prepare() has something to rewrite.
      if (c === 96 || c !== 10 || prevSpace) t.needsSqueeze = true;
      prevSpace = c === 10;
    } else prevSpace = false;
    if (c === 37 && i + 2 < n && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) escapes++;
    if (c >= 0x80) {
      t.nonAscii = true;
      if (isHiddenUnit(c)) t.hidden = true;
      else if (isConfusableUnit(c)) t.confusables = true;
    }
    if (upper || c >= 0x80) {
      units = !prevLetter && sep >= 1 && sep <= 3 && units > 0 ? units + 1 : 1;
      if (units >= 6) t.spaced = true;
      sep = 0;
      prevLetter = true;
    } else if (isSpacedSeparator(c) && (prevLetter || sep > 0)) {
      sep++;
      prevLetter = false;
    } else {
      units = 0;
      sep = 0;
      prevLetter = false;
    }
  }
  t.asciiLetters = letters;
  t.urlEscapes = escapes >= 4;
  return t;
}
