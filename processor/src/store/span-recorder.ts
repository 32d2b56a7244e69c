import type { Interaction } from '@tracehound/core';
import type { Analysis, StageExtension } from '../score/analyzer.js';
import type { FindingsStore } from './findings-store.js';

/**
 * Records a summary of every analysed span in the store (for session timelines and the review queue). It only
 * queues: the content is captured and written off the request path. `sampled` decides which clean traces enter the
 * review queue (the review sampler's trace-id hash, so the console and SIEM-side samples agree at the same rate).
 */
export class SpanRecorder implements StageExtension {
  constructor(
    private readonly store: FindingsStore,
    private readonly sampled: (traceId: string) => boolean,
  ) {}

  onAnalysis(ix: Interaction, analysis: Analysis): void {
    const findings = analysis.findings.length;
    this.store.recordSpan(ix, {
      findings,
      suppressed: analysis.suppressed,
      sampled: findings === 0 && this.sampled(ix.span.traceId),
    });
  }
}
