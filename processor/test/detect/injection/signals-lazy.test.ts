import RE2 from 're2';
import { describe, expect, it } from 'vitest';
import { SignalEngine } from '../../../src/detect/injection/signals.js';
import type { SignalPattern } from '../../../src/detect/injection/patterns/types.js';

// Invented patterns: enough for two chunks of 16, several sharing an anchor so a chunk runs as one set pass.
const PATTERNS: SignalPattern[] = [
  ...Array.from({ length: 20 }, (_, i) => ({
    id: `t-${i}`,
    signal: 'override' as const,
    weight: 0.5,
    re: `\\bzorblat (?:quix|quax)${i}\\b`,
    lang: 'en',
  })),
  { id: 't-a', signal: 'override' as const, weight: 0.5, re: '\\bmerrow plonk\\b', lang: 'en' },
  { id: 't-b', signal: 'override' as const, weight: 0.5, re: '\\bmerrow (?:plonk|twee)\\b', lang: 'en' },
  { id: 't-c', signal: 'persona' as const, weight: 0.3, re: '\\bflibber\\w* gast\\b', lang: 'en' },
];

/** What every pattern matches on its own, compiled eagerly: the reference the lazy engine must reproduce. */
function eager(text: string): number[] {
  return PATTERNS.map((p, i) => (new RE2(p.re.split(' ').join('\\s'), 'u').test(text) ? i : -1)).filter((i) => i >= 0);
}

describe('signal engine compiles its patterns on first use', () => {
  it('compiles nothing when built and nothing for a text no anchor is in', () => {
    const engine = new SignalEngine(PATTERNS);
    expect(engine.compiled).toEqual({ single: 0, chunks: 0 });
    expect(engine.scanPrepared('an ordinary sentence about the weather').matched).toEqual([]);
    expect(engine.compiled).toEqual({ single: 0, chunks: 0 });
  });

  it('compiles only the candidates it verifies, and finds what eager patterns find', () => {
    const engine = new SignalEngine(PATTERNS);
    const text = 'well, merrow plonk and then some';
    expect(engine.scanPrepared(text).matched).toEqual(eager(text));
    expect(engine.compiled.single).toBeGreaterThan(0);
    expect(engine.compiled.single).toBeLessThanOrEqual(2);
    expect(engine.compiled.chunks).toBe(0);
  });

  it('runs a chunk with several candidates as one compiled set, with the same result', () => {
    const engine = new SignalEngine(PATTERNS);
    const text = 'zorblat quix3 zorblat quax7 zorblat quix12 flibberish gast';
    const r = engine.scanPrepared(text);
    expect(r.matched).toEqual(eager(text));
    expect(r.matched.length).toBe(4);
    // digits share one prefilter class, so every zorblat pattern is a candidate: both chunks run as sets
    expect(engine.compiled.chunks).toBeGreaterThan(0);
    // evidence compiles the strongest matched pattern when needed
    expect(engine.evidence(r, ['persona'])).toBe('flibberish gast');
  });
});
