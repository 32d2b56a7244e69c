/**
 * What the transport needs to know, in its own terms. The service hands it the validated `server` and `forward`
 * configuration sections, which fit these shapes; the transport never reads the configuration itself.
 */

/** A receiver's server certificate, and a client CA when clients must present a certificate (mTLS). */
export interface ReceiverTls {
  certFile: string;
  keyFile: string;
  clientCaFile?: string;
}

/** Listeners and limits shared by the HTTP and gRPC receivers. */
export interface ReceiverOptions {
  http: { host: string; port: number; tls?: ReceiverTls };
  grpc: { host: string; port: number; tls?: ReceiverTls };
  /** Largest request body accepted, after decompression (bytes). */
  maxBodyBytes: number;
  /** Bearer token every request must carry, when set. */
  authToken?: string;
  /** Seconds suggested to clients in Retry-After. */
  retryAfterSeconds: number;
  /** Time a client has to send the request headers (HTTP; ms). */
  headersTimeoutMs?: number;
  /** Time a client has to send the whole body (gRPC: the message) once the headers are in (ms). */
  bodyTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this long (ms). */
  idleTimeoutMs?: number;
}

/** Where and how the forwarder sends to the next hop. */
export interface ForwarderOptions {
  /** Base URL of the next hop's OTLP/HTTP receiver; empty: no next hop. */
  endpoint: string;
  headers: Record<string, string>;
  compression: 'none' | 'gzip';
  timeoutMs: number;
  tls?: { caFile?: string; certFile?: string; keyFile?: string; insecureSkipVerify?: boolean };
}
