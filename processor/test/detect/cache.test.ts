import { describe, expect, it } from 'vitest';
import { BoundedCache, RecentTextCache } from '../../src/detect/cache.js';

describe('BoundedCache (per-system-prompt parse cache)', () => {
  it('parses each distinct prompt once and evicts the least recently used beyond its bound', () => {
    const cache = new BoundedCache<number>(2);
    let calls = 0;
    const make = () => ++calls;
    expect(cache.get('a', make)).toBe(1);
    expect(cache.get('b', make)).toBe(2);
    expect(cache.get('a', make)).toBe(1); // hit: a is now the most recently used
    expect(cache.get('c', make)).toBe(3); // evicts b
    expect(cache.get('b', make)).toBe(4); // b was parsed again
    expect(calls).toBe(4);
    expect(cache.size).toBe(2);
    expect(cache.hits).toBe(1);
    expect(cache.misses).toBe(4);
  });

  it('stays within its bound whatever the number of distinct prompts', () => {
    const cache = new BoundedCache<string>(8);
    for (let i = 0; i < 1000; i++) cache.get(`prompt ${i} ${'x'.repeat(i % 3000)}`, (t) => t.slice(0, 10));
    expect(cache.size).toBe(8);
  });

  it('hits a long prompt by content, and never serves one long prompt the parse of another', () => {
    const cache = new BoundedCache<string>(4);
    const base = 'You are a support assistant. '.repeat(200);
    const a = `${base}The code is 1234.`;
    const b = `${base}The code is 9876.`; // same length, same head
    expect(cache.get(a, (t) => t.slice(-5))).toBe('1234.');
    expect(cache.get(`${base}The code is 1234.`, () => 'rebuilt')).toBe('1234.');
    expect(cache.get(b, (t) => t.slice(-5))).toBe('9876.');
    // Lone surrogates differ as code units (a UTF-8 digest would map both to U+FFFD).
    const s1 = `${base}\ud800`;
    const s2 = `${base}\ud801`;
    expect(cache.get(s1, () => 's1')).toBe('s1');
    expect(cache.get(s2, () => 's2')).toBe('s2');
  });

  it('rejects a bound that is not a positive integer', () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});

describe('RecentTextCache', () => {
  it('keeps the last texts within its character bound, oldest out first, and never a text over the bound', () => {
    const c = new RecentTextCache<number>(10);
    c.set('aaaa', 1);
    c.set('bbbb', 2);
    expect(c.get('aaaa')).toBe(1);
    c.set('cccc', 3); // 12 characters: 'aaaa' goes
    expect(c.get('aaaa')).toBeUndefined();
    expect([c.get('bbbb'), c.get('cccc')]).toEqual([2, 3]);
    c.set('x'.repeat(11), 4);
    expect(c.get('x'.repeat(11))).toBeUndefined();
    expect(c.get('cccc')).toBe(3);
  });
});
