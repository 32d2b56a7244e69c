import { startLoadGen, SPANS_PER_REQUEST } from './transport.bench.js';
import { runChildServiceBench } from './service-child.js';
import os from 'node:os';
const execArgv = (process.env.PROBE_ARGS ?? '').split(' ').filter(Boolean);
const load = await startLoadGen(SPANS_PER_REQUEST, { systemPool: 12 });
for (const w of (process.env.PROBE_W ?? '2').split(',')) {
  const r = await runChildServiceBench(load, { label: `w${w}`, workers: Number(w), behavior: process.env.PROBE_B === '1', spansPerRequest: SPANS_PER_REQUEST, execArgv, durationMs: 8000, ...(process.env.PROBE_RATE ? { rate: Number(process.env.PROBE_RATE) } : {}) });
  console.log(`${r.label} ${execArgv.join(' ')} ${process.env.TH_EXP ?? ''}: ${Math.round(r.spansPerSec)} spans/s p50 ${r.p50Ms.toFixed(0)} p99 ${r.p99Ms.toFixed(0)} peak ${r.peakRssMiB.toFixed(0)} MiB cpu ${r.cpuUsPerSpan.toFixed(0)} main ${r.mainUsPerSpan?.toFixed(0)} fail ${r.failed} load ${os.loadavg()[0].toFixed(1)}`);
}
load.close();
