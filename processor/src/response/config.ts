/**
 * Configuration of automated response and the review loop (the `response` section): actions per rule and category,
 * the verdict API, outbound webhooks and the review loop. Composed into the full schema by config/sections.ts.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FINDING_CATEGORIES, type Severity } from '@tracehound/core';
import { StringEnum, StringMap } from '../schema/types.js';
import { issue, unknownRuleIssue, type CheckContext, type SectionIssue } from '../config-section.js';

export const ACTION_TYPES = ['none', 'alert', 'throttle', 'block'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const ACTION_TARGETS = ['session', 'user', 'api_key', 'tool'] as const;
export type ActionTarget = (typeof ACTION_TARGETS)[number];
export const ACTION_MODES = ['shadow', 'enforce'] as const;
export type ActionMode = (typeof ACTION_MODES)[number];

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const satisfies readonly Exclude<Severity, 'none'>[];

/** What to do when a rule (or a category) fires. */
const ActionSpecSchema = Type.Object(
  {
    action: StringEnum(ACTION_TYPES, { description: 'none | alert | throttle | block.' }),
    target: StringEnum(ACTION_TARGETS, { description: 'Who the action applies to.' }),
    ttlSeconds: Type.Optional(Type.Integer({ minimum: 1, description: 'How long a throttle or block holds.' })),
    /** Default: response.mode. */
    mode: Type.Optional(StringEnum(ACTION_MODES, { description: 'shadow records would-have; enforce applies it.' })),
    /** Default 1. */
    threshold: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Findings for the same target needed within windowSeconds.' }),
    ),
    windowSeconds: Type.Optional(Type.Integer({ minimum: 1, description: 'Window of the threshold.' })),
    /** Default low. */
    minSeverity: Type.Optional(StringEnum(SEVERITIES, { description: 'Ignore findings below this severity.' })),
  },
  { description: 'Action when the rule or category fires.', additionalProperties: false },
);

export type ActionSpec = Static<typeof ActionSpecSchema>;

const WebhookConfigSchema = Type.Object(
  {
    name: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$', description: 'Name (metric label).' }),
    url: Type.String({ pattern: '^https?://', description: 'Where payloads are POSTed.' }),
    /** The X-Tracehound-Signature header proves the payload came from this processor. */
    secret: Type.String({ minLength: 16, description: 'HMAC-SHA256 signing key.' }),
    minSeverity: Type.Optional(StringEnum(SEVERITIES, { description: 'Lowest severity sent.' })),
    /** e.g. response_action for SOAR playbooks. */
    categories: Type.Optional(
      Type.Array(StringEnum(FINDING_CATEGORIES), { description: 'Only these categories (empty: all).' }),
    ),
    headers: Type.Optional(StringMap(Type.String(), { description: 'Extra request headers.' })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, description: 'Per-attempt timeout.' })),
    /** The first included. */
    maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'Attempts per payload.' })),
    /** Dropped payloads are counted. */
    maxQueue: Type.Optional(Type.Integer({ minimum: 1, description: 'Queued payloads before the oldest is dropped.' })),
    /** Doubles each attempt up to maxBackoffMs, with full jitter. */
    backoffMs: Type.Optional(Type.Integer({ minimum: 1, description: 'First retry delay.' })),
    maxBackoffMs: Type.Optional(Type.Integer({ minimum: 1, description: 'Longest retry delay.' })),
  },
  { additionalProperties: false },
);

export type WebhookConfig = Static<typeof WebhookConfigSchema>;

