/** The shape every harm scorer returns (harm-scorer.ts combines them; persona-harm.ts is one). */
import type { ChannelText } from '../detector.js';

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
}

export type HarmScorer = (ct: ChannelText) => HarmEstimate | undefined;
