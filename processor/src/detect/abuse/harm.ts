/**
 * Harmful intent of a request, by category, in any language the harm lexicon covers (harm-lexicon.ts): a sentence
 * holds a harmful subject (a weapon, a violent act against a person, a drug to make or sell, a crime, a hateful
 * judgement of a group, sexual content with a minor, a self-harm method, a person's private data, disinformation) and
 * what makes it a request for help with it (asking for a method, stating the intent, evading consequences). Word
 * classes only: one pass to classify the text, a second over its sentences; bit tests decide.
 *
 * Two scores: `raw` (the strongest rule) and `score` (after the text's benign cues: safety and prevention wording, a
 * knowledge question, a harmless object of a violent verb, a question about a work of fiction, help-seeking). A plain
 * request is judged by `score`; a request wrapped in a persuasive or fictional frame by `raw` with only the cues a
 * frame cannot fake (harmless objects, fiction questions), since pretexts borrow the language of safety.
 */
import RE2 from 're2';
import { C, CLASSIFIER } from './anchors.js';
import { H, HARM_CLASSIFIER, harmClassNames } from './harm-lexicon.js';
import { INTENSIFIER, PROCESSING } from './harm-multilingual.js';
import { segments } from './intent.js';
import { DEFENSIVE, TEXT_TASK, THIRD_PERSON } from './lexicon.js';

export type HarmCategory =
  | 'weapons'
  | 'violence'
  | 'drugs'
  | 'crime'
  | 'cyber_fraud'
  | 'hate'
  | 'sexual_minors'
  | 'self_harm'
  | 'privacy'
  | 'disinformation';

export interface HarmScore {
  category: HarmCategory;
  /** The strongest rule's confidence, before benign cues (0..1). */
  raw: number;
  /** After the benign cues of the text (0..1). */
  score: number;
  /** Score after only the cues a frame cannot fake: harmless objects, questions about fiction, text tasks. */
  framed: number;
  /**
   * Score when the text argues for its own request (a research or safety pretext with persuasion): the safety words
   * and the knowledge and text-task wording are the pretext's own, so only harmless objects and questions about a
   * named work count (0..1).
   */
  pretext: number;
  /** Whether the text demands operational detail (step by step, exact quantities, realistic). */
  detail: boolean;
  /** Rule label and word classes that decided (fixed vocabulary, never user text). */
  signals: string[];
}

interface Rule {
  category: HarmCategory;
  label: string;
  base: number;
  /** Each entry: the sentence holds one of these bits. */
  sentence: number[];
  /** Each entry: the sentence or a neighbour holds one of these bits. */
  window?: number[];
  /** Violent-verb rules: a harmless object in the sentence ("kill the process") cancels them. */
  physical?: boolean;
}

const REQ = H.ASK | H.WANT;

