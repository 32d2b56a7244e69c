import { detectionDefaults, type DetectionConfig } from '../../detect/config.js';
import { isPhoneRegion } from '@tracehound/core/privacy';
import { defineSection, unknownRuleIssue, type CheckContext, type SectionIssue } from '../../config-section.js';
import { SuppressionSchema } from '../../detect/suppression.js';

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

function checkDetection(d: DetectionConfig, ctx: CheckContext): SectionIssue[] {
  const issues: SectionIssue[] = [];
  for (const id of Object.keys(d.rules)) {
    const issue = unknownRuleIssue(id, ['rules', id], ctx);
    if (issue) issues.push(issue);
  }
  d.suppressions.forEach((s, i) => {
    const issue = unknownRuleIssue(s.rule, ['suppressions', String(i), 'rule'], ctx, true);
    if (issue) issues.push(issue);
  });
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
      suppressions: { type: 'array', description: 'False-positive suppressions.', items: SuppressionSchema },
      maxTextBytes: {
        type: 'integer',
        minimum: 1024,
        maximum: 16 * 1024 * 1024,
        description:
          'Longest text (UTF-16 code units) scanned per channel entry; a longer one is scanned as its head and its tail (half each), the middle skipped, counted in tracehound_scan_truncated_texts_total and the span marked tracehound.scan.partial.',
      },
      workers: {
        type: 'integer',
        minimum: 0,
        maximum: 64,
        description:
          'Worker threads that run the content detectors of `tracehound serve` (default: the available cores, os.availableParallelism()). 0 or 1: on the event loop, as `scan` and the in-process analyzer always do. Receiving, trace correlation, behavioral detection, enrichment and forwarding stay on the main thread.',
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
