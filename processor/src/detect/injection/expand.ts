import type { Channel } from '@tracehound/core';
import type { ChannelText } from '../detector.js';
import {
  collapseSpaced,
  decodeBase64Runs,
  decodeHexRuns,
  decodeRot13,
  decodeUrlRuns,
  type DecodeBudget,
} from './decode.js';
import { textTraits, traitsOf, type TextTraits } from './traits.js';
import { decodeTags, hiddenCharStats, homoglyphs } from './unicode.js';

export interface ExpandOptions {
  /** Channels whose raw texts are de-obfuscated. */
  channels: readonly Channel[];
  /** Decoding layers (base64 inside base64 counts as two). */
  maxDepth: number;
  /** Total characters of decoded text produced for one call, across all inputs. */
  maxDecodedChars: number;
  /** Most derived entries produced for one call. */
  maxDerived: number;
  /** Longest raw text looked at (characters); the rest is not decoded. */
  maxInputChars: number;
}

export const expandDefaults: ExpandOptions = {
  channels: ['prompt', 'document', 'tool_result'],
  maxDepth: 2,
  maxDecodedChars: 64 * 1024,
  maxDerived: 32,
  maxInputChars: 256 * 1024,
};

type Decoder = (text: string, budget: DecodeBudget) => string[];

// Each decoder runs only when the one-pass traits say its input could be there (see traits.ts).
const DECODERS: ReadonlyArray<[string, (t: TextTraits) => boolean, Decoder]> = [
  ['base64', (t) => t.base64, (text, b) => decodeBase64Runs(text, b)],
  ['hex', (t) => t.hex, (text, b) => decodeHexRuns(text, b)],
  ['url', (t) => t.urlEscapes, (text, b) => decodeUrlRuns(text, b)],
  [
    'rot13',
    (t) => t.asciiLetters >= 8,
    (text, b) => {
      const d = decodeRot13(text, b);
      return d ? [d] : [];
    },
  ],
];

/**
 * Text preparation the engine runs once per Interaction, before the detectors: returns the input texts followed by
 * de-obfuscated variants (origin 'base64', 'hex', 'url', 'rot13', 'unicode-tags', 'homoglyph', 'spaced', and nested
 * origins like 'base64>rot13'), each with the channel and index of the text it came from. Bounded in depth, total
 * decoded characters and number of entries; linear in the input size; never throws.
 */
export function expandTexts(texts: ChannelText[], options: Partial<ExpandOptions> = {}): ChannelText[] {
  const o = { ...expandDefaults, ...options };
  const out: ChannelText[] = [...texts];
  const budget: DecodeBudget = { remaining: o.maxDecodedChars };
  const seen = new Set<string>();
  const push = (src: ChannelText, text: string, origin: string): boolean => {
    if (out.length - texts.length >= o.maxDerived || text.trim().length === 0 || seen.has(text)) return false;
    seen.add(text);
    out.push({ channel: src.channel, text, origin, ...(src.index !== undefined ? { index: src.index } : {}) });
    return true;
  };
  const decodeLayer = (src: ChannelText, text: string, prefix: string, depth: number, traits = textTraits(text)) => {
    for (const [name, applies, decode] of DECODERS) {
      if (budget.remaining <= 0) return;
      if (!applies(traits)) continue;
      for (const d of decode(text, budget)) {
        const origin = prefix ? `${prefix}>${name}` : name;
        if (push(src, d, origin) && depth < o.maxDepth) decodeLayer(src, d, origin, depth + 1);
      }
    }
  };
  for (const ct of texts) {
    if (ct.origin !== 'raw' || !o.channels.includes(ct.channel)) continue;
    try {
      const text = ct.text.length > o.maxInputChars ? ct.text.slice(0, o.maxInputChars) : ct.text;
      const traits = text === ct.text ? traitsOf(ct) : textTraits(text);
      if (traits.hidden && hiddenCharStats(text).tags > 0) {
        const smuggled = decodeTags(text, Math.max(0, budget.remaining));
        budget.remaining -= smuggled.length;
        if (push(ct, smuggled, 'unicode-tags')) decodeLayer(ct, smuggled, 'unicode-tags', 2);
      }
      if (traits.confusables) {
        const h = homoglyphs(text);
        if (h.mixedWords > 0) push(ct, h.folded, 'homoglyph');
      }
      if (traits.spaced) {
        const spaced = collapseSpaced(text);
        if (spaced !== undefined) push(ct, spaced, 'spaced');
      }
      decodeLayer(ct, text, '', 1, traits);
    } catch {
      // Expansion is best effort: the raw text is always scanned.
    }
  }
  return out;
}
