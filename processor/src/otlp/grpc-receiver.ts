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

export class GrpcReceiver {
  private readonly server: grpc.Server;

  constructor(private readonly o: GrpcReceiverOptions) {
    this.server = new grpc.Server({
      'grpc.max_receive_message_length': o.server.maxBodyBytes,
      'grpc.max_send_message_length': 4 * 1024 * 1024,
    });
    for (const signal of ['traces', 'logs', 'metrics'] as const) {
      this.server.addService(definition(signal), { Export: this.exportHandler(signal) });
    }
  }

  private exportHandler(signal: Signal): grpc.handleUnaryCall<Buffer, Buffer> {
    return (call, callback) => {
      const reject = (code: ErrorCode, message = errorMessage(code), retryAfterSeconds?: number): void => {
        const status = grpcCodeOf(code);
        callback({ code: status, details: message, metadata: statusMetadata(status, message, retryAfterSeconds) });
      };
      const auth = call.metadata.get('authorization')[0];
      if (!checkBearer(this.o.server.authToken, typeof auth === 'string' ? auth : undefined))
        return reject('TH_UNAUTHORIZED');
      if (this.o.isDraining()) return reject('TH_SHUTTING_DOWN', undefined, this.o.server.retryAfterSeconds);
      const body = call.request;
      const lease = this.o.budget.lease();
      if (!lease.add(body.length)) {
        lease.release();
        return reject('TH_OVERLOADED', undefined, this.o.server.retryAfterSeconds);
      }
      this.o.handler
        .handle({ signal, transport: 'grpc', format: 'protobuf', body })
        .then((outcome) => {
          if (outcome.ok) callback(null, successBody(signal, 'protobuf', outcome.rejected, outcome.message));
          else reject(outcome.code, outcome.message, outcome.retryAfterSeconds);
        })
        .catch((err: unknown) => {
          this.o.logger.error(
            { code: 'TH_NEXT_HOP_UNAVAILABLE', signal, ...describeError(err) },
            'unexpected gRPC receiver error',
          );
          reject(
            'TH_NEXT_HOP_UNAVAILABLE',
            errorMessage('TH_NEXT_HOP_UNAVAILABLE', 'internal error'),
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

  /** Stops accepting and waits for in-flight calls; after `deadlineMs` cancels what is left. */
  shutdown(deadlineMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, deadlineMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
