import os from 'node:os';
import type { Interaction } from '@tracehound/core';
import { loadConfig } from '../src/config/index.js';
import { channelTexts } from '../src/detect/texts.js';
import { DetectionPool } from '../src/engine/pool/detection-pool.js';
import type { DetectJob, WorkerMemory } from '../src/engine/pool/protocol.js';
import { normalizeSpan } from '../src/normalize/index.js';
import { decodeTraceViews } from '../src/otlp/span-decode.js';
import { compiledWorker } from './compiled-worker.js';
import { SYSTEM_PROMPT_POOL, generateTraceRequest } from './llm-spans.js';
import { SPANS_PER_REQUEST, machine } from './transport.bench.js';

/**
 * Memory of the content-detection worker threads (npm run bench): a pool of 2 workers as the service builds it
 * (default detection config), fed the generated bench spans directly (no transport, 2 batches in flight), and each
 * worker's own report (engine/pool/protocol.ts WorkerMemory) after start and after the load. The process's RSS is
 * sampled every 20 ms: it is the one number that counts every thread and the native memory V8 does not see (RE2's
 * compiled programs and DFA caches, malloc arenas, thread stacks).
 */

const WORKERS = 2;
const BATCHES = 24;
const MiB = (n: number | undefined): string => (n === undefined ? '–' : (n / 1048576).toFixed(1));

function jobs(seed: number, systemPool: number): DetectJob[] {
  return decodeTraceViews(generateTraceRequest(SPANS_PER_REQUEST, seed, { systemPool }), () => true)
    .map(({ view }) => normalizeSpan(view).interaction)
    .filter((ix): ix is Interaction => ix !== null)
    .map((ix) => ({ ix, texts: channelTexts(ix) }));
}

const SPACES: Array<[string, string]> = [
  ['new_space', 'young generation (semi-spaces)'],
  ['old_space', 'old generation'],
  ['code_space', 'code'],
  ['large_object_space', 'large objects'],
];

function rows(label: string, ms: Array<WorkerMemory | undefined>): string[] {
  return ms.map((m, i) => {
    const spaces = SPACES.map(([k]) => `${MiB(m?.spaces[k]?.used)} / ${MiB(m?.spaces[k]?.size)}`).join(' | ');
    return `| ${label}, worker ${i + 1} | ${MiB(m?.heapUsed)} / ${MiB(m?.heapTotal)} | ${spaces} | ${MiB(m?.external)} | ${MiB(m?.arrayBuffers)} | ${m ? `${m.gc.count} / ${m.gc.ms.toFixed(0)}` : '–'} |`;
  });
}

export async function main(): Promise<{ title: string; markdown: string }> {
  const loadAtStart = os.loadavg()[0].toFixed(1);
  // Inputs first, so the process's RSS deltas below are the pool's.
  const batches = Array.from({ length: BATCHES }, (_, k) => jobs(k + 1, k % 2 === 0 ? SYSTEM_PROMPT_POOL : 0));
  global.gc?.();
  const rss0 = process.memoryUsage.rss();
  const worker = compiledWorker();
  const pool = new DetectionPool({
    init: { detection: loadConfig(undefined, {}).detection },
    ...(worker.url ? { workerUrl: worker.url } : {}),
    workers: WORKERS,
    maxQueuePerWorker: 64,
    timeoutMs: 120_000,
  });
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  let started: Array<WorkerMemory | undefined>;
  let loaded: Array<WorkerMemory | undefined>;
  let rssStarted: number;
  let failed = 0;
  const t0 = performance.now();
  try {
    await pool.start();
    rssStarted = process.memoryUsage.rss();
    started = await pool.memory();
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < batches.length) {
          const out = await pool.detect(batches[next++]!);
          if (!out.ok) failed++;
        }
      }),
    );
    loaded = await pool.memory();
  } finally {
    clearInterval(sampler);
    await pool.shutdown();
  }
  const secs = (performance.now() - t0) / 1000;
  const loadAtEnd = os.loadavg()[0].toFixed(1);
  const header = SPACES.map(([, name]) => `${name} MiB`).join(' | ');
  const markdown = `## Detection worker memory

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average ${loadAtStart} at start, ${loadAtEnd} at the end (a shared machine: the
heap numbers barely depend on it, the time does).

A pool of ${WORKERS} detection workers (engine/pool/) with the default detection config, fed ${BATCHES} batches of ${SPANS_PER_REQUEST} generated bench spans
(half with the pool of ${SYSTEM_PROMPT_POOL} system prompts, half with a system prompt per span), 2 batches in flight, in ${secs.toFixed(0)} s${failed ? `, ${failed} batches refused` : ''}.
Workers started from ${worker.which}.
Each worker reports its own isolate (used / committed); the process's RSS counts every thread and the native memory
V8 does not see.

| process RSS | MiB |
|---|---:|
| before the pool (inputs generated) | ${MiB(rss0)} |
| ${WORKERS} workers started (detectors built) | ${MiB(rssStarted)} (+${MiB(rssStarted - rss0)}) |
| peak under load | ${MiB(peak)} (+${MiB(peak - rss0)}) |

| worker | heap MiB | ${header} | external MiB | of which array buffers MiB | GCs / ms |
|---|---:|${SPACES.map(() => '---:').join('|')}|---:|---:|---:|
${[...rows('started', started), ...rows('after the load', loaded)].join('\n')}

Method: \`npm run bench\` → processor/bench/pool-memory.bench.ts. The workers run the compiled worker.js, as the
service does, when the build is at least as new as the sources (bench/compiled-worker.ts); from the TypeScript
sources each worker also runs the tsx loader (about 25 MiB more per worker). "after the load" is
read right after the last batch, before any idle-time GC: the old generation then holds the load's garbage too.
GC counts come from each worker's gc performance entries, which arrive asynchronously: a count read right after
start may lag. Where the rest goes (native RE2 memory, the build's transient): "Memory per worker".
`;
  return { title: 'Detection worker memory', markdown };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { markdown } = await main();
  console.log(markdown);
}
