import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import type { ErrorCode } from '../errors.js';
import { describeError, type Logger } from '../log/logger.js';
import type { InflightBudget } from './inflight.js';
import type { ReceiverOptions } from './options.js';
import { checkBearer } from './auth.js';
import type { ExportHandler } from './export-types.js';
import type { Signal } from './signal.js';
import { SERVICES, T } from './proto.js';
import { errorMessage, grpcCodeOf, successBody } from './responses.js';
import { REFUSAL } from './refusals.js';

/**
 * OTLP/gRPC receiver (TraceService, LogsService, MetricsService Export) with @grpc/grpc-js. Method paths come from the
 * .proto service definitions; messages stay raw bytes (identity (de)serializers) so the same wire-level pipeline as
 * OTLP/HTTP applies and unknown fields survive.
 */

export interface GrpcReceiverOptions {
  server: ReceiverOptions;
  handler: ExportHandler;
  budget: InflightBudget;
  isDraining(): boolean;
  logger: Logger;
}

const identity = (b: Buffer): Buffer => b;

function definition(signal: Signal): grpc.ServiceDefinition {
  const service = SERVICES[signal];
  const method = service.methods.Export;
  const name = service.fullName.startsWith('.') ? service.fullName.slice(1) : service.fullName;
  const path = `/${name}/${method.name}`;
  return {
    Export: {
      path,
      requestStream: false,
      responseStream: false,
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: identity,
      responseDeserialize: identity,
    },
  };
}

/** google.rpc.Status (with RetryInfo for retryable codes) as grpc-status-details-bin, so Collectors retry. */
function statusMetadata(status: number, message: string, retryAfterSeconds: number | undefined): grpc.Metadata {
  const md = new grpc.Metadata();
  if (retryAfterSeconds === undefined) return md;
  const retryInfo = T.RetryInfo.encode({ retryDelay: { seconds: retryAfterSeconds, nanos: 0 } }).finish();
  const details = T.Status.encode({
    code: status,
    message,
    details: [{ typeUrl: 'type.googleapis.com/google.rpc.RetryInfo', value: retryInfo }],
  }).finish();
  md.set('grpc-status-details-bin', Buffer.from(details));
  return md;
}

function credentials(server: ReceiverOptions): grpc.ServerCredentials {
  const tls = server.grpc.tls;
  if (!tls) return grpc.ServerCredentials.createInsecure();
  const ca = tls.clientCaFile ? readFileSync(tls.clientCaFile) : null;
  return grpc.ServerCredentials.createSsl(
    ca,
    [{ private_key: readFileSync(tls.keyFile), cert_chain: readFileSync(tls.certFile) }],
    ca !== null,
  );
}

const SIGNAL_OF_PATH = new Map<string, Signal>(
  (['traces', 'logs', 'metrics'] as const).map((s) => [definition(s).Export.path, s]),
);

export class GrpcReceiver {
  private readonly server: grpc.Server;

  constructor(private readonly o: GrpcReceiverOptions) {
    this.server = new grpc.Server({
      'grpc.max_receive_message_length': o.server.maxBodyBytes,
      'grpc.max_send_message_length': 4 * 1024 * 1024,
      ...(o.server.idleTimeoutMs ? { 'grpc.max_connection_idle_ms': o.server.idleTimeoutMs } : {}),
      interceptors: [this.bodyDeadline],
    });
    for (const signal of ['traces', 'logs', 'metrics'] as const) {
      this.server.addService(definition(signal), { Export: this.exportHandler(signal) });
    }
  }

