import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BEH } from '../../src/behavior/rules.js';
import type { BehaviorDetection } from '../../src/behavior/types.js';
import { Harness, MIN, T0, attackSession, humanChat, scriptedSession, step, type Step } from './generators.js';

/**
 * A consistent-hash ring on session id with virtual nodes, as the Collector's load_balancing exporter builds with
 * routing_key: attributes on session.id: every span of a session lands on the same replica.
 */
class HashRing {
  private readonly points: Array<{ h: number; node: number }> = [];

  constructor(nodes: number, vnodes = 64) {
    for (let n = 0; n < nodes; n++)
      for (let v = 0; v < vnodes; v++) this.points.push({ h: hash(`node-${n}#${v}`), node: n });
    this.points.sort((a, b) => a.h - b.h);
  }

  route(key: string): number {
    const h = hash(key);
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.points[mid].h < h) lo = mid + 1;
      else hi = mid;
    }
    return this.points[lo % this.points.length].node;
  }
}

function hash(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32BE(0);
}

describe('session-affine routing across two engine instances', () => {
  it('each session pattern is detected exactly once, on the replica that owns the session', () => {
    const ring = new HashRing(2);
    const replicas = [new Harness(), new Harness()];
    const steps: Step[] = [];
    const attackers = Array.from({ length: 20 }, (_, i) => `atk-${i}`);
    const bots = Array.from({ length: 10 }, (_, i) => `bot-${i}`);
    attackers.forEach((s, i) => steps.push(...attackSession(s, 7, T0 + i * 7_000, 45_000)));
    bots.forEach((s, i) => steps.push(...scriptedSession(s, 8, T0 + i * 3_000, 2_000, 1200)));
    for (let i = 0; i < 40; i++)
      steps.push(...humanChat(`human-${i}`, 10, T0 + i * 5_000, { seed: i, trip: i % 3 === 0 ? 2 : undefined }));
    steps.sort((a, b) => a.at - b.at);

    const found: Array<BehaviorDetection & { replica: number }> = [];
    for (const s of steps) {
      const r = ring.route(s.ix.identity.session!);
      for (const d of replicas[r].observe(s)) found.push({ ...d, replica: r });
    }
    const owners = new Set(attackers.map((s) => ring.route(s)));
    expect(owners.size).toBe(2); // both replicas own attackers: the split is real

    const attempts = found.filter((d) => d.ruleId === BEH.repeatedAttempts);
    expect(attempts.map((d) => d.entity.id).sort()).toEqual([...attackers].sort());
    for (const d of attempts) expect(d.replica).toBe(ring.route(d.entity.id));
    const rate = found.filter((d) => d.ruleId === BEH.inhumanInputRate);
    expect(rate.map((d) => d.entity.id).sort()).toEqual([...bots].sort());
    expect(found.filter((d) => d.entity.id.startsWith('human-'))).toEqual([]);

    // Without affinity (round robin), the same traffic loses most session patterns: why routing matters.
    const rr = [new Harness(), new Harness()];
    let n = 0;
    const lost = steps
      .flatMap((s) => rr[n++ % 2].observe(step(s.ix, s.at, s.detections)))
      .filter((d) => d.ruleId === BEH.repeatedAttempts);
    expect(lost.length).toBeLessThan(attackers.length);
    expect(MIN).toBe(60_000);
  });
});
