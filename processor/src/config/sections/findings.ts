import { Type, type Static } from '@sinclair/typebox';
import { defineSection } from '../../config-section.js';

export const DEFAULT_FINDINGS_FILE = './tracehound-findings.jsonl';

/** The `findings` section, defined once: the schema the loader checks and the type derived from it. */
export const FindingsOutputConfigSchema = Type.Object(
  {
    file: Type.String({ description: "JSONL file findings are appended to ('' disables it)." }),
    console: Type.Boolean({ description: 'Print a one-line summary of each finding on stderr.' }),
    forward: Type.Boolean({
      description:
        'Send findings as OTLP log records (event.name tracehound.finding) to the next hop, for batches the next hop accepted; they are queued and retried on their own, so the logs endpoint never holds up span delivery.',
    }),
    forwardQueueSize: Type.Optional(
      Type.Integer({
        minimum: 100,
        maximum: 1_000_000,
        description:
          'Finding log records waiting for the next hop at most (in memory); beyond it new ones are dropped and counted in tracehound_findings_forward_dropped_total{reason="queue_full"}.',
      }),
    ),
    forwardRetryMs: Type.Optional(
      Type.Integer({
        minimum: 1000,
        maximum: 86_400_000,
        description:
          'How long a finding log record is retried (exponential backoff, honouring Retry-After) while the next hop answers a retryable error; then it is dropped and counted (reason="expired").',
      }),
    ),
  },
  { additionalProperties: false, description: 'Where findings are written.' },
);

export type FindingsOutputConfig = Static<typeof FindingsOutputConfigSchema>;

export const findingsDefaults: FindingsOutputConfig = {
  file: DEFAULT_FINDINGS_FILE,
  console: true,
  forward: true,
  forwardQueueSize: 10_000,
  forwardRetryMs: 300_000,
};

export const findingsSection = defineSection({
  key: 'findings',
  defaults: findingsDefaults,
  schema: FindingsOutputConfigSchema,
});
