/**
 * The character alphabet of the adversarial-suffix language model: how a code point is normalized before the model
 * sees it, and which script class it belongs to. Shared by the trainer (scripts/train/char-lm.ts) and the detector so
 * both read text the same way.
 *
 * Normalization keeps what tells human text from token soup (letters, case, punctuation, spacing) and folds what only
 * adds sparsity: every decimal digit is '0', every run of whitespace is one space.
 */

/** Start-of-text padding code point (never produced by normalization). */
export const BOS = 0x02;
export const SPACE = 0x20;
export const DIGIT = 0x30;

/** Script classes: the model's expected surprisal is learned per class, so CJK text is not judged by Latin's bar. */
export const enum Script {
  Space = 0,
  Digit = 1,
  AsciiPunct = 2,
  Latin = 3,
  Cyrillic = 4,
  Greek = 5,
  Arabic = 6,
  Hebrew = 7,
  Devanagari = 8,
  Bengali = 9,
  Thai = 10,
  Hangul = 11,
  Kana = 12,
  Han = 13,
  OtherIndic = 14,
  OtherPunct = 15,
  Symbol = 16,
  Other = 17,
}

export const SCRIPT_COUNT = 18;

/** Names of the script classes, as the weights file records their statistics. */
export const SCRIPT_NAMES: readonly string[] = [
  'space',
  'digit',
  'ascii-punct',
  'latin',
  'cyrillic',
  'greek',
  'arabic',
  'hebrew',
  'devanagari',
  'bengali',
  'thai',
  'hangul',
  'kana',
  'han',
  'other-indic',
  'other-punct',
  'symbol',
  'other',
];

/** True for code points the model folds into one space. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Decimal digits of the scripts the corpus uses (ASCII, Arabic-Indic, Devanagari, Bengali, Thai, fullwidth). */
export function isDigit(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 0x660 && c <= 0x669) ||
    (c >= 0x6f0 && c <= 0x6f9) ||
    (c >= 0x966 && c <= 0x96f) ||
    (c >= 0x9e6 && c <= 0x9ef) ||
    (c >= 0xe50 && c <= 0xe59) ||
    (c >= 0xff10 && c <= 0xff19)
  );
}

/** The normalized code point the model sees for `c` (whitespace runs are collapsed by the caller). */
export function fold(c: number): number {
  if (isDigit(c)) return DIGIT;
  if (isSpace(c)) return SPACE;
  return c;
}

/** Script class of a normalized code point. */
export function scriptOf(c: number): Script {
  if (c < 0x80) {
    if (c === SPACE) return Script.Space;
    if (c === DIGIT) return Script.Digit;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return Script.Latin;
    return Script.AsciiPunct;
  }
  if (c < 0x250) {
    // Latin-1 letters and Latin Extended-A/B; the Latin-1 punctuation block is punctuation.
    if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba ? Script.Latin : Script.OtherPunct;
    return c === 0xd7 || c === 0xf7 ? Script.OtherPunct : Script.Latin;
  }
  if (c < 0x370) return Script.Latin; // IPA, spacing modifiers, combining marks (Vietnamese tone marks)
  if (c < 0x400) return Script.Greek;
  if (c < 0x530) return Script.Cyrillic;
  if (c >= 0x590 && c < 0x600) return Script.Hebrew;
  if (
    (c >= 0x600 && c < 0x700) ||
    (c >= 0x750 && c < 0x780) ||
    (c >= 0xfb50 && c < 0xfe00) ||
    (c >= 0xfe70 && c < 0xff00)
  )
    return Script.Arabic;
  if (c >= 0x900 && c < 0x980) return Script.Devanagari;
  if (c >= 0x980 && c < 0xa00) return Script.Bengali;
  if (c >= 0xa00 && c < 0xe00) return Script.OtherIndic;
  if (c >= 0xe00 && c < 0xe80) return Script.Thai;
  if (c >= 0xe80 && c < 0x1000) return Script.OtherIndic;
  if (c >= 0x1e00 && c < 0x1f00) return Script.Latin; // Latin Extended Additional (Vietnamese)
  if (c >= 0x1f00 && c < 0x2000) return Script.Greek;
  if (c >= 0x2000 && c < 0x2070) return Script.OtherPunct;
  if (c >= 0x2070 && c < 0x2c00) return Script.Symbol; // super/subscripts, currency, arrows, math, box drawing
  if ((c >= 0x1100 && c < 0x1200) || (c >= 0x3130 && c < 0x3190) || (c >= 0xac00 && c < 0xd7b0)) return Script.Hangul;
  if (c >= 0x3000 && c < 0x3040) return Script.OtherPunct;
  if (c >= 0x3040 && c < 0x3100) return Script.Kana;
  if ((c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00)) return Script.Han;
  if (c >= 0xff00 && c < 0xfff0) return Script.OtherPunct; // fullwidth forms
  if (c >= 0x1f000 && c < 0x20000) return Script.Symbol; // emoji and pictographs
  if (c >= 0x20000 && c < 0x30000) return Script.Han;
  return Script.Other;
}

