/**
 * How the evidence of one sentence adds up (features.ts): instruction-ness, then where it sits and how unrelated it is.
 * A sentence that is not an instruction at all scores 0 whatever its carrier, so comments, P.S. lines and table cells
 * full of ordinary text never fire. The weights are in one table so a trained model (processor/models/) can replace
 * them.
 */
import { overlap, type SentenceFeatures } from './features.js';

export interface Weights {
  ai: number;
  addressed: number;
  override: number;
  hijack: number;
  unbound: number;
  /** A bare generation command, unrelated to the document, with no person-to-person marker (please, a date, TODO). */
  outOfTheBlue: number;
  polite: number;
  schedule: number;
  devNote: number;
  outRef: number;
  whenTask: number;
  hide: number;
  genImperative: number;
  imperative: number;
  genVerb: number;
  creative: number;
  format: number;
  you: number;
  link: number;
  urgent: number;
  selfRef: number;
  mention: number;
  /** Carrier bonuses. */
  hiddenCarrier: number;
  psCarrier: number;
  codeCarrier: number;
  cellCarrier: number;
  quoteCarrier: number;
  langShift: number;
  edge: number;
  /** Relatedness penalties. */
  docOverlap: number;
  requestOverlap: number;
  unrelatedToRequest: number;
}

export const DEFAULT_WEIGHTS: Weights = {
  ai: 0.9,
  addressed: 0.5,
  override: 1.0,
  hijack: 0.6,
  unbound: 0.4,
  outOfTheBlue: 0.55,
  polite: 0.25,
  schedule: 0.25,
  devNote: 0.35,
  outRef: 0.7,
  whenTask: 0.8,
  hide: 0.9,
  genImperative: 0.6,
  imperative: 0.15,
  genVerb: 0.15,
  creative: 0.35,
  format: 0.35,
  you: 0.15,
  link: 0.35,
  urgent: 0.1,
  selfRef: 0.2,
  mention: 0.5,
  hiddenCarrier: 0.6,
  psCarrier: 0.3,
  codeCarrier: 0.3,
  cellCarrier: 0.3,
  quoteCarrier: 0.15,
  langShift: 0.35,
  edge: 0.1,
  docOverlap: 0.6,
  requestOverlap: 0.5,
  unrelatedToRequest: 0.2,
};

const HIDDEN = new Set(['hidden', 'html_comment', 'role_line', 'bracket']);
const CODE = new Set(['code_comment', 'docstring', 'string']);

export interface SentenceScore {
  score: number;
  /** Instruction-ness alone (0 = not an instruction). */
  instruction: number;
}

export function sentenceScore(
  f: SentenceFeatures,
  w: Weights,
  hasRequest: boolean,
  instructional = false,
): SentenceScore {
  const c = (k: keyof SentenceFeatures['cues']) => Math.min(2, f.cues[k] ?? 0);
  const has = (k: keyof SentenceFeatures['cues']) => (f.cues[k] ?? 0) > 0;
  // In a document of commands, a plain command is ordinary; one aimed at the AI's answer or the user is not.
  const aimed =
    f.override ||
    has('ai') ||
    has('out_ref') ||
    has('when_task') ||
    has('hide') ||
    has('hijack') ||
    has('format') ||
    has('creative') ||
    f.link;
  instructional = instructional && !aimed;
  let instruction =
    w.ai *
      Math.min(1, c('ai')) *
      (f.addressed ? 1 : f.override || has('when_task') || has('hide') ? 0.7 : f.genImperative ? 0.5 : 0.25) +
    w.outRef * Math.min(1, c('out_ref')) +
    w.whenTask * Math.min(1, c('when_task')) +
    w.hide * Math.min(1, c('hide')) +
    (f.override ? w.override : 0) +
    (f.addressed ? w.addressed : 0) +
    w.hijack * Math.min(1, c('hijack')) +
    w.unbound * Math.min(1, c('unbound')) +
    (f.genImperative ? w.genImperative * (instructional ? 0.5 : 1) : f.imperative ? w.imperative : 0) +
    (!f.genImperative && has('gen_verb') && has('you') ? w.genVerb : 0);
  if (instruction === 0) return { score: 0, instruction: 0 };
  const directed = f.genImperative || f.override || has('out_ref') || has('ai') || has('when_task') || has('hijack');
  if (directed) {
    if (has('creative')) instruction += w.creative;
    if (has('format')) instruction += w.format;
    if (f.link && (has('link_verb') || f.genImperative)) instruction += w.link;
  }
  if (has('you')) instruction += w.you;
  if (has('urgent')) instruction += w.urgent;
  if (has('self_ref') && directed) instruction += w.selfRef;
  if (has('mention')) instruction -= w.mention;
  const human = has('polite') || has('schedule') || has('dev_note');
  if (!f.override && !has('ai') && !has('out_ref')) {
    if (has('polite')) instruction -= w.polite;
    if (has('schedule')) instruction -= w.schedule;
    if (has('dev_note')) instruction -= w.devNote;
  }
  if (instruction <= 0) return { score: 0, instruction: 0 };
  let score = instruction;
  if (HIDDEN.has(f.carrier)) score += w.hiddenCarrier;
  else if (f.carrier === 'ps') score += w.psCarrier;
  else if (CODE.has(f.carrier)) score += w.codeCarrier;
  else if (f.carrier === 'cell') score += w.cellCarrier;
  else if (f.carrier === 'quote') score += w.quoteCarrier;
  if (f.langShift) score += w.langShift;
  if (f.edge) score += w.edge;
  score -= w.docOverlap * f.docOverlap;
  // A bare command unrelated to everything around it; in a document of commands (a recipe, a manual) only when it
  // shares no word at all with the document.
  if (
    f.genImperative &&
    !human &&
    f.overlapKnown &&
    f.requestOverlap === 0 &&
    f.docOverlap <= (instructional ? 0 : 0.15)
  )
    score += w.outOfTheBlue * (instructional ? 0.7 : 1);
  if (hasRequest) score -= f.requestOverlap > 0 ? w.requestOverlap * f.requestOverlap : -w.unrelatedToRequest;
  return { score, instruction };
}

export interface BestSentence {
  score: number;
  index: number;
}

/**
 * The best-scoring sentence of a document. Relatedness only lowers a score, so it is computed (overlap()) just for
 * sentences that would fire without it.
 */
export function bestSentence(
  text: string,
  sentences: SentenceFeatures[],
  w: Weights,
  hasRequest: boolean,
  threshold: number,
  instructional = false,
): BestSentence {
  let best: BestSentence = { score: 0, index: -1 };
  sentences.forEach((f, i) => {
    f.docOverlap = 0;
    f.overlapKnown = false;
    const first = sentenceScore(f, w, hasRequest, instructional);
    const instruction = first.instruction;
    let score = first.score;
    // Relatedness: needed when the sentence would fire, or when a bare command could be out of the blue.
    if (score >= threshold || (instruction > 0 && f.genImperative && score + w.outOfTheBlue >= threshold)) {
      overlap(text, f);
      f.overlapKnown = true;
      score = sentenceScore(f, w, hasRequest, instructional).score;
    }
    if (score > best.score) best = { score, index: i };
  });
  return best;
}
