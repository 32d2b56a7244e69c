/**
 * Calibration on held-out predictions (never on the rows a network was trained on): a softmax temperature fitted by
 * log-loss, and one decision threshold per channel on the attack probability, chosen on benign rows only — the lowest
 * threshold at which, on held-out benign rows of that channel, at most `ordinary` of ordinary prompts and `hard` of
 * hard-negative prompts (prompt channel), or `document` of clean documents and `hard` of hard-negative documents
 * (document channel) score at or above it, both pooled and as a mean over source groups of 30 rows or more.
 */
import { CLASSES } from '../../../src/detect/classifier/model.js';
import { attackProbability } from './network.js';
import type { Example } from './examples.js';

export interface Targets {
  ordinary: number;
  hard: number;
  document: number;
}

export interface Calibration {
  temperature: number;
  thresholds: { prompt: number; document: number };
  /** Held-out rates at the threshold (fractions). */
  heldOut: Record<string, number>;
}

const TEMPERATURES = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8];
const MIN_GROUP = 30;

function nll(examples: readonly Example[], logits: readonly Float64Array[], t: number): number {
  let s = 0;
  for (let i = 0; i < examples.length; i++) {
    const z = logits[i];
    let max = -Infinity;
    for (let c = 0; c < CLASSES.length; c++) max = Math.max(max, z[c] / t);
    let total = 0;
    for (let c = 0; c < CLASSES.length; c++) total += Math.exp(z[c] / t - max);
    s += -(z[examples[i].y] / t - max - Math.log(total));
  }
  return s / Math.max(1, examples.length);
}

/** Lowest threshold with pooled rate ≤ target and mean-over-groups rate ≤ target, for one set of benign scores. */
interface Scored {
  p: number;
  group: string;
}

function thresholdFor(scored: Scored[], target: number): number {
  if (scored.length === 0) return 0;
  const desc = scored.map((s) => s.p).sort((a, b) => b - a);
  const k = Math.floor(desc.length * target);
  let t = k < desc.length ? desc[k] + 1e-6 : 0;
  const groups = new Map<string, number[]>();
  for (const s of scored) groups.set(s.group, [...(groups.get(s.group) ?? []), s.p]);
  const counted = [...groups.values()].filter((g) => g.length >= MIN_GROUP);
  const macro = (th: number) =>
    counted.reduce((s, g) => s + g.filter((p) => p >= th).length / g.length, 0) / Math.max(1, counted.length);
  // the mean over groups falls as the threshold rises: binary-search the lowest score-threshold that meets it
  let lo = 0; // desc[lo..] as thresholds: index i means threshold desc[i] + 1e-6 (higher i → lower threshold)
  let hi = desc.length - 1;
  let found = Infinity;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (macro(desc[mid] + 1e-6) <= target) {
      found = desc[mid] + 1e-6;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found === Infinity) found = desc[0] + 1e-6;
  t = Math.max(t, found);
  return t;
}

export function calibrate(
  examples: readonly Example[],
  logits: readonly Float64Array[],
  targets: Targets,
): Calibration {
  let temperature = 1;
  let best = Infinity;
  for (const t of TEMPERATURES) {
    const v = nll(examples, logits, t);
    if (v < best - 1e-9) {
      best = v;
      temperature = t;
    }
  }
  const sets = {
    ordinary: [] as Scored[],
    hardPrompt: [] as Scored[],
    document: [] as Scored[],
    hardDocument: [] as Scored[],
  };
  const attacks: Array<{ p: number; channel: number }> = [];
  examples.forEach((ex, i) => {
    const p = attackProbability(logits[i], temperature);
    const s = { p, group: ex.group };
    if (ex.benignKind === 'ordinary' && ex.channel === 0) sets.ordinary.push(s);
    else if (ex.benignKind === 'hard') (ex.channel === 0 ? sets.hardPrompt : sets.hardDocument).push(s);
    else if (ex.benignKind === 'document' || (ex.benignKind === 'ordinary' && ex.channel === 1)) sets.document.push(s);
    else if (!ex.benignKind && CLASSES[ex.y] !== 'harmful') attacks.push({ p, channel: ex.channel });
  });
  const clamp = (t: number) => Math.min(0.999, Math.max(0.5, t));
  const thresholds = {
    prompt: clamp(Math.max(thresholdFor(sets.ordinary, targets.ordinary), thresholdFor(sets.hardPrompt, targets.hard))),
    document: clamp(
      Math.max(thresholdFor(sets.document, targets.document), thresholdFor(sets.hardDocument, targets.hard)),
    ),
  };
  const rate = (xs: Scored[], t: number) => xs.filter((s) => s.p >= t).length / Math.max(1, xs.length);
  const heldOut: Record<string, number> = {
    logLoss: best,
    fprOrdinary: rate(sets.ordinary, thresholds.prompt),
    fprHardPrompts: rate(sets.hardPrompt, thresholds.prompt),
    fprDocuments: rate(sets.document, thresholds.document),
    fprHardDocuments: rate(sets.hardDocument, thresholds.document),
    tprPrompts: rate(
      attacks.filter((a) => a.channel === 0).map((a) => ({ p: a.p, group: '' })),
      thresholds.prompt,
    ),
    tprDocuments: rate(
      attacks.filter((a) => a.channel === 1).map((a) => ({ p: a.p, group: '' })),
      thresholds.document,
    ),
  };
  return { temperature, thresholds, heldOut };
}
