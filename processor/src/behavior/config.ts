import type { FindingCategory } from '@tracehound/core';

/** Entities the cost detector can track a budget and a baseline for. */
export type CostEntity = 'api_key' | 'tenant' | 'user';

/** LLM calls that must carry a guardrail: every given field must match (a trailing '*' matches a prefix). */
export interface GuardrailRequirement {
  service?: string;
  model?: string;
  workload?: string;
  provider?: string;
}

/**
 * Settings of the behavioral (stateful) detectors. Every window, threshold and memory bound is here; defaults are
 * documented in docs/behavior.md. Times are in seconds, memory bounds in entries per store.
 */
export interface BehaviorConfig {
  enabled: boolean;
  /** Hard cap on entries in any one state store (LRU beyond it). */
  maxEntriesPerStore: number;
  /** Idle time after which per-session state is dropped. */
  sessionTtlSeconds: number;
  /** Idle time after which per-key, per-user, per-tenant and per-model baselines are dropped. */
  baselineTtlSeconds: number;
  /** Most linked span ids carried by one behavioral finding. */
  maxSpanIds: number;
  repeatedAttempts: {
    enabled: boolean;
    threshold: number;
    windowSeconds: number;
    attackCategories: FindingCategory[];
    /** A detection of one of these on an output (or tool call) of the same session means an attempt succeeded. */
    leakCategories: FindingCategory[];
  };
  refusalCluster: {
    enabled: boolean;
    windowSeconds: number;
    sessionThreshold: number;
    apiKeyThreshold: number;
    /** Output finish reasons that count as a refusal besides refusal-category detections. */
    finishReasons: string[];
  };
  inputRate: {
    enabled: boolean;
    /** Faster than this (chars of new user text per second since the previous request) is not typed by a person. */
    maxHumanCharsPerSecond: number;
    /** Requests with less new user text than this are ignored (short messages are typed fast). */
    minChars: number;
    /** Consecutive inhuman requests needed. */
    consecutive: number;
    windowSeconds: number;
    /** Sessions whose identity declares a workload (a batch job, an agent) are exempt. */
    exemptDeclaredWorkloads: boolean;
    /** When non-empty, only these workload names are exempt (instead of any declared workload). */
    exemptWorkloads: string[];
  };
  outputSpike: {
    enabled: boolean;
    /** Answers the app (service + model) must have produced before its baseline is trusted. */
    warmup: number;
    /** EWMA smoothing factor (0..1]; smaller remembers longer. */
    alpha: number;
    /** Fires when observed > max(ratio × mean, mean + zScore × stddev) and observed ≥ minTokens. */
    ratio: number;
    zScore: number;
    minTokens: number;
    windowSeconds: number;
    /** Estimate for answers without token usage. */
    charsPerToken: number;
  };
  costSpike: {
    enabled: boolean;
    entities: CostEntity[];
    /** Spend is summed per bucket; the baseline learns the total of each active bucket. */
    bucketSeconds: number;
    warmupBuckets: number;
    alpha: number;
    ratio: number;
    zScore: number;
    /** A bucket below this many tokens never counts as a spike. */
    minTokens: number;
    /** Sliding window of the absolute budget (and the dedupe window of both rules). */
    windowSeconds: number;
    /** Tokens per window per entity; 0 disables. */
    budgetTokens: number;
    /** USD per window per entity; 0 disables. */
    budgetCostUsd: number;
  };
  auth: {
    enabled: boolean;
    /** Interaction kinds whose client address teaches and tests the known networks. */
    networkEventKinds: string[];
    /** An entity's networks are learned for this long, and over at least learningEvents events, before new ones alert. */
    learningSeconds: number;
    learningEvents: number;
    maxNetworksPerEntity: number;
    ipv4PrefixBits: number;
    ipv6PrefixBits: number;
    failureThreshold: number;
    failureWindowSeconds: number;
    windowSeconds: number;
    /** Idle time after which an entity's learned networks are forgotten. */
    ttlSeconds: number;
  };
  campaign: {
    enabled: boolean;
    /** Distinct sessions that must share a near-duplicate prompt within the window. */
    minSessions: number;
    windowSeconds: number;
    shingleWords: number;
    /** Prompts with fewer words are not indexed (greetings repeat everywhere). */
    minWords: number;
    /** Only the first maxChars of a prompt are hashed. */
    maxChars: number;
    numHashes: number;
    bands: number;
    /** Estimated Jaccard similarity a candidate must reach to join a cluster. */
    similarity: number;
    maxClusters: number;
    /** Index only prompts that already carry a content detection. */
    onlyFlagged: boolean;
  };
  modelDrift: {
    enabled: boolean;
    windowSeconds: number;
    /** Both the reference and the current window need this many answers. */
    minSamples: number;
    /** Population stability index of the output-length distribution that counts as drift. */
    psiThreshold: number;
    /** Refusal-rate drift needs both an absolute change and a two-proportion z score. */
    refusalRateDelta: number;
    refusalZ: number;
    /** After this many drifted windows in a row, the current window becomes the new reference. */
    adoptAfterWindows: number;
    /** Upper edges (tokens) of the output-length buckets; a last open bucket is added. */
    lengthBuckets: number[];
  };
  scope: {
    enabled: boolean;
    dataScope: boolean;
    crossTenant: boolean;
    tools: boolean;
    /** 0: fire per event; otherwise once per entity, rule and target within this many seconds. */
    dedupeSeconds: number;
  };
  modelExtraction: {
    enabled: boolean;
    /** Judge per user, per API key, or both. */
    entities: Array<'api_key' | 'user'>;
    /** Tumbling window per entity, from its first request. */
    windowSeconds: number;
    /** Requests in the window before the pattern is considered. */
    minRequests: number;
    /** Estimated distinct prompts / requests needed. */
    minDistinctRatio: number;
    /** Share of requests that start a conversation (no earlier assistant turn in the input) needed. */
    minSingleTurnRatio: number;
    /** Hashes kept by the distinct-prompt sketch (error about 1/sqrt of it). */
    sketchSize: number;
    /** A key seen with more distinct users than this in a window is an application's shared key: judged per user. */
    sharedKeyUsers: number;
    /** Calls whose identity declares one of these workloads are exempt (an evaluation job, a batch labeller). */
    exemptWorkloads: string[];
    /** Exempt any declared workload (when exemptWorkloads is empty). */
    exemptDeclaredWorkloads: boolean;
  };
  guardrails: {
    enabled: boolean;
    /** LLM calls that must carry a policy decision, moderation or guardrail evidence. Empty: TH-BEH-090 is off. */
    require: GuardrailRequirement[];
    /** A guardrail seen on a span of the same trace covers the trace's later calls for this long. */
    traceWindowSeconds: number;
    /** Missing guardrails are reported once per service and model per window. */
    windowSeconds: number;
    /** Policy or moderation decisions that mean the guardrail was bypassed or turned off (case-insensitive). */
    bypassDecisions: string[];
  };
  probing: {
    enabled: boolean;
    /** Validation errors per entity within the window that fire. */
    threshold: number;
    windowSeconds: number;
    /** HTTP statuses that are validation errors. */
    statusCodes: number[];
    /** Error types (error.type, exception type; case-insensitive) that are validation errors. */
    errorTypes: string[];
  };
  reconnaissance: {
    enabled: boolean;
    windowSeconds: number;
    /** Distinct models one entity requests within the window that fire. */
    distinctModels: number;
    /** Model listing or lookup calls one entity makes within the window that fire. */
    listingThreshold: number;
    /** Model names remembered per entity. */
    maxModelsTracked: number;
  };
}

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

