import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { serverDefaults } from '../config/sections/server.js';
import type { ForwardConfig, ServerConfig } from '../config/types.js';
import { createLogger, type Logger } from '../log/logger.js';
import { getDefaultRegistry } from '../metrics/registry.js';
import { createTransportMetrics } from '../metrics/transport.js';
import { Forwarder } from '../otlp/forwarder.js';
import { GrpcReceiver } from '../otlp/grpc-receiver.js';
import { createHttpReceiver } from '../otlp/http-receiver.js';
import { Pipeline } from '../pipeline/runner.js';
import type { PipelineStage } from '../pipeline/stage.js';
import { ServiceExportHandler } from './export-handler.js';
import { InflightBudget } from '../otlp/inflight.js';
import { registerOpsRoutes } from './ops-routes.js';

/**
 * The Tracehound OTLP service: HTTP and gRPC receivers → pipeline stages → forwarder, with health, readiness and
 * metrics, and a graceful shutdown that drains in-flight requests within server.shutdownTimeoutMs.
 */

/** The sections of TracehoundConfig the service reads (structural, so any full config object fits). */
export interface ServiceConfig {
  server: ServerConfig;
  forward: ForwardConfig;
}

export interface ServiceOptions {
  config: ServiceConfig;
  stages: PipelineStage[];
  logger?: Logger;
  /** Registry for /metrics; defaults to the process-wide one (getDefaultRegistry()). */
  registry?: Registry;
}

export interface Service {
  /** Binds the enabled receivers (port 0 = ephemeral); a disabled receiver reports port 0. */
  start(): Promise<{ httpPort: number; grpcPort: number }>;
  /** Stops accepting, drains in-flight work within the deadline, flushes and shuts the stages down. Idempotent. */
  shutdown(): Promise<void>;
  readonly metrics: Registry;
  /** False before start and once draining began (what /readyz reports). */
  readonly ready: boolean;
}

function withDeadline(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, ms));
    p.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(true);
      },
    );
  });
}

export function createService(opts: ServiceOptions): Service {
  const { server, forward } = opts.config;
  const logger = (opts.logger ?? createLogger()).child({ component: 'service' });
  const registry = opts.registry ?? getDefaultRegistry();
  const metrics = createTransportMetrics(registry);
  const pipeline = new Pipeline(
    opts.stages,
    logger,
    { stageFailed: (stage, signal) => metrics.stageErrors.inc({ stage, signal }) },
    { stageTimeoutMs: server.stageTimeoutMs ?? serverDefaults.stageTimeoutMs },
  );
  const forwarder = new Forwarder(forward);
  const handler = new ServiceExportHandler({
    pipeline,
    forwarder,
    metrics,
    logger,
    retryAfterSeconds: server.retryAfterSeconds,
  });
  const budget = new InflightBudget(server.maxInFlightBytes, metrics.inflightBytes);

  let started = false;
  let draining = false;
  let shutdownPromise: Promise<void> | undefined;
  let http: FastifyInstance | undefined;
  let grpc: GrpcReceiver | undefined;
  const isDraining = (): boolean => draining;

  async function start(): Promise<{ httpPort: number; grpcPort: number }> {
    if (started) throw new Error('service already started');
    started = true;
    let httpPort = 0;
    let grpcPort = 0;
    if (server.http.enabled) {
      http = createHttpReceiver({ server, handler, budget, isDraining, logger });
      registerOpsRoutes(http, { registry, isReady: () => started && !draining });
      await http.listen({ host: server.http.host, port: server.http.port });
      httpPort = (http.server.address() as AddressInfo).port;
    }
    if (server.grpc.enabled) {
      grpc = new GrpcReceiver({ server, handler, budget, isDraining, logger });
      grpcPort = await grpc.start();
    }
    logger.info(
      {
        httpPort,
        grpcPort,
        forward: forward.endpoint ? new URL(forward.endpoint).origin : '(none)',
        stages: opts.stages.map((s) => s.name),
      },
      'tracehound listening',
    );
    return { httpPort, grpcPort };
  }

  async function drain(): Promise<void> {
    draining = true;
    const deadline = Date.now() + server.shutdownTimeoutMs;
    const left = (): number => deadline - Date.now();
    logger.info({ timeoutMs: server.shutdownTimeoutMs }, 'draining');
    const closing: Promise<unknown>[] = [];
    if (http) {
      const app = http;
      closing.push(
        withDeadline(app.close(), left()).then((inTime) => {
          if (!inTime) app.server.closeAllConnections();
          return inTime;
        }),
      );
    }
    if (grpc) closing.push(grpc.shutdown(Math.max(0, left())));
    await Promise.all(closing);
    if (!(await withDeadline(pipeline.shutdown(), Math.max(left(), 1000)))) {
      logger.warn({ code: 'TH_STAGE_FAILED', op: 'shutdown' }, 'stages did not shut down before the deadline');
    }
    forwarder.close();
    logger.info({}, 'stopped');
  }

  return {
    start,
    shutdown(): Promise<void> {
      shutdownPromise ??= drain();
      return shutdownPromise;
    },
    metrics: registry,
    get ready(): boolean {
      return started && !draining;
    },
  };
}
