import type { Registry } from 'prom-client';
import type { Detection, FindingCategory, RuleMeta, Channel, Interaction } from '@tracehound/core';

export type EntityType = 'session' | 'user' | 'api_key' | 'model' | 'tenant' | 'service';

export interface Entity {
  type: EntityType;
  id: string;
}

/**
 * A behavioral pattern: a Detection attached to the span that completed it, plus the entity it concerns. details carry
 * the window's evidence: count, baseline, observed, threshold, windowSeconds, and spanIds of the spans that formed it.
 */
export interface BehaviorDetection extends Detection {
  entity: Entity;
}

export interface BehaviorDeps {
  /** Milliseconds since the epoch; every window, TTL and dedupe reads this clock. */
  clock: () => number;
  /** When given, state sizes, evictions and detections are exported as metrics. */
  metrics?: Registry;
  /** Category of a content rule id (content detections arrive by rule id). */
  ruleCategory: (ruleId: string) => FindingCategory | undefined;
  /** Told when a detector throws on one input (the others still run); the hot path never throws. */
  onError?: (detector: string, err: unknown) => void;
}

export interface BehaviorStats {
  /** Live entries per store (store names are stable: session.attacks, key.cost, campaign.clusters...). */
  stores: Record<string, number>;
  /** Evictions per store since start, LRU and TTL together. */
  evictions: Record<string, number>;
  totalEntries: number;
  totalEvictions: number;
}

export interface BehaviorRunner {
  readonly rules: readonly RuleMeta[];
  observe(ix: Interaction, detections: Detection[]): BehaviorDetection[];
  stats(): BehaviorStats;
  /** Drops all state and detaches metrics collection; observe() returns [] afterwards. */
  shutdown(): void;
}

/** What one observe() call shares across detectors, computed once. */
export interface ObserveContext {
  ix: Interaction;
  detections: Detection[];
  /** Categories of the content detections on this interaction. */
  categories: ReadonlySet<FindingCategory>;
  /** The content detections with their categories resolved. */
  detectionCategories: ReadonlyArray<{ ruleId: string; category?: FindingCategory; channel: Channel }>;
  /** Processing time (deps.clock). */
  now: number;
  /** The span's own start time in ms (for inter-request gaps), or now when absent. */
  eventMs: number;
  /** session id (or conversation id when no session). */
  session?: string;
  /** Who acts: the session, else the user, else the API key. */
  actor?: Entity;
  /** The answer was a refusal (refusal detection or refusal finish reason). */
  refused: boolean;
  /** Text of the new user turn (lazily computed, cached). */
  userText(): string;
}

/** What stats and metrics read from any bounded state container. */
export interface StoreLike {
  readonly name: string;
  readonly size: number;
  readonly maxEntries: number;
  readonly evictions: Readonly<Record<'lru' | 'ttl', number>>;
}

/** One stateful detector: owns its bounded stores, appends what fires to out. */
export interface BehaviorDetector {
  readonly id: string;
  readonly stores: ReadonlyArray<StoreLike>;
  observe(ctx: ObserveContext, out: BehaviorDetection[]): void;
  /** Drop state the stores do not cover. */
  shutdown?(): void;
}
