import { Type, type Static } from '@sinclair/typebox';
import { defineSection, issue, type SectionIssue } from '../../config-section.js';
import { TlsServerConfigSchema } from './tls.js';

/** Ports chosen so a Collector on the same host keeps 4317/4318 (its "in" receiver) and 4319/4316 (its "out" receiver). */
export const DEFAULT_HTTP_PORT = 4320;
export const DEFAULT_GRPC_PORT = 4321;

const MiB = 1024 * 1024;

const listener = (what: string, port: number) =>
  Type.Object(
    {
      enabled: Type.Boolean({ description: `Run the ${what} receiver.` }),
      host: Type.String({ minLength: 1, description: 'Address to listen on (0.0.0.0 for all interfaces).' }),
      port: Type.Integer({
        minimum: 0,
        maximum: 65535,
        description: `TCP port (0 picks a free one; default ${port}).`,
      }),
      tls: Type.Optional(TlsServerConfigSchema),
    },
    { description: `The ${what} receiver.`, additionalProperties: false },
  );

const int = (minimum: number, maximum: number, description: string) => Type.Integer({ minimum, maximum, description });

/** The `server` section, defined once: the schema the loader checks and the type derived from it. */
export const ServerConfigSchema = Type.Object(
  {
    http: listener('OTLP/HTTP', DEFAULT_HTTP_PORT),
    grpc: listener('OTLP/gRPC', DEFAULT_GRPC_PORT),
    maxBodyBytes: int(
      1024,
      1024 * MiB,
      'Largest request body accepted, enforced after decompression too (413 beyond it).',
    ),
    maxInFlightBytes: int(
      1024,
      16 * 1024 * MiB,
      'Bytes of requests processed at once; beyond it new requests get 429 + Retry-After.',
    ),
    authToken: Type.Optional(
      Type.String({
        minLength: 16,
        description:
          'Bearer token every receiver request must carry (Authorization: Bearer ...; the scheme in any case). Unset: no auth. /healthz and /readyz never need it; /metrics only with metricsAuth.',
      }),
    ),
    metricsAuth: Type.Optional(
      Type.Boolean({
        description:
          'Require the authToken on /metrics too (Prometheus: authorization.credentials). Off by default so an existing scrape keeps working; /healthz and /readyz stay open for liveness and readiness probes.',
      }),
    ),
    retryAfterSeconds: int(1, 3600, 'Seconds suggested to clients in Retry-After.'),
    shutdownTimeoutMs: int(0, 600_000, 'Deadline for draining in-flight work on SIGTERM/SIGINT.'),
    stageTimeoutMs: Type.Optional(
      int(
        0,
        600_000,
        'Time the pipeline stages may take on one batch; past it the batch is answered 503 + Retry-After (TH_STAGE_TIMEOUT) and the client retries. 0: no deadline.',
      ),
    ),
    headersTimeoutMs: Type.Optional(
      int(
        100,
        600_000,
        'OTLP/HTTP: time a client has to send a request\u2019s headers; past it the connection is closed (Node answers 408).',
      ),
    ),
    bodyTimeoutMs: Type.Optional(
      int(
        100,
        600_000,
        'Time a client has to send the whole request body once its headers are in (OTLP/gRPC: the message once its metadata is in); past it the request is answered 408 TH_REQUEST_TIMEOUT (gRPC DEADLINE_EXCEEDED), its bytes are given back to maxInFlightBytes and the connection is closed.',
      ),
    ),
    idleTimeoutMs: Type.Optional(
      int(
        1000,
        3_600_000,
        'A keep-alive connection with no request in progress is closed after this long (HTTP keep-alive timeout, gRPC max connection idle). Keep it above the clients\u2019 own idle timeout (the Collector\u2019s is 90 s).',
      ),
    ),
  },
  { description: 'The OTLP receivers this processor listens on.', additionalProperties: false },
);

/** The OTLP receivers: listeners, body and in-flight bounds, auth, timeouts. */
export type ServerConfig = Static<typeof ServerConfigSchema>;

export const serverDefaults: ServerConfig = {
  http: { enabled: true, host: '127.0.0.1', port: DEFAULT_HTTP_PORT },
  grpc: { enabled: true, host: '127.0.0.1', port: DEFAULT_GRPC_PORT },
  maxBodyBytes: 64 * MiB,
  maxInFlightBytes: 256 * MiB,
  retryAfterSeconds: 5,
  shutdownTimeoutMs: 10_000,
  stageTimeoutMs: 5_000,
  metricsAuth: false,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 30_000,
  idleTimeoutMs: 120_000,
};

function checkServer(s: ServerConfig, ctx: { fileReadable(f: string): boolean }): SectionIssue[] {
  const issues: SectionIssue[] = [];
  if (!s.http.enabled && !s.grpc.enabled) {
    issues.push(issue.conflict(['http', 'enabled'], 'at least one receiver (http or grpc) must be enabled'));
  }
  if (
    s.http.enabled &&
    s.grpc.enabled &&
    s.http.port !== 0 &&
    s.http.port === s.grpc.port &&
    s.http.host === s.grpc.host
  ) {
    issues.push(issue.conflict(['grpc', 'port'], `the http and grpc receivers cannot share port ${s.http.port}`));
  }
  if (s.metricsAuth && !s.authToken) {
    issues.push(
      issue.missing(
        ['authToken'],
        'server.metricsAuth needs server.authToken (or TRACEHOUND_AUTH_TOKEN): /metrics is checked against it',
      ),
    );
  }
  if (s.maxInFlightBytes < s.maxBodyBytes) {
    issues.push(
      issue.conflict(
        ['maxInFlightBytes'],
        `must be at least maxBodyBytes (${s.maxBodyBytes}), or a request of the largest allowed size could never be accepted`,
      ),
    );
  }
  for (const side of ['http', 'grpc'] as const) {
    const tls = s[side].tls;
    if (!tls) continue;
    for (const key of ['certFile', 'keyFile', 'clientCaFile'] as const) {
      const file = tls[key];
      if (file && !ctx.fileReadable(file)) {
        issues.push(issue.unreadable([side, 'tls', key], file));
      }
    }
  }
  return issues;
}

export const serverSection = defineSection({
  key: 'server',
  defaults: serverDefaults,
  secrets: ['authToken'],
  check: checkServer,
  schema: ServerConfigSchema,
});
