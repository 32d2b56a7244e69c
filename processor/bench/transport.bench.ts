import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../src/log/logger.js';
import { createRegistry } from '../src/metrics/registry.js';
import { T } from '../src/otlp/proto.js';
import type { PipelineStage } from '../src/pipeline/stage.js';
import { createService } from '../src/service/service.js';
import { cpuPer, cpuSnapshot } from './cpu.js';
import { generateTraceRequest } from './llm-spans.js';

/**
 * Transport benchmark (npm run bench): (a) protobufjs decode+encode in-process, the floor; (b) the service end to end
 * over loopback, pass-through, uncompressed; (c) the same with gzip in and out. The service runs in this process with
 * the stages given; the client and the next hop (a sink) run in a child process so they do not share its event loop.
 */

export const SPANS_PER_REQUEST = 512;
const DISTINCT_BODIES = 8;

export interface ServiceBenchResult {
  label: string;
  spansPerSec: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMiB: number;
  failed: number;
  /** Requests sent in the measured window (answered 200 or not). */
  requests: number;
  requestBytes: number;
  /** CPU µs per span acknowledged in the measured window: all threads of the process, and the event loop's alone. */
  cpuUsPerSpan: number;
  mainUsPerSpan?: number;
}

export interface FloorResult {
  spansPerSec: number;
  requestBytes: number;
}

export function benchFloor(durationMs = 3000): FloorResult {
  const bodies = Array.from({ length: DISTINCT_BODIES }, (_, k) => generateTraceRequest(SPANS_PER_REQUEST, k + 1));
  const type = T.ExportTraceServiceRequest;
  for (let i = 0; i < 8; i++) type.encode(type.decode(bodies[i % bodies.length])).finish(); // warm-up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < durationMs) {
    type.encode(type.decode(bodies[n % bodies.length])).finish();
    n++;
  }
  const secs = (performance.now() - start) / 1000;
  return { spansPerSec: (n * SPANS_PER_REQUEST) / secs, requestBytes: bodies[0].length };
}

export interface LoadGen {
  sinkUrl: string;
  run(o: {
    url: string;
    gzip: boolean;
    durationMs: number;
    concurrency: number;
    freshIds?: boolean;
    /** Requests per second, open loop (loadgen.ts); unset: `concurrency` closed loops. */
    rate?: number;
  }): Promise<{
    ok: number;
    failed: number;
    elapsedMs: number;
    p50: number;
    p99: number;
    requestBytes: number;
  }>;
  close(): void;
}

/** systemPool: distinct system prompts in the generated spans (llm-spans.ts; 0: one per span). */
export function startLoadGen(
  spansPerRequest = SPANS_PER_REQUEST,
  options: { systemPool?: number } = {},
): Promise<LoadGen> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./loadgen.ts', import.meta.url)), [], {
    execArgv: ['--conditions=@tracehound/source', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <R>(type: string): Promise<R> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`load generator exited (${code})`));
      const onMsg = (m: { type: string }): void => {
        if (m.type !== type) return;
        child.off('message', onMsg);
        child.off('exit', onExit);
        resolve(m as R);
      };
      child.on('message', onMsg);
      child.once('exit', onExit);
    });
  child.send({ type: 'init', spansPerRequest, distinctBodies: DISTINCT_BODIES, systemPool: options.systemPool });
  return next<{ sinkUrl: string }>('ready').then(({ sinkUrl }) => ({
    sinkUrl,
    run(o) {
      const p = next<Awaited<ReturnType<LoadGen['run']>>>('result');
      child.send({ type: 'run', ...o });
      return p;
    },
    close() {
      child.send({ type: 'exit' });
    },
  }));
}

export interface ServiceBenchOptions {
  label: string;
  /** Pipeline stages to run (empty: pass-through). The lead's "full detection" variant passes the detection stages. */
  stages?: PipelineStage[];
  gzip?: boolean;
  durationMs?: number;
  concurrency?: number;
  /** Every request with trace and span ids never sent before (bench/fresh-ids.ts); uncompressed only. */
  freshIds?: boolean;
  /** Measure at this fixed request rate (open loop, loadgen.ts) instead of as fast as `concurrency` clients go. */
  rate?: number;
}

