import type { CaptureConfig } from '../types.js';
import { defineSection, type SectionIssue } from '../../config-section.js';

export const captureDefaults: CaptureConfig = { mode: 'full' };

function checkCapture(c: CaptureConfig): SectionIssue[] {
  if (c.mode === 'hashed' && !c.hashKey) {
    return [
      {
        code: 'TH_CONFIG_MISSING',
        path: ['hashKey'],
        message: 'capture.mode hashed needs a hashKey (or TRACEHOUND_HASH_KEY)',
      },
    ];
  }
  return [];
}

export const captureSection = defineSection({
  key: 'capture',
  defaults: captureDefaults,
  secrets: ['hashKey'],
  check: checkCapture,
  schema: {
    type: 'object',
    description: 'What prompt and completion content leaves the processor in forwarded spans.',
    additionalProperties: false,
    properties: {
      mode: {
        type: 'string',
        enum: ['full', 'redacted', 'hashed'],
        description: 'full: as received; redacted: secrets and PII masked; hashed: content replaced by HMAC-SHA256.',
      },
      hashKey: {
        type: 'string',
        minLength: 32,
        description: 'HMAC-SHA256 key for hashed mode (at least 32 characters). Prefer TRACEHOUND_HASH_KEY.',
      },
    },
  },
});