const RULES: readonly Rule[] = [
  { category: 'weapons', label: 'weapon-build', base: 0.7, sentence: [H.WEAPON_S, H.MAKE, REQ], physical: true },
  { category: 'weapons', label: 'weapon-ask', base: 0.55, sentence: [H.WEAPON_S, REQ], physical: true },
  {
    category: 'weapons',
    label: 'weapon-acquire',
    base: 0.65,
    sentence: [H.WEAPON, H.MAKE | H.TRADE, REQ],
    window: [H.EVADE | H.ILLEGAL | H.TARGET | H.VIOLENT | H.MINOR],
    physical: true,
  },
  {
    category: 'weapons',
    label: 'weapon-use',
    base: 0.7,
    sentence: [H.WEAPON | H.WEAPON_S, H.VIOLENT, REQ],
    window: [H.TARGET],
    physical: true,
  },
  { category: 'weapons', label: 'weapon-minor', base: 0.6, sentence: [H.WEAPON, H.MINOR, REQ], physical: true },
  {
    category: 'violence',
    label: 'harm-person',
    base: 0.65,
    sentence: [H.VIOLENT, H.TARGET, REQ],
    physical: true,
  },
  {
    category: 'violence',
    label: 'harm-evade',
    base: 0.7,
    sentence: [H.VIOLENT, REQ | H.TARGET],
    window: [H.EVADE],
    physical: true,
  },
  { category: 'violence', label: 'harm-method', base: 0.4, sentence: [H.VIOLENT, REQ], physical: true },
  { category: 'drugs', label: 'drug-make', base: 0.65, sentence: [H.DRUG, H.MAKE | H.TRADE, REQ] },
  {
    category: 'drugs',
    label: 'drug-illicit',
    base: 0.6,
    sentence: [H.DRUG, REQ],
    window: [H.EVADE | H.ILLEGAL | H.MINOR],
  },
  { category: 'drugs', label: 'drug-ask', base: 0.4, sentence: [H.DRUG, REQ] },
  { category: 'crime', label: 'crime-ask', base: 0.6, sentence: [H.CRIME, REQ], physical: true },
  { category: 'crime', label: 'crime-evade', base: 0.7, sentence: [H.CRIME, REQ | H.TARGET], window: [H.EVADE] },
  { category: 'crime', label: 'crime-mention', base: 0.35, sentence: [H.CRIME], physical: true },
  {
    category: 'cyber_fraud',
    label: 'fraud-ask',
    base: 0.6,
    sentence: [H.FRAUD, REQ],
    window: [H.TARGET | H.EVADE | H.ILLEGAL | H.CRIME],
  },
  { category: 'cyber_fraud', label: 'fraud-named', base: 0.6, sentence: [H.FRAUD_S, REQ] },
  { category: 'cyber_fraud', label: 'fraud-mention', base: 0.4, sentence: [H.FRAUD, REQ] },
  { category: 'hate', label: 'hate-judgement', base: 0.6, sentence: [H.GROUP, H.HATE_ADJ] },
  {
    category: 'hate',
    label: 'hate-act',
    base: 0.6,
    sentence: [H.HATE_ACT, REQ],
    window: [H.GROUP | H.TARGET],
  },
  {
    category: 'hate',
    label: 'hate-content',
    base: 0.7,
    sentence: [H.HATE_ACT | H.HATE_ADJ, H.CONTENT, H.ASK],
    window: [H.GROUP],
  },
  { category: 'hate', label: 'hate-produce', base: 0.6, sentence: [H.HATE_ACT, H.CONTENT, H.ASK] },
  { category: 'hate', label: 'hate-mention', base: 0.35, sentence: [H.HATE_ACT, REQ] },
  {
    category: 'sexual_minors',
    label: 'minor-sexual',
    base: 0.75,
    sentence: [H.MINOR, H.SEXUAL, REQ | H.CONTENT],
  },
  { category: 'self_harm', label: 'selfharm-method', base: 0.7, sentence: [H.SELFHARM | H.TOPIC_SH, H.METHOD] },
  { category: 'self_harm', label: 'selfharm-ask', base: 0.6, sentence: [H.SELFHARM, H.ASK] },
  { category: 'privacy', label: 'privacy-target', base: 0.6, sentence: [H.PRIVACY, REQ], window: [H.TARGET | H.EVADE] },
  { category: 'privacy', label: 'privacy-mention', base: 0.35, sentence: [H.PRIVACY, REQ] },
  {
    category: 'disinformation',
    label: 'disinfo-content',
    base: 0.6,
    sentence: [H.DISINFO, H.CONTENT | H.MAKE, REQ],
  },
  { category: 'disinformation', label: 'disinfo-mention', base: 0.35, sentence: [H.DISINFO, REQ] },
];

const BOOSTS: ReadonlyArray<readonly [number, string, number]> = [
  [H.EVADE, 'evasion', 0.1],
  [H.ILLEGAL, 'illegal', 0.05],
];

const has = (bits: number, cls: number) => (bits & cls) !== 0;
const holds = (bits: number, req: readonly number[] | undefined) => !req || req.every((c) => has(bits, c));

/** Classes some rule needs in a sentence: a text without any of them cannot score. */
const ANY_SUBJECT =
  H.WEAPON_S |
  H.WEAPON |
  H.VIOLENT |
  H.DRUG |
  H.CRIME |
  H.FRAUD |
  H.GROUP |
  H.HATE_ACT |
  H.MINOR |
  H.SELFHARM |
  H.PRIVACY |
  H.DISINFO |
  H.TOPIC_SH |
  H.FRAUD_S;

