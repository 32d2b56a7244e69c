import { describe, expect, it } from 'vitest';
import { psi, refusalZ, WindowStats } from '../../src/behavior/state/distribution.js';
import { Ewma } from '../../src/behavior/state/ewma.js';
import { FireGate } from '../../src/behavior/state/gate.js';
import { LshIndex } from '../../src/behavior/state/lsh-index.js';
import { MinHasher, similarity } from '../../src/behavior/state/minhash.js';
import { networkOf } from '../../src/behavior/state/network.js';
import { EventRing } from '../../src/behavior/state/ring.js';
import { matches, outOfScope, parseScope } from '../../src/behavior/state/scope.js';
import { SlidingSum } from '../../src/behavior/state/sliding-sum.js';
import { BoundedStore } from '../../src/behavior/state/store.js';
import { jailbreakTemplate, rng, sentence } from './generators.js';

describe('BoundedStore', () => {
  it('never holds more than maxEntries and evicts the least recently used', () => {
    const s = new BoundedStore<number>('t', 3, 1e9);
    s.set('a', 1, 0);
    s.set('b', 2, 1);
    s.set('c', 3, 2);
    s.get('a', 3); // a is now most recent
    s.set('d', 4, 4);
    expect(s.size).toBe(3);
    expect(s.peek('b', 5)).toBeUndefined();
    expect(s.peek('a', 5)).toBe(1);
    for (let i = 0; i < 10_000; i++) s.set(`k${i}`, i, 10 + i);
    expect(s.size).toBe(3);
    expect(s.evictions.lru).toBe(10_001);
  });

  it('expires idle entries (TTL from the last touch) and sweeps them on writes', () => {
    const s = new BoundedStore<number>('t', 100, 1000);
    s.set('old', 1, 0);
    s.set('kept', 2, 0);
    expect(s.get('kept', 900)).toBe(2); // touched at 900
    expect(s.get('old', 1500)).toBeUndefined();
    expect(s.evictions.ttl).toBe(1);
    expect(s.get('kept', 1800)).toBe(2);
    for (let i = 0; i < 5; i++) s.set(`n${i}`, i, 5000);
    expect(s.peek('kept', 5000)).toBeUndefined();
    expect(s.size).toBe(5);
  });
});

describe('windows and baselines', () => {
  it('EventRing: threshold events within the window is an O(1) check on the oldest kept event', () => {
    const r = new EventRing(3);
    r.push(0, 'a');
    r.push(10, 'b');
    expect(r.fullSince(0)).toBe(false);
    r.push(20, 'c');
    expect(r.fullSince(0)).toBe(true);
    expect(r.fullSince(5)).toBe(false);
    r.push(30, 'd');
    expect(r.fullSince(5)).toBe(true);
    expect(r.spanIdsSince(15, 10)).toEqual(['c', 'd']);
    expect(r.countSince(15)).toBe(2);
  });

  it('Ewma follows the mean and variance of a stationary series', () => {
    const e = new Ewma(0.05);
    const r = rng(1);
    for (let i = 0; i < 2000; i++) e.update(500 + (r() * 2 - 1) * 100); // uniform ±100: sd ≈ 57.7
    expect(e.mean).toBeGreaterThan(470);
    expect(e.mean).toBeLessThan(530);
    expect(e.std).toBeGreaterThan(40);
    expect(e.std).toBeLessThan(75);
    expect(e.threshold(4, 4)).toBeCloseTo(Math.max(4 * e.mean, e.mean + 4 * e.std));
  });

  it('SlidingSum forgets slices that left the window', () => {
    const s = new SlidingSum(6, 10_000); // one minute of 10 s slices
    s.add(0, 5);
    s.add(15_000, 7);
    expect(s.sum(59_000)).toBe(12);
    expect(s.sum(61_000)).toBe(7);
    expect(s.sum(10 * 60_000)).toBe(0);
    expect(s.add(10 * 60_000, 3)).toBe(3);
  });

  it('FireGate: once per window per key', () => {
    const g = new FireGate(100, 60_000);
    expect(g.tryFire('k', 0, 60_000)).toBe(true);
    expect(g.tryFire('k', 59_999, 60_000)).toBe(false);
    expect(g.tryFire('other', 10, 60_000)).toBe(true);
    expect(g.tryFire('k', 60_000, 60_000)).toBe(true);
  });
});

