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
  type ServiceBenchResult,
} from './transport.bench.js';

/**
 * Detection pipeline benchmark (npm run bench): the same generated LLM spans as the transport benchmark, measured in
 * one run as (a) the protobuf floor, (b) pass-through, (e) the service with every content detector, (f) content and
 * behavioral detectors. Reports (e)/(b) (target ≥ 50 %) and (f)/(e) (target ≥ 80 %).
 */

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function detectionStages(behavior: boolean) {
  const base = loadConfig(undefined, {});
  const config = { ...base, findings: { file: '', console: false, forward: true } };
  const engine = createEngine(config, { registry: createRegistry(), behavior, outputSinks: false });
  return engine.stages();
}

export async function main(): Promise<{ title: string; markdown: string }> {
  const loadAtStart = os.loadavg()[0].toFixed(1);
  const floor = benchFloor();
  const load = await startLoadGen();
  const results: ServiceBenchResult[] = [];
  try {
    for (const o of [
      { label: '(b) pass-through', stages: [] },
      { label: '(e) all content detectors', stages: detectionStages(false) },
      { label: '(f) content + behavioral detectors', stages: detectionStages(true) },
    ]) {
      const r = await runServiceBench(load, { ...o, gzip: false });
      console.log(
        `${r.label}: ${fmt(r.spansPerSec)} spans/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms`,
      );
      results.push(r);
    }
  } finally {
    load.close();
  }
  const [b, e, f] = results;
  const rows = results
    .map(
      (r) =>
        `| ${r.label} | ${fmt(r.spansPerSec)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.peakRssMiB.toFixed(0)} | ${r.failed} |`,
    )
    .join('\n');
  const markdown = `## Detection pipeline

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average at start ${loadAtStart}.

Same workload as the transport benchmark (${SPANS_PER_REQUEST} generated OTel GenAI chat spans per request, about
${(floor.requestBytes / SPANS_PER_REQUEST / 1024).toFixed(1)} KiB each), one run, the service in-process with the embedded default
configuration's detection settings (findings forwarded as log records, no findings file).

| scenario | spans/s | p50 ms | p99 ms | peak RSS MiB | non-200 |
|---|---:|---:|---:|---:|---:|
| (a) protobufjs decode + encode (floor) | ${fmt(floor.spansPerSec)} | – | – | – | – |
${rows}

(e) / (b) = **${((e.spansPerSec / b.spansPerSec) * 100).toFixed(0)} %** (target ≥ 50 %); (e) / (a) = ${((e.spansPerSec / floor.spansPerSec) * 100).toFixed(0)} %;
(f) / (e) = **${((f.spansPerSec / e.spansPerSec) * 100).toFixed(0)} %** (target ≥ 80 %).

Method: \`npm run bench\` → processor/bench/detection.bench.ts, reusing the transport harness (client and sink in a
child process, 4 connections, 1 s warm-up, 8 s measured). Detection runs on the service's event loop (one core); a
deployment scales it with replicas.
`;
  return { title: 'Detection pipeline', markdown };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { markdown } = await main();
  console.log(markdown);
}
