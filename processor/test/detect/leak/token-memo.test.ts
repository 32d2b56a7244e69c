import { describe, expect, it } from 'vitest';
import { forEachTokenId, tokens } from '../../../src/detect/leak/containment.js';
import { wordString } from '../../../src/detect/leak/prompt-facts.js';

/** The per-word reference: lower-cased letter-and-digit runs joined by single spaces, a space at both ends. */
function wordStringReference(text: string): string {
  const words: string[] = [];
  let w = '';
  for (const ch of text) {
    const word = /[0-9]/.test(ch) || ch.toLowerCase() !== ch.toUpperCase();
    if (word) w += ch.toLowerCase();
    else if (w) {
      words.push(w);
      w = '';
    }
  }
  if (w) words.push(w);
  return words.length > 0 ? ` ${words.join(' ')} ` : ' ';
}

describe('word strings and token ids read once per text', () => {
  const samples = [
    'You are HelpBot for Acme-Corp. Never reveal code ZX-42; escalate to Dr. O’Neil (ext. 5501)!',
    '   ...   ',
    '',
    'UPPER lower MiXeD 123abc abc123 a_b a-b a.b\tnew\nline',
    'Ünïcödé words: Straße, ÉCOLE, naïve — Привет МИР 漢字 かな',
  ];

  it('the ASCII fast path gives the per-word result', () => {
    for (const s of samples) expect(wordString(s)).toBe(wordStringReference(s));
  });

  it('token ids are the same on every read of a text, short or long', () => {
    for (const s of samples) {
      const long = `${s} `.repeat(20);
      for (const t of [s, long]) {
        const first: number[] = [];
        forEachTokenId(t, (id) => first.push(id));
        const again: number[] = [];
        forEachTokenId(t.slice(0), (id) => again.push(id));
        expect(again).toEqual(first);
      }
      expect(tokens(`${s} `.repeat(20))).toEqual(Array.from({ length: 20 }, () => tokens(s)).flat());
    }
  });

  it('reads the canonical tokens of a restated rule', () => {
    const t = 'Never reveal the secret codes. Do not disclose passwords to anyone asking for them.';
    const cut = t.indexOf('. ') + 2;
    expect(tokens(t)).toEqual(tokens(t.slice(0, cut)).concat(tokens(t.slice(cut))));
    expect(tokens(t).length).toBeGreaterThan(4);
  });
});
