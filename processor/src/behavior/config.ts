import { Type, type Static, type TProperties } from '@sinclair/typebox';
import type { FindingCategory } from '@tracehound/core';
import { StringEnum } from '../schema/types.js';

const int = (minimum: number, maximum: number) => Type.Integer({ minimum, maximum });
const num = (minimum: number, maximum: number) => Type.Number({ minimum, maximum });
const bool = Type.Boolean();
const strings = Type.Array(Type.String({ minLength: 1 }), { maxItems: 256 });
/** Finding categories as plain strings (the schema does not list them; an unknown one simply never matches). */
const categories = Type.Array(Type.Unsafe<FindingCategory>(Type.String({ minLength: 1 })), { maxItems: 256 });
const seconds = int(1, 365 * 86400);

/** Entities the cost detector can track a budget and a baseline for. */
const COST_ENTITIES = ['api_key', 'tenant', 'user'] as const;
export type CostEntity = (typeof COST_ENTITIES)[number];

const nonEmpty = Type.Optional(Type.String({ minLength: 1 }));

/** LLM calls that must carry a guardrail: every given field must match (a trailing '*' matches a prefix). */
const GuardrailRequirementSchema = Type.Object(
  { service: nonEmpty, model: nonEmpty, workload: nonEmpty, provider: nonEmpty },
  { additionalProperties: false, minProperties: 1 },
);
export type GuardrailRequirement = Static<typeof GuardrailRequirementSchema>;

const section = <P extends TProperties>(properties: P) => Type.Object(properties, { additionalProperties: false });

/**
 * Settings of the behavioral (stateful) detectors, defined once: the schema the loader checks and the type derived
 * from it. Every window, threshold and memory bound is here; defaults are documented in docs/behavior.md. Times are
 * in seconds, memory bounds in entries per store.
 */