/** The `response` section, defined once: the schema the loader checks and the type derived from it. */
export const responseConfigSchema = Type.Object(
  {
    /** Off: no actions, no verdict API, no webhooks, no review sampling. */
    enabled: Type.Boolean({ description: 'Turn automated response and the review loop on.' }),
    /** Start in shadow, read the would-have findings, then enforce rule by rule. */
    mode: StringEnum(ACTION_MODES, { description: 'Default mode of actions.' }),
    actions: Type.Object(
      {
        /** Wins over the category. */
        rules: StringMap(ActionSpecSchema, {
          description: 'Actions keyed by rule id.',
          propertyNames: { minLength: 1 },
        }),
        categories: StringMap(ActionSpecSchema, {
          description: 'Actions keyed by finding category (fallback).',
          propertyNames: { enum: [...FINDING_CATEGORIES] },
        }),
        defaultTtlSeconds: Type.Integer({
          minimum: 1,
          description: 'TTL of throttle and block when the action sets none.',
        }),
        /** Least recently used go first. */
        maxEntries: Type.Integer({ minimum: 100, description: 'Verdicts and counters kept in memory (LRU).' }),
      },
      { description: 'Actions by rule id and by category.', additionalProperties: false },
    ),
    api: Type.Object(
      {
        enabled: Type.Boolean({ description: 'Serve the API (when response is enabled).' }),
        host: Type.String({ minLength: 1, description: 'Listen address.' }),
        port: Type.Integer({ minimum: 0, maximum: 65535, description: 'Listen port (0: ephemeral).' }),
        token: Type.Optional(
          Type.String({ minLength: 16, description: 'Bearer token (env TRACEHOUND_RESPONSE_TOKEN wins).' }),
        ),
        /** Cache-Control max-age of verdicts, and the longest a guard may use a cached one. */
        maxAgeSeconds: Type.Integer({
          minimum: 1,
          maximum: 3600,
          description: 'Staleness bound of cached verdicts.',
        }),
      },
      { description: 'The verdict and review HTTP API.', additionalProperties: false },
    ),
    webhooks: Type.Array(WebhookConfigSchema, {
      description: 'Outbound notifications (SOAR, ticketing, chat), signed with HMAC-SHA256.',
    }),
    review: Type.Object(
      {
        /** Clean traces (no finding) are marked tracehound.review.sample=true, decided by trace id hash. */
        sampleRate: Type.Number({
          minimum: 0,
          maximum: 1,
          description: 'Share of clean traces sampled for review.',
        }),
        /** Loaded at start, on SIGHUP and when its mtime changes. */
        suppressionsFile: Type.Optional(
          Type.String({ minLength: 1, description: 'Suppressions file (YAML or JSON list).' }),
        ),
        /** 0: only at start and on SIGHUP. */
        pollSeconds: Type.Integer({ minimum: 0, description: 'mtime poll interval of the file (0: off).' }),
        /** A memory bound. */
        maxApiSuppressions: Type.Integer({ minimum: 1, description: 'Most suppressions added through the API.' }),
      },
      { description: 'Review sampling and analyst suppressions.', additionalProperties: false },
    ),
  },
  {
    description: 'Automated response (actions, verdict API, webhooks) and the human-review loop (docs/response.md).',
    additionalProperties: false,
  },
);

export type ResponseConfig = Static<typeof responseConfigSchema>;

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

/** Cross-field checks the schema cannot express. */
export function checkResponseConfig(c: ResponseConfig, ctx: CheckContext): SectionIssue[] {
  const issues: SectionIssue[] = [];
  for (const id of Object.keys(c.actions.rules)) {
    const issue = unknownRuleIssue(id, ['actions', 'rules', id], ctx);
    if (issue) issues.push(issue);
  }
  // The same refusal serve would meet at start-up (response/index.ts), found by validate-config too.
  if (c.enabled && c.api.enabled && !c.api.token)
    issues.push(
      issue.missing(
        ['api', 'token'],
        'the verdict API needs a bearer token: set TRACEHOUND_RESPONSE_TOKEN, or response.api.enabled: false',
      ),
    );
  const names = new Set<string>();
  c.webhooks.forEach((w, i) => {
    if (names.has(w.name))
      issues.push(issue.conflict(['webhooks', String(i), 'name'], `duplicate webhook name ${w.name}`));
    names.add(w.name);
  });
  return issues;
}
