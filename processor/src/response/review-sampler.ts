import type { Analysis, StageExtension } from '../score/analyzer.js';
import type { Interaction } from '@tracehound/core';

const SAMPLE_ATTR = 'tracehound.review.sample';
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a (32 bit) of a string: cheap, stable across processes and versions. */
export function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Whether a trace falls in the review sample: a pure function of the trace id, so every replica agrees. */
export function inReviewSample(traceId: string, rate: number): boolean {
  if (rate <= 0 || !traceId) return false;
  if (rate >= 1) return true;
  return fnv1a(traceId) / 0x1_0000_0000 < rate;
}

/**
 * Marks clean spans (no finding) of sampled traces with tracehound.review.sample=true, so a SIEM search builds the
 * human-review queue of clean traffic (what the rules miss shows up there).
 */
export class ReviewSampler implements StageExtension {
  constructor(private readonly rate: number) {}

  onAnalysis(ix: Interaction, analysis: Analysis): { attributes?: Record<string, boolean> } | void {
    if (analysis.findings.length > 0 || !inReviewSample(ix.span.traceId, this.rate)) return;
    return { attributes: { [SAMPLE_ATTR]: true } };
  }
}