export const behaviorConfigSchema = section({
  enabled: bool,
  /** Hard cap on entries in any one state store (LRU beyond it). */
  maxEntriesPerStore: int(100, 10_000_000),
  /** Idle time after which per-session state is dropped. */
  sessionTtlSeconds: seconds,
  /** Idle time after which per-key, per-user, per-tenant and per-model baselines are dropped. */
  baselineTtlSeconds: seconds,
  /** Most linked span ids carried by one behavioral finding. */
  maxSpanIds: int(1, 100),
  repeatedAttempts: section({
    enabled: bool,
    threshold: int(2, 1000),
    windowSeconds: seconds,
    attackCategories: categories,
    /** A detection of one of these on an output (or tool call) of the same session means an attempt succeeded. */
    leakCategories: categories,
  }),
  refusalCluster: section({
    enabled: bool,
    windowSeconds: seconds,
    sessionThreshold: int(2, 1000),
    apiKeyThreshold: int(2, 1000),
    /** Output finish reasons that count as a refusal besides refusal-category detections. */
    finishReasons: strings,
  }),
  inputRate: section({
    enabled: bool,
    /** Faster than this (chars of new user text per second since the previous request) is not typed by a person. */
    maxHumanCharsPerSecond: num(0.1, 100_000),
    /** Requests with less new user text than this are ignored (short messages are typed fast). */
    minChars: int(1, 1_000_000),
    /** Consecutive inhuman requests needed. */
    consecutive: int(1, 1000),
    windowSeconds: seconds,
    /** Sessions whose identity declares a workload (a batch job, an agent) are exempt. */
    exemptDeclaredWorkloads: bool,
    /** When non-empty, only these workload names are exempt (instead of any declared workload). */
    exemptWorkloads: strings,
  }),
  outputSpike: section({
    enabled: bool,
    /** Answers the app (service + model) must have produced before its baseline is trusted. */
    warmup: int(1, 1_000_000),
    /** EWMA smoothing factor (0..1]; smaller remembers longer. */
    alpha: num(0.0001, 1),
    /** Fires when observed > max(ratio × mean, mean + zScore × stddev) and observed ≥ minTokens. */
    ratio: num(1, 1000),
    zScore: num(0, 100),
    minTokens: int(0, 10_000_000),
    windowSeconds: seconds,
    /** Estimate for answers without token usage. */
    charsPerToken: num(0.5, 100),
  }),
  costSpike: section({
    enabled: bool,
    entities: Type.Array(StringEnum(COST_ENTITIES), { uniqueItems: true }),
    /** Spend is summed per bucket; the baseline learns the total of each active bucket. */
    bucketSeconds: int(1, 86400),
    warmupBuckets: int(1, 100_000),
    alpha: num(0.0001, 1),
    ratio: num(1, 10_000),
    zScore: num(0, 100),
    /** A bucket below this many tokens never counts as a spike. */
    minTokens: int(0, 1_000_000_000),
    /** Sliding window of the absolute budget (and the dedupe window of both rules). */
    windowSeconds: seconds,
    /** Tokens per window per entity; 0 disables. */
    budgetTokens: int(0, Number.MAX_SAFE_INTEGER),
    /** USD per window per entity; 0 disables. */
    budgetCostUsd: num(0, 1e12),
  }),
  auth: section({
    enabled: bool,
    /** Interaction kinds whose client address teaches and tests the known networks. */
    networkEventKinds: strings,
    /** An entity's networks are learned for this long, and over at least learningEvents events, before new ones alert. */
    learningSeconds: int(0, 365 * 86400),
    learningEvents: int(0, 1_000_000),
    maxNetworksPerEntity: int(1, 1024),
    ipv4PrefixBits: int(8, 32),
    ipv6PrefixBits: int(16, 128),
    failureThreshold: int(1, 1000),
    failureWindowSeconds: seconds,
    windowSeconds: seconds,
    /** Idle time after which an entity's learned networks are forgotten. */
    ttlSeconds: seconds,
  }),
  campaign: section({
    enabled: bool,
    /** Distinct sessions that must share a near-duplicate prompt within the window. */
    minSessions: int(2, 10_000),
    windowSeconds: seconds,
    shingleWords: int(1, 10),
    /** Prompts with fewer words are not indexed (greetings repeat everywhere). */
    minWords: int(1, 10_000),
    /** Only the first maxChars of a prompt are hashed. */
    maxChars: int(64, 1_000_000),
    numHashes: int(8, 512),
    bands: int(1, 512),
    /** Estimated Jaccard similarity a candidate must reach to join a cluster. */
    similarity: num(0, 1),
    maxClusters: int(10, 10_000_000),
    /** Index only prompts that already carry a content detection. */
    onlyFlagged: bool,
  }),
  modelDrift: section({
    enabled: bool,
    windowSeconds: seconds,
    /** Both the reference and the current window need this many answers. */
    minSamples: int(1, 10_000_000),
    /** Population stability index of the output-length distribution that counts as drift. */
    psiThreshold: num(0, 100),
    /** Refusal-rate drift needs both an absolute change and a two-proportion z score. */
    refusalRateDelta: num(0, 1),
    refusalZ: num(0, 100),
    /** After this many drifted windows in a row, the current window becomes the new reference. */
    adoptAfterWindows: int(1, 1000),
    /** Upper edges (tokens) of the output-length buckets; a last open bucket is added. */
    lengthBuckets: Type.Array(Type.Number({ exclusiveMinimum: 0 }), { minItems: 1, maxItems: 64 }),
  }),
  scope: section({
    enabled: bool,
    dataScope: bool,
    crossTenant: bool,
    tools: bool,
    /** 0: fire per event; otherwise once per entity, rule and target within this many seconds. */
    dedupeSeconds: int(0, 365 * 86400),
  }),
  modelExtraction: section({
    enabled: bool,
    /** Judge per user, per API key, or both. */
    entities: Type.Array(StringEnum(['api_key', 'user']), { uniqueItems: true, minItems: 1 }),
    /** Tumbling window per entity, from its first request. */
    windowSeconds: seconds,
    /** Requests in the window before the pattern is considered. */
    minRequests: int(10, 10_000_000),
    /** Estimated distinct prompts / requests needed. */
    minDistinctRatio: num(0, 1),
    /** Share of requests that start a conversation (no earlier assistant turn in the input) needed. */
    minSingleTurnRatio: num(0, 1),
    /** Hashes kept by the distinct-prompt sketch (error about 1/sqrt of it). */
    sketchSize: int(16, 4096),
    /** A key seen with more distinct users than this in a window is an application's shared key: judged per user. */
    sharedKeyUsers: int(1, 100_000),
    /** Calls whose identity declares one of these workloads are exempt (an evaluation job, a batch labeller). */
    exemptWorkloads: strings,
    /** Exempt any declared workload (when exemptWorkloads is empty). */
    exemptDeclaredWorkloads: bool,
  }),
  guardrails: section({
    enabled: bool,
    /** LLM calls that must carry a policy decision, moderation or guardrail evidence. Empty: TH-BEH-090 is off. */
    require: Type.Array(GuardrailRequirementSchema, { maxItems: 256 }),
    traceWindowSeconds: seconds,
    /** Missing guardrails are reported once per service and model per window. */
    windowSeconds: seconds,
    /** Policy or moderation decisions that mean the guardrail was bypassed or turned off (case-insensitive). */
    bypassDecisions: strings,
  }),
  probing: section({
    enabled: bool,
    /** Validation errors per entity within the window that fire. */
    threshold: int(2, 100_000),
    windowSeconds: seconds,
    /** HTTP statuses that are validation errors. */
    statusCodes: Type.Array(Type.Integer({ minimum: 400, maximum: 499 }), { maxItems: 100, uniqueItems: true }),
    errorTypes: strings,
  }),
  reconnaissance: section({
    enabled: bool,
    windowSeconds: seconds,
    /** Distinct models one entity requests within the window that fire. */
    distinctModels: int(2, 1000),
    /** Model listing or lookup calls one entity makes within the window that fire. */
    listingThreshold: int(1, 100_000),
    /** Model names remembered per entity. */
    maxModelsTracked: int(2, 1024),
  }),
});

