import type { Detection, RuleMeta, Channel, Interaction } from '@tracehound/core';

/** One piece of text a detector may scan, with the channel it came from. */
export interface ChannelText {
  channel: Channel;
  text: string;
  /** 'raw', or how it was derived (e.g. 'base64', 'hex', 'rot13', 'url', 'unicode-tags', 'homoglyph', 'spaced'). */
  origin: string;
  /** Index of the document / message it came from, when there are several. */
  index?: number;
}

/** Everything a detector gets besides the Interaction: the texts by channel (raw and de-obfuscated) and settings. */
export interface DetectInput {
  interaction: Interaction;
  texts: ChannelText[];
  /** What the detectors that ran earlier found on this Interaction (exfiltration rules read injection signals). */
  priorDetections?: readonly Detection[];
}

/**
 * A stateless content detector. Built once at start-up (compile RE2 patterns in the factory, never per call);
 * detect() must not throw and must run in time linear in the size of its input.
 */
export interface ContentDetector {
  readonly id: string;
  readonly rules: readonly RuleMeta[];
  /**
   * Builds what detect() needs (compiled patterns, automata) now rather than on the first call. The content runner
   * calls it at start-up unless it is built cold (the main thread when a detection pool does the work); detect()
   * works without it.
   */
  warm?(): void;
  detect(input: DetectInput): Detection[];
}
