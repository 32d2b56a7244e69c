/**
 * The processor's configuration, as validated and defaulted at start-up (config/load.ts). Each section's JSON schema
 * and defaults live in a section descriptor (config/sections/*.ts, or the <area>/config.ts files of other modules),
 * listed once in config/sections.ts; TracehoundConfig (config/index.ts) is derived from that list.
 */

export interface TlsServerConfig {
  certFile: string;
  keyFile: string;
  /** When set, clients must present a certificate signed by this CA (mTLS). */
  clientCaFile?: string;
}

export interface ServerConfig {
  http: { enabled: boolean; host: string; port: number; tls?: TlsServerConfig };
  grpc: { enabled: boolean; host: string; port: number; tls?: TlsServerConfig };
  /** Largest request body accepted, after decompression (bytes). */
  maxBodyBytes: number;
  /** Bytes of requests being processed at once; beyond this new requests get 429 + Retry-After. */
  maxInFlightBytes: number;
  /** Optional bearer token required on every receiver request (env TRACEHOUND_AUTH_TOKEN). */
  authToken?: string;
  /** /metrics requires the authToken too (/healthz and /readyz stay open for probes). */
  metricsAuth?: boolean;
  /** Seconds suggested to clients in Retry-After. */
  retryAfterSeconds: number;
  /** Deadline for draining in-flight work on SIGTERM (ms). */
  shutdownTimeoutMs: number;
  /** Time the pipeline stages may take on one batch before it is answered 503 TH_STAGE_TIMEOUT (ms; 0: none). */
  stageTimeoutMs?: number;
  /** Time a client has to send the request headers, from the connection's first byte of a request (HTTP; ms). */
  headersTimeoutMs?: number;
  /** Time a client has to send the whole body once the headers are in; then 408 TH_REQUEST_TIMEOUT (ms). */
  bodyTimeoutMs?: number;
  /** An idle keep-alive connection (no request in progress) is closed after this long (ms). */
  idleTimeoutMs?: number;
}

export interface ForwardConfig {
  /** Base URL of the next hop's OTLP/HTTP receiver (e.g. http://127.0.0.1:4319). Empty: no next hop (embedded default). */
  endpoint: string;
  headers: Record<string, string>;
  compression: 'none' | 'gzip';
  timeoutMs: number;
  tls?: { caFile?: string; certFile?: string; keyFile?: string; insecureSkipVerify?: boolean };
}

export type { CaptureConfig } from './sections/capture.js';
export type { FindingsOutputConfig } from './sections/findings.js';
