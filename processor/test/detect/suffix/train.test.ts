import { describe, expect, it } from 'vitest';
import { detectionDefaults } from '../../../src/detect/config.js';
import { CharLm } from '../../../src/detect/suffix/charlm.js';
import { createSuffixDetector } from '../../../src/detect/suffix/detector.js';
import { normalizeInto } from '../../../src/detect/suffix/alphabet.js';
import { trainCharLm } from '../../../scripts/train/char-lm.js';
import type { CorpusRow } from '../../../scripts/lib/corpus.js';
import { chat, inputOf } from '../abuse/helpers.js';

/** A tiny composed corpus: human sentences, and one attack row the trainer must leave out. */
function corpus(): CorpusRow[] {
  const subjects = ['The cat', 'My neighbour', 'Our team', 'The old train', 'A small bakery', 'Your sister'];
  const verbs = ['walked to', 'wrote about', 'painted', 'visited', 'talked about', 'cleaned'];
  const objects = ['the market', 'a quiet garden', 'the river bank', 'their new house', 'the library', 'a museum'];
  const rows: CorpusRow[] = [];
  let n = 0;
  for (const s of subjects)
    for (const v of verbs)
      for (const o of objects)
        rows.push({
          id: `t${n++}`,
          text: `${s} ${v} ${o} on Sunday morning, and everyone was happy about it.`,
          label: 'benign',
          family: 'chat',
          channel: 'prompt',
          source: 'test/composed',
          set: 'train',
          licence: 'composed',
        });
  rows.push({
    id: 'atk',
    text: 'zq]]{x !! ]] zq ]] {x !! zq'.repeat(50),
    label: 'attack',
    family: 'adversarial_suffix',
    channel: 'prompt',
    source: 'test/composed',
    set: 'train',
    licence: 'composed',
  });
  return rows;
}

function bitsPerChar(m: CharLm, text: string): number {
  const cps = new Int32Array(text.length);
  const offs = new Int32Array(text.length);
  const n = normalizeInto(text, 0, text.length, cps, offs);
  const out = new Float64Array(n);
  m.surprisal(cps, 0, n, out);
  return out.reduce((a, b) => a + b, 0) / n;
}

describe('char-lm trainer', () => {
  it('is deterministic and learns human text, not the attack rows', () => {
    const a = trainCharLm(corpus());
    const b = trainCharLm(corpus());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const full = new CharLm(a.full);
    const seen = bitsPerChar(full, 'The cat walked to the river bank on Sunday morning.');
    const soup = bitsPerChar(full, 'zq]]{x !! ]] zq ]] {x !! zq');
    expect(seen).toBeLessThan(soup - 2);
  });

  it('is what the detector loads when the config carries a fold model', () => {
    const text = inputOf(chat('Tell me about the weather q#7Lw]{Zp2!v;Xk_@r9(Tn>e$Hd~3uB^8%cQ|'));
    const shipped = createSuffixDetector({ ...detectionDefaults });
    expect(shipped.detect(text).map((d) => d.ruleId)).toEqual(['TH-SUF-002']);
    // The tiny fold model knows too few characters of any script to judge them, so with it nothing fires.
    const fold = createSuffixDetector({ ...detectionDefaults, models: { 'char-lm': trainCharLm(corpus()) } });
    expect(fold.detect(text)).toEqual([]);
  });
});
