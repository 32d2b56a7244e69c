import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { checkBearer } from '../otlp/auth.js';
import { answerUnauthorized } from '../otlp/http-receiver.js';

/**
 * Operational endpoints on the HTTP port: liveness, readiness (503 while draining, or while a part the service relies
 * on cannot do its job — `unready()` names it, e.g. an archive that cannot write) and Prometheus metrics. /healthz
 * and /readyz never need a token (kubelet and load-balancer probes send none, and they reveal nothing); /metrics
 * needs the receivers' bearer token when `metricsToken` is given (server.metricsAuth).
 */
export function registerOpsRoutes(
  app: FastifyInstance,
  o: { registry: Registry; isReady(): boolean; metricsToken?: string; unready?: () => string | undefined },
): void {
  app.get('/healthz', async (_req, reply) => reply.code(200).send({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    if (!o.isReady()) return reply.code(503).send({ status: 'draining' });
    const reason = o.unready?.();
    return reason ? reply.code(503).send({ status: 'unready', reason }) : reply.code(200).send({ status: 'ready' });
  });
  app.get('/metrics', async (req, reply) => {
    if (o.metricsToken && !checkBearer(o.metricsToken, req.headers.authorization)) {
      return answerUnauthorized(reply);
    }
    const text = await o.registry.metrics();
    return reply.code(200).header('content-type', o.registry.contentType).send(text);
  });
}
