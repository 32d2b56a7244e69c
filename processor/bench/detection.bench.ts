import os from 'node:os';
import { loadConfig } from '../src/config/index.js';
import { createEngine } from '../src/engine/engine.js';
import { createRegistry } from '../src/metrics/registry.js';
import {
  SPANS_PER_REQUEST,
  benchFloor,
  machine,
  runServiceBench,
  startLoadGen,
  type LoadGen,
  type ServiceBenchResult,
} from './transport.bench.js';
import { detectorCost } from './detector-cost.js';
import { SYSTEM_PROMPT_POOL } from './llm-spans.js';
import { compiledWorker } from './compiled-worker.js';
import { runChildServiceBench } from './service-child.js';

/**
 * Detection pipeline benchmark (npm run bench): the same generated LLM spans as the transport benchmark, measured in
 * one run as (a) the protobuf floor, (b) pass-through, (e) every content detector and (f) content and behavioral
 * detectors, each with 1 worker (the event loop) and 2 detection worker threads. Reports the ratios issue 16 sets bars
 * for.
 */

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const us = (n: number | undefined): string => (n === undefined ? '–' : fmt(n));

/**
 * Spans per second the machine's cores could carry at the CPU cost measured, whatever else ran: the event loop's
 * share cannot spread over cores, the rest (detection workers, V8's GC and compiler threads) can.
 */
function capacity(r: ServiceBenchResult): number {
  const cores = os.availableParallelism();
  const all = (cores * 1e6) / r.cpuUsPerSpan;
  return r.mainUsPerSpan ? Math.min(all, 1e6 / r.mainUsPerSpan) : all;
}

/** Where the detection workers start from: the compiled worker.js when the build is current (as the service runs). */
const WORKER = compiledWorker();

/** The engine as serve builds it; workers 1: on the event loop, 2: two detection worker threads. */
async function detectionEngine(behavior: boolean, workers: number) {
  const base = loadConfig(undefined, {});
  const config = {
    ...base,
    findings: { file: '', console: false, forward: true },
    detection: { ...base.detection, workers },
  };
  const engine = createEngine(config, {
    registry: createRegistry(),
    behavior,
    outputSinks: false,
    tiers: false,
    pool: true,
    ...(WORKER.url ? { poolWorker: WORKER.url } : {}),
  });
  await engine.ready();
  return engine;
}

type Scenario = { label: string; behavior?: boolean; workers?: number; rate?: number; durationMs?: number };

/**
 * `--in-process`: the service in this process (the transport harness, as before the child-process measurement), its
 * peak RSS then counting this process's load-generator client, the floor's buffers and tsx. By default each row
 * starts `tracehound serve` from processor/dist in a child process (service-child.ts), which needs a current build.
 */
const IN_PROCESS = process.argv.includes('--in-process');
const MEASURED = IN_PROCESS
  ? 'the service in this benchmark process (--in-process), the detection workers from ' + WORKER.which
  : '`tracehound serve` from the compiled CLI (processor/dist) in a child process of its own, one per row';

async function runOne(load: LoadGen, o: Scenario): Promise<ServiceBenchResult> {
  if (!IN_PROCESS)
    return runChildServiceBench(load, {
      label: o.label,
      spansPerRequest: SPANS_PER_REQUEST,
      ...(o.workers ? { workers: o.workers, behavior: o.behavior ?? false } : {}),
      ...(o.rate ? { rate: o.rate } : {}),
      ...(o.durationMs ? { durationMs: o.durationMs } : {}),
    });
  const engine = o.workers ? await detectionEngine(o.behavior ?? false, o.workers) : undefined;
  try {
    return await runServiceBench(load, {
      label: o.label,
      stages: engine?.stages() ?? [],
      gzip: false,
      freshIds: true,
      ...(o.rate ? { rate: o.rate } : {}),
      ...(o.durationMs ? { durationMs: o.durationMs } : {}),
    });
  } finally {
    await engine?.shutdown();
  }
}

