import type { Channel } from '@tracehound/core';
import type { BehaviorConfig } from './config.js';
import type { FireGate } from './state/gate.js';
import type { BoundedStore } from './state/store.js';
import type { BehaviorDetection, Entity } from './types.js';

/** One pattern occurrence, as a detector describes it; the environment dedupes it and shapes the detection. */
export interface PatternHit {
  ruleId: string;
  entity: Entity;
  /** Dedupe window (and the window the evidence was counted over). */
  windowSeconds: number;
  confidence: number;
  channel: Channel;
  evidence: string;
  count: number;
  observed: number;
  threshold: number;
  baseline?: number;
  spanIds: string[];
  /** Extra detail fields (no raw content). */
  extra?: Record<string, string | number | boolean | string[]>;
  /** Appended to the dedupe key when one entity can have several independent patterns (a network, a campaign). */
  dedupeSuffix?: string;
  /** Fire per event (no dedupe). */
  perEvent?: boolean;
}

/** What detectors get from the engine: config, bounded stores and the fire-once gate. */
export interface DetectorEnv {
  readonly config: BehaviorConfig;
  /** A new bounded store, registered for stats and metrics. */
  store<V>(name: string, ttlMs: number): BoundedStore<V>;
  /** Emit the hit into out unless it already fired for this rule and entity within its window. */
  fire(out: BehaviorDetection[], hit: PatternHit, now: number): boolean;
  /** Start a rule's quiet window for an entity without emitting (an escalated rule replaced it). */
  quiet(ruleId: string, entity: Entity, windowSeconds: number, now: number): void;
}

function gateKey(ruleId: string, entity: Entity, suffix?: string): string {
  return `${ruleId}\u0000${entity.type}\u0000${entity.id}${suffix ? `\u0000${suffix}` : ''}`;
}

export function makeQuiet(gate: FireGate): DetectorEnv['quiet'] {
  return (ruleId, entity, windowSeconds, now) => {
    gate.tryFire(gateKey(ruleId, entity), now, windowSeconds * 1000);
  };
}

/** Rounds for evidence and details: keep numbers readable, never NaN/Infinity in a finding. */
export function round(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return 0;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function makeFire(gate: FireGate, maxSpanIds: number, onFire?: (ruleId: string) => void): DetectorEnv['fire'] {
  return (out, hit, now) => {
    if (!hit.perEvent) {
      if (!gate.tryFire(gateKey(hit.ruleId, hit.entity, hit.dedupeSuffix), now, hit.windowSeconds * 1000)) return false;
    }
    const spanIds = hit.spanIds.length > maxSpanIds ? hit.spanIds.slice(hit.spanIds.length - maxSpanIds) : hit.spanIds;
    const details: Record<string, string | number | boolean | string[]> = {
      ...hit.extra,
      count: hit.count,
      observed: round(hit.observed),
      threshold: round(hit.threshold),
      windowSeconds: hit.windowSeconds,
      spanIds,
    };
    if (hit.baseline !== undefined) details.baseline = round(hit.baseline);
    out.push({
      ruleId: hit.ruleId,
      confidence: Math.max(0, Math.min(1, hit.confidence)),
      channel: hit.channel,
      evidence: hit.evidence,
      details,
      entity: hit.entity,
    });
    onFire?.(hit.ruleId);
    return true;
  };
}
