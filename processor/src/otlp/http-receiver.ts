import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors.js';
import { describeError, type Logger } from '../log/logger.js';
import type { InflightBudget } from './inflight.js';
import type { ReceiverOptions } from './options.js';
import { checkBearer } from './auth.js';
import { BodyError, decompress, parseContentEncoding, readBody } from './body.js';
import type { ExportHandler } from './export-types.js';
import type { Signal } from './signal.js';
import { CONTENT_TYPE, errorBody, errorMessage, successBody, type BodyFormat } from './responses.js';

/**
 * OTLP/HTTP receiver (POST /v1/traces, /v1/logs, /v1/metrics) on fastify. Fastify's own body parsing is replaced by
 * a raw-stream parser: the body is read here, under the size and in-flight limits, and decompressed off the main
 * thread. Operational routes (/healthz, /readyz, /metrics) are added by the service on the same instance.
 */

export interface HttpReceiverOptions {
  server: ReceiverOptions;
  handler: ExportHandler;
  budget: InflightBudget;
  /** True once shutdown started: new exports get 503 TH_SHUTTING_DOWN. */
  isDraining(): boolean;
  logger: Logger;
}

const ROUTES: Array<[string, Signal]> = [
  ['/v1/traces', 'traces'],
  ['/v1/logs', 'logs'],
  ['/v1/metrics', 'metrics'],
];

function parseFormat(contentType: string | undefined): BodyFormat | undefined {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (media === 'application/x-protobuf' || media === 'application/protobuf') return 'protobuf';
  if (media === 'application/json') return 'json';
  return undefined;
}

function sendError(
  reply: FastifyReply,
  format: BodyFormat,
  code: ErrorCode,
  detail: string | undefined,
  retryAfterSeconds: number,
  message = errorMessage(code, detail),
): FastifyReply {
  const status = ERROR_CATALOGUE[code].status || 500;
  reply.code(status).header('content-type', CONTENT_TYPE[format]).header('x-tracehound-error', code);
  if (status === 429 || status === 503) reply.header('retry-after', String(retryAfterSeconds));
  if (status === 413) reply.header('connection', 'close');
  return reply.send(errorBody(format, code, message));
}

function httpsOptions(server: ReceiverOptions): Record<string, unknown> | undefined {
  const tls = server.http.tls;
  if (!tls) return undefined;
  return {
    key: readFileSync(tls.keyFile),
    cert: readFileSync(tls.certFile),
    ...(tls.clientCaFile ? { ca: readFileSync(tls.clientCaFile), requestCert: true, rejectUnauthorized: true } : {}),
  };
}

export function createHttpReceiver(opts: HttpReceiverOptions): FastifyInstance {
  const { server, handler, budget } = opts;
  const https = httpsOptions(server);
  const app = (Fastify as unknown as (o: object) => FastifyInstance)({
    logger: false,
    ...(https ? { https } : {}),
    // Keep-alive connections from a Collector are long-lived; idle ones are closed on shutdown.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });

  // While draining, every answer closes its connection so keep-alive clients let the server finish closing.
  app.addHook('onSend', async (_req, reply, payload) => {
    if (opts.isDraining()) reply.header('connection', 'close');
    return payload;
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

  app.setNotFoundHandler((request, reply) => {
    sendError(
      reply,
      parseFormat(request.headers['content-type']) ?? 'json',
      'TH_NOT_FOUND',
      `${request.method} ${request.url.split('?')[0]}`,
      0,
    );
  });

  for (const [path, signal] of ROUTES) {
    app.post(path, async (request, reply) => {
      const format = parseFormat(request.headers['content-type']);
      const stream = ((request.body as Readable | undefined) ?? request.raw) as Readable;
      const fmt = format ?? 'json';
      if (!checkBearer(server.authToken, request.headers.authorization)) {
        stream.resume();
        return sendError(reply, fmt, 'TH_UNAUTHORIZED', undefined, 0);
      }
      if (opts.isDraining()) {
        stream.resume();
        return sendError(reply, fmt, 'TH_SHUTTING_DOWN', undefined, server.retryAfterSeconds);
      }
      if (!format) {
        stream.resume();
        const ct = String(request.headers['content-type'] ?? '(none)').slice(0, 100);
        return sendError(
          reply,
          fmt,
          'TH_UNSUPPORTED_MEDIA_TYPE',
          `${ct}; use application/x-protobuf or application/json`,
          0,
        );
      }
      const encoding = parseContentEncoding(request.headers['content-encoding']);
      if (!encoding) {
        stream.resume();
        const ce = String(request.headers['content-encoding']).slice(0, 100);
        return sendError(reply, format, 'TH_UNSUPPORTED_ENCODING', `${ce}; use gzip, deflate or none`, 0);
      }
      const declared = Number(request.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > server.maxBodyBytes) {
        stream.resume();
        return sendError(reply, format, 'TH_BODY_TOO_LARGE', `${declared} bytes, limit ${server.maxBodyBytes}`, 0);
      }
      const lease = budget.lease();
      try {
        const raw = await readBody(stream, server.maxBodyBytes, lease);
        const body = await decompress(raw, encoding, server.maxBodyBytes);
        if (body !== raw && !lease.add(body.length)) throw new BodyError('TH_OVERLOADED');
        const outcome = await handler.handle({
          signal,
          transport: 'http',
          format,
          body,
          gzipped: encoding === 'gzip' ? raw : undefined,
        });
        if (!outcome.ok) {
          return sendError(
            reply,
            format,
            outcome.code,
            undefined,
            outcome.retryAfterSeconds ?? server.retryAfterSeconds,
            outcome.message,
          );
        }
        return reply
          .code(200)
          .header('content-type', CONTENT_TYPE[format])
          .send(successBody(signal, format, outcome.rejected, outcome.message));
      } catch (err) {
        if (err instanceof BodyError) return sendError(reply, format, err.code, err.detail, server.retryAfterSeconds);
        // Unexpected: logged, and answered as retryable so the client keeps the data (never a bare 500).
        opts.logger.error(
          { code: 'TH_NEXT_HOP_UNAVAILABLE', signal, ...describeError(err) },
          'unexpected receiver error',
        );
        return sendError(reply, format, 'TH_NEXT_HOP_UNAVAILABLE', 'internal error', server.retryAfterSeconds);
      } finally {
        lease.release();
      }
    });
  }
  return app;
}
