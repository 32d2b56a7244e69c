/**
 * Unicode tricks used to hide or disguise instructions: tag characters, invisible and bidi control characters,
 * and look-alike letters. Plain code-point loops (no regex): linear, allocation-light, and exact about exemptions.
 */

/** U+E0000–E007F: invisible "tag" characters; U+E0020–E007E mirror printable ASCII and can smuggle a whole prompt. */
export function isTag(cp: number): boolean {
  return cp >= 0xe0000 && cp <= 0xe007f;
}

/** Zero-width and other invisible formatting characters (not ordinary whitespace). */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x200b ||
    cp === 0x200c ||
    cp === 0x200d ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    cp === 0x180e ||
    cp === 0x00ad ||
    (cp >= 0x2061 && cp <= 0x2064) ||
    cp === 0x034f ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x3164 ||
    cp === 0xffa0
  );
}

/** Bidirectional embedding/override/isolate controls ("Trojan Source"). */
export function isBidiControl(cp: number): boolean {
  return (
    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c
  );
}

/** Scripts where ZWNJ/ZWJ are ordinary spelling (Arabic/Persian, Hebrew, Syriac, Indic, Sinhala, Myanmar, Khmer...). */
function isJoiningScript(cp: number): boolean {
  return (
    (cp >= 0x0590 && cp <= 0x08ff) || // Hebrew, Arabic, Syriac, Thaana, NKo, Arabic Ext
    (cp >= 0x0900 && cp <= 0x0dff) || // Devanagari ... Sinhala
    (cp >= 0x1000 && cp <= 0x109f) || // Myanmar
    (cp >= 0x1780 && cp <= 0x17ff) || // Khmer
    (cp >= 0xa8e0 && cp <= 0xa8ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff && cp !== 0xfeff)
  );
}

/** Emoji-ish code points that legitimately take ZWJ, VS16 or tag sequences (family emoji, flags of subdivisions). */
function isEmojiLike(cp: number): boolean {
  return (
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    (cp >= 0x2300 && cp <= 0x23ff) ||
    cp === 0x2640 ||
    cp === 0x2642 ||
    cp === 0x2695 ||
    cp === 0x2696 ||
    cp === 0x2708 ||
    cp === 0x2764 ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    cp === 0xfe0f ||
    cp === 0x20e3 ||
    cp === 0x00a9 ||
    cp === 0x00ae ||
    cp === 0x2b50
  );
}

/** Fast pre-check on UTF-16 units: could the text hold any tag, invisible or bidi character at all? */
export function mayHaveHidden(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xad) continue;
    if (
      c === 0xad ||
      c === 0x34f ||
      c === 0x61c ||
      c === 0x115f ||
      c === 0x1160 ||
      c === 0x180e ||
      c === 0x3164 ||
      c === 0xfeff ||
      c === 0xffa0
    )
      return true;
    if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0xdb40)
      return true;
  }
  return false;
}

export interface HiddenCharStats {
  /** Tag characters that are not part of an emoji subdivision flag (🏴 + tags + U+E007F). */
  tags: number;
  /** Invisible characters not explained by emoji ZWJ/VS16 sequences, joining scripts or a leading BOM. */
  invisible: number;
  bidi: number;
}

/** Count suspicious hidden characters, skipping the legitimate uses named in the exemptions. */
export function hiddenCharStats(text: string): HiddenCharStats {
  const stats: HiddenCharStats = { tags: 0, invisible: 0, bidi: 0 };
  if (!mayHaveHidden(text)) return stats;
  let prev = 0;
  let inFlag = false;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (isTag(cp)) {
      if (prev === 0x1f3f4) inFlag = true;
      if (!inFlag) stats.tags++;
      if (cp === 0xe007f) inFlag = false;
    } else {
      inFlag = false;
      if (isBidiControl(cp)) {
        // LRM/RLM/ALM next to right-to-left text are normal typography.
        if (cp === 0x202a || cp === 0x202b || cp === 0x202d || cp === 0x202e || (cp >= 0x2066 && cp <= 0x2069))
          stats.bidi++;
      } else if (isInvisible(cp)) {
        const next = i + width < text.length ? (text.codePointAt(i + width) as number) : 0;
        const exempt =
          (i === 0 && cp === 0xfeff) ||
          ((cp === 0x200d || cp === 0x200c) && (isEmojiLike(prev) || isJoiningScript(prev) || isJoiningScript(next))) ||
          (cp === 0x00ad && prev !== 0 && next !== 0); // soft hyphen inside a word is typography
        if (!exempt) stats.invisible++;
      }
    }
    prev = cp;
    i += width;
  }
  return stats;
}

