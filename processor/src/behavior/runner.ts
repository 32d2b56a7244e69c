import type { Detection, FindingCategory, Interaction } from '@tracehound/core';
import { newTurn } from '../detect/texts.js';
import type { BehaviorConfig } from './config.js';
import { authDetector } from './detectors/auth.js';
import { campaignDetector } from './detectors/campaign.js';
import { costSpikeDetector } from './detectors/cost-spike.js';
import { inputRateDetector } from './detectors/input-rate.js';
import { modelDriftDetector } from './detectors/model-drift.js';
import { outputSpikeDetector } from './detectors/output-spike.js';
import { refusalClusterDetector } from './detectors/refusal-cluster.js';
import { repeatedAttemptsDetector } from './detectors/repeated-attempts.js';
import { scopeDetector } from './detectors/scope.js';
import { guardrailsDetector } from './detectors/guardrails.js';
import { modelExtractionDetector } from './detectors/model-extraction.js';
import { probingDetector } from './detectors/probing.js';
import { reconnaissanceDetector } from './detectors/reconnaissance.js';
import { makeFire, makeQuiet, type DetectorEnv } from './env.js';
import { BehaviorMetrics } from './metrics.js';
import { behaviorRules } from './rules.js';
import { FireGate } from './state/gate.js';
import { BoundedStore } from './state/store.js';
import type {
  BehaviorDeps,
  BehaviorDetection,
  BehaviorDetector,
  BehaviorRunner,
  BehaviorStats,
  Entity,
  ObserveContext,
  StoreLike,
} from './types.js';

/** Every behavioral detector, in the order they run. */
const FACTORIES: ReadonlyArray<(env: DetectorEnv) => BehaviorDetector> = [
  repeatedAttemptsDetector,
  refusalClusterDetector,
  inputRateDetector,
  outputSpikeDetector,
  costSpikeDetector,
  authDetector,
  campaignDetector,
  modelDriftDetector,
  scopeDetector,
  modelExtractionDetector,
  guardrailsDetector,
  probingDetector,
  reconnaissanceDetector,
];

/** The longest window any rule dedupes over: the fire-once store keeps keys that long. */
function longestWindowSeconds(c: BehaviorConfig): number {
  return Math.max(
    c.repeatedAttempts.windowSeconds,
    c.refusalCluster.windowSeconds,
    c.inputRate.windowSeconds,
    c.outputSpike.windowSeconds,
    c.costSpike.windowSeconds,
    c.auth.windowSeconds,
    c.auth.failureWindowSeconds,
    c.campaign.windowSeconds,
    c.modelDrift.windowSeconds,
    c.scope.dedupeSeconds,
    c.modelExtraction.windowSeconds,
    c.guardrails.windowSeconds,
    c.probing.windowSeconds,
    c.reconnaissance.windowSeconds,
    1,
  );
}

function startMs(ix: Interaction, now: number): number {
  const ns = ix.timing?.startNs;
  if (typeof ns !== 'bigint' || ns <= 0n) return now;
  return Number(ns / 1_000_000n);
}

/**
 * The behavioral runner: called once per Interaction after the content detectors, with their detections. Keeps
 * bounded per-session, per-user, per-key, per-model and per-tenant state and returns the patterns that completed on
 * this interaction, each at most once per window per entity. Single-threaded and synchronous; never throws.
 */
export function createBehaviorRunner(config: BehaviorConfig, deps: BehaviorDeps): BehaviorRunner {
  const clock = deps.clock;
  const ownStores: BoundedStore<unknown>[] = [];
  const gate = new FireGate(config.maxEntriesPerStore, longestWindowSeconds(config) * 1000);
  let metrics: BehaviorMetrics | undefined;
  const env: DetectorEnv = {
    config,
    store<V>(name: string, ttlMs: number) {
      const s = new BoundedStore<V>(name, config.maxEntriesPerStore, ttlMs);
      ownStores.push(s as BoundedStore<unknown>);
      return s;
    },
    fire: makeFire(gate, config.maxSpanIds, (rule) => metrics?.fired(rule)),
    quiet: makeQuiet(gate),
  };
  const detectors = FACTORIES.map((f) => f(env));
  const allStores = (): StoreLike[] => [...detectors.flatMap((d) => d.stores), gate.store];
  if (deps.metrics) metrics = new BehaviorMetrics(deps.metrics, allStores);
  const finishReasons = new Set(config.refusalCluster.finishReasons);
  let closed = false;

  const context = (ix: Interaction, detections: Detection[], now: number): ObserveContext => {
    const categories = new Set<FindingCategory>();
    const detectionCategories = detections.map((d) => {
      const category = deps.ruleCategory(d.ruleId);
      if (category) categories.add(category);
      return { ruleId: d.ruleId, category, channel: d.channel };
    });
    const id = ix.identity ?? {};
    const session = id.session ?? id.conversation;
    const actor: Entity | undefined = session
      ? { type: 'session', id: session }
      : id.user
        ? { type: 'user', id: id.user }
        : id.apiKeyFingerprint
          ? { type: 'api_key', id: id.apiKeyFingerprint }
          : undefined;
    let refused = categories.has('refusal');
    if (!refused)
      for (const m of ix.output ?? []) if (m.finishReason && finishReasons.has(m.finishReason)) refused = true;
    let text: string | undefined;
    return {
      ix,
      detections,
      categories,
      detectionCategories,
      now,
      eventMs: startMs(ix, now),
      session,
      actor,
      refused,
      userText() {
        if (text === undefined) {
          const parts: string[] = [];
          for (const m of newTurn(ix.input ?? []))
            if ((m.role === 'user' || m.role === 'unknown') && m.content) parts.push(m.content);
          text = parts.join('\n');
        }
        return text;
      },
    };
  };

  return {
    rules: behaviorRules,
    observe(ix, detections) {
      if (!config.enabled || closed) return [];
      const out: BehaviorDetection[] = [];
      let ctx: ObserveContext;
      try {
        ctx = context(ix, detections, clock());
      } catch (err) {
        deps.onError?.('context', err);
        metrics?.failed('context');
        return out;
      }
      for (const d of detectors) {
        try {
          d.observe(ctx, out);
        } catch (err) {
          deps.onError?.(d.id, err);
          metrics?.failed(d.id);
        }
      }
      return out;
    },
    stats(): BehaviorStats {
      const stats: BehaviorStats = { stores: {}, evictions: {}, totalEntries: 0, totalEvictions: 0 };
      for (const s of allStores()) {
        const ev = s.evictions.lru + s.evictions.ttl;
        stats.stores[s.name] = s.size;
        stats.evictions[s.name] = ev;
        stats.totalEntries += s.size;
        stats.totalEvictions += ev;
      }
      return stats;
    },
    shutdown() {
      if (closed) return;
      closed = true;
      for (const s of ownStores) s.clear();
      gate.store.clear();
      for (const d of detectors) d.shutdown?.();
      metrics?.unregister();
    },
  };
}