// --- JSON schema (ajv, strict) ------------------------------------------------------------------------------------

const int = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum });
const num = (minimum: number, maximum: number) => ({ type: 'number', minimum, maximum });
const bool = { type: 'boolean' };
const strings = { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 256 };
const seconds = int(1, 365 * 86400);
const section = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, properties });

/** Schema fragment for the `behavior` section of the processor config (all properties optional; defaults fill in). */
export const behaviorConfigSchema = section({
  enabled: bool,
  maxEntriesPerStore: int(100, 10_000_000),
  sessionTtlSeconds: seconds,
  baselineTtlSeconds: seconds,
  maxSpanIds: int(1, 100),
  repeatedAttempts: section({
    enabled: bool,
    threshold: int(2, 1000),
    windowSeconds: seconds,
    attackCategories: strings,
    leakCategories: strings,
  }),
  refusalCluster: section({
    enabled: bool,
    windowSeconds: seconds,
    sessionThreshold: int(2, 1000),
    apiKeyThreshold: int(2, 1000),
    finishReasons: strings,
  }),
  inputRate: section({
    enabled: bool,
    maxHumanCharsPerSecond: num(0.1, 100_000),
    minChars: int(1, 1_000_000),
    consecutive: int(1, 1000),
    windowSeconds: seconds,
    exemptDeclaredWorkloads: bool,
    exemptWorkloads: strings,
  }),
  outputSpike: section({
    enabled: bool,
    warmup: int(1, 1_000_000),
    alpha: num(0.0001, 1),
    ratio: num(1, 1000),
    zScore: num(0, 100),
    minTokens: int(0, 10_000_000),
    windowSeconds: seconds,
    charsPerToken: num(0.5, 100),
  }),
  costSpike: section({
    enabled: bool,
    entities: { type: 'array', items: { enum: ['api_key', 'tenant', 'user'] }, uniqueItems: true },
    bucketSeconds: int(1, 86400),
    warmupBuckets: int(1, 100_000),
    alpha: num(0.0001, 1),
    ratio: num(1, 10_000),
    zScore: num(0, 100),
    minTokens: int(0, 1_000_000_000),
    windowSeconds: seconds,
    budgetTokens: int(0, Number.MAX_SAFE_INTEGER),
    budgetCostUsd: num(0, 1e12),
  }),
  auth: section({
    enabled: bool,
    networkEventKinds: strings,
    learningSeconds: int(0, 365 * 86400),
    learningEvents: int(0, 1_000_000),
    maxNetworksPerEntity: int(1, 1024),
    ipv4PrefixBits: int(8, 32),
    ipv6PrefixBits: int(16, 128),
    failureThreshold: int(1, 1000),
    failureWindowSeconds: seconds,
    windowSeconds: seconds,
    ttlSeconds: seconds,
  }),
  campaign: section({
    enabled: bool,
    minSessions: int(2, 10_000),
    windowSeconds: seconds,
    shingleWords: int(1, 10),
    minWords: int(1, 10_000),
    maxChars: int(64, 1_000_000),
    numHashes: int(8, 512),
    bands: int(1, 512),
    similarity: num(0, 1),
    maxClusters: int(10, 10_000_000),
    onlyFlagged: bool,
  }),
  modelDrift: section({
    enabled: bool,
    windowSeconds: seconds,
    minSamples: int(1, 10_000_000),
    psiThreshold: num(0, 100),
    refusalRateDelta: num(0, 1),
    refusalZ: num(0, 100),
    adoptAfterWindows: int(1, 1000),
    lengthBuckets: { type: 'array', items: { type: 'number', exclusiveMinimum: 0 }, minItems: 1, maxItems: 64 },
  }),
  scope: section({
    enabled: bool,
    dataScope: bool,
    crossTenant: bool,
    tools: bool,
    dedupeSeconds: int(0, 365 * 86400),
  }),
  modelExtraction: section({
    enabled: bool,
    entities: { type: 'array', items: { enum: ['api_key', 'user'] }, uniqueItems: true, minItems: 1 },
    windowSeconds: seconds,
    minRequests: int(10, 10_000_000),
    minDistinctRatio: num(0, 1),
    minSingleTurnRatio: num(0, 1),
    sketchSize: int(16, 4096),
    sharedKeyUsers: int(1, 100_000),
    exemptWorkloads: strings,
    exemptDeclaredWorkloads: bool,
  }),
  guardrails: section({
    enabled: bool,
    require: {
      type: 'array',
      maxItems: 256,
      items: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          service: { type: 'string', minLength: 1 },
          model: { type: 'string', minLength: 1 },
          workload: { type: 'string', minLength: 1 },
          provider: { type: 'string', minLength: 1 },
        },
      },
    },
    traceWindowSeconds: seconds,
    windowSeconds: seconds,
    bypassDecisions: strings,
  }),
  probing: section({
    enabled: bool,
    threshold: int(2, 100_000),
    windowSeconds: seconds,
    statusCodes: {
      type: 'array',
      items: { type: 'integer', minimum: 400, maximum: 499 },
      maxItems: 100,
      uniqueItems: true,
    },
    errorTypes: strings,
  }),
  reconnaissance: section({
    enabled: bool,
    windowSeconds: seconds,
    distinctModels: int(2, 1000),
    listingThreshold: int(1, 100_000),
    maxModelsTracked: int(2, 1024),
  }),
});
