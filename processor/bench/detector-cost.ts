import type { Interaction } from '@tracehound/core';
import { loadConfig } from '../src/config/index.js';
import { createContentRunner } from '../src/detect/content-runner.js';
import { normalizeSpan } from '../src/normalize/index.js';
import { decodeTraceViews } from '../src/otlp/span-decode.js';
import { expandTexts } from '../src/detect/injection/expand.js';
import { timedSteps } from '../scripts/eval/timed-steps.js';
import { generateTraceRequest } from './llm-spans.js';

/**
 * CPU cost of each content detector on the generated bench spans, in-process on one thread (no transport): the
 * content runner exactly as the service builds it, each detector timed, µs per KiB of span text. `systemPool` as in
 * llm-spans.ts (0: a distinct system prompt on every span). Also the harness to profile detection:
 *   node --cpu-prof --conditions=@tracehound/source --import tsx processor/bench/detector-cost.ts [pool] [spans] [rounds]
 * 'all detectors' is timed without per-step clocks; see detectorCost.
 */

export interface DetectorCost {
  /** Detector id (and 'expandTexts', 'all detectors') → µs per KiB of text, over the measured spans. */
  usPerKiB: Map<string, number>;
  spans: number;
  kibPerSpan: number;
}

/**
 * Process CPU time in µs (user + system), not wall time: on a shared machine a preempted detector would otherwise be
 * charged for the other jobs' time. It includes V8's helper threads (GC, compiler), a small share here.
 */
const now = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

function interactions(spans: number, seed: number, systemPool: number): Interaction[] {
  const body = generateTraceRequest(spans, seed, { systemPool });
  return decodeTraceViews(body, () => true)
    .map(({ view }) => normalizeSpan(view).interaction)
    .filter((ix): ix is Interaction => ix !== null);
}

const textKiB = (ix: Interaction): number => {
  let bytes = Buffer.byteLength(ix.systemInstructions ?? '');
  for (const m of [...ix.input, ...ix.output]) bytes += Buffer.byteLength(m.content);
  return bytes / 1024;
};

/** CPU µs of one now() call (a timed step pays about one: its start mark is read inside a call, its end in the next). */
function clockCost(): number {
  const n = 20_000;
  const t0 = now();
  for (let i = 0; i < n; i++) now();
  return (now() - t0) / (n + 1);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * `rounds` alternating passes over the measured spans: an untimed runner (the service's, no per-step clock) gives
 * 'all detectors'; a runner with every step timed gives the per-detector rows, less the clock's own cost per call
 * (process.cpuUsage costs a few µs, which summed over ~20 steps a span would otherwise be a quarter of the total).
 * Each row is the median over the rounds.
 */
export function detectorCost(o: {
  systemPool: number;
  spans?: number;
  warmupSpans?: number;
  rounds?: number;
}): DetectorCost {
  const times = new Map<string, number>();
  const calls = new Map<string, number>();
  let timing = false;
  const add = (id: string, t0: number) => {
    if (!timing) return;
    times.set(id, (times.get(id) ?? 0) + (now() - t0));
    calls.set(id, (calls.get(id) ?? 0) + 1);
  };
  const config = loadConfig(undefined, {}).detection;
  const timed = createContentRunner(config, timedSteps(now, add));
  const plain = createContentRunner(config, { expand: expandTexts });
  for (const ix of interactions(o.warmupSpans ?? 256, 99, o.systemPool)) {
    timed.run(ix);
    plain.run(ix);
  }
  const clock = clockCost();
  const rows = new Map<string, number[]>([['all detectors', []]]);
  let spans = 0;
  let kibTotal = 0;
  for (let r = 0; r < (o.rounds ?? 3); r++) {
    // Fresh spans for each pass (seeds 1, 2, …; the system prompt pool is the same for every seed): with distinct
    // system prompts, a pass over spans already seen would find their prompts in the per-prompt caches.
    const untimed = interactions(o.spans ?? 1024, 1 + 2 * r, o.systemPool);
    const kibUntimed = untimed.reduce((s, ix) => s + textKiB(ix), 0);
    const t0 = now();
    for (const ix of untimed) plain.run(ix);
    rows.get('all detectors')!.push((now() - t0) / kibUntimed);
    const measured = interactions(o.spans ?? 1024, 2 + 2 * r, o.systemPool);
    const kib = measured.reduce((s, ix) => s + textKiB(ix), 0);
    spans += untimed.length + measured.length;
    kibTotal += kibUntimed + kib;
    times.clear();
    calls.clear();
    timing = true;
    for (const ix of measured) timed.run(ix);
    timing = false;
    for (const [id, us] of times) {
      const row = rows.get(id) ?? [];
      row.push(Math.max(0, us - clock * (calls.get(id) ?? 0)) / kib);
      rows.set(id, row);
    }
  }
  const usPerKiB = new Map<string, number>();
  for (const [id, xs] of [...rows].map(([id, xs]) => [id, median(xs)] as const)) usPerKiB.set(id, xs);
  const sorted = [...usPerKiB].sort((a, b) =>
    a[0] === 'all detectors' ? -1 : b[0] === 'all detectors' ? 1 : b[1] - a[1],
  );
  return { usPerKiB: new Map(sorted), spans: spans / 2 / (o.rounds ?? 3), kibPerSpan: kibTotal / spans };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const systemPool = process.argv[2] === undefined ? 12 : Number(process.argv[2]);
  const r = detectorCost({
    systemPool,
    spans: Number(process.argv[3] ?? 1024),
    rounds: Number(process.argv[4] ?? 3),
  });
  console.log(`${r.spans} spans, ${r.kibPerSpan.toFixed(2)} KiB text each, system pool ${systemPool || 'distinct'}`);
  for (const [id, v] of r.usPerKiB) console.log(`${id.padEnd(28)} ${v.toFixed(1)} µs/KiB`);
}