async function runScenarios(systemPool: number, scenarios: Scenario[]): Promise<ServiceBenchResult[]> {
  if (!IN_PROCESS && !WORKER.url)
    throw new Error(`the service runs from processor/dist: npm run build (${WORKER.which})`);
  const load = await startLoadGen(SPANS_PER_REQUEST, { systemPool });
  const results: ServiceBenchResult[] = [];
  try {
    for (const o of scenarios) {
      const r = await runOne(load, o);
      console.log(
        `${r.label}: ${fmt(r.spansPerSec)} spans/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, peak RSS ${r.peakRssMiB.toFixed(0)} MiB, CPU ${us(r.cpuUsPerSpan)} µs/span (event loop ${us(r.mainUsPerSpan)})`,
      );
      results.push(r);
    }
  } finally {
    load.close();
  }
  return results;
}

const DETECTION: Scenario[] = [
  { label: 'all content detectors, 1 worker (event loop)', behavior: false, workers: 1 },
  { label: 'all content detectors, 2 workers', behavior: false, workers: 2 },
  { label: 'content + behavioral, 1 worker (event loop)', behavior: true, workers: 1 },
  { label: 'content + behavioral, 2 workers', behavior: true, workers: 2 },
];
const CODES = ['e1', 'e2', 'f1', 'f2'];
/**
 * Rate sweep: fractions of the maximum request rate of (f2) measured in the same run, each for SWEEP_MS or as long as
 * SWEEP_REQUESTS requests take at that rate (at most SWEEP_MAX_MS), so a slow machine still gets a few requests.
 */
const SWEEP = [0.25, 0.5, 0.75];
const SWEEP_MS = 5000;
const SWEEP_REQUESTS = 12;
const SWEEP_MAX_MS = 30_000;
const sweepMs = (rate: number): number => Math.min(SWEEP_MAX_MS, Math.max(SWEEP_MS, (SWEEP_REQUESTS / rate) * 1000));

