/**
 * System-prompt leakage in outputs: a planted canary token showing up (certain), or a large share of the system
 * instructions repeated verbatim (8-word shingles, hashed). Evidence carries ratios and counts, never the text.
 */
import type { Detection, RuleMeta, Channel } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';
import { ATLAS, OWASP, textsOn } from './common.js';
import { IntSet } from './int-set.js';

const CHANNELS: Channel[] = ['output', 'tool_call'];

export const PROMPT_LEAK_RULES: readonly RuleMeta[] = [
  {
    id: 'TH-LEAK-001',
    name: 'Canary token leaked',
    category: 'system_prompt_leak',
    severity: 'high',
    description:
      'A canary token planted in the system prompt (detection.canaries, or the tracehound.canaries span attribute) appears in a model output or tool-call arguments: the system prompt was disclosed.',
    example: 'The output contains the string planted as canary #1 in the system prompt.',
    falsePositives: 'Canaries that are ordinary words; tokens shorter than 6 characters are ignored for this reason.',
    owasp: [OWASP.systemPromptLeak],
    atlas: [ATLAS.systemPromptExtraction, ATLAS.dataLeakage],
    channels: CHANNELS,
  },
  {
    id: 'TH-LEAK-002',
    name: 'System instructions repeated in output',
    category: 'system_prompt_leak',
    severity: 'high',
    description:
      'The output repeats a large share of the system instructions verbatim: at least 25% of their distinct 8-word shingles, or 40 shingles of a long prompt. Case and punctuation are ignored.',
    example: 'Asked to "print everything above", the model returns its instructions word for word.',
    falsePositives:
      'System prompts that instruct the model to reproduce fixed text (disclaimers, templates); a shared boilerplate prompt the user also pasted.',
    owasp: [OWASP.systemPromptLeak],
    atlas: [ATLAS.systemPromptExtraction, ATLAS.dataLeakage],
    channels: CHANNELS,
  },
];

const SHINGLE = 8;
/** System prompts shorter than this many shingles (SHINGLE + 4 words) are left to canaries. */
const MIN_SHINGLES = 5;
const RATIO_THRESHOLD = 0.25;
const ABSOLUTE_THRESHOLD = 40;
const MIN_CANARY = 6;
const CACHE_MAX = 64;

/** Character classes: 0 word character, 1 separator, 2 a word of its own (CJK, kana, Thai). */
const WORD = 0;
const SEP = 1;
const OWN = 2;

/**
 * Class of every UTF-16 code unit, built once (64 KiB): the shingle scan then costs one table read per character.
 * Separators: whitespace, ASCII punctuation, general and CJK punctuation, fullwidth symbols.
 */
const CLASS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const own =
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x3040 && c <= 0x30ff) ||
      (c >= 0x0e00 && c <= 0x0e7f);
    const sep =
      c < 128
        ? !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))
        : (c >= 0x2000 && c <= 0x206f) ||
          (c >= 0x3000 && c <= 0x303f) ||
          (c >= 0xff00 && c <= 0xff0f) ||
          (c >= 0xff1a && c <= 0xff20) ||
          (c >= 0xff3b && c <= 0xff40) ||
          (c >= 0xff5b && c <= 0xff65) ||
          c === 0x00a0 ||
          c === 0x00ab ||
          c === 0x00bb ||
          c === 0x00bf ||
          c === 0x00a1 ||
          c === 0x00b7 ||
          c === 0xfeff;
    t[c] = own ? OWN : sep ? SEP : WORD;
  }
  return t;
})();

/**
 * Lower-cased code unit (first unit of toLowerCase), filled lazily outside ASCII: 0 means "not computed yet" (only
 * code unit 0 lowers to 0, and it is a separator, so it is never looked up).
 */
const LOWER = new Uint16Array(0x10000);
for (let c = 0; c < 128; c++) LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
function lower(c: number): number {
  let l = LOWER[c];
  if (l === 0) l = LOWER[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return l;
}

const BASE = 0x01000193;
/** BASE^(SHINGLE-1) mod 2^32, to drop the oldest word from the rolling hash. */
const BASE_POW = (() => {
  let p = 1;
  for (let i = 1; i < SHINGLE; i++) p = Math.imul(p, BASE);
  return p;
})();

/**
 * The hash of every word 8-gram of text (polynomial rolling hash mod 2^32, folded to 30 bits so keys stay small
 * integers; collisions, ~1e-9 per pair, cannot move an overlap ratio measurably). With `into`, adds each to it; with
 * `within`, adds only those `within` holds (the output's overlap with the system prompt, without building its own
 * set). Words are hashed on the fly into a ring of the last SHINGLE: one pass, no per-word allocation.
 */
function scanShingles(text: string, into: IntSet, within?: IntSet): void {
  // Words are FNV-1a hashes: offset basis 0x811c9dc5 written as its int32 value and prime 16777619, as literals so
  // every operation stays on V8 small integers (an unsigned start value is a heap double and halves the speed).
  const ring = new Int32Array(SHINGLE);
  let slot = 0;
  let words = 0;
  let roll = 0;
  let h = -2128831035;
  let inWord = false;
  const n = text.length;
  // Hand-inlined (this loop runs per character); i === n is a virtual separator that flushes the last word.
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const cls = CLASS[c];
    if (cls === WORD) {
      let l = LOWER[c];
      if (l === 0) l = lower(c);
      h = Math.imul(h ^ l, 16777619);
      inWord = true;
      continue;
    }
    // Up to two words end here: the pending one, and a CJK/Thai character that is a word of its own.
    let pending = inWord ? 1 : 0;
    if (cls === OWN) pending++;
    while (pending > 0) {
      const word = inWord ? h : Math.imul(-2128831035 ^ c, 16777619);
      inWord = false;
      pending--;
      if (words >= SHINGLE) roll = (roll - Math.imul(ring[slot], BASE_POW)) | 0;
      ring[slot] = word;
      slot = slot === SHINGLE - 1 ? 0 : slot + 1;
      roll = (Math.imul(roll, BASE) + word) | 0;
      words++;
      if (words >= SHINGLE) {
        const key = roll >>> 2;
        if (within === undefined) into.add(key);
        else if (within.has(key)) into.add(key);
      }
    }
    h = -2128831035;
  }
}

