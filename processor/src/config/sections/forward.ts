import { Type, type Static } from '@sinclair/typebox';
import { defineSection, issue, type SectionIssue, type CheckContext } from '../../config-section.js';
import { StringEnum, StringMap } from '../../schema/types.js';
import { TlsClientConfigSchema } from './tls.js';

/** The `forward` section, defined once: the schema the loader checks and the type derived from it. */
export const ForwardConfigSchema = Type.Object(
  {
    endpoint: Type.String({
      format: 'http-url-or-empty',
      description:
        "Base URL of the next hop's OTLP/HTTP receiver; /v1/traces, /v1/logs, /v1/metrics are appended. Empty: no next hop (data is accepted, inspected and dropped).",
    }),
    headers: StringMap(Type.String({ pattern: '^[^\\r\\n]*$', description: 'a header value without line breaks' }), {
      description: 'Extra request headers for the next hop (e.g. authorization). Values are treated as secrets.',
      propertyNames: { pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$", description: 'an HTTP header name' },
    }),
    compression: StringEnum(['none', 'gzip'], { description: 'Compress request bodies sent to the next hop.' }),
    timeoutMs: Type.Integer({
      minimum: 100,
      maximum: 600_000,
      description: 'Timeout of one export request to the next hop.',
    }),
    tls: Type.Optional(TlsClientConfigSchema),
  },
  {
    description: 'The next hop: where spans, logs and finding records go after detection (OTLP/HTTP protobuf).',
    additionalProperties: false,
  },
);

/** The next hop (OTLP/HTTP): endpoint, headers, compression, timeout, TLS. */
export type ForwardConfig = Static<typeof ForwardConfigSchema>;

export const forwardDefaults: ForwardConfig = {
  endpoint: '',
  headers: {},
  compression: 'none',
  timeoutMs: 10_000,
};

function checkForward(f: ForwardConfig, ctx: CheckContext): SectionIssue[] {
  const issues: SectionIssue[] = [];
  const tls = f.tls;
  if (tls) {
    if (Boolean(tls.certFile) !== Boolean(tls.keyFile)) {
      const missing = tls.certFile ? 'keyFile' : 'certFile';
      issues.push(issue.missing(['tls', missing], 'certFile and keyFile go together (client certificate)'));
    }
    for (const key of ['caFile', 'certFile', 'keyFile'] as const) {
      const file = tls[key];
      if (file && !ctx.fileReadable(file)) issues.push(issue.unreadable(['tls', key], file));
    }
  }
  return issues;
}

export const forwardSection = defineSection({
  key: 'forward',
  defaults: forwardDefaults,
  secrets: ['headers.*'],
  check: checkForward,
  schema: ForwardConfigSchema,
});