export async function main(): Promise<{ title: string; markdown: string }> {
  const loadAtStart = os.loadavg()[0].toFixed(1);
  const floor = benchFloor();
  const pooled = await runScenarios(SYSTEM_PROMPT_POOL, [
    { label: '(b) pass-through' },
    ...DETECTION.map((d, i) => ({ ...d, label: `(${CODES[i]}) ${d.label}` })),
  ]);
  const distinct = await runScenarios(
    0,
    DETECTION.map((d, i) => ({ ...d, label: `(${CODES[i]}′) ${d.label}, distinct system prompts` })),
  );
  const maxRate = pooled[4]!.requestsPerSec;
  const sweep = await runScenarios(
    SYSTEM_PROMPT_POOL,
    SWEEP.map((f) => ({
      label: `(f2) at ${(f * 100).toFixed(0)} % of its maximum rate`,
      behavior: true,
      workers: 2,
      rate: f * maxRate,
      durationMs: sweepMs(f * maxRate),
    })),
  );
  const loadAtEnd = os.loadavg()[0].toFixed(1);
  const costPooled = detectorCost({ systemPool: SYSTEM_PROMPT_POOL });
  const costDistinct = detectorCost({ systemPool: 0 });
  const [b, e1, e2, f1, f2] = pooled as [
    ServiceBenchResult,
    ServiceBenchResult,
    ServiceBenchResult,
    ServiceBenchResult,
    ServiceBenchResult,
  ];
  const [d1, d2, g1, g2] = distinct as [ServiceBenchResult, ServiceBenchResult, ServiceBenchResult, ServiceBenchResult];
  const results = [...pooled, ...distinct];
  const pct = (x: ServiceBenchResult, y: { spansPerSec: number }) =>
    `${((x.spansPerSec / y.spansPerSec) * 100).toFixed(0)} %`;
  const ratio = (x: ServiceBenchResult, y: ServiceBenchResult) => `${(x.spansPerSec / y.spansPerSec).toFixed(2)}×`;
  const rows = results
    .map(
      (r) =>
        `| ${r.label} | ${fmt(r.spansPerSec)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.peakRssMiB.toFixed(0)} | ${r.failed} | ${us(r.cpuUsPerSpan)} | ${us(r.mainUsPerSpan)} | ${fmt(capacity(r))} |`,
    )
    .join('\n');
  const sweepRows = sweep
    .map(
      (r, i) =>
        `| ${(SWEEP[i]! * 100).toFixed(0)} % | ${(SWEEP[i]! * maxRate).toFixed(2)} | ${(sweepMs(SWEEP[i]! * maxRate) / 1000).toFixed(0)} | ${r.requests} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.peakRssMiB.toFixed(0)} | ${r.failed} |`,
    )
    .join('\n');
  const costRows = [...costPooled.usPerKiB.keys()]
    .map(
      (id) =>
        `| ${id} | ${(costPooled.usPerKiB.get(id) ?? 0).toFixed(1)} | ${(costDistinct.usPerKiB.get(id) ?? 0).toFixed(1)} |`,
    )
    .join('\n');
  const markdown = `## Detection pipeline

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average ${loadAtStart} at start, ${loadAtEnd} at the end.

Same workload as the transport benchmark (${SPANS_PER_REQUEST} generated OTel GenAI chat spans per request, about
${(floor.requestBytes / SPANS_PER_REQUEST / 1024).toFixed(1)} KiB each), one run, ${MEASURED}, with the embedded default
configuration's detection settings (findings forwarded as log records, no findings file, no findings store). Two workloads:
(b)–(f) draw each span's system instructions from a fixed pool of ${SYSTEM_PROMPT_POOL} distinct prompts, as an application
sends one prompt per feature or agent role; the primed rows (e1′–f2′) give every span a system prompt of its own
(a prompt templated per user or request), the worst case for the detectors' per-prompt caches.

| scenario | spans/s | p50 ms | p99 ms | peak RSS MiB | non-200 | CPU µs/span | event loop µs/span | capacity spans/s |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| (a) protobufjs decode + encode (floor) | ${fmt(floor.spansPerSec)} | – | – | – | – | – | – | – |
${rows}

| ratio | content only | content + behavioral | target (issue 16) |
|---|---:|---:|---|
| 2 workers / 1 worker | ${ratio(e2, e1)} | ${ratio(f2, f1)} | ≥ 1.7× |
| 2 workers / 1 worker, capacity from CPU per span | ${(capacity(e2) / capacity(e1)).toFixed(2)}× | ${(capacity(f2) / capacity(f1)).toFixed(2)}× | – |
| 2 workers / floor (a) | ${pct(e2, floor)} | ${pct(f2, floor)} | ≥ 100 % |
| 2 workers / pass-through (b) | ${pct(e2, b)} | ${pct(f2, b)} | ≥ 30 % |
| 1 worker / pass-through (b) | ${pct(e1, b)} | ${pct(f1, b)} | – |
| distinct system prompts: 2 workers / 1 worker | ${ratio(d2, d1)} | ${ratio(g2, g1)} | – |
| distinct system prompts: 2 workers / floor (a) | ${pct(d2, floor)} | ${pct(g2, floor)} | – |
| distinct system prompts: 2 workers / pass-through (b) | ${pct(d2, b)} | ${pct(g2, b)} | – |

Latency at a fixed request rate (content + behavioral, 2 workers, the pool of ${SYSTEM_PROMPT_POOL} system prompts): an open-loop
client sends a ${SPANS_PER_REQUEST}-span request every 1/rate s whether or not the earlier ones were answered, at fractions of the
maximum rate (f2) reached above in this run (${maxRate.toFixed(2)} requests/s), each for ${SWEEP_MS / 1000} s or ${SWEEP_REQUESTS} requests (at most ${SWEEP_MAX_MS / 1000} s) after a 1 s
closed-loop warm-up, on a fresh engine; latency counts from when a request was due, so queueing behind a slow request
is included. With so few requests p99 is about the slowest one. Issue 16's bar: p99 ≤ 250 ms at half the maximum rate.

| share of max | requests/s offered | s | requests | p50 ms | p99 ms | peak RSS MiB | non-200 |
|---|---:|---:|---:|---:|---:|---:|---:|
${sweepRows}

CPU per KiB of span text of each content detector (processor/bench/detector-cost.ts: the content runner as the service
builds it, in-process on one thread, ${costPooled.spans} generated spans of ${costPooled.kibPerSpan.toFixed(1)} KiB of text after a warm-up, each
detector timed; the issue's "µs per KB per detector"):

| detector | µs/KiB, pool of ${SYSTEM_PROMPT_POOL} system prompts | µs/KiB, distinct system prompts |
|---|---:|---:|
${costRows}

Method: \`npm run bench\` → processor/bench/detection.bench.ts: the client and the sink in a load-generator child
process (bench/loadgen.ts, 4 connections, 1 s warm-up, 8 s measured), the service ${IN_PROCESS ? 'in the benchmark process (transport harness)' : 'a fresh `tracehound serve` child process per row (bench/service-child.ts; pass-through: the same service module without stages)'}. Every request carries trace and span ids never sent before
(bench/fresh-ids.ts): a span seen before is a retried batch, answered from the replay memory without detection, so
cycling the same ids would measure replays. The traffic is benign (no finding expected): the conversation and the
system instructions use different vocabularies, as an app's answers are about the user's topic. CPU µs/span is the
service process's CPU time (every thread: event loop, detection workers, V8's GC and compiler threads; /proc)
over the spans acknowledged in the measured window, and the event loop's thread alone (Linux); unlike spans/s it
barely depends on what else runs on the machine. Capacity is what the machine's cores could carry at that cost:
all cores over the process's CPU per span, but no more than one core over the event loop's. "1 worker" runs the content detectors on the service's
event loop, as before \`detection.workers\`; "2 workers" runs them in two worker threads (engine/pool/) while the
main thread keeps decoding, trace correlation, behavioral detection, enrichment and forwarding. ${
    IN_PROCESS
      ? `Peak RSS is the whole benchmark process (workers, load-generator client, the floor's buffers and tsx included); the detection workers start from ${WORKER.which}.`
      : "Peak RSS is the service process's high-water mark over its life (VmHWM: start-up, warm-up and the measured window; workers included), nothing of the benchmark's own process."
  } The machine is shared: compare the ratios of one run.
`;
  return { title: 'Detection pipeline', markdown };
}

/**
 * `--quick`: (e2) and (f2) on the pool of system prompts, then (f2) at 25 and 50 % of the rate it reached: the rows a
 * change to the pool's dispatch moves, for an A/B on a shared machine (printed, nothing written; `--rate=R` sweeps
 * fractions of R requests/s instead of the rate reached).
 */
async function quick(): Promise<void> {
  console.log(`load average ${os.loadavg()[0].toFixed(1)} at start`);
  const [, f2] = await runScenarios(SYSTEM_PROMPT_POOL, [
    { label: '(e2) all content detectors, 2 workers', behavior: false, workers: 2 },
    { label: '(f2) content + behavioral, 2 workers', behavior: true, workers: 2 },
  ]);
  // `--rate=R`: sweep fractions of R requests/s instead (the same offered load for both sides of an A/B).
  const fixed = process.argv.find((a) => a.startsWith('--rate='));
  const maxRate = fixed ? Number(fixed.slice(7)) : f2!.requestsPerSec;
  await runScenarios(
    SYSTEM_PROMPT_POOL,
    [0.25, 0.5].map((f) => ({
      label: `(f2) at ${(f * 100).toFixed(0)} % of ${maxRate.toFixed(2)} requests/s`,
      behavior: true,
      workers: 2,
      rate: f * maxRate,
      durationMs: sweepMs(f * maxRate),
    })),
  );
  console.log(`load average ${os.loadavg()[0].toFixed(1)} at the end`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--quick')) await quick();
  else {
    const { markdown } = await main();
    console.log(markdown);
  }
}
