import { detectionDefaults, type DetectionConfig } from '../../detect/config.js';
import { isPhoneRegion } from '@tracehound/core/privacy';
import { defineSection, type SectionIssue } from '../../config-section.js';

const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const confidence = (description: string) => ({ type: 'number', minimum: 0, maximum: 1, description });

const ruleOverride = {
  type: 'object',
  description: 'Override for one rule, keyed by rule id (e.g. TH-INJ-001).',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean', description: 'Turn the rule off (false) or back on.' },
    severity: { type: 'string', enum: SEVERITIES, description: "Replace the rule's severity at full confidence." },
    minConfidence: confidence('Ignore detections of this rule below this confidence.'),
  },
};

const suppression = {
  type: 'object',
  description: "An analyst's suppression of a known false positive.",
  additionalProperties: false,
  required: ['id', 'rule', 'reason', 'expires'],
  properties: {
    id: { type: 'string', minLength: 1, description: 'Unique id of the suppression (shows in audit trails).' },
    rule: { type: 'string', minLength: 1, description: "Rule id it applies to, or '*'." },
    reason: { type: 'string', minLength: 1, description: 'Why the finding is a false positive.' },
    expires: {
      type: 'string',
      format: 'date-time',
      description: 'ISO-8601 time with offset after which it stops applying.',
    },
    match: {
      type: 'object',
      description: 'All given fields must equal the finding context for it to be suppressed.',
      additionalProperties: false,
      properties: {
        service: { type: 'string', description: 'service.name of the span.' },
        user: { type: 'string', description: 'End-user id.' },
        session: { type: 'string', description: 'Session id.' },
        model: { type: 'string', description: 'Model name.' },
        tool: { type: 'string', description: 'Tool name.' },
        evidenceContains: { type: 'string', description: 'Substring of the (redacted) evidence.' },
      },
    },
  },
};

function checkDetection(d: DetectionConfig): SectionIssue[] {
  const issues: SectionIssue[] = [];
  const regions = (d.detectors.pii as { phoneRegions?: unknown[] } | undefined)?.phoneRegions ?? [];
  regions.forEach((r, i) => {
    if (typeof r === 'string' && !isPhoneRegion(r))
      issues.push({
        code: 'TH_CONFIG_VALUE',
        path: ['detectors', 'pii', 'phoneRegions', String(i)],
        message: `${r} is not a region with phone-number metadata`,
      });
  });
  const seen = new Set<string>();
  d.suppressions.forEach((s, i) => {
    if (seen.has(s.id))
      issues.push({
        code: 'TH_CONFIG_CONFLICT',
        path: ['suppressions', String(i), 'id'],
        message: `duplicate suppression id ${s.id}`,
      });
    seen.add(s.id);
  });
  return issues;
}

export const detectionSection = defineSection({
  key: 'detection',
  defaults: detectionDefaults,
  // Canary tokens only work while attackers do not know them: never print them.
  secrets: ['canaries', 'canaries.*'],
  check: checkDetection,
  schema: {
    type: 'object',
    description: 'Content detection: thresholds, rule overrides, allowlists, canaries and suppressions.',
    additionalProperties: false,
    properties: {
      minConfidence: confidence('Detections below this confidence are dropped.'),
      rules: {
        type: 'object',
        description: 'Per-rule overrides keyed by rule id.',
        propertyNames: { minLength: 1 },
        additionalProperties: ruleOverride,
      },
      toolHostAllowlist: {
        type: 'array',
        description: "Hosts tool calls may reach; '*.example.com' matches subdomains. Empty: the rule is off.",
        items: {
          type: 'string',
          pattern: '^(\\*\\.)?[A-Za-z0-9_.-]+(:[0-9]{1,5})?$',
          description: 'a host name or *.domain, optionally with :port (no scheme, no path)',
        },
      },
      filePathAllowlist: {
        type: 'array',
        description: 'Path prefixes tool calls may touch. Empty: the rule is off.',
        items: { type: 'string', minLength: 1 },
      },
      canaries: {
        type: 'array',
        description: 'Canary tokens planted in system prompts; one in an output is a leak. Treated as secrets.',
        items: { type: 'string', minLength: 8 },
      },
      suppressions: { type: 'array', description: 'False-positive suppressions.', items: suppression },
      maxTextBytes: {
        type: 'integer',
        minimum: 1024,
        maximum: 16 * 1024 * 1024,
        description:
          'Longest text (UTF-16 code units) scanned per channel entry; a longer one is scanned as its head and its tail (half each), the middle skipped, counted in tracehound_scan_truncated_texts_total and the span marked tracehound.scan.partial.',
      },
      correlationWaitMs: {
        type: 'integer',
        minimum: 0,
        maximum: 60_000,
        description: 'How long a span waits for log records that carry its content (older GenAI conventions).',
      },
      detectors: {
        type: 'object',
        description: 'Options of individual detectors, by detector id (see each detector).',
        properties: {
          pii: {
            type: 'object',
            description: 'Options of the PII detector (rules TH-PII-*).',
            additionalProperties: false,
            properties: {
              phoneRegions: {
                type: 'array',
                minItems: 1,
                description:
                  'ISO 3166 regions tried, in order, for phone numbers written without a country code (default US, GB, DE, FR, IN, AU, ES, IT, NL, BR).',
                items: { type: 'string', pattern: '^[A-Z]{2}$', description: 'a two-letter region code, e.g. DE' },
              },
              ipExcludedRanges: {
                type: 'array',
                description:
                  'IP address ranges that are not personal data (default: documentation, loopback, unspecified, multicast, reserved, link_local).',
                items: {
                  type: 'string',
                  enum: [
                    'public',
                    'private',
                    'loopback',
                    'documentation',
                    'link_local',
                    'multicast',
                    'reserved',
                    'unspecified',
                  ],
                },
              },
            },
          },
          'indirect.instructions': {
            type: 'object',
            description: 'Options of the document-instruction detector (rules TH-IND-005, TH-IND-006).',
            additionalProperties: false,
            properties: {
              threshold: {
                type: 'number',
                minimum: 0.5,
                maximum: 5,
                description:
                  'Sentence score at which an instruction in a document is reported (default 1.3; lower catches more and flags more benign documents).',
              },
              documentScoreWeight: {
                type: 'number',
                minimum: 0,
                maximum: 3,
                description:
                  'Weight of a whole-document injection probability (when a classifier provides one) added to the sentence score as weight × (p − 0.5); default 1.',
              },
            },
          },
        },
        additionalProperties: { type: 'object' },
      },
    },
  },
});
