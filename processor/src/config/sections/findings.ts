import { Type, type Static } from '@sinclair/typebox';
import { defineSection } from '../../config-section.js';

export const DEFAULT_FINDINGS_FILE = './tracehound-findings.jsonl';

/** The `findings` section, defined once: the schema the loader checks and the type derived from it. */
export const FindingsOutputConfigSchema = Type.Object(
  {
    file: Type.String({ description: "JSONL file findings are appended to ('' disables it)." }),
    console: Type.Boolean({ description: 'Print a one-line summary of each finding on stderr.' }),
    forward: Type.Boolean({
      description: 'Send findings as OTLP log records (event.name tracehound.finding) to the next hop.',
    }),
  },
  { additionalProperties: false, description: 'Where findings are written.' },
);

export type FindingsOutputConfig = Static<typeof FindingsOutputConfigSchema>;

export const findingsDefaults: FindingsOutputConfig = { file: DEFAULT_FINDINGS_FILE, console: true, forward: true };

export const findingsSection = defineSection({
  key: 'findings',
  defaults: findingsDefaults,
  schema: FindingsOutputConfigSchema,
});
