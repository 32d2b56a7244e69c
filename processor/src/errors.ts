/**
 * The one catalogue of Tracehound error codes (documented in docs/errors.md). Every error the processor reports to a
 * client, an operator or a log carries one of these stable codes. Add new codes here, never inline.
 */

export interface ErrorSpec {
  /** HTTP status when the error is answered to a client (0 when it never is). */
  status: number;
  /** gRPC status code name when answered over gRPC. */
  grpc?:
    | 'INVALID_ARGUMENT'
    | 'RESOURCE_EXHAUSTED'
    | 'UNAVAILABLE'
    | 'UNAUTHENTICATED'
    | 'UNIMPLEMENTED'
    | 'DEADLINE_EXCEEDED'
    | 'INTERNAL';
  message: string;
}

export const ERROR_CATALOGUE = {
  // Configuration (start-up)
  TH_CONFIG_READ: { status: 0, message: 'cannot read the configuration file' },
  TH_CONFIG_PARSE: { status: 0, message: 'the configuration file is not valid YAML' },
  TH_CONFIG_INVALID: { status: 0, message: 'the configuration does not match the schema' },
  TH_CONFIG_ENV: { status: 0, message: 'an environment override has an invalid value' },
  TH_CONFIG_UNKNOWN_KEY: { status: 0, message: 'the configuration has an option that does not exist' },
  TH_CONFIG_TYPE: { status: 0, message: 'a configuration option has the wrong type' },
  TH_CONFIG_VALUE: { status: 0, message: 'a configuration option has a value outside what it accepts' },
  TH_CONFIG_MISSING: { status: 0, message: 'a required configuration option is missing' },
  TH_CONFIG_CONFLICT: { status: 0, message: 'configuration options contradict each other' },
  TH_CONFIG_FILE: { status: 0, message: 'a file named in the configuration cannot be read' },
  TH_TIER_DEPENDENCY: {
    status: 0,
    message: 'the classifier tier is enabled but its optional dependencies are not installed',
  },
  TH_TIER_MODEL: { status: 0, message: 'a classifier model directory is incomplete or cannot be loaded' },
  // Receivers (client errors)
  TH_BAD_REQUEST: { status: 400, grpc: 'INVALID_ARGUMENT', message: 'the request body cannot be decoded' },
  TH_VALUE_OUT_OF_RANGE: {
    status: 400,
    grpc: 'INVALID_ARGUMENT',
    message: 'an OTLP/JSON number, enum or timestamp is outside the range of its field',
  },
  TH_BAD_GZIP: { status: 400, grpc: 'INVALID_ARGUMENT', message: 'the request body is not valid gzip' },
  TH_BODY_TOO_LARGE: { status: 413, grpc: 'RESOURCE_EXHAUSTED', message: 'the request body exceeds the size limit' },
  TH_UNSUPPORTED_MEDIA_TYPE: { status: 415, grpc: 'INVALID_ARGUMENT', message: 'unsupported content type' },
  TH_UNSUPPORTED_ENCODING: { status: 415, grpc: 'INVALID_ARGUMENT', message: 'unsupported content encoding' },
  TH_REQUEST_TIMEOUT: {
    status: 408,
    grpc: 'DEADLINE_EXCEEDED',
    message: 'the request body did not arrive within server.bodyTimeoutMs',
  },
  TH_UNAUTHORIZED: { status: 401, grpc: 'UNAUTHENTICATED', message: 'missing or invalid bearer token' },
  TH_NOT_FOUND: { status: 404, grpc: 'UNIMPLEMENTED', message: 'no such endpoint' },
  TH_REVIEW_CONFLICT: { status: 409, message: 'the suppression id is taken, or the API suppression limit is reached' },
  TH_INVALID_CURSOR: { status: 400, message: 'the pagination cursor is not one this API issued' },
  TH_STORE_DISABLED: { status: 503, message: 'the findings store is disabled (store.enabled: false)' },
  TH_API_INTERNAL: { status: 500, message: 'the findings API failed on an unexpected error (logged)' },
  // Back-pressure (retryable)
  TH_OVERLOADED: { status: 429, grpc: 'RESOURCE_EXHAUSTED', message: 'too much data in flight, retry later' },
  TH_NEXT_HOP_UNAVAILABLE: {
    status: 503,
    grpc: 'UNAVAILABLE',
    message: 'the next hop did not accept the data, retry later',
  },
  TH_SHUTTING_DOWN: { status: 503, grpc: 'UNAVAILABLE', message: 'the service is shutting down, retry later' },
  TH_STAGE_TIMEOUT: {
    status: 503,
    grpc: 'UNAVAILABLE',
    message: 'a pipeline stage did not finish in time, retry later',
  },
  TH_STAGE_UNAVAILABLE: {
    status: 503,
    grpc: 'UNAVAILABLE',
    message:
      'a pipeline stage failed on this batch, so it was not forwarded (never unscanned or unredacted), retry later',
  },
  // Pipeline (never answered to clients: counted and logged)
  TH_STAGE_FAILED: { status: 0, message: 'a pipeline stage threw' },
  TH_NORMALIZE_FAILED: { status: 0, message: 'a span could not be normalized; it was forwarded unscanned' },
  TH_DETECTOR_FAILED: { status: 0, message: 'a detector failed on one input; other detectors still ran' },
  TH_TIER_FAILED: { status: 0, message: 'an escalation tier failed on one span; its work was dropped and counted' },
  TH_FINDINGS_WRITE: { status: 0, message: 'cannot write the findings file' },
  TH_CAPTURE_OFF: { status: 0, message: 'capture is off in the instrumentation: content detectors cannot run' },
  TH_STORE_OPEN: {
    status: 0,
    message: 'the findings store cannot be opened (store.path unwritable or not a database)',
  },
  TH_STORE_WRITE: {
    status: 0,
    message: 'a findings store batch failed to commit; its writes were dropped and counted',
  },
  TH_FINDINGS_DROPPED: {
    status: 0,
    message: 'finding log records were dropped before the next hop accepted them',
  },
  TH_SINK_CLOSED: { status: 0, message: 'findings were written to a sink after its shutdown; they were refused' },
  // Offline tools
  TH_CLI_USAGE: { status: 0, message: 'unknown command or invalid command-line arguments' },
  TH_SERVE_START: {
    status: 0,
    message: 'the service cannot start listening (port in use, address, TLS files, permissions)',
  },
  TH_SCAN_INPUT: { status: 0, message: 'an input file cannot be read or parsed' },
  TH_ARCHIVE_TAMPERED: { status: 0, message: 'the archive failed verification' },
  TH_ARCHIVE_IO: { status: 0, message: 'the archive cannot be read or written' },
  TH_ARCHIVE_KEY: { status: 0, message: 'the archive signing or public key cannot be loaded' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** An error with a stable code, an HTTP status, and optional detail (config path, offending value...). */
export class TracehoundError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, detail?: string, details?: Record<string, unknown>) {
    const spec: ErrorSpec = ERROR_CATALOGUE[code];
    super(detail ? `${spec.message}: ${detail}` : spec.message);
    this.name = 'TracehoundError';
    this.code = code;
    this.status = spec.status;
    this.details = details;
  }
}

export function isTracehoundError(err: unknown): err is TracehoundError {
  return err instanceof TracehoundError;
}
