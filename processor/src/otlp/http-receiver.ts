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
import { REFUSAL } from './refusals.js';

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
  // The rest of the body is not read (too large, stalled): close the connection after the answer.
  if (status === 413 || status === 408) reply.header('connection', 'close');
  return reply.send(errorBody(format, code, message));
}

/** 401 with a Bearer challenge, in the receivers' format (a google.rpc.Status JSON body): for /metrics beside them. */
export function answerUnauthorized(reply: FastifyReply): FastifyReply {
  return sendError(reply.header('www-authenticate', 'Bearer'), 'json', REFUSAL.unauthorized, undefined, 0);
}

/** Timeouts of the Node server: headers (Node answers 408 itself), a backstop for the whole request, keep-alive. */
function timeouts(server: ReceiverOptions): { node: Record<string, number>; fastify: Record<string, number> } {
  const headers = server.headersTimeoutMs ?? 60_000; // Node's default
  const body = server.bodyTimeoutMs ?? 0;
  return {
    // Checked every second (Node's default is every 30 s, too coarse for a 10 s headers timeout).
    node: { headersTimeout: headers, connectionsCheckingInterval: Math.min(1000, headers) },
    // readBody enforces bodyTimeoutMs with the project's answer; Node's requestTimeout is only the backstop.
    fastify: {
      requestTimeout: body > 0 ? headers + body + 5000 : 0,
      keepAliveTimeout: server.idleTimeoutMs ?? 72_000, // fastify's default
    },
  };
}

function httpsOptions(server: ReceiverOptions, node: Record<string, number>): Record<string, unknown> | undefined {
  const tls = server.http.tls;
  if (!tls) return undefined;
  return {
    ...node,
    key: readFileSync(tls.keyFile),
    cert: readFileSync(tls.certFile),
    ...(tls.clientCaFile ? { ca: readFileSync(tls.clientCaFile), requestCert: true, rejectUnauthorized: true } : {}),
  };
}

export function createHttpReceiver(opts: HttpReceiverOptions): FastifyInstance {
  const { server, handler, budget } = opts;
  const limits = timeouts(server);
  const https = httpsOptions(server, limits.node);
  const app = (Fastify as unknown as (o: object) => FastifyInstance)({
    logger: false,
    ...(https ? { https } : { http: limits.node }),
    ...limits.fastify,
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

  // What fastify itself refuses before a route runs (a Content-Type it cannot parse: empty, parameters only,
  // malformed, oversized) is answered in the project's format too, never fastify's own error body.
  app.setErrorHandler((err: { code?: string; statusCode?: number }, request, reply) => {
    request.raw.resume();
    const code: ErrorCode =
      err.code?.startsWith('FST_ERR_CTP_') && err.code !== 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? REFUSAL.unsupportedMediaType
        : err.statusCode === 413
          ? REFUSAL.tooLarge
          : REFUSAL.badRequest;
    const signal = ROUTES.find(([path]) => request.url.split('?')[0] === path)?.[1];
    if (signal) handler.refusedEarly(signal, 'http', code);
    const detail = code === REFUSAL.unsupportedMediaType ? 'use application/x-protobuf or application/json' : undefined;
    return sendError(reply, 'json', code, detail, 0);
  });

  app.setNotFoundHandler((request, reply) => {
    sendError(
      reply,
      parseFormat(request.headers['content-type']) ?? 'json',
      REFUSAL.notFound,
      `${request.method} ${request.url.split('?')[0]}`,
      0,
    );
  });

  for (const [path, signal] of ROUTES) {
    app.post(path, async (request, reply) => {
      const format = parseFormat(request.headers['content-type']);
      const stream = ((request.body as Readable | undefined) ?? request.raw) as Readable;
      const fmt = format ?? 'json';
      /** Answers an error (counted), after discarding what is left of the body unless `keepStream`. */
      const refuse = (code: ErrorCode, detail?: string, retryAfterSeconds = 0, keepStream = false): FastifyReply => {
        if (!keepStream) stream.resume();
        handler.refusedEarly(signal, 'http', code);
        return sendError(reply, fmt, code, detail, retryAfterSeconds);
      };
      if (!checkBearer(server.authToken, request.headers.authorization)) return refuse(REFUSAL.unauthorized);
      if (opts.isDraining()) return refuse(REFUSAL.draining, undefined, server.retryAfterSeconds);
      if (!format) {
        const ct = String(request.headers['content-type'] ?? '(none)').slice(0, 100);
        return refuse(REFUSAL.unsupportedMediaType, `${ct}; use application/x-protobuf or application/json`);
      }
      const encoding = parseContentEncoding(request.headers['content-encoding']);
      if (!encoding) {
        const ce = String(request.headers['content-encoding']).slice(0, 100);
        return refuse('TH_UNSUPPORTED_ENCODING', `${ce}; use gzip, deflate or none`);
      }
      const declared = Number(request.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > server.maxBodyBytes) {
        return refuse(REFUSAL.tooLarge, `${declared} bytes, limit ${server.maxBodyBytes}`);
      }
      const lease = budget.lease();
      try {
        const raw = await readBody(stream, server.maxBodyBytes, lease, server.bodyTimeoutMs);
        const body = await decompress(raw, encoding, server.maxBodyBytes, lease);
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
        if (err instanceof BodyError) return refuse(err.code, err.detail, server.retryAfterSeconds, true);
        // Unexpected: logged, and answered as retryable so the client keeps the data (never a bare 500).
        opts.logger.error({ code: REFUSAL.unexpected, signal, ...describeError(err) }, 'unexpected receiver error');
        return refuse(REFUSAL.unexpected, 'internal error', server.retryAfterSeconds, true);
      } finally {
        lease.release();
      }
    });
  }
  return app;
}
