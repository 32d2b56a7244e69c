/**
 * Configuration of automated response and the review loop (the `response` section): actions per rule and category,
 * the verdict API, outbound webhooks and the review loop. Composed into the full schema by config/sections.ts.
 */
import { FINDING_CATEGORIES, type FindingCategory, type Severity } from '@tracehound/core';
import { unknownRuleIssue, type CheckContext, type SectionIssue } from '../config-section.js';

export const ACTION_TYPES = ['none', 'alert', 'throttle', 'block'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const ACTION_TARGETS = ['session', 'user', 'api_key', 'tool'] as const;
export type ActionTarget = (typeof ACTION_TARGETS)[number];
export type ActionMode = 'shadow' | 'enforce';

/** What to do when a rule (or a category) fires. */
export interface ActionSpec {
  action: ActionType;
  target: ActionTarget;
  /** How long a throttle or block holds (seconds). */
  ttlSeconds?: number;
  /** shadow records the decision as would-have; enforce also makes the verdict API answer it. Default: response.mode. */
  mode?: ActionMode;
  /** Findings of this rule for the same target needed within windowSeconds before acting (default 1). */
  threshold?: number;
  windowSeconds?: number;
  /** Ignore findings below this severity (default low). */
  minSeverity?: Exclude<Severity, 'none'>;
}

export interface WebhookConfig {
  name: string;
  url: string;
  /** HMAC-SHA256 key; the X-Tracehound-Signature header proves the payload came from this processor. */
  secret: string;
  /** Only findings at or above this severity are sent. */
  minSeverity?: Exclude<Severity, 'none'>;
  /** When non-empty, only findings of these categories are sent (e.g. response_action for SOAR playbooks). */
  categories?: FindingCategory[];
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Delivery attempts per payload, the first included. */
  maxAttempts?: number;
  /** Payloads waiting; beyond it the oldest is dropped (counted). */
  maxQueue?: number;
  /** First retry delay; doubles each attempt up to maxBackoffMs, with full jitter. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface ResponseConfig {
  /** Off: no actions, no verdict API, no webhooks, no review sampling. */
  enabled: boolean;
  /** Default mode of actions that set none. Start in shadow, read the would-have findings, then enforce rule by rule. */
  mode: ActionMode;
  actions: {
    /** By rule id (wins over the category). */
    rules: Record<string, ActionSpec>;
    /** By finding category, for rules without their own entry. */
    categories: Record<string, ActionSpec>;
    /** Default TTL of throttle and block (seconds). */
    defaultTtlSeconds: number;
    /** Most verdicts (and per-target counters) kept in memory; least recently used go first. */
    maxEntries: number;
  };
  api: {
    enabled: boolean;
    host: string;
    port: number;
    /** Bearer token of the verdict and review API (env TRACEHOUND_RESPONSE_TOKEN takes precedence). */
    token?: string;
    /** The staleness bound: Cache-Control max-age of verdicts, and the longest a guard may use a cached one. */
    maxAgeSeconds: number;
  };
  webhooks: WebhookConfig[];
  review: {
    /** Share of clean traces (no finding) marked tracehound.review.sample=true, 0..1; decided by trace id hash. */
    sampleRate: number;
    /** YAML/JSON list of suppressions, loaded at start, on SIGHUP and when its mtime changes. */
    suppressionsFile?: string;
    /** How often the file's mtime is checked (seconds); 0: only at start and on SIGHUP. */
    pollSeconds: number;
    /** Most suppressions accepted through the API (memory bound). */
    maxApiSuppressions: number;
  };
}

export const responseDefaults: ResponseConfig = {
  enabled: false,
  mode: 'shadow',
  actions: { rules: {}, categories: {}, defaultTtlSeconds: 900, maxEntries: 100_000 },
  api: { enabled: true, host: '127.0.0.1', port: 4322, maxAgeSeconds: 5 },
  webhooks: [],
  review: { sampleRate: 0, pollSeconds: 10, maxApiSuppressions: 10_000 },
};

export const webhookDefaults = {
  timeoutMs: 5000,
  maxAttempts: 6,
  maxQueue: 1000,
  backoffMs: 500,
  maxBackoffMs: 60_000,
  minSeverity: 'medium',
} as const;

const SEVERITIES = ['low', 'medium', 'high', 'critical'];

const actionSpec = {
  type: 'object',
  description: 'Action when the rule or category fires.',
  additionalProperties: false,
  required: ['action', 'target'],
  properties: {
    action: { type: 'string', enum: [...ACTION_TYPES], description: 'none | alert | throttle | block.' },
    target: { type: 'string', enum: [...ACTION_TARGETS], description: 'Who the action applies to.' },
    ttlSeconds: { type: 'integer', minimum: 1, description: 'How long a throttle or block holds.' },
    mode: {
      type: 'string',
      enum: ['shadow', 'enforce'],
      description: 'shadow records would-have; enforce applies it.',
    },
    threshold: {
      type: 'integer',
      minimum: 1,
      description: 'Findings for the same target needed within windowSeconds.',
    },
    windowSeconds: { type: 'integer', minimum: 1, description: 'Window of the threshold.' },
    minSeverity: { type: 'string', enum: SEVERITIES, description: 'Ignore findings below this severity.' },
  },
};

export const responseConfigSchema = {
  type: 'object',
  description: 'Automated response (actions, verdict API, webhooks) and the human-review loop (docs/response.md).',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean', description: 'Turn automated response and the review loop on.' },
    mode: { type: 'string', enum: ['shadow', 'enforce'], description: 'Default mode of actions.' },
    actions: {
      type: 'object',
      description: 'Actions by rule id and by category.',
      additionalProperties: false,
      properties: {
        rules: {
          type: 'object',
          description: 'Actions keyed by rule id.',
          propertyNames: { minLength: 1 },
          additionalProperties: actionSpec,
        },
        categories: {
          type: 'object',
          description: 'Actions keyed by finding category (fallback).',
          propertyNames: { enum: [...FINDING_CATEGORIES] },
          additionalProperties: actionSpec,
        },
        defaultTtlSeconds: {
          type: 'integer',
          minimum: 1,
          description: 'TTL of throttle and block when the action sets none.',
        },
        maxEntries: { type: 'integer', minimum: 100, description: 'Verdicts and counters kept in memory (LRU).' },
      },
    },
    api: {
      type: 'object',
      description: 'The verdict and review HTTP API.',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean', description: 'Serve the API (when response is enabled).' },
        host: { type: 'string', minLength: 1, description: 'Listen address.' },
        port: { type: 'integer', minimum: 0, maximum: 65535, description: 'Listen port (0: ephemeral).' },
        token: { type: 'string', minLength: 16, description: 'Bearer token (env TRACEHOUND_RESPONSE_TOKEN wins).' },
        maxAgeSeconds: {
          type: 'integer',
          minimum: 1,
          maximum: 3600,
          description: 'Staleness bound of cached verdicts.',
        },
      },
    },
    webhooks: {
      type: 'array',
      description: 'Outbound notifications (SOAR, ticketing, chat), signed with HMAC-SHA256.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'url', 'secret'],
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$', description: 'Name (metric label).' },
          url: { type: 'string', pattern: '^https?://', description: 'Where payloads are POSTed.' },
          secret: { type: 'string', minLength: 16, description: 'HMAC-SHA256 signing key.' },
          minSeverity: { type: 'string', enum: SEVERITIES, description: 'Lowest severity sent.' },
          categories: {
            type: 'array',
            items: { type: 'string', enum: [...FINDING_CATEGORIES] },
            description: 'Only these categories (empty: all).',
          },
          headers: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra request headers.' },
          timeoutMs: { type: 'integer', minimum: 100, description: 'Per-attempt timeout.' },
          maxAttempts: { type: 'integer', minimum: 1, maximum: 20, description: 'Attempts per payload.' },
          maxQueue: { type: 'integer', minimum: 1, description: 'Queued payloads before the oldest is dropped.' },
          backoffMs: { type: 'integer', minimum: 1, description: 'First retry delay.' },
          maxBackoffMs: { type: 'integer', minimum: 1, description: 'Longest retry delay.' },
        },
      },
    },
    review: {
      type: 'object',
      description: 'Review sampling and analyst suppressions.',
      additionalProperties: false,
      properties: {
        sampleRate: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'Share of clean traces sampled for review.',
        },
        suppressionsFile: { type: 'string', minLength: 1, description: 'Suppressions file (YAML or JSON list).' },
        pollSeconds: { type: 'integer', minimum: 0, description: 'mtime poll interval of the file (0: off).' },
        maxApiSuppressions: { type: 'integer', minimum: 1, description: 'Most suppressions added through the API.' },
      },
    },
  },
} as const;

/** Cross-field checks the schema cannot express. */
export function checkResponseConfig(c: ResponseConfig, ctx: CheckContext): SectionIssue[] {
  const issues: SectionIssue[] = [];
  for (const id of Object.keys(c.actions.rules)) {
    const issue = unknownRuleIssue(id, ['actions', 'rules', id], ctx);
    if (issue) issues.push(issue);
  }
  // The same refusal serve would meet at start-up (response/index.ts), found by validate-config too.
  if (c.enabled && c.api.enabled && !c.api.token)
    issues.push({
      code: 'TH_CONFIG_MISSING',
      path: ['api', 'token'],
      message: 'the verdict API needs a bearer token: set TRACEHOUND_RESPONSE_TOKEN, or response.api.enabled: false',
    });
  const names = new Set<string>();
  c.webhooks.forEach((w, i) => {
    if (names.has(w.name))
      issues.push({
        code: 'TH_CONFIG_CONFLICT',
        path: ['webhooks', String(i), 'name'],
        message: `duplicate webhook name ${w.name}`,
      });
    names.add(w.name);
  });
  return issues;
}
