import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { answerApiError, badRequest, notFound, reviewRefused, unauthorized } from '../http/api-errors.js';
import { checkBearer } from '../otlp/auth.js';
import type { AnalystFeedback } from './feedback.js';
import { parseSuppression } from './suppression-parse.js';
import type { SuppressionManager } from './suppression-manager.js';
import type { VerdictStore } from './verdict-store.js';

export interface ApiServerOptions {
  host: string;
  port: number;
  token: string;
  /** The staleness bound: Cache-Control max-age of verdict answers. */
  maxAgeSeconds: number;
  store: VerdictStore;
  feedback: AnalystFeedback;
  suppressions: SuppressionManager;
}

/** What the verdict, feedback and suppression routes use. */
export type ResponseRouteDeps = Pick<ApiServerOptions, 'maxAgeSeconds' | 'store' | 'feedback' | 'suppressions'>;

export interface ApiServer {
  readonly app: FastifyInstance;
  start(): Promise<number>;
  shutdown(): Promise<void>;
}

/** Query parameter → target kind of the verdict lookup. */
const QUERY_TARGETS = [
  ['session', 'session'],
  ['user', 'user'],
  ['api_key', 'api_key'],
  ['tool', 'tool'],
] as const;

/**
 * The verdict and review API on its own port (bearer token): GET /v1/verdict answers from memory whether a session,
 * user, API key or tool may proceed; POST /v1/feedback takes analysts' verdicts; /v1/suppressions manages the
 * API suppressions. /healthz is open (liveness probes carry no token).
 */
export function createApiServer(o: ApiServerOptions): ApiServer {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });

  app.addHook('onRequest', async (req, reply) => {
    if (req.url === '/healthz') return;
    // The receivers' check: scheme in any case, token trimmed, constant-time.
    if (!checkBearer(o.token, req.headers.authorization)) {
      return unauthorized(reply);
    }
  });
  app.setNotFoundHandler((_req, reply) => notFound(reply));
  app.setErrorHandler((err: { statusCode?: number; validation?: unknown; message: string }, _req, reply) =>
    answerApiError(reply, err),
  );

  app.get('/healthz', async (_req, reply) => reply.send({ status: 'ok' }));

  void app.register(async (v1) => registerResponseRoutes(v1, o), { prefix: '/v1' });

  return {
    app,
    async start() {
      await app.listen({ host: o.host, port: o.port });
      return (app.server.address() as AddressInfo).port;
    },
    async shutdown() {
      await app.close();
    },
  };
}

/**
 * The verdict, feedback and suppression routes, relative to a prefix: /v1 on the response API's own port, and /api/v1
 * on the OTLP/HTTP port (the findings API mounts them there too). Authentication is the caller's hook.
 */
export function registerResponseRoutes(app: FastifyInstance, o: ResponseRouteDeps): void {
  app.get('/verdict', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const targets: string[] = [];
    for (const [param, kind] of QUERY_TARGETS) {
      const v = q[param];
      if (typeof v === 'string' && v.length > 0 && v.length <= 256) targets.push(`${kind}:${v}`);
    }
    if (targets.length === 0) return badRequest(reply, 'give at least one of session, user, api_key, tool');
    const v = o.store.strongest(targets);
    reply.header('cache-control', `private, max-age=${o.maxAgeSeconds}`);
    if (!v)
      return reply.send({
        decision: 'allow',
        reason: 'no active verdict',
        rule: null,
        target: null,
        expiresAt: null,
        maxAgeSeconds: o.maxAgeSeconds,
      });
    return reply.send({
      decision: v.decision,
      reason: v.reason,
      rule: v.rule,
      target: v.target,
      expiresAt: new Date(v.expiresAt).toISOString(),
      maxAgeSeconds: o.maxAgeSeconds,
    });
  });

  app.get('/verdicts', async (_req, reply) =>
    reply.send({
      verdicts: o.store.list().map((v) => ({
        decision: v.decision,
        target: v.target,
        rule: v.rule,
        reason: v.reason,
        expiresAt: new Date(v.expiresAt).toISOString(),
      })),
    }),
  );

  app.post('/feedback', async (req, reply) => {
    const r = o.feedback.submit(req.body);
    if (!r.ok) return reviewRefused(reply, r.status, r.error);
    return reply.code(202).send(r);
  });

  app.get('/suppressions', async (_req, reply) => reply.send({ suppressions: o.suppressions.list() }));

  app.post('/suppressions', async (req, reply) => {
    const p = parseSuppression(req.body);
    if (!p.ok) return badRequest(reply, p.error);
    const r = o.suppressions.add(p.value);
    if (!r.ok) return reviewRefused(reply, 409, r.reason === 'full' ? 'limit reached' : 'id taken');
    return reply.code(201).send({ id: p.value.id });
  });

  app.delete('/suppressions/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    return o.suppressions.remove(id) ? reply.code(204).send() : notFound(reply, 'no API suppression with that id');
  });
}