export type BehaviorConfig = Static<typeof behaviorConfigSchema>;

export const behaviorDefaults: BehaviorConfig = {
  enabled: true,
  maxEntriesPerStore: 200_000,
  sessionTtlSeconds: 3600,
  baselineTtlSeconds: 7 * 86400,
  maxSpanIds: 10,
  repeatedAttempts: {
    enabled: true,
    threshold: 5,
    windowSeconds: 600,
    attackCategories: ['prompt_injection', 'jailbreak', 'system_prompt_extraction'],
    leakCategories: ['system_prompt_leak', 'secret_leak', 'data_exfiltration'],
  },
  refusalCluster: {
    enabled: true,
    windowSeconds: 600,
    sessionThreshold: 4,
    apiKeyThreshold: 20,
    finishReasons: ['refusal', 'content_filter'],
  },
  inputRate: {
    enabled: true,
    maxHumanCharsPerSecond: 15,
    minChars: 150,
    consecutive: 5,
    windowSeconds: 600,
    exemptDeclaredWorkloads: true,
    exemptWorkloads: [],
  },
  outputSpike: {
    enabled: true,
    warmup: 50,
    alpha: 0.05,
    ratio: 4,
    zScore: 4,
    minTokens: 1000,
    windowSeconds: 600,
    charsPerToken: 4,
  },
  costSpike: {
    enabled: true,
    entities: ['api_key', 'tenant'],
    bucketSeconds: 60,
    warmupBuckets: 10,
    alpha: 0.1,
    ratio: 10,
    zScore: 6,
    minTokens: 20_000,
    windowSeconds: 3600,
    budgetTokens: 0,
    budgetCostUsd: 0,
  },
  auth: {
    enabled: true,
    networkEventKinds: ['auth'],
    learningSeconds: 3 * 86400,
    learningEvents: 10,
    maxNetworksPerEntity: 32,
    ipv4PrefixBits: 24,
    ipv6PrefixBits: 64,
    failureThreshold: 5,
    failureWindowSeconds: 600,
    windowSeconds: 3600,
    ttlSeconds: 30 * 86400,
  },
  campaign: {
    enabled: true,
    minSessions: 5,
    windowSeconds: 3600,
    shingleWords: 3,
    minWords: 12,
    maxChars: 8192,
    numHashes: 64,
    bands: 16,
    similarity: 0.6,
    maxClusters: 50_000,
    onlyFlagged: false,
  },
  modelDrift: {
    enabled: true,
    windowSeconds: 3600,
    minSamples: 200,
    psiThreshold: 0.25,
    refusalRateDelta: 0.1,
    refusalZ: 4,
    adoptAfterWindows: 3,
    lengthBuckets: [16, 32, 64, 128, 256, 512, 1024, 2048, 4096],
  },
  scope: { enabled: true, dataScope: true, crossTenant: true, tools: true, dedupeSeconds: 0 },
  modelExtraction: {
    enabled: true,
    entities: ['api_key', 'user'],
    windowSeconds: 3600,
    minRequests: 300,
    minDistinctRatio: 0.9,
    minSingleTurnRatio: 0.8,
    sketchSize: 64,
    sharedKeyUsers: 20,
    exemptWorkloads: [],
    exemptDeclaredWorkloads: false,
  },
  guardrails: {
    enabled: true,
    require: [],
    traceWindowSeconds: 300,
    windowSeconds: 3600,
    bypassDecisions: ['bypass', 'bypassed', 'skip', 'skipped', 'disabled', 'off', 'override', 'overridden'],
  },
  probing: {
    enabled: true,
    threshold: 20,
    windowSeconds: 600,
    statusCodes: [400, 404, 405, 409, 413, 415, 422],
    errorTypes: [
      'BadRequestError',
      'NotFoundError',
      'UnprocessableEntityError',
      'ConflictError',
      'invalid_request_error',
      'not_found_error',
      'ValidationException',
      'ValidationError',
      'InvalidArgument',
      'INVALID_ARGUMENT',
      'ResourceNotFoundException',
    ],
  },
  reconnaissance: {
    enabled: true,
    windowSeconds: 600,
    distinctModels: 5,
    listingThreshold: 5,
    maxModelsTracked: 32,
  },
};

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
export type BehaviorConfigInput = DeepPartial<BehaviorConfig>;

/** Defaults overlaid with a partial config (one level of sections deep; arrays replace). */
export function resolveBehaviorConfig(input: BehaviorConfigInput = {}): BehaviorConfig {
  const out = structuredClone(behaviorDefaults) as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    const base = out[k];
    out[k] =
      base && typeof base === 'object' && !Array.isArray(base) && typeof v === 'object' && !Array.isArray(v)
        ? { ...base, ...v }
        : v;
  }
  return out as unknown as BehaviorConfig;
}