  /**
   * Before a call's message is read: refused at once (RESOURCE_EXHAUSTED, TH_OVERLOADED) while the in-flight budget
   * is used up — grpc-js reads and decompresses messages before any handler runs, so this is the earliest point —
   * and ended with DEADLINE_EXCEEDED (TH_REQUEST_TIMEOUT) when its message has not fully arrived within
   * server.bodyTimeoutMs of its metadata: a stalled upload does not hold its stream and partial message forever.
   */
  private readonly bodyDeadline: grpc.ServerInterceptor = (descriptor, call) => {
    const timeoutMs = this.o.server.bodyTimeoutMs ?? 0;
    let timer: NodeJS.Timeout | undefined;
    return new grpc.ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMetadata: (metadata, nextMetadata) => {
            if (this.o.budget.inUse >= this.o.budget.maxBytes) {
              // Already over budget: refuse before the message is read (and inflated by grpc-js).
              const signal = SIGNAL_OF_PATH.get(descriptor.path);
              if (signal) this.o.handler.refusedEarly(signal, 'grpc', REFUSAL.overloaded);
              const status = grpcCodeOf(REFUSAL.overloaded);
              const details = errorMessage(REFUSAL.overloaded);
              call.sendStatus({
                code: status,
                details,
                metadata: statusMetadata(status, details, this.o.server.retryAfterSeconds),
              });
              return;
            }
            if (timeoutMs > 0) {
              timer = setTimeout(() => {
                const signal = SIGNAL_OF_PATH.get(descriptor.path);
                if (signal) this.o.handler.refusedEarly(signal, 'grpc', REFUSAL.stalled);
                call.sendStatus({
                  code: grpcCodeOf(REFUSAL.stalled),
                  details: errorMessage(REFUSAL.stalled, `no complete message within ${timeoutMs} ms`),
                });
              }, timeoutMs);
            }
            nextMetadata(metadata);
          },
          onReceiveMessage: (message, nextMessage) => {
            clearTimeout(timer);
            nextMessage(message);
          },
          onCancel: () => clearTimeout(timer),
        }),
      sendStatus: (status, nextStatus) => {
        clearTimeout(timer);
        nextStatus(status);
      },
    });
  };

  private exportHandler(signal: Signal): grpc.handleUnaryCall<Buffer, Buffer> {
    return (call, callback) => {
      const reject = (code: ErrorCode, message = errorMessage(code), retryAfterSeconds?: number): void => {
        const status = grpcCodeOf(code);
        callback({ code: status, details: message, metadata: statusMetadata(status, message, retryAfterSeconds) });
      };
      const refuse = (code: ErrorCode, retryAfterSeconds?: number): void => {
        this.o.handler.refusedEarly(signal, 'grpc', code);
        reject(code, undefined, retryAfterSeconds);
      };
      const auth = call.metadata.get('authorization')[0];
      if (!checkBearer(this.o.server.authToken, typeof auth === 'string' ? auth : undefined))
        return refuse(REFUSAL.unauthorized);
      if (this.o.isDraining()) return refuse(REFUSAL.draining, this.o.server.retryAfterSeconds);
      const body = call.request;
      const lease = this.o.budget.lease();
      if (!lease.add(body.length)) {
        lease.release();
        return refuse(REFUSAL.overloaded, this.o.server.retryAfterSeconds);
      }
      this.o.handler
        .handle({ signal, transport: 'grpc', format: 'protobuf', body })
        .then((outcome) => {
          if (outcome.ok) callback(null, successBody(signal, 'protobuf', outcome.rejected, outcome.message));
          else reject(outcome.code, outcome.message, outcome.retryAfterSeconds);
        })
        .catch((err: unknown) => {
          this.o.logger.error(
            { code: REFUSAL.unexpected, signal, ...describeError(err) },
            'unexpected gRPC receiver error',
          );
          reject(
            REFUSAL.unexpected,
            errorMessage(REFUSAL.unexpected, 'internal error'),
            this.o.server.retryAfterSeconds,
          );
        })
        .finally(() => lease.release());
    };
  }

  /** Binds and starts serving; resolves with the bound port (port 0 = ephemeral). */
  start(): Promise<number> {
    const { host, port } = this.o.server.grpc;
    return new Promise((resolve, reject) => {
      this.server.bindAsync(
        `${host.includes(':') ? `[${host}]` : host}:${port}`,
        credentials(this.o.server),
        (err, bound) => {
          if (err) reject(err);
          else resolve(bound);
        },
      );
    });
  }

  /** Stops accepting new calls; resolves once every call in flight has been answered. */
  close(): Promise<void> {
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }

  /** Cancels every call still open (after close() did not finish in time). */
  forceShutdown(): void {
    this.server.forceShutdown();
  }
}
