/**
 * How strongly a text frames itself: the frame classes present (lexicon.ts), weighted. Any one persona, fiction,
 * hypothetical, pretext or authority frame is a frame; urgency and persuasion words are common in ordinary writing and
 * count only with another. One classifier pass, linear.
 */
import { F, FRAME_CLASSIFIER, frameNames, type FrameClass } from './lexicon.js';

export interface FrameScore {
  /** 0..1. */
  score: number;
  frames: FrameClass[];
}

const WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [F.PERSONA, 0.5],
  [F.FICTION, 0.45],
  [F.HYPO, 0.45],
  [F.PRETEXT, 0.5],
  [F.AUTHORITY, 0.45],
  [F.URGENCY, 0.3],
  [F.PERSUADE, 0.2],
  [F.NOREFUSE, 0.6],
  [F.COERCE, 0.45],
];

/** Longest text classified (frames sit at the start and the end of long prompts; both are kept). */
const MAX_CHARS = 16_000;

export function scoreFraming(text: string): FrameScore {
  const t = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS / 2) + '\n' + text.slice(-MAX_CHARS / 2) : text;
  const bits = FRAME_CLASSIFIER.classify(t);
  if (bits === 0) return { score: 0, frames: [] };
  let score = 0;
  for (const [cls, w] of WEIGHTS) if ((bits & cls) !== 0) score += w;
  return { score: Math.min(1, Math.round(score * 100) / 100), frames: frameNames(bits) };
}

/** The frame score with frames a harm scorer found itself (harm-estimate.ts `frames`) added. */
export function withFrames(frame: FrameScore, extra: readonly FrameClass[] | undefined): FrameScore {
  const missing = (extra ?? []).filter((f) => !frame.frames.includes(f));
  if (missing.length === 0) return frame;
  let score = frame.score;
  for (const f of missing) score += WEIGHTS.find(([cls]) => cls === F[f])?.[1] ?? 0;
  const frames = [...frame.frames, ...missing].sort((a, b) => F[a] - F[b]);
  return { score: Math.min(1, Math.round(score * 100) / 100), frames };
}