const MAX_CHARS = 8_000;
/** Share of the safety-wording damper that applies to framed requests. */
const FRAMED_SAFE = 0.15;

/**
 * English phrasings of a knowledge question or of a named work that word classes cannot see: "what malware is",
 * "what does doxxing mean", a quoted title after "in" ("in 'Splinter Cell'").
 */
const KNOW_RE = new RE2(
  String.raw`\bwhat\s+(?:\S+\s+){1,3}(?:is|are|means?)\s*[?.]?\s*$|\bwhat\s+does\s+(?:\S+\s+){1,3}mean\b`,
  'i',
);
/** Defensive security work and self-protection (the model-abuse layer's vocabulary): detection, awareness, removal. */
const DEFENSIVE_RE = new RE2(DEFENSIVE, 'i');
/**
 * The model-abuse layer's knowledge questions about how a harm works or how others do it ("how do scammers…",
 * "explain how ransomware spreads", "history of…"): the same cue that damps an abuse intent damps a plain harm.
 */
const MECHANISM_RE = new RE2(String.raw`\b${THIRD_PERSON}`, 'i');
const TEXT_TASK_RE = new RE2(TEXT_TASK, 'i');
const TITLE_RE = new RE2(String.raw`\b(?:in|from)\s+(?:the\s+)?['"‘“][^'"’”\n]{2,60}['"’”]`, 'i');

/**
 * Whether a text asks for knowledge about a harm (what it is, why or whether it is illegal, its penalties) rather than
 * a method for it: a knowledge cue without a method cue or a how-to ask. Word classes of the whole text, any language the
 * lexicon has. Other harm scorers (the classifier) use it: a probability says "about harm", not "asks for the act".
 */
export function asksForKnowledge(text: string): boolean {
  const t = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const all = HARM_CLASSIFIER.classify(t);
  return (has(all, H.KNOW) || KNOW_RE.test(t)) && !has(all, H.METHOD) && !has(all, H.ASK);
}

/**
 * Whether a text names a harm subject of the lexicon at all (weapons, drugs, violence, crime, hate, minors, self-harm,
 * privacy, disinformation, in any of its languages). Other harm scorers use it as a gate: a probability over a text
 * that names no harm is about style or language, not the goal.
 */
export function namesHarmSubject(text: string): boolean {
  return subjectsOf(text) !== 0;
}

/** The harm-subject classes a text names (the first MAX_CHARS characters). */
function subjectsOf(text: string): number {
  return HARM_CLASSIFIER.classify(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text) & ANY_SUBJECT;
}

/**
 * namesHarmSubject without the classes that name who or where rather than a harm (children, a person's address or
 * whereabouts): the gate for a probability, which over a question about schools or where a group lives measures
 * language and style.
 */
export function namesHarmAct(text: string): boolean {
  return (subjectsOf(text) & ~(H.PRIVACY | H.MINOR)) !== 0;
}

