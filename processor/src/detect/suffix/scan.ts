/**
 * Sliding-window surprisal: how many bits per character above its script's norm the character model needs for the
 * most surprising window of a text. Human text in a script the model knows stays near 0; optimized adversarial
 * suffixes and token soup sit several bits above it.
 *
 * Linear and bounded: a cheap pre-pass over the raw UTF-16 text (no model) finds the regions dense in the marks token
 * soup is made of (symbols glued to letters, case flips inside words, letter–digit mixtures, runs of lone symbols);
 * only those regions, at most `maxScored` characters per text, are normalized and scored by the model. Exempt spans
 * (exempt.ts) and characters of scripts the model barely saw never count.
 */
import * as alphabet from './alphabet.js';
import { Script, SCRIPT_COUNT, SPACE } from './alphabet.js';
import type { CharLm } from './charlm.js';
import { markCodeLines, markTokens } from './exempt.js';

// Direct references: module namespace properties are accessors under some loaders (tsx), too slow per character.
const { normalizeInto, scriptOf, shapeOf } = alphabet;

export interface ScanOptions {
  /** Window length in normalized characters. */
  window: number;
  /** Share of a window that must be judgeable (not exempt, known script) for it to count. */
  minCoverage: number;
  /** Longest raw text looked at (UTF-16 units); the head and the tail are kept beyond it. */
  maxChars: number;
  /** Most characters scored by the model per text (regions beyond it are skipped). */
  maxScored: number;
  /** A script is judged only when the model was trained on at least this many of its characters. */
  minScriptChars: number;
  /** Pre-pass: marks per `window` raw units from which a region is scored. */
  minMarks: number;
  /** Windows whose full-model excess is below this are not scored further (no rule threshold is lower). */
  floor: number;
  /** A window's score is min(full excess, shapeWeight × shape excess): strange to both models. */
  shapeWeight: number;
  /** Windows ending within this many characters of the (trimmed) end of the text count for `tail`. */
  tailChars: number;
  /** Lone symbols ("! ! ! [ [") in a window from which the full model alone decides (the shape model learns the
   * repetition within a few tokens, yet nobody writes a run of bare symbols inside a sentence). */
  loneMin: number;
}

export const scanDefaults: ScanOptions = {
  window: 32,
  minCoverage: 0.7,
  maxChars: 32 * 1024,
  maxScored: 8 * 1024,
  minScriptChars: 20_000,
  minMarks: 4,
  floor: 1.5,
  shapeWeight: 1.5,
  loneMin: 7,
  tailChars: 16,
};

export interface SuffixScan {
  /** Highest window score (bits/char above the norm, see shapeWeight); 0 when nothing was scored. */
  score: number;
  /** The full and shape model excess of that window. */
  full: number;
  shape: number;
  /** Raw UTF-16 range of that window. */
  start: number;
  end: number;
  /** Highest window score among windows that end at the end of the text (within `tail` characters). */
  tail: number;
  /** Characters the model scored. */
  scored: number;
  /** Characters of the text the model judged (not exempt, known script). */
  judged: number;
}

const EMPTY: SuffixScan = { score: 0, full: 0, shape: 0, start: 0, end: 0, tail: 0, scored: 0, judged: 0 };

/** ASCII symbols token soup is made of (everything printable but letters, digits and space). */
const SYMBOL = new Uint8Array(128);
for (let c = 33; c < 127; c++) {
  if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) SYMBOL[c] = 1;
}

/** ASCII classes of the pre-pass: lower, upper, digit, space, symbol (everything else is "other"). */
const LOWER = 1;
const UPPER = 2;
const DIGITC = 3;
const SPACEC = 4;
const SYM = 5;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 97 && c <= 122) CLASS[c] = LOWER;
  else if (c >= 65 && c <= 90) CLASS[c] = UPPER;
  else if (c >= 48 && c <= 57) CLASS[c] = DIGITC;
  else if (c === 32 || c === 9 || c === 10 || c === 13) CLASS[c] = SPACEC;
  else if (SYMBOL[c] === 1) CLASS[c] = SYM;
}
/** Symbols that sit inside ordinary words ("don't", "e-mail", "e.g.", "1,000", "a/b", "snake_case", "10:30"). */
const SOFT = new Uint8Array(128);
for (const ch of "'-.,/_:") SOFT[ch.charCodeAt(0)] = 1;

/**
 * Raw ranges [start, end) dense in the marks token soup is made of, merged, each padded by a window on both sides.
 * Marks: a lone symbol between spaces, two different symbols in a row, a symbol glued inside a word (other than the
 * soft ones), a lower→upper switch inside a word, a letter–digit switch. Ordinary prose has a few per sentence, token
 * soup several per word. One pass over the UTF-16 units, table lookups only.
 */
