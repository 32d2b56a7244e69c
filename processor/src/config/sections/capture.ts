import { Type, type Static } from '@sinclair/typebox';
import { defineSection, issue, type SectionIssue } from '../../config-section.js';
import { StringEnum } from '../../schema/types.js';

/** The `capture` section, defined once: the schema the loader checks and the type derived from it. */
export const CaptureConfigSchema = Type.Object(
  {
    mode: StringEnum(['full', 'redacted', 'hashed'], {
      description: 'full: as received; redacted: secrets and PII masked; hashed: content replaced by HMAC-SHA256.',
    }),
    hashKey: Type.Optional(
      Type.String({
        minLength: 32,
        description: 'HMAC-SHA256 key for hashed mode (at least 32 characters). Prefer TRACEHOUND_HASH_KEY.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'What prompt and completion content leaves the processor in forwarded spans.',
  },
);

/** What content leaves the processor in forwarded spans: as received, secrets/PII masked, or HMAC-hashed. */
export type CaptureConfig = Static<typeof CaptureConfigSchema>;

export const captureDefaults: CaptureConfig = { mode: 'full' };

function checkCapture(c: CaptureConfig): SectionIssue[] {
  if (c.mode === 'hashed' && !c.hashKey) {
    return [issue.missing(['hashKey'], 'capture.mode hashed needs a hashKey (or TRACEHOUND_HASH_KEY)')];
  }
  return [];
}

export const captureSection = defineSection({
  key: 'capture',
  defaults: captureDefaults,
  secrets: ['hashKey'],
  check: checkCapture,
  schema: CaptureConfigSchema,
});