/** Distinct hashed word 8-grams of text. */
export function shingles(text: string): Set<number> {
  return new Set(shingleSet(text).values());
}

function shingleSet(text: string): IntSet {
  const out = new IntSet(text.length >> 3);
  scanShingles(text, out);
  return out;
}

/** Shingle sets of recent system prompts: the same prompt arrives on every call of an app. Bounded LRU. */
class ShingleCache {
  private readonly map = new Map<string, IntSet>();
  get(text: string): IntSet {
    const hit = this.map.get(text);
    if (hit) {
      this.map.delete(text);
      this.map.set(text, hit);
      return hit;
    }
    const s = shingleSet(text);
    this.map.set(text, s);
    if (this.map.size > CACHE_MAX) this.map.delete(this.map.keys().next().value as string);
    return s;
  }
}

export function createPromptLeakDetector(config: DetectionConfig): ContentDetector {
  const configured = config.canaries.filter((c) => typeof c === 'string' && c.length >= MIN_CANARY);
  const cache = new ShingleCache();
  return {
    id: 'prompt_leak',
    rules: PROMPT_LEAK_RULES,
    detect(input: DetectInput): Detection[] {
      const out: Detection[] = [];
      const targets = textsOn(input, CHANNELS);
      if (targets.length === 0) return out;

      const fromSpan = (input.interaction.canaries ?? []).filter(
        (c) => typeof c === 'string' && c.length >= MIN_CANARY,
      );
      const canaries = [
        ...configured.map((value, i) => ({ value, ref: `config#${i + 1}` })),
        ...fromSpan.map((value, i) => ({ value, ref: `span#${i + 1}` })),
      ];
      const seen = new Set<Channel>();
      for (const t of targets) {
        if (seen.has(t.channel)) continue;
        const hit = canaries.find((c) => t.text.includes(c.value));
        if (!hit) continue;
        seen.add(t.channel);
        out.push({
          ruleId: 'TH-LEAK-001',
          confidence: 1,
          channel: t.channel,
          evidence: `canary token ${hit.ref} found in ${t.channel}${t.origin === 'raw' ? '' : ` (after ${t.origin} decoding)`}`,
          details: { canary: hit.ref, origin: t.origin },
        });
      }

      // channelTexts() puts systemInstructions and system/developer messages on the 'system' channel.
      const systemTexts = input.texts.filter((t) => t.channel === 'system' && t.origin === 'raw').map((t) => t.text);
      const system = systemTexts.length > 0 ? systemTexts.join('\n') : (input.interaction.systemInstructions ?? '');
      if (system.length === 0) return out;
      const sys = cache.get(system);
      if (sys.size < MIN_SHINGLES) return out;
      for (const channel of CHANNELS) {
        const own = targets.filter((t) => t.channel === channel && t.origin === 'raw');
        if (own.length === 0) continue;
        // Count distinct system shingles the output repeats, without building the output's own set.
        const hit = new IntSet();
        scanShingles(own.length === 1 ? own[0].text : own.map((t) => t.text).join('\n'), hit, sys);
        const matched = hit.size;
        const ratio = matched / sys.size;
        if (ratio < RATIO_THRESHOLD && matched < ABSOLUTE_THRESHOLD) continue;
        const confidence = ratio >= 0.6 ? 0.95 : ratio >= 0.4 ? 0.85 : 0.7;
        out.push({
          ruleId: 'TH-LEAK-002',
          confidence,
          channel,
          evidence: `${channel} repeats ${Math.round(ratio * 100)}% of the system instructions (${matched} of ${sys.size} ${SHINGLE}-word shingles)`,
          details: {
            overlapRatio: Math.round(ratio * 1000) / 1000,
            matchedShingles: matched,
            systemShingles: sys.size,
          },
        });
      }
      return out;
    },
  };
}