function candidateRegions(t: string, from: number, to: number, o: ScanOptions): number[] {
  const W = o.window;
  const out: number[] = [];
  // Positions of the marks inside the current window (a ring of the last minMarks marks is enough).
  const need = o.minMarks;
  const ring = new Int32Array(Math.max(1, need));
  let count = 0;
  let regionStart = -1;
  let regionEnd = -1;
  let p = 32; // previous code unit
  let c = from < to ? t.charCodeAt(from) : 32;
  for (let i = from; i < to; i++) {
    const n = i + 1 < to ? t.charCodeAt(i + 1) : 32;
    const cc = c < 128 ? CLASS[c] : 0;
    let mark = false;
    if (cc === SYM) {
      const pc = p < 128 ? CLASS[p] : 0;
      const nc = n < 128 ? CLASS[n] : 0;
      if (pc === SPACEC && nc === SPACEC) mark = true;
      else if (pc === SYM && p !== c) mark = true;
      else if (pc !== SPACEC && nc !== SPACEC && SOFT[c] === 0) mark = true;
    } else if (cc === UPPER) {
      mark = p < 128 && CLASS[p] === LOWER;
      if (!mark && p < 128 && CLASS[p] === DIGITC) mark = true;
    } else if (cc === DIGITC) {
      const pc = p < 128 ? CLASS[p] : 0;
      mark = pc === LOWER || pc === UPPER;
    } else if (cc === LOWER) {
      mark = p < 128 && CLASS[p] === DIGITC;
    }
    if (mark) {
      ring[count % need] = i;
      count++;
      // The oldest of the last `need` marks is within the window: the window is dense.
      if (count >= need && i - ring[count % need] < W) {
        const s = Math.max(from, i - 2 * W);
        const e = Math.min(to, i + W);
        if (regionStart >= 0 && s <= regionEnd) regionEnd = Math.max(regionEnd, e);
        else {
          if (regionStart >= 0) out.push(regionStart, regionEnd);
          regionStart = s;
          regionEnd = e;
        }
      }
    }
    p = c;
    c = n;
  }
  if (regionStart >= 0) out.push(regionStart, regionEnd);
  return out;
}

/** Scratch buffers, grown on demand (one scan at a time: detectors are synchronous). */
let cpsBuf = new Int32Array(4096);
let offBuf = new Int32Array(4096);
let bitsBuf = new Float64Array(4096);
let shapeCps = new Int32Array(4096);
let shapeBits = new Float64Array(4096);
let exemptBuf = new Uint8Array(4096);
let judgedBuf = new Uint8Array(4096);
let meanBuf = new Float64Array(4096);
function ensure(n: number): void {
  if (cpsBuf.length >= n) return;
  const size = Math.max(n, cpsBuf.length * 2);
  cpsBuf = new Int32Array(size);
  offBuf = new Int32Array(size);
  bitsBuf = new Float64Array(size);
  shapeCps = new Int32Array(size);
  shapeBits = new Float64Array(size);
  exemptBuf = new Uint8Array(size);
  judgedBuf = new Uint8Array(size);
  meanBuf = new Float64Array(size);
}

/**
 * Scripts whose characters are judged: Latin and the ASCII classes, where optimized suffixes live. Other scripts are
 * context only (the model reads them, windows made of them never reach the coverage to count), so text in any other
 * script — known to the model or not — cannot fire, and a Latin term inside Chinese text is not judged against a
 * Chinese context the model saw little of.
 */
const JUDGED: readonly Script[] = [Script.Space, Script.Digit, Script.AsciiPunct, Script.Latin, Script.OtherPunct];

const isLone = (cps: Int32Array, i: number, n: number) => {
  const c = cps[i];
  return c < 128 && SYMBOL[c] === 1 && (i === 0 || cps[i - 1] === SPACE) && (i + 1 >= n || cps[i + 1] === SPACE);
};

/** Maximal stretches [x, y) of [a, b) covered by windows of W characters holding at least `need` judged ones. */
function coveredStretches(judged: Uint8Array, a: number, b: number, W: number, need: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let cnt = 0;
  let sx = -1;
  let sy = -1;
  for (let i = a; i < b; i++) {
    cnt += judged[i];
    if (i - W >= a) cnt -= judged[i - W];
    if (i - a + 1 >= W && cnt >= need) {
      const ws = i - W + 1;
      if (sx >= 0 && ws <= sy) sy = i + 1;
      else {
        if (sx >= 0) out.push([sx, sy]);
        sx = ws;
        sy = i + 1;
      }
    }
  }
  if (sx >= 0) out.push([sx, sy]);
  return out;
}

/**
 * Full-model excess of every window ending at i (into mean[i]; -Infinity when the window lacks coverage), for
 * i in [x + W - 1, end). Returns whether any window reached a positive mean.
 */
function windowMeans(
  full: CharLm,
  cps: Int32Array,
  judged: Uint8Array,
  bits: Float64Array,
  x: number,
  end: number,
  W: number,
  need: number,
  mean: Float64Array,
): boolean {
  let sum = 0;
  let cnt = 0;
  let any = false;
  for (let i = x; i < end; i++) {
    if (judged[i] === 1) {
      sum += bits[i] - full.scriptMean[scriptOf(cps[i])];
      cnt++;
    }
    const j = i - W;
    if (j >= x && judged[j] === 1) {
      sum -= bits[j] - full.scriptMean[scriptOf(cps[j])];
      cnt--;
    }
    mean[i] = i - x + 1 >= W && cnt >= need ? sum / cnt : -Infinity;
    if (mean[i] > 0) any = true;
  }
  return any;
}

