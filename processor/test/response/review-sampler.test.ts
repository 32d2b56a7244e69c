import { describe, expect, it } from 'vitest';
import { emptyInteraction } from '@tracehound/core';
import { Scorer } from '../../src/score/scorer.js';
import { inReviewSample, ReviewSampler } from '../../src/response/review-sampler.js';
import { finding } from './helpers.js';

const traceIds = Array.from({ length: 20_000 }, (_, i) =>
  (BigInt(i) * 0x9e3779b97f4a7c15n).toString(16).padStart(32, '0').slice(-32),
);

describe('review sampling', () => {
  it('is a pure function of the trace id (replicas agree) at about the configured rate', () => {
    const picked = traceIds.filter((t) => inReviewSample(t, 0.05));
    expect(picked.length / traceIds.length).toBeGreaterThan(0.04);
    expect(picked.length / traceIds.length).toBeLessThan(0.06);
    expect(traceIds.filter((t) => inReviewSample(t, 0.05))).toEqual(picked);
    // A higher rate keeps every trace a lower rate picked (the queue grows, it does not reshuffle).
    expect(picked.every((t) => inReviewSample(t, 0.2))).toBe(true);
    expect(inReviewSample(traceIds[0], 0)).toBe(false);
    expect(inReviewSample(traceIds[0], 1)).toBe(true);
  });

  it('marks only clean spans of sampled traces', () => {
    const sampler = new ReviewSampler(1);
    const ix = {
      ...emptyInteraction('llm_call', 't'),
      span: { traceId: traceIds[1], spanId: '1'.repeat(16), name: 'chat' },
    };
    expect(sampler.onAnalysis(ix, { findings: [], risk: Scorer.spanRisk([]), suppressed: 0 })).toEqual({
      attributes: { 'tracehound.review.sample': true },
    });
    const f = finding();
    expect(sampler.onAnalysis(ix, { findings: [f], risk: Scorer.spanRisk([f]), suppressed: 0 })).toBeUndefined();
    expect(
      new ReviewSampler(0).onAnalysis(ix, { findings: [], risk: Scorer.spanRisk([]), suppressed: 0 }),
    ).toBeUndefined();
  });
});
