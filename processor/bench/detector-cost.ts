import type { Interaction } from '@tracehound/core';
import { loadConfig } from '../src/config/index.js';
import { createContentRunner } from '../src/detect/content-runner.js';
import { normalizeSpan } from '../src/normalize/index.js';
import { decodeTraceViews } from '../src/otlp/span-decode.js';
import { timedSteps } from '../scripts/eval/timed-steps.js';
import { generateTraceRequest } from './llm-spans.js';

/**
 * CPU cost of each content detector on the generated bench spans, in-process on one thread (no transport): the
 * content runner exactly as the service builds it, each detector timed, µs per KiB of span text. `systemPool` as in
 * llm-spans.ts (0: a distinct system prompt on every span). Also the harness to profile detection:
 *   node --cpu-prof --conditions=@tracehound/source --import tsx processor/bench/detector-cost.ts [pool] [spans]
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

export function detectorCost(o: { systemPool: number; spans?: number; warmupSpans?: number }): DetectorCost {
  const times = new Map<string, number>();
  let timing = false;
  const add = (id: string, t0: number) => {
    if (timing) times.set(id, (times.get(id) ?? 0) + (now() - t0));
  };
  const runner = createContentRunner(loadConfig(undefined, {}).detection, timedSteps(now, add));
  for (const ix of interactions(o.warmupSpans ?? 256, 99, o.systemPool)) runner.run(ix);
  const measured = interactions(o.spans ?? 1024, 1, o.systemPool);
  const kib = measured.reduce((s, ix) => s + textKiB(ix), 0);
  timing = true;
  const t0 = now();
  for (const ix of measured) runner.run(ix);
  const all = now() - t0;
  timing = false;
  const usPerKiB = new Map<string, number>([['all detectors', all / kib]]);
  for (const [id, us] of [...times].sort((a, b) => b[1] - a[1])) usPerKiB.set(id, us / kib);
  return { usPerKiB, spans: measured.length, kibPerSpan: kib / measured.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const systemPool = process.argv[2] === undefined ? 12 : Number(process.argv[2]);
  const r = detectorCost({ systemPool, spans: Number(process.argv[3] ?? 1024) });
  console.log(`${r.spans} spans, ${r.kibPerSpan.toFixed(2)} KiB text each, system pool ${systemPool || 'distinct'}`);
  for (const [id, v] of r.usPerKiB) console.log(`${id.padEnd(28)} ${v.toFixed(1)} µs/KiB`);
}
