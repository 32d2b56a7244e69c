/** The shape every harm scorer returns (harm-scorer.ts combines them; persona-harm.ts is one). */
import type { ChannelText } from '../detector.js';
import type { FrameClass } from './lexicon.js';

export interface HarmEstimate {
  /** Which scorer produced it (evidence). */
  source: string;
  /** Category of harm (fixed vocabulary). */
  category: string;
  /** Harm of a plainly asked request, after the text's benign cues (0..1). */
  plain: number;
  /** Harm when the request is wrapped in a frame: only the benign cues a frame cannot fake count (0..1). */
  framed: number;
  /**
   * Harm inside a persuasive pretext (a research, safety or educational justification plus persuasion), 0..1;
   * `framed` when the scorer has no pretext-specific cues.
   */
  pretext?: number;
  /** Whether the text demands operational detail (step by step, exact amounts, realistic). */
  detail: boolean;
  signals: string[];
  /**
   * Frames the scorer itself found in the text that the frame lexicon may not list (a role cast by an opening "you"
   * in a language without a verb for it); the detector adds them to the frame score.
   */
  frames?: FrameClass[];
}

export type HarmScorer = (ct: ChannelText) => HarmEstimate | undefined;
