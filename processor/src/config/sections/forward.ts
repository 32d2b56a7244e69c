import type { ForwardConfig } from '../types.js';
import { defineSection, type SectionIssue, type CheckContext } from '../../config-section.js';
import { tlsClientSchema } from './tls.js';

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
      issues.push({
        code: 'TH_CONFIG_MISSING',
        path: ['tls', missing],
        message: 'certFile and keyFile go together (client certificate)',
      });
    }
    for (const key of ['caFile', 'certFile', 'keyFile'] as const) {
      const file = tls[key];
      if (file && !ctx.fileReadable(file))
        issues.push({ code: 'TH_CONFIG_FILE', path: ['tls', key], message: `cannot read ${file}` });
    }
  }
  return issues;
}

export const forwardSection = defineSection({
  key: 'forward',
  defaults: forwardDefaults,
  secrets: ['headers.*'],
  check: checkForward,
  schema: {
    type: 'object',
    description: 'The next hop: where spans, logs and finding records go after detection (OTLP/HTTP protobuf).',
    additionalProperties: false,
    properties: {
      endpoint: {
        type: 'string',
        format: 'http-url-or-empty',
        description:
          "Base URL of the next hop's OTLP/HTTP receiver; /v1/traces, /v1/logs, /v1/metrics are appended. Empty: no next hop (data is accepted, inspected and dropped).",
      },
      headers: {
        type: 'object',
        description: 'Extra request headers for the next hop (e.g. authorization). Values are treated as secrets.',
        propertyNames: { pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$", description: 'an HTTP header name' },
        additionalProperties: {
          type: 'string',
          pattern: '^[^\\r\\n]*$',
          description: 'a header value without line breaks',
        },
      },
      compression: {
        type: 'string',
        enum: ['none', 'gzip'],
        description: 'Compress request bodies sent to the next hop.',
      },
      timeoutMs: {
        type: 'integer',
        minimum: 100,
        maximum: 600_000,
        description: 'Timeout of one export request to the next hop.',
      },
      tls: tlsClientSchema,
    },
  },
});