describe('MinHash + LSH', () => {
  const h = new MinHasher(64, 3);
  const sig = (t: string) => h.signature(h.words(t, 8192));

  it('estimates high similarity for edited copies and low for unrelated text', () => {
    const r = rng(2);
    expect(similarity(sig(jailbreakTemplate(1)), sig(jailbreakTemplate(2)))).toBeGreaterThan(0.75);
    expect(similarity(sig(jailbreakTemplate(1)), sig(jailbreakTemplate(1).toUpperCase()))).toBe(1);
    expect(similarity(sig(sentence(r, 40)), sig(sentence(r, 40)))).toBeLessThan(0.2);
  });

  it('joins a cluster only when the candidate verifies above the similarity threshold', () => {
    const idx = new LshIndex({
      bands: 16,
      similarity: 0.6,
      windowMs: 60_000,
      maxClusters: 100,
      maxMembers: 32,
      maxSpans: 5,
    });
    const a = sig(jailbreakTemplate(1));
    // Same first band, everything else different: a band collision that must not merge.
    const b = sig(sentence(rng(9), 40));
    b.set(a.subarray(0, 4), 0);
    const first = idx.add(a, 's1', 'x1', false, 0);
    const second = idx.add(b, 's2', 'x2', false, 1);
    expect(second.cluster.id).not.toBe(first.cluster.id);
    const third = idx.add(sig(jailbreakTemplate(7)), 's3', 'x3', false, 2);
    expect(third.cluster.id).toBe(first.cluster.id);
    expect(third.sources).toBe(2);
  });

  it('stays within its cluster cap and ages clusters out', () => {
    const idx = new LshIndex({
      bands: 16,
      similarity: 0.6,
      windowMs: 1000,
      maxClusters: 50,
      maxMembers: 8,
      maxSpans: 5,
    });
    const r = rng(4);
    for (let i = 0; i < 500; i++) idx.add(sig(sentence(r, 20)), `s${i}`, `x${i}`, false, i);
    const [clusters, bands] = idx.stores();
    expect(clusters.size).toBeLessThanOrEqual(50);
    expect(bands.size).toBeLessThanOrEqual(50 * 16);
    expect(clusters.evictions.lru).toBeGreaterThan(400);
    idx.add(sig(sentence(r, 20)), 'late', 'y', false, 10_000);
    expect(clusters.size).toBeLessThan(50);
  });
});

describe('drift statistics', () => {
  it('PSI is ~0 for the same distribution and large for a shifted one; z sign follows the change', () => {
    const edges = [16, 64, 256, 1024];
    const a = new WindowStats(edges);
    const b = new WindowStats(edges);
    const c = new WindowStats(edges);
    const r = rng(5);
    for (let i = 0; i < 1000; i++) {
      a.add(100 + r() * 100, i % 10 === 0);
      b.add(100 + r() * 100, i % 10 === 0);
      c.add(600 + r() * 600, i % 50 === 0);
    }
    expect(psi(a, b)).toBeLessThan(0.05);
    expect(psi(a, c)).toBeGreaterThan(1);
    expect(refusalZ(a, c)).toBeLessThan(-4);
  });
});

describe('networks and scopes', () => {
  it('maps addresses to /24 and /64 prefixes; garbage gives undefined', () => {
    expect(networkOf('203.0.113.77', 24, 64)).toBe('203.0.113.0/24');
    expect(networkOf('203.0.113.77:5050', 24, 64)).toBe('203.0.113.0/24');
    expect(networkOf('::ffff:198.51.100.4', 24, 64)).toBe('198.51.100.0/24');
    expect(networkOf('[2001:db8:a:b:1:2:3:4]:443', 24, 64)).toBe('2001:db8:a:b:0:0:0:0/64');
    expect(networkOf('2001:db8::1', 24, 48)).toBe('2001:db8:0:0:0:0:0:0/48');
    for (const bad of ['', 'localhost', '300.1.1.1', '1.2.3', '1::2::3', 'zz::1', 'x'.repeat(100)])
      expect(networkOf(bad, 24, 64)).toBeUndefined();
  });

  it('parses scopes and judges documents on the attributes they carry', () => {
    const s = parseScope(['tenant:acme', 'classification:public', 'source:kb/pub/*', 'wiki/*']);
    expect(s.source).toEqual(['kb/pub/*', 'wiki/*']);
    expect(matches(s.source, 'wiki/home')).toBe(true);
    expect(outOfScope({ source: 'kb/pub/a', classification: 'public', tenant: 'acme' }, s)).toBeUndefined();
    expect(outOfScope({ source: 'kb/hr/a' }, s)).toBe('source');
    expect(outOfScope({ classification: 'secret' }, s)).toBe('classification');
    expect(outOfScope({ tenant: 'globex' }, s)).toBe('tenant');
    expect(outOfScope({}, s)).toBeUndefined();
  });
});
