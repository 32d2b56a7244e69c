import type { ErrorCode } from '../errors.js';

/**
 * What the OTLP receivers answer, by condition: one table, so OTLP/HTTP and OTLP/gRPC (and the body reader both
 * use) refuse the same condition with the same code. Each receiver renders the code in its own protocol
 * (responses.ts: a google.rpc.Status body, or a gRPC status with the same message).
 */
export const REFUSAL = {
  /** The bearer token is missing or wrong (server.authToken; /metrics with server.metricsAuth). */
  unauthorized: 'TH_UNAUTHORIZED',
  /** Shutdown has started: the client retries elsewhere or after the restart. */
  draining: 'TH_SHUTTING_DOWN',
  /** The in-flight budget (server.maxInFlightBytes) is spent: retry later. */
  overloaded: 'TH_OVERLOADED',
  /** The declared, streamed or inflated body is past server.maxBodyBytes. */
  tooLarge: 'TH_BODY_TOO_LARGE',
  /** The body did not arrive within server.bodyTimeoutMs. */
  stalled: 'TH_REQUEST_TIMEOUT',
  /** The body was interrupted, or fastify refused the request before the route. */
  badRequest: 'TH_BAD_REQUEST',
  /** A Content-Type that is neither protobuf nor JSON. */
  unsupportedMediaType: 'TH_UNSUPPORTED_MEDIA_TYPE',
  /** A path that is not an OTLP endpoint. */
  notFound: 'TH_NOT_FOUND',
  /** The receiver itself failed unexpectedly: logged, and answered retryable so the client keeps the data. */
  unexpected: 'TH_NEXT_HOP_UNAVAILABLE',
} as const satisfies Record<string, ErrorCode>;
