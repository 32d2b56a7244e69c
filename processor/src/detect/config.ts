import { Type, type Static } from '@sinclair/typebox';
import { StringEnum, StringMap } from '../schema/types.js';
import { SuppressionSchema } from './suppression.js';

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
const confidence = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

const RuleOverrideSchema = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean({ description: 'Turn the rule off (false) or back on.' })),
    severity: Type.Optional(StringEnum(SEVERITIES, { description: "Replace the rule's severity at full confidence." })),
    minConfidence: Type.Optional(confidence('Ignore detections of this rule below this confidence.')),
  },
  { description: 'Override for one rule, keyed by rule id (e.g. TH-INJ-001).', additionalProperties: false },
);

export type { Suppression } from './suppression.js';

/** Options of individual detectors, by detector id: the known ones are checked, any other id takes an object. */
const DetectorOptionsSchema = Type.Unsafe<Record<string, Record<string, unknown>>>(
  Type.Object(
    {
      pii: Type.Optional(
        Type.Object(
          {
            phoneRegions: Type.Optional(
              Type.Array(Type.String({ pattern: '^[A-Z]{2}$', description: 'a two-letter region code, e.g. DE' }), {
                minItems: 1,
                description:
                  'ISO 3166 regions tried, in order, for phone numbers written without a country code (default US, GB, DE, FR, IN, AU, ES, IT, NL, BR).',
              }),
            ),
            ipExcludedRanges: Type.Optional(
              Type.Array(
                StringEnum([
                  'public',
                  'private',
                  'loopback',
                  'documentation',
                  'link_local',
                  'multicast',
                  'reserved',
                  'unspecified',
                ]),
                {
                  description:
                    'IP address ranges that are not personal data (default: documentation, loopback, unspecified, multicast, reserved, link_local).',
                },
              ),
            ),
          },
          { description: 'Options of the PII detector (rules TH-PII-*).', additionalProperties: false },
        ),
      ),
      'indirect.instructions': Type.Optional(
        Type.Object(
          {
            threshold: Type.Optional(
              Type.Number({
                minimum: 0.5,
                maximum: 5,
                description:
                  'Sentence score at which an instruction in a document is reported (default 1.3; lower catches more and flags more benign documents).',
              }),
            ),
            segmentThreshold: Type.Optional(
              Type.Number({
                minimum: 0.5,
                maximum: 1.01,
                description:
                  'Classifier probability (1 − benign) at which text hidden in HTML comments, hidden elements, chat-role lines ("SYSTEM: …") or bracketed blocks is reported under TH-IND-006 when no cue-list instruction fired (default 0.85; above 1 turns it off).',
              }),
            ),
            shiftThreshold: Type.Optional(
              Type.Number({
                minimum: 0.5,
                maximum: 1.01,
                description:
                  'Classifier probability (1 − benign) at which a visible line written in another script than the document is reported under TH-IND-005 when no cue-list instruction fired (default 0.75; above 1 turns it off).',
              }),
            ),
            documentScoreWeight: Type.Optional(
              Type.Number({
                minimum: 0,
                maximum: 3,
                description:
                  'Weight of a whole-document injection probability (when a classifier provides one) added to the sentence score as weight × (p − 0.5); default 1.',
              }),
            ),
          },
          {
            description: 'Options of the document-instruction detector (rules TH-IND-005, TH-IND-006).',
            additionalProperties: false,
          },
        ),
      ),
    },
    {
      description: 'Options of individual detectors, by detector id (see each detector).',
      additionalProperties: Type.Unsafe<Record<string, unknown>>({ type: 'object' }),
    },
  ),
);

/** The `detection` section, defined once: the schema the loader checks and the type derived from it. */
export const DetectionConfigSchema = Type.Object(
  {
    minConfidence: confidence('Detections below this confidence are dropped.'),
    rules: StringMap(RuleOverrideSchema, {
      description: 'Per-rule overrides keyed by rule id.',
      propertyNames: { minLength: 1 },
    }),
    toolHostAllowlist: Type.Array(
      Type.String({
        pattern: '^(\\*\\.)?[A-Za-z0-9_.-]+(:[0-9]{1,5})?$',
        description: 'a host name or *.domain, optionally with :port (no scheme, no path)',
      }),
      { description: "Hosts tool calls may reach; '*.example.com' matches subdomains. Empty: the rule is off." },
    ),
    filePathAllowlist: Type.Array(Type.String({ minLength: 1 }), {
      description: 'Path prefixes tool calls may touch. Empty: the rule is off.',
    }),
    canaries: Type.Array(Type.String({ minLength: 8 }), {
      description: 'Canary tokens planted in system prompts; one in an output is a leak. Treated as secrets.',
    }),
    suppressions: Type.Array(SuppressionSchema, { description: 'False-positive suppressions.' }),
    maxTextBytes: Type.Integer({
      minimum: 1024,
      maximum: 16 * 1024 * 1024,
      description:
        'Longest text (UTF-16 code units) scanned per channel entry; a longer one is scanned as its head and its tail (half each), the middle skipped, counted in tracehound_scan_truncated_texts_total and the span marked tracehound.scan.partial.',
    }),
    workers: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 64,
        description:
          'Worker threads that run the content detectors of `tracehound serve` (default: the available cores, os.availableParallelism()). 0 or 1: on the event loop, as `scan` and the in-process analyzer always do. Receiving, trace correlation, behavioral detection, enrichment and forwarding stay on the main thread.',
      }),
    ),
    correlationWaitMs: Type.Integer({
      minimum: 0,
      maximum: 60_000,
      description: 'How long a span waits for log records that carry its content (older GenAI conventions).',
    }),
    detectors: DetectorOptionsSchema,
  },
  {
    description: 'Content detection: thresholds, rule overrides, allowlists, canaries and suppressions.',
    additionalProperties: false,
  },
);

export type DetectionConfig = Static<typeof DetectionConfigSchema> & {
  /**
   * Trained models by model id, in memory. Not a YAML option: absent ids load the shipped file from
   * processor/models/ (detect/models.ts). `npm run eval` sets it to the models of each leave-one-source-out fold.
   */
  models?: Record<string, unknown>;
};

export const detectionDefaults: DetectionConfig = {
  minConfidence: 0.5,
  rules: {},
  toolHostAllowlist: [],
  filePathAllowlist: [],
  canaries: [],
  suppressions: [],
  maxTextBytes: 256 * 1024,
  correlationWaitMs: 250,
  detectors: {},
};
