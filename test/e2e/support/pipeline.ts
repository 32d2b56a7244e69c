/**
 * The acceptance rig for third-party instrumentation: the real processor (engine + OTLP service, ephemeral ports)
 * forwarding to a capturing next hop, the fake provider answering as the demo's toy model, and an OpenTelemetry SDK
 * (traces and logs, official OTLP/proto exporters) pointed at the processor. Tests drive a real SDK through it and
 * read back what the next hop received.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { startFakeProvider, type FakeProvider, type Responder } from '../../../examples/fake-provider/index.js';
import {
  createEngine,
  createRegistry,
  createService,
  loadConfig,
  silentLogger,
  type Engine,
  type Service,
} from '@tracehound/processor';
import { T } from '../../../processor/src/otlp/proto.js';
import { createNextHop, testConfig, type NextHop } from '../../../processor/test/service/helpers.js';
import { CANARY, createToyModel, generateSecrets, type DemoSecrets } from '../../../scripts/demo/model.js';
import { TOOL_HOST_ALLOWLIST } from '../../../scripts/demo/processor.js';

type AnyValue = {
  stringValue?: string;
  intValue?: unknown;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values: AnyValue[] };
};
type KeyValue = { key: string; value: AnyValue };

export interface ForwardedSpan {
  traceId: string;
  spanId: string;
  name: string;
  attrs: Record<string, unknown>;
}

export interface ForwardedFinding {
  traceId: string;
  spanId: string;
  eventName?: string;
  attrs: Record<string, unknown>;
}

export interface Rig {
  provider: FakeProvider;
  /** The capturing next hop (its `respond` can refuse requests). */
  hop: NextHop;
  /** The processor's OTLP/HTTP base URL (http://127.0.0.1:port). */
  url: string;
  /** The findings file the processor writes. */
  findingsFile: string;
  config: ReturnType<typeof loadConfig>;
  secrets: DemoSecrets;
  tracerProvider: NodeTracerProvider;
  loggerProvider: LoggerProvider;
  /** Runs `fn` inside a root span of its own trace and returns that trace id (one trace per test case). */
  inCase(name: string, fn: () => Promise<unknown>): Promise<string>;
  /** Flushes the SDK and the processor: afterwards the hop holds everything sent so far. */
  flush(): Promise<void>;
  spans(): ForwardedSpan[];
  /** Every log record the hop received: the app's own (content events) and the processor's findings. */
  logRecords(): ForwardedFinding[];
  findings(): ForwardedFinding[];
  /** The processor's Prometheus exposition. */
  metrics(): Promise<string>;
  close(): Promise<void>;
}

function value(v: AnyValue): unknown {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.arrayValue) return v.arrayValue.values.map(value);
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  return undefined;
}

const hex = (b: unknown) => (b instanceof Uint8Array ? Buffer.from(b).toString('hex') : '');
const attrs = (kvs: KeyValue[] = []) => Object.fromEntries(kvs.map((a) => [a.key, value(a.value)]));

export interface RigOptions {
  /** false: the rig sets up no tracer provider of its own (the app's SDK, e.g. the OpenLLMetry SDK, does). */
  tracing?: boolean;
  /** Archive findings into this folder (the tamper-evident archive, fsync per record). */
  archiveDir?: string;
  /** The fake provider's model (default: the demo's toy model). */
  respond?: (secrets: DemoSecrets) => Responder;
}