/** Decode tag characters U+E0020–E007E back to the ASCII they mirror (the payload of an "ASCII smuggling" attack). */
export function decodeTags(text: string, maxChars: number): string {
  let out = '';
  for (let i = 0; i < text.length && out.length < maxChars;) {
    const cp = text.codePointAt(i) as number;
    if (cp >= 0xe0020 && cp <= 0xe007e) out += String.fromCharCode(cp - 0xe0000);
    else if (cp === 0xe007f && out.length > 0 && out[out.length - 1] !== ' ') out += ' ';
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/** Remove tag, invisible and bidi characters (what a reader sees, or rather what the model reads as one word). */
export function stripHidden(text: string): string {
  if (!mayHaveHidden(text)) return text;
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) as number;
    const w = cp > 0xffff ? 2 : 1;
    if (isTag(cp) || isInvisible(cp) || isBidiControl(cp)) changed = true;
    else out += w === 2 ? text.slice(i, i + 2) : text[i];
    i += w;
  }
  return changed ? out : text;
}

/** Cyrillic, Greek and other letters that look like Latin ones, mapped to the Latin letter they imitate. */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ɡ: 'g',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  У: 'Y',
  // Greek
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  τ: 't',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  χ: 'x',
  ε: 'e',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Latin look-alikes and letter-like symbols
  ı: 'i',
  ȷ: 'j',
  ℓ: 'l',
  '⁰': '0',
  ǀ: 'l',
  ꓲ: 'I',
};

function isLatinLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

function isConfusable(ch: string): boolean {
  return CONFUSABLES[ch] !== undefined;
}

export interface HomoglyphResult {
  /** Words that mix Latin letters with look-alike letters from another script, or are written in fullwidth forms. */
  mixedWords: number;
  /** The text with every confusable letter folded to Latin and NFKC applied (fullwidth → ASCII). */
  folded: string;
}

/**
 * Find disguised words. A word is suspicious when it mixes Latin letters with Cyrillic/Greek look-alikes ("іgnоrе");
 * an all-Cyrillic Russian word is not. Fullwidth Latin (U+FF01–FF5E) counts too.
 */
function mayHaveConfusables(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x131) continue;
    if (
      (c >= 0x370 && c <= 0x52f) ||
      (c >= 0xff21 && c <= 0xff5a) ||
      c === 0x131 ||
      c === 0x237 ||
      c === 0x261 ||
      c === 0x2113 ||
      c === 0x1c0 ||
      c === 0xa4f2
    )
      return true;
  }
  return false;
}

/**
 * Accented Latin letters other than the dotless ı (ç ö ü ğ ş İ ə …): Turkish or Azerbaijani text that uses ı as a
 * native letter nearly always has one of them, while an English instruction disguised with ı has none.
 */
function hasOtherAccentedLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7 && c !== 0x131) return true;
  }
  return false;
}

export function homoglyphs(text: string): HomoglyphResult {
  if (!mayHaveConfusables(text)) return { mixedWords: 0, folded: text };
  // The dotless ı is a Latin letter of Turkic languages, not a disguise, when the text is written in one of them.
  const nativeDotless = hasOtherAccentedLatin(text);
  let mixedWords = 0;
  let latin = 0;
  let conf = 0;
  let fullwidth = 0;
  let otherLetters = 0;
  const endWord = () => {
    if ((latin > 0 && conf > 0 && otherLetters === 0) || fullwidth >= 2) mixedWords++;
    latin = conf = fullwidth = otherLetters = 0;
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (isLatinLetter(cp) || (nativeDotless && cp === 0x131)) latin++;
    else if (isConfusable(ch)) conf++;
    else if (cp >= 0xff21 && cp <= 0xff5a) fullwidth++;
    else if (cp > 0x7f && /* any other letter */ ch.toLowerCase() !== ch.toUpperCase()) otherLetters++;
    else if (!isInvisible(cp) && !isTag(cp)) endWord();
  }
  endWord();
  if (mixedWords === 0) return { mixedWords, folded: text };
  let folded = '';
  for (const ch of text.normalize('NFKC')) folded += CONFUSABLES[ch] ?? ch;
  return { mixedWords, folded };
}