/** Runs one end-to-end scenario against a fresh in-process service. */
export async function runServiceBench(load: LoadGen, o: ServiceBenchOptions): Promise<ServiceBenchResult> {
  const service = createService({
    config: {
      server: {
        http: { enabled: true, host: '127.0.0.1', port: 0 },
        grpc: { enabled: false, host: '127.0.0.1', port: 0 },
        maxBodyBytes: 64 * 1024 * 1024,
        maxInFlightBytes: 512 * 1024 * 1024,
        retryAfterSeconds: 1,
        shutdownTimeoutMs: 5000,
      },
      forward: { endpoint: load.sinkUrl, headers: {}, compression: o.gzip ? 'gzip' : 'none', timeoutMs: 30_000 },
    },
    stages: o.stages ?? [],
    logger: silentLogger,
    registry: createRegistry(),
  });
  const { httpPort } = await service.start();
  const url = `http://127.0.0.1:${httpPort}/v1/traces`;
  const freshIds = !!o.freshIds;
  await load.run({ url, gzip: !!o.gzip, durationMs: 1000, concurrency: o.concurrency ?? 4, freshIds }); // warm-up
  global.gc?.();
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const cpu0 = cpuSnapshot();
  const r = await load.run({
    url,
    gzip: !!o.gzip,
    durationMs: o.durationMs ?? 8000,
    concurrency: o.concurrency ?? 4,
    freshIds,
    ...(o.rate ? { rate: o.rate } : {}),
  });
  const cpu = cpuPer(cpu0, cpuSnapshot(), r.ok * SPANS_PER_REQUEST);
  clearInterval(sampler);
  await service.shutdown();
  const secs = r.elapsedMs / 1000;
  return {
    label: o.label,
    spansPerSec: (r.ok * SPANS_PER_REQUEST) / secs,
    requestsPerSec: r.ok / secs,
    p50Ms: r.p50,
    p99Ms: r.p99,
    peakRssMiB: peak / (1024 * 1024),
    failed: r.failed,
    requests: r.ok + r.failed,
    requestBytes: r.requestBytes,
    cpuUsPerSpan: cpu.process,
    mainUsPerSpan: cpu.main,
  };
}

/** A stage that sets two attributes on every span: measures view decoding plus the wire-level splice. */
export function enrichEveryStage(): PipelineStage {
  return {
    name: 'bench-enrich',
    processTraces(batch) {
      for (const { ref } of batch.spans())
        batch.setSpanAttributes(ref, { 'tracehound.risk.score': 0, 'tracehound.risk.severity': 'none' });
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} (${os.availableParallelism()} usable), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** Runs the whole transport suite and returns the markdown section for docs/benchmarks.md. */
export async function main(): Promise<{ title: string; markdown: string }> {
  const loadAtStart = os.loadavg()[0].toFixed(1);
  const floor = benchFloor();
  console.log(`(a) floor: ${fmt(floor.spansPerSec)} spans/s`);
  const load = await startLoadGen();
  const results: ServiceBenchResult[] = [];
  try {
    for (const o of [
      { label: '(b) service, pass-through, uncompressed', gzip: false },
      { label: '(c) service, pass-through, gzip in and out', gzip: true },
      { label: '(d) service, enrich every span (splice), uncompressed', gzip: false, stages: [enrichEveryStage()] },
    ] satisfies ServiceBenchOptions[]) {
      const r = await runServiceBench(load, o);
      console.log(
        `${r.label}: ${fmt(r.spansPerSec)} spans/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, peak RSS ${r.peakRssMiB.toFixed(0)} MiB`,
      );
      results.push(r);
    }
  } finally {
    load.close();
  }
  const b = results[0];
  const rows = results
    .map(
      (r) =>
        `| ${r.label} | ${fmt(r.spansPerSec)} | ${r.requestsPerSec.toFixed(1)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.peakRssMiB.toFixed(0)} | ${r.failed} |`,
    )
    .join('\n');
  const markdown = `## Transport (OTLP receive → pipeline → forward)

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average at start ${loadAtStart}
(other jobs shared the machine when this was recorded: treat the absolute numbers as a lower bound).

Workload: generated OTel GenAI chat spans (prompt, system instructions and completion in \`gen_ai.*\` attributes),
${SPANS_PER_REQUEST} spans per request, ${(floor.requestBytes / 1024).toFixed(0)} KiB per request (${(floor.requestBytes / SPANS_PER_REQUEST / 1024).toFixed(1)} KiB per span), ${DISTINCT_BODIES} distinct requests cycled.

| scenario | spans/s | requests/s | p50 ms | p99 ms | peak RSS MiB | non-200 |
|---|---:|---:|---:|---:|---:|---:|
| (a) protobufjs decode + encode, in-process (floor) | ${fmt(floor.spansPerSec)} | ${(floor.spansPerSec / SPANS_PER_REQUEST).toFixed(1)} | – | – | – | – |
${rows}

(b) / (a) = **${((b.spansPerSec / floor.spansPerSec) * 100).toFixed(0)} %** (target ≥ 50 %).

Method: \`npm run bench\` (scripts/bench.ts → processor/bench/transport.bench.ts). (a) decodes and re-encodes the
request with protobufjs in a tight loop for 3 s. (b)–(d) start the service in the bench process (HTTP receiver only,
no gRPC) and drive it from a child process that holds the client (4 concurrent keep-alive connections, pre-built
bodies) and the next hop (a sink answering 200); 1 s warm-up, then 8 s measured. Latency is per request as seen by
the client, including the forward to the sink. Peak RSS is sampled every 50 ms in the service process (it also holds
the bench harness). (c) sends gzip (level 1) bodies and forwards with \`compression: gzip\`; when nothing edited the
batch, the client's gzip bytes are forwarded as they came, so (c) measures decompression + validation, not
recompression. (d) adds a stage that sets two attributes on every span: views are decoded and the request spliced.

Why the service can beat the floor: it never decodes into objects on a pass-through. It validates the bytes against the
schema and indexes the spans at the wire level, then forwards the original bytes; decoding happens only when a
stage reads spans, and edits are spliced into the original bytes (unknown fields preserved). gzip runs on the libuv
thread pool (zlib's async API), off the event loop.
`;
  return { title: 'Transport', markdown };
}
