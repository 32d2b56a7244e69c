import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

/**
 * Operational endpoints on the HTTP port: liveness, readiness (503 while draining, or while a part the service relies
 * on cannot do its job — `unready()` names it, e.g. an archive that cannot write) and Prometheus metrics.
 */
export function registerOpsRoutes(
  app: FastifyInstance,
  o: { registry: Registry; isReady(): boolean; unready?: () => string | undefined },
): void {
  app.get('/healthz', async (_req, reply) => reply.code(200).send({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    if (!o.isReady()) return reply.code(503).send({ status: 'draining' });
    const reason = o.unready?.();
    return reason ? reply.code(503).send({ status: 'unready', reason }) : reply.code(200).send({ status: 'ready' });
  });
  app.get('/metrics', async (_req, reply) => {
    const text = await o.registry.metrics();
    return reply.code(200).header('content-type', o.registry.contentType).send(text);
  });
}
