import type { FindingsOutputConfig } from '../types.js';
import { defineSection } from '../../config-section.js';

export const DEFAULT_FINDINGS_FILE = './tracehound-findings.jsonl';

export const findingsDefaults: FindingsOutputConfig = { file: DEFAULT_FINDINGS_FILE, console: true, forward: true };

export const findingsSection = defineSection({
  key: 'findings',
  defaults: findingsDefaults,
  schema: {
    type: 'object',
    description: 'Where findings are written.',
    additionalProperties: false,
    properties: {
      file: { type: 'string', description: "JSONL file findings are appended to ('' disables it)." },
      console: { type: 'boolean', description: 'Print a one-line summary of each finding on stderr.' },
      forward: {
        type: 'boolean',
        description: 'Send findings as OTLP log records (event.name tracehound.finding) to the next hop.',
      },
    },
  },
});
