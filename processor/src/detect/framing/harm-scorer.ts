/**
 * The harm side of "harmful goal × framing", pluggable: every scorer estimates how harmful the goal of a prompt is
 * and the detector takes the strongest estimate. Today: the multilingual harm lexicon (abuse/harm.ts) and the
 * model-abuse intent patterns (abuse/intent.ts). A trained classifier joins by adding one scorer that maps its
 * `harmful` probability into a HarmEstimate (detect/classifier, `classifyText(config, t)`).
 */
import type { DetectionConfig } from '../config.js';
import type { ChannelText } from '../detector.js';
import { scoreHarm } from '../abuse/harm.js';
import { scoreIntent } from '../abuse/intent.js';

export interface HarmEstimate {
  /** Which scorer produced it (evidence). */
  source: string;
  /** Category of harm (fixed vocabulary). */
  category: string;
  /** Harm of a plainly asked request, after the text's benign cues (0..1). */
  plain: number;
  /** Harm when the request is wrapped in a frame: only the benign cues a frame cannot fake count (0..1). */
  framed: number;
  /** Whether the text demands operational detail (step by step, exact amounts, realistic). */
  detail: boolean;
  signals: string[];
}

export type HarmScorer = (ct: ChannelText) => HarmEstimate | undefined;

/** The lexicon of harm categories (weapons, violence, drugs, crime, hate, minors, self-harm, privacy, disinformation). */
export const lexiconScorer: HarmScorer = (ct) => {
  const h = scoreHarm(ct.text);
  if (!h) return undefined;
  return {
    source: 'lexicon',
    category: h.category,
    plain: h.score,
    framed: h.framed,
    detail: h.detail,
    signals: h.signals,
  };
};

/** The model-abuse patterns (malware, phishing, credentials, fraud, social engineering), already damped. */
export const abuseIntentScorer: HarmScorer = (ct) => {
  const best = scoreIntent(ct.text)[0];
  if (!best) return undefined;
  return {
    source: 'abuse-intent',
    category: best.category,
    plain: best.confidence,
    framed: best.confidence,
    detail: false,
    signals: [...best.core, ...best.cues].slice(0, 6),
  };
};

/**
 * The scorers the framing and suffix detectors combine (one shared list, so their per-text cache is shared too).
 * The trained classifier's `harmful` probability joins here when it is available.
 */
export function defaultHarmScorers(_config: DetectionConfig): HarmScorer[] {
  shared ??= [lexiconScorer, abuseIntentScorer];
  return shared;
}

const cache = new WeakMap<readonly HarmScorer[], WeakMap<ChannelText, HarmEstimate | null>>();

/** The strongest estimate of the scorers for one text, computed once per text (detectors share it). */
export function harmOf(scorers: readonly HarmScorer[], ct: ChannelText): HarmEstimate | undefined {
  let byText = cache.get(scorers);
  if (!byText) {
    byText = new WeakMap();
    cache.set(scorers, byText);
  }
  const hit = byText.get(ct);
  if (hit !== undefined) return hit ?? undefined;
  const e = strongest(scorers.map((s) => s(ct)));
  byText.set(ct, e ?? null);
  return e;
}

let shared: HarmScorer[] | undefined;

/** The strongest estimate of several scorers (by framed harm, then plain). */
export function strongest(estimates: ReadonlyArray<HarmEstimate | undefined>): HarmEstimate | undefined {
  let best: HarmEstimate | undefined;
  for (const e of estimates) {
    if (!e) continue;
    if (!best || e.framed > best.framed || (e.framed === best.framed && e.plain > best.plain)) best = e;
  }
  if (best) best = { ...best, detail: estimates.some((e) => e?.detail === true) };
  return best;
}
