import type { ErrorCode } from '../errors.js';
import type { BodyFormat } from './responses.js';
import type { Signal, Transport } from './signal.js';

/** What a receiver hands to the service once it has a complete, decompressed body. */
export interface ExportRequest {
  signal: Signal;
  transport: Transport;
  format: BodyFormat;
  /** Decompressed body (protobuf or OTLP/JSON). */
  body: Buffer;
  /** The client's gzip bytes of the same body, when it sent gzip: forwarded as is when nothing changed. */
  gzipped?: Buffer;
}

export type ExportOutcome =
  | { ok: true; rejected: number; message?: string }
  | { ok: false; code: ErrorCode; message: string; retryAfterSeconds?: number };

export interface ExportHandler {
  handle(req: ExportRequest): Promise<ExportOutcome>;
  /**
   * Counts an export a receiver answered itself, before handle() (auth, draining, limits, timeouts), so one metric
   * (tracehound_receiver_requests_total) covers every answer.
   */
  refusedEarly(signal: Signal, transport: Transport, code: ErrorCode): void;
}