/**
 * The normalized code points of text[from, to), with the UTF-16 offset where each starts. Whitespace runs become one
 * space; surrogate pairs become one code point. Output arrays are preallocated by the caller (length ≥ to - from).
 * Returns the number of code points written.
 */
export function normalizeInto(
  text: string,
  from: number,
  to: number,
  cps: Int32Array,
  offsets: Int32Array,
  prevWasSpace = false,
): number {
  let n = 0;
  let space = prevWasSpace;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    const at = i;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    const f = fold(c);
    if (f === SPACE) {
      if (space) continue;
      space = true;
    } else space = false;
    cps[n] = f;
    offsets[n] = at;
    n++;
  }
  return n;
}

/** Shape symbols beyond ASCII (private values below the BOS padding's neighbourhood never collide with ASCII). */
export const SHAPE_LOWER = 0x61; // 'a'
export const SHAPE_UPPER = 0x41; // 'A'
export const SHAPE_CASELESS = 0x80;
export const SHAPE_PUNCT = 0x81;
export const SHAPE_SYMBOL = 0x82;
export const SHAPE_OTHER = 0x83;

/**
 * The shape of a normalized code point: letters become lower / upper / caseless, digits and spaces stay, ASCII
 * punctuation keeps its identity, other punctuation and symbols fold into one class each. A shape model sees
 * "Xxxx xx xxx, xxxx." where the full model sees words, so an unfamiliar language written in a familiar script reads
 * as ordinary text to it while token soup ("]]=xxXxx^{+") stays strange.
 */
export function shapeOf(c: number): number {
  if (c < 0x80) {
    if (c >= 65 && c <= 90) return SHAPE_UPPER;
    if (c >= 97 && c <= 122) return SHAPE_LOWER;
    return c; // space, '0', ASCII punctuation, BOS
  }
  if (c < SHAPE_TABLE_END) return SHAPE_TABLE[c];
  return shapeSlow(c);
}

function shapeSlow(c: number): number {
  const s = scriptOf(c);
  if (s === Script.OtherPunct) return SHAPE_PUNCT;
  if (s === Script.Symbol) return SHAPE_SYMBOL;
  if (s === Script.Latin || s === Script.Cyrillic || s === Script.Greek) {
    const ch = String.fromCodePoint(c);
    if (ch.toLowerCase() !== ch) return SHAPE_UPPER;
    return ch.toUpperCase() !== ch ? SHAPE_LOWER : SHAPE_CASELESS;
  }
  if (s === Script.Other) return SHAPE_OTHER;
  return SHAPE_CASELESS;
}

/** Shapes of the BMP below U+3000 (Latin, Greek, Cyrillic and the Indic and Arabic blocks), computed once. */
const SHAPE_TABLE_END = 0x3000;
const SHAPE_TABLE = (() => {
  const t = new Uint8Array(SHAPE_TABLE_END);
  for (let c = 0; c < SHAPE_TABLE_END; c++) t[c] = c < 0x80 ? c : shapeSlow(c);
  return t;
})();