export interface SuffixModels {
  full: CharLm;
  shape: CharLm;
}

export function scanSuffix(models: SuffixModels, text: string, opts: Partial<ScanOptions> = {}): SuffixScan {
  const o = { ...scanDefaults, ...opts };
  const t = text.length > o.maxChars ? text.slice(0, o.maxChars / 2) + '\n' + text.slice(-o.maxChars / 2) : text;
  const regions = o.minMarks <= 0 ? [0, t.length] : candidateRegions(t, 0, t.length, o);
  if (regions.length === 0) return EMPTY;
  ensure(t.length + 1);
  const cps = cpsBuf;
  const offs = offBuf;
  const bits = bitsBuf;
  const sc = shapeCps;
  const sb = shapeBits;
  const exempt = exemptBuf;
  const { full, shape } = models;
  // Normalize the whole (bounded) text once: exemptions need whole tokens and lines, scoring needs left context.
  const n = normalizeInto(t, 0, t.length, cps, offs);
  for (let i = 0; i < n; i++) sc[i] = shapeOf(cps[i]);
  exempt.fill(0, 0, n);
  markTokens(cps, 0, n, exempt);
  markCodeLines(t, cps, offs, n, exempt);
  // Per character: 1 = judged by both models, 0 = not judged (exempt, or a script the full model barely saw).
  const known = new Uint8Array(SCRIPT_COUNT);
  for (const s of JUDGED) known[s] = full.scriptChars[s] >= o.minScriptChars ? 1 : 0;

  const W = o.window;
  const need = Math.ceil(W * o.minCoverage);
  const judged = judgedBuf;
  for (let i = 0; i < n; i++) judged[i] = exempt[i] === 0 && known[scriptOf(cps[i])] === 1 ? 1 : 0;
  let best = 0;
  let tail = 0;
  let lastJudged = n - 1;
  while (lastJudged > 0 && cps[lastJudged] === SPACE) lastJudged--;
  let bestFull = 0;
  let bestShape = 0;
  let bestStart = 0;
  let bestEnd = 0;
  let scored = 0;
  let judgedTotal = 0;
  let ni = 0; // normalized cursor
  for (let r = 0; r < regions.length && scored < o.maxScored; r += 2) {
    while (ni < n && offs[ni] < regions[r]) ni++;
    const a = ni;
    let b = a;
    while (b < n && offs[b] < regions[r + 1]) b++;
    ni = b;
    // Only the windows of the region with enough judged characters can count: score those stretches alone.
    for (const [x, y] of coveredStretches(judged, a, b, W, need)) {
      if (scored >= o.maxScored) break;
      const end = Math.min(y, x + (o.maxScored - scored));
      if (end - x < W) continue;
      full.surprisal(cps, x, end, bits);
      scored += end - x;
      // Pass 1: full-model excess per window; the shape model runs only where a window can reach the floor.
      const hot = windowMeans(full, cps, judged, bits, x, end, W, need, meanBuf);
      let done = x; // shape surprisal is computed on [x, done)
      if (hot) {
        for (let i = x + W - 1; i < end; i++) {
          if (meanBuf[i] < o.floor) continue;
          const from = Math.max(done, i - W + 1);
          let he = i + 1;
          while (he < end && meanBuf[he] >= o.floor) he++;
          if (from < he) shape.surprisal(sc, from, he, sb);
          done = Math.max(done, he);
          i = he - 1;
        }
      }
      if (!hot) continue;
      // Pass 2: windows at or above the floor, scored by both models.
      let lone = 0;
      for (let i = x; i < end; i++) {
        if (isLone(cps, i, n)) lone++;
        if (i - W >= x && isLone(cps, i - W, n)) lone--;
        if (judged[i] === 1) judgedTotal++;
        if (i < x + W - 1 || meanBuf[i] < o.floor) continue;
        // Hot windows are few: each is summed directly.
        let fsum = 0;
        let ssum = 0;
        let cnt = 0;
        for (let k = i - W + 1; k <= i; k++) {
          if (judged[k] === 0) continue;
          const sk = scriptOf(cps[k]);
          fsum += bits[k] - full.scriptMean[sk];
          ssum += sb[k] - shape.scriptMean[sk];
          cnt++;
        }
        if (cnt < need) continue;
        const f = fsum / cnt;
        const g = ssum / cnt;
        const score =
          lone >= o.loneMin ? Math.max(f / 2, Math.min(f, o.shapeWeight * g)) : Math.min(f, o.shapeWeight * g);
        if (i >= lastJudged - o.tailChars && score > tail) tail = score;
        if (score > best) {
          best = score;
          bestFull = f;
          bestShape = g;
          bestStart = offs[i - W + 1];
          bestEnd = i + 1 < n ? offs[i + 1] : t.length;
        }
      }
    }
  }
  return {
    score: best,
    full: bestFull,
    shape: bestShape,
    start: bestStart,
    end: bestEnd,
    tail,
    scored,
    judged: judgedTotal,
  };
}
