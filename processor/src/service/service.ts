import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { serverDefaults } from '../config/sections/server.js';
import { findingsDefaults } from '../config/sections/findings.js';
import type { FindingsOutputConfig, ForwardConfig, ServerConfig } from '../config/types.js';
import { createLogger, type Logger } from '../log/logger.js';
import { getDefaultRegistry } from '../metrics/registry.js';
import { createTransportMetrics } from '../metrics/transport.js';
import { Forwarder } from '../otlp/forwarder.js';
import { GrpcReceiver } from '../otlp/grpc-receiver.js';
import { createHttpReceiver } from '../otlp/http-receiver.js';
import { Pipeline } from '../pipeline/runner.js';
import type { PipelineStage } from '../pipeline/stage.js';
import { ServiceExportHandler } from './export-handler.js';
import { FindingLogQueue } from './finding-log-queue.js';
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
  /** The finding log queue's bounds (findings.forwardQueueSize, forwardRetryMs); defaults when absent. */
  findings?: Partial<FindingsOutputConfig>;
}

export interface ServiceOptions {
  config: ServiceConfig;
  stages: PipelineStage[];
  logger?: Logger;
  /** Registry for /metrics; defaults to the process-wide one (getDefaultRegistry()). */
  registry?: Registry;
  /** More routes on the OTLP/HTTP server (the findings API under /api/v1, docs/console.md). */
  routes?: (app: FastifyInstance) => void;
  /** Why the service is not ready although it runs (e.g. the engine's archive cannot write); /readyz answers 503. */
  unready?: () => string | undefined;
}

/** How a shutdown went: clean when everything in flight finished before the deadline and nothing was dropped. */
export interface ShutdownReport {
  clean: boolean;
}

export interface Service {
  /** Binds the enabled receivers (port 0 = ephemeral); a disabled receiver reports port 0. */
  start(): Promise<{ httpPort: number; grpcPort: number }>;
  /**
   * Stops accepting, drains in-flight work within server.shutdownTimeoutMs, delivers queued finding records, flushes
   * and shuts the stages down. Idempotent.
   */
  shutdown(): Promise<ShutdownReport>;
  readonly metrics: Registry;
  /** False before start and once draining began (what /readyz reports). */
  readonly ready: boolean;
}

/** After the shutdown deadline: how long forwards already on their way may still wait for the next hop. */
const FORWARD_GRACE_MS = 3000;
/** After the shutdown deadline: how long answers get to be written before the connections are closed. */
const ANSWER_GRACE_MS = 1000;

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
  const { forward } = opts.config;
  // Options a structural (embedder's or test's) config may leave out get their documented defaults here.
  const server: ServerConfig = {
    ...opts.config.server,
    stageTimeoutMs: opts.config.server.stageTimeoutMs ?? serverDefaults.stageTimeoutMs,
    headersTimeoutMs: opts.config.server.headersTimeoutMs ?? serverDefaults.headersTimeoutMs,
    bodyTimeoutMs: opts.config.server.bodyTimeoutMs ?? serverDefaults.bodyTimeoutMs,
    idleTimeoutMs: opts.config.server.idleTimeoutMs ?? serverDefaults.idleTimeoutMs,
  };
  const logger = (opts.logger ?? createLogger()).child({ component: 'service' });
  const registry = opts.registry ?? getDefaultRegistry();
  const metrics = createTransportMetrics(registry);
  const pipeline = new Pipeline(
    opts.stages,
    logger,
    { stageFailed: (stage, signal) => metrics.stageErrors.inc({ stage, signal }) },
    { stageTimeoutMs: server.stageTimeoutMs },
  );
  const forwarder = new Forwarder(forward);
  const findingLogs = new FindingLogQueue({
    send: (body) => forwarder.send('logs', body),
    maxRecords: opts.config.findings?.forwardQueueSize ?? findingsDefaults.forwardQueueSize!,
    maxRetryMs: opts.config.findings?.forwardRetryMs ?? findingsDefaults.forwardRetryMs!,
    metrics: metrics.findingsQueue,
    logger,
  });
  const handler = new ServiceExportHandler({
    pipeline,
    forwarder,
    findingLogs,
    metrics,
    logger,
    retryAfterSeconds: server.retryAfterSeconds,
  });
  const budget = new InflightBudget(server.maxInFlightBytes, metrics.inflightBytes, metrics.inflightBytesPeak);

  let started = false;
  let draining = false;
  let shutdownPromise: Promise<ShutdownReport> | undefined;
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
      registerOpsRoutes(http, {
        registry,
        isReady: () => started && !draining,
        metricsToken: server.metricsAuth ? server.authToken : undefined,
        unready: opts.unready,
      });
      opts.routes?.(http);
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

  /**
   * Drain: refuse new exports (503 TH_SHUTTING_DOWN, /readyz 503) and let those in flight finish. At the deadline,
   * nothing more is forwarded: forwards already on their way get FORWARD_GRACE_MS more for the next hop's answer (then
   * they are aborted), every export in flight is answered — 200 when the next hop accepted its data, otherwise 503 so
   * the client retries — and only then are the connections closed. Such a shutdown is reported unclean.
   */
  async function drain(): Promise<ShutdownReport> {
    draining = true;
    const deadline = Date.now() + server.shutdownTimeoutMs;
    const left = (): number => Math.max(0, deadline - Date.now());
    logger.info({ timeoutMs: server.shutdownTimeoutMs }, 'draining');
    const closing: Promise<unknown>[] = [];
    if (http) closing.push(http.close());
    if (grpc) closing.push(grpc.close());
    const receiversClosed = Promise.all(closing);
    let clean = await withDeadline(receiversClosed, left());
    if (!clean) {
      const pending = handler.pending;
      handler.expire();
      if (!(await withDeadline(handler.idle(), FORWARD_GRACE_MS))) {
        forwarder.abortAll();
        await withDeadline(handler.idle(), ANSWER_GRACE_MS);
      }
      // The answers carry `connection: close`; give them a moment to leave before the sockets are closed.
      await withDeadline(receiversClosed, ANSWER_GRACE_MS);
      http?.server.closeAllConnections();
      grpc?.forceShutdown();
      logger.warn(
        { code: 'TH_SHUTTING_DOWN', inFlight: pending, timeoutMs: server.shutdownTimeoutMs },
        'shutdown deadline reached with exports in flight: they were answered (503 unless the next hop had accepted them) and the connections closed',
      );
    }
    // Finding records of acknowledged batches get the rest of the deadline to reach the next hop.
    const dropped = await findingLogs.shutdown(left());
    if (dropped > 0) clean = false;
    if (!(await withDeadline(pipeline.shutdown(), Math.max(left(), 1000)))) {
      clean = false;
      logger.warn({ code: 'TH_STAGE_FAILED', op: 'shutdown' }, 'stages did not shut down before the deadline');
    }
    forwarder.close();
    logger.info({ clean }, 'stopped');
    return { clean };
  }

  return {
    start,
    shutdown(): Promise<ShutdownReport> {
      shutdownPromise ??= drain();
      return shutdownPromise;
    },
    metrics: registry,
    get ready(): boolean {
      return started && !draining;
    },
  };
}
