/**
 * The harm side of "harmful goal × framing", pluggable: every scorer estimates how harmful the goal of a prompt is
 * and the detector takes the strongest estimate. Today: the multilingual harm lexicon (abuse/harm.ts), the
 * model-abuse intent patterns (abuse/intent.ts), malicious roles asked to act (persona-harm.ts), requests for a
 * harmful method or artefact inside a persuasive pretext (pretext-harm.ts, pretext harm only), methods asked to escape
 * notice around a harm or a euphemism for it (evasion-harm.ts) and the trained
 * classifier's calibrated `harmful` probability (detect/classifier, `classifyText(config, t)`). Combination rule: the strongest estimate wins (max by framed harm,
 * then plain), so the classifier adds the harmful goals the lexicon's rules miss (paraphrase, word order) and the
 * lexicon keeps its categories and detail cue; the classifier counts only from CLASSIFIER_HARM_MIN, on a text that
 * names a harm subject or an abuse intent, and not on a knowledge question.
 */
import type { DetectionConfig } from '../config.js';
import type { ChannelText } from '../detector.js';
import { asksForKnowledge, namesHarmAct, scoreHarm } from '../abuse/harm.js';
import { scoreIntent } from '../abuse/intent.js';
import { classifyText } from '../classifier/index.js';
import { personaScorer } from './persona-harm.js';
import { pretextScorer } from './pretext-harm.js';
import { evasionScorer } from './evasion-harm.js';

export type { HarmEstimate, HarmScorer } from './harm-estimate.js';
import type { HarmEstimate, HarmScorer } from './harm-estimate.js';
import type { FrameClass } from './lexicon.js';

/** The lexicon of harm categories (weapons, violence, drugs, crime, hate, minors, self-harm, privacy, disinformation). */
export const lexiconScorer: HarmScorer = (ct) => {
  const h = scoreHarm(ct.text);
  if (!h) return undefined;
  return {
    source: 'lexicon',
    category: h.category,
    plain: h.score,
    framed: h.framed,
    pretext: h.pretext,
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
    pretext: best.confidence,
    detail: false,
    signals: [...best.core, ...best.cues].slice(0, 6),
  };
};

/**
 * The classifier's `harmful` probability counts as harm only from here: below it the network is unsure and the
 * lexicon decides alone (a probability is not a category, so a weak one must not turn plain security or medical
 * questions into findings).
 */
export const CLASSIFIER_HARM_MIN = 0.8;

/** The trained classifier's calibrated `harmful` probability as a harm estimate (category `harmful`, no detail cue). */
export function classifierScorer(config: Pick<DetectionConfig, 'models'>): HarmScorer {
  return (ct) => {
    const s = classifyText(config, ct);
    const p = s?.probs.harmful ?? 0;
    // A knowledge question about a harm ("why is it illegal to …", "what is …") is not a request for the act.
    if (p < CLASSIFIER_HARM_MIN || asksForKnowledge(ct.text)) return undefined;
    // The probability counts only for a text that names a harm (a lexicon subject or a model-abuse intent): over a
    // text that names none it measures language and style (ordinary questions in other languages scored 9 % here),
    // and naming only children or someone's whereabouts is not naming a harm (questions about schools or where a
    // profession lives).
    if (!namesHarmAct(ct.text) && scoreIntent(ct.text).length === 0) return undefined;
    return {
      source: 'classifier',
      category: 'harmful',
      plain: p,
      framed: p,
      pretext: p,
      detail: false,
      signals: [`classifier harmful p=${p.toFixed(2)}`],
    };
  };
}

/**
 * The scorers the framing and suffix detectors combine: one list per config (the classifier's weights are the
 * config's, leave-one-source-out folds inject their own), shared by both detectors so their per-text cache is too.
 */
export function defaultHarmScorers(config: DetectionConfig): HarmScorer[] {
  let list = shared.get(config);
  if (!list) {
    list = [lexiconScorer, abuseIntentScorer, personaScorer, pretextScorer, evasionScorer, classifierScorer(config)];
    shared.set(config, list);
  }
  return list;
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

const shared = new WeakMap<object, HarmScorer[]>();

/** The strongest estimate of several scorers (by framed harm, then plain), with the strongest pretext harm of any. */
export function strongest(estimates: ReadonlyArray<HarmEstimate | undefined>): HarmEstimate | undefined {
  let best: HarmEstimate | undefined;
  for (const e of estimates) {
    if (!e) continue;
    if (!best || e.framed > best.framed || (e.framed === best.framed && e.plain > best.plain)) best = e;
  }
  if (best) {
    let pretext = 0;
    const frames = new Set<FrameClass>();
    for (const e of estimates) {
      if (!e) continue;
      pretext = Math.max(pretext, e.pretext ?? e.framed);
      for (const f of e.frames ?? []) frames.add(f);
    }
    best = { ...best, pretext, detail: estimates.some((e) => e?.detail === true) };
    if (frames.size > 0) best.frames = [...frames];
  }
  return best;
}