export async function startRig(serviceName: string, options: RigOptions = {}): Promise<Rig> {
  const hop: NextHop = createNextHop();
  await hop.listen();
  const base = loadConfig(undefined, {});
  const findingsFile = join(mkdtempSync(join(tmpdir(), 'th-e2e-')), 'findings.jsonl');
  const config = {
    ...base,
    ...testConfig({ endpoint: hop.url }),
    findings: { file: findingsFile, console: false, forward: true },
    detection: { ...base.detection, toolHostAllowlist: TOOL_HOST_ALLOWLIST, canaries: [CANARY] },
    ...(options.archiveDir ? { archive: { ...base.archive, enabled: true, dir: options.archiveDir } } : {}),
  };
  const registry = createRegistry();
  // As `tracehound serve` runs it: content detection in two worker threads (the scenarios double as the pooled
  // engine's equivalence check: their expected findings are those of the single-threaded engine).
  const engine: Engine = createEngine(
    { ...config, detection: { ...config.detection, workers: 2 } },
    { registry, pool: true },
  );
  await engine.ready();
  const service: Service = createService({ config, stages: engine.stages(), logger: silentLogger, registry });
  const { httpPort } = await service.start();
  const url = `http://127.0.0.1:${httpPort}`;

  const secrets = generateSecrets();
  const provider = await startFakeProvider({ respond: (options.respond ?? createToyModel)(secrets) });
  const resource = resourceFromAttributes({ 'service.name': serviceName });
  const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${url}/v1/traces` }), {
        scheduledDelayMillis: 60_000,
        maxExportBatchSize: 512,
      }),
    ],
  });
  if (options.tracing !== false) tracerProvider.register();
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [
      new BatchLogRecordProcessor({
        exporter: new OTLPLogExporter({ url: `${url}/v1/logs` }),
        scheduledDelayMillis: 60_000,
      }),
    ],
  });
  logs.setGlobalLoggerProvider(loggerProvider);
  const tracer = trace.getTracer('tracehound-e2e');

  const logRecords = (): ForwardedFinding[] =>
    hop.requests
      .filter((r) => r.path === '/v1/logs')
      .flatMap(
        (r) =>
          (
            T.ExportLogsServiceRequest.toObject(T.ExportLogsServiceRequest.decode(r.body), {
              arrays: true,
              longs: Number,
            }) as {
              resourceLogs: Array<{
                scopeLogs: Array<{
                  logRecords: Array<{
                    traceId?: Uint8Array;
                    spanId?: Uint8Array;
                    eventName?: string;
                    body?: AnyValue;
                    attributes: KeyValue[];
                  }>;
                }>;
              }>;
            }
          ).resourceLogs,
      )
      .flatMap((rl) => rl.scopeLogs.flatMap((sl) => sl.logRecords))
      .map((l) => ({
        traceId: hex(l.traceId),
        spanId: hex(l.spanId),
        eventName: l.eventName,
        attrs: attrs(l.attributes),
      }));

  return {
    provider,
    hop,
    url,
    findingsFile,
    config,
    secrets,
    tracerProvider,
    loggerProvider,
    async inCase(name, fn) {
      const root = tracer.startSpan(`case ${name}`);
      try {
        await context.with(trace.setSpan(context.active(), root), fn);
      } finally {
        root.end();
      }
      return root.spanContext().traceId;
    },
    async flush() {
      // Logs first: a span that expects its content in log records waits for them (correlationWaitMs).
      await loggerProvider.forceFlush();
      await tracerProvider.forceFlush();
      await engine.forceFlush();
    },
    spans() {
      return hop.requests
        .filter((r) => r.path === '/v1/traces')
        .flatMap(
          (r) =>
            (
              T.ExportTraceServiceRequest.toObject(T.ExportTraceServiceRequest.decode(r.body), {
                arrays: true,
                longs: Number,
              }) as {
                resourceSpans: Array<{
                  scopeSpans: Array<{
                    spans: Array<{ traceId: Uint8Array; spanId: Uint8Array; name: string; attributes: KeyValue[] }>;
                  }>;
                }>;
              }
            ).resourceSpans,
        )
        .flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans))
        .map((s) => ({ traceId: hex(s.traceId), spanId: hex(s.spanId), name: s.name, attrs: attrs(s.attributes) }));
    },
    logRecords,
    findings: () => logRecords().filter((f) => f.attrs['event.name'] === 'tracehound.finding'),
    metrics: () => registry.metrics(),
    async close() {
      await tracerProvider.shutdown().catch(() => {});
      await loggerProvider.shutdown().catch(() => {});
      await provider.close();
      await service.shutdown();
      await engine.shutdown();
      await hop.close();
    },
  };
}
