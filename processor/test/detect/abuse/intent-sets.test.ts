import RE2 from 're2';
import { describe, expect, it } from 'vitest';
import { cuesIn } from '../../../src/detect/abuse/intent.js';
import { ABUSE_CATEGORIES, INTENT_PATTERNS } from '../../../src/detect/abuse/intent-patterns.js';

/** Seeded xorshift, so the sentences are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

/**
 * Sentences made of the words the real cue patterns are written with (their literal alternatives), mixed with
 * filler, so many of them match one or several cues and some match none.
 */
function sentences(n: number): string[] {
  const words = new Set<string>();
  for (const p of INTENT_PATTERNS)
    for (const w of p.source.replace(/\\[a-z]/gi, ' ').match(/[a-z]{3,}(?:'s)?/gi) ?? []) words.add(w.toLowerCase());
  const vocab = [...words, 'the', 'a', 'my', 'so', 'to', 'and', 'please', 'that', 'they', 'them', 'without'];
  const next = rng(7);
  return Array.from({ length: n }, () =>
    Array.from({ length: 4 + Math.floor(next() * 14) }, () => vocab[Math.floor(next() * vocab.length)]).join(' '),
  );
}

describe('abuse intent: cue patterns run as one RE2 set per category', () => {
  it('reports exactly the cues that the patterns, tested one by one, match — on strings and on UTF-8 bytes', () => {
    let matches = 0;
    for (const category of ABUSE_CATEGORIES) {
      const cues = INTENT_PATTERNS.filter((p) => p.role === 'cue' && p.category === category);
      const single = cues.map((p) => new RE2(p.source, 'iu'));
      for (const s of sentences(1500)) {
        const expected = cues.filter((_, i) => single[i].test(s)).map((p) => p.label);
        matches += expected.length;
        expect(cuesIn(category, s).map((p) => p.label)).toEqual(expected);
        expect(cuesIn(category, Buffer.from(s, 'utf8')).map((p) => p.label)).toEqual(expected);
      }
    }
    // The sentences exercise the sets: a good share of them match cues.
    expect(matches).toBeGreaterThan(500);
  });
});