/** Score a text; undefined when no rule holds. Never throws on any string. */
export function scoreHarm(text: string): HarmScore | undefined {
  const t = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const all = HARM_CLASSIFIER.classify(t);
  if ((all & ANY_SUBJECT) === 0 || !RULES.some((r) => holds(all, r.sentence) && holds(all, r.window))) return undefined;
  const segs = segments(t);
  const n = segs.length;
  const bits = new Uint32Array(n);
  for (let i = 0; i < n; i++) bits[i] = HARM_CLASSIFIER.classify(segs[i]);
  let best: { rule: Rule; conf: number; b: number; w: number; i: number } | undefined;
  for (let i = 0; i < n; i++) {
    const b = bits[i];
    if ((b & ANY_SUBJECT) === 0) continue;
    const w = b | (i > 0 ? bits[i - 1] : 0) | (i + 1 < n ? bits[i + 1] : 0);
    for (const r of RULES) {
      if (!holds(b, r.sentence) || !holds(w, r.window)) continue;
      let conf = r.base;
      for (const [cls, , add] of BOOSTS) if (has(w, cls)) conf += add;
      // A harmless object of the verb in the same sentence ("kill a Python process"): not a violent request.
      if (r.physical && has(b, H.BENIGN_OBJ)) conf -= 0.5;
      if (!best || conf > best.conf) best = { rule: r, conf: Math.min(0.95, conf), b, w, i };
    }
  }
  if (!best || best.conf <= 0) return undefined;
  const { rule, conf, w } = best;
  let { b } = best;
  if (TITLE_RE.test(t)) b |= H.WORK;
  if (KNOW_RE.test(t)) b |= H.KNOW;
  const safe = has(all, H.SAFE) || DEFENSIVE_RE.test(t);
  // Cues a frame cannot fake: the question is about a work of fiction, not a request for the act.
  let framed = conf;
  if (has(b, H.WORK) && has(b, H.KNOW)) framed -= 0.35;

  // A text-processing task on given content (summarize this article, answer about the plot): the harm is quoted.
  // Only a processing task counts: "respond to the following prompt: …" or "answer the question: …" in a template
  // delivers the goal, it does not quote it.
  if ((has(all, H.TASK) && PROCESSING.classify(t) !== 0) || TEXT_TASK_RE.test(t)) framed -= 0.4;
  // A knowledge question ("explain what malware is") and, at half weight, safety wording: a frame cannot make a
  // definition harmful, and a pretext's borrowed safety words are only weak evidence of a benign goal.
  const evading = has(all, H.EVADE);
  let plainAdj = 0;
  // ("what is the easiest way to …" asks for a method: not a knowledge question.)
  // ("why are they so dirty" presupposes a hateful judgement of a group: not a knowledge question either.)
  const presupposed = rule.label === 'hate-judgement' && best.i < n && INTENSIFIER.classify(segs[best.i]) !== 0;
  if (has(b, H.KNOW) && !has(b, H.METHOD) && !evading && !presupposed) framed -= 0.25;
  // A persuasive pretext puts its safety words ("to raise awareness", "to prevent such attacks") in the sentences
  // around the request: inside one, only safety wording in the request's own sentence counts ("walk me through how
  // banks protect customers against phishing" stays benign).
  let pretext = framed;
  if (safe && !evading) {
    framed -= FRAMED_SAFE;
    plainAdj -= 0.3 - FRAMED_SAFE;
    const own = best.i < n ? segs[best.i] : '';
    if (has(b, H.SAFE) || DEFENSIVE_RE.test(own)) pretext -= FRAMED_SAFE;
  }
  // Asked plainly, the model-abuse layer's cues count too (its defensive words in any language it has: "how can banks
  // detect…", "how can I warn her about this scam"; its questions about how a harm works or how others do it), unless
  // the text asks to evade consequences; a question about how others make a harm or one that demands operational
  // detail ("how do they build…", "step by step, how do they…") asks for the method. Only the plain score: inside a
  // frame these cues are the pretext's own words.
  if (!evading && !safe && (CLASSIFIER.classify(t) & C.DEFENSE) !== 0) plainAdj -= 0.3;
  if (!evading && !has(b, H.METHOD | H.MAKE) && !has(all, H.DETAIL) && MECHANISM_RE.test(t)) plainAdj -= 0.25;
  // Cues of a benign text: safety and prevention, knowledge questions, help-seeking (for self-harm).
  let score = framed + plainAdj;
  // Asked about a game, a film or one's own fiction, plainly ("kill someone in Call of Duty", "a heist for my novel").
  if (has(b, H.WORK)) score -= 0.3;
  if (rule.category === 'self_harm' && has(all, H.SEEK)) score -= 0.4;
  const round = (x: number) => Math.round(Math.max(0, Math.min(0.95, x)) * 100) / 100;
  return {
    category: rule.category,
    raw: round(conf),
    score: round(score),
    framed: round(framed),
    pretext: round(pretext),
    detail: has(all, H.DETAIL),
    signals: [rule.label, ...harmClassNames(w & ~(H.BENIGN_OBJ | H.SAFE | H.KNOW | H.WORK | H.SEEK))].slice(0, 8),
  };
}
