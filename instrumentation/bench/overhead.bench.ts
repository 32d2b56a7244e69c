/**
 * Per-call overhead of the instrumentation (not a test), built to survive a noisy machine:
 *  - paired, interleaved calls: every instrumented call (A) is paired with an uninstrumented one (B) on the same client
 *    in the same loop iteration, order alternating AB / BA; B calls the SDK's original method (the function the patch
 *    wraps), so nothing is patched or unpatched while measuring;
 *  - the statistic is the median of the per-pair differences (A - B), with a bootstrap 95% interval, so load spikes,
 *    GC pauses and export batches that hit one call of a pair do not move it;
 *  - besides wall time, CPU time per call from process.cpuUsage() (user + system, all threads of the process), which
 *    a busy machine inflates far less than wall time.
 * Transports: an in-memory fetch returning a canned body (isolates the CPU the instrumentation adds) and the local fake
 * provider over HTTP (the setting; the server runs in this process, so its CPU is counted on both sides).
 * Modes: capture off and capture full, both with a 4 KB user prompt. Targets: ≤ 50 µs (off), ≤ 200 µs (full).
 *
 * It measures the compiled package (instrumentation/dist, what ships: run `npx tsc -b` first); without a build, or
 * with BENCH_SRC=1, the TypeScript sources through tsx (a few µs slower: tsx adds helpers to every function).
 *
 *   node --import tsx instrumentation/bench/overhead.bench.ts        (BENCH_PAIRS, BENCH_ROUNDS to change the sample)
 */
import { existsSync } from 'node:fs';
import * as OpenAIModule from 'openai';
import OpenAI from 'openai';
import { BatchSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { startFakeProvider } from '../../examples/fake-provider/index.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);

class DiscardExporter implements SpanExporter {
  exported = 0;
  export(spans: ReadableSpan[], done: (r: { code: 0 }) => void): void {
    this.exported += spans.length;
    done({ code: 0 });
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

const useDist = !process.env.BENCH_SRC && existsSync(new URL('../dist/instrumentation.js', import.meta.url));
const { TracehoundInstrumentation } = (await import(
  useDist ? '../dist/instrumentation.js' : '../src/instrumentation.js'
)) as typeof import('../src/instrumentation.js');

const exporter = new DiscardExporter();
const provider = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(exporter, { maxQueueSize: 65536, maxExportBatchSize: 4096 })],
});
provider.register();
const instr = new TracehoundInstrumentation({ enabled: false });
instr.setTracerProvider(provider);
instr.instrument(OpenAIModule);

const proto = (OpenAIModule.OpenAI as unknown as { Chat: { Completions: { prototype: Record<string, unknown> } } }).Chat
  .Completions.prototype;
const original = (proto.create as { __original?: (...a: unknown[]) => Promise<unknown> }).__original;
if (typeof original !== 'function') throw new Error('chat.completions.create is not instrumented');

const prompt4k = 'The quick brown fox jumps over the lazy dog. '.repeat(92).slice(0, 4096);
const params = {
  model: 'gpt-bench',
  messages: [
    { role: 'system' as const, content: 'You are a helpful assistant.' },
    { role: 'user' as const, content: prompt4k },
  ],
};

const cannedBody = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-bench',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'a short answer of about forty characters.' },
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 1024, completion_tokens: 10, total_tokens: 1034 },
});
const inprocFetch = async (): Promise<Response> =>
  new Response(cannedBody, { status: 200, headers: { 'content-type': 'application/json' } });

type Mode = 'off' | 'full';
const MODES: Mode[] = ['off', 'full'];
const TARGET: Record<Mode, number> = { off: 50, full: 200 };

interface Sample {
  wall: number;
  cpu: number;
}

async function timed(fn: () => Promise<unknown>): Promise<Sample> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: c.user + c.system };
}

function median(xs: number[]): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Percentile bootstrap of the median (deterministic LCG so reruns over the same data agree). */
function bootstrapCi(xs: number[], reps = 300): [number, number] {
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const meds: number[] = [];
  const buf = new Array<number>(xs.length);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < xs.length; i++) buf[i] = xs[Math.floor(rnd() * xs.length)];
    meds.push(median(buf));
  }
  meds.sort((a, b) => a - b);
  return [meds[Math.floor(reps * 0.025)], meds[Math.floor(reps * 0.975)]];
}

interface Result {
  base: Sample[];
  inst: Sample[];
}

async function measure(label: string, client: OpenAI): Promise<Record<Mode, Result>> {
  const completions = client.chat.completions as unknown as object;
  const a = () => client.chat.completions.create(params);
  const b = () => original!.call(completions, params);
  const results = { off: { base: [], inst: [] }, full: { base: [], inst: [] } } as Record<Mode, Result>;
  const perRound = Math.max(1, Math.floor(PAIRS / ROUNDS));
  for (const m of MODES) {
    instr.setConfig({ enabled: false, captureContent: m });
    for (let i = 0; i < WARMUP; i++) {
      await a();
      await b();
    }
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const m of MODES) {
      instr.setConfig({ enabled: false, captureContent: m });
      const res = results[m];
      for (let i = 0; i < perRound; i++) {
        if (i % 2 === 0) {
          res.inst.push(await timed(a));
          res.base.push(await timed(b));
        } else {
          res.base.push(await timed(b));
          res.inst.push(await timed(a));
        }
      }
    }
  }
  console.log(`\n[${label}] ${ROUNDS} rounds, ${perRound * ROUNDS} AB/BA pairs per mode, 4 KB prompt`);
  console.log('  mode          base wall   overhead wall (95% CI)        overhead CPU (95% CI)         target');
  for (const m of MODES) {
    const { base, inst } = results[m];
    const dWall = inst.map((s, i) => s.wall - base[i].wall);
    const dCpu = inst.map((s, i) => s.cpu - base[i].cpu);
    const [wl, wh] = bootstrapCi(dWall);
    const [cl, ch] = bootstrapCi(dCpu);
    const fmt = (v: number) => v.toFixed(1).padStart(6);
    console.log(
      `  capture ${m.padEnd(5)} ${fmt(median(base.map((s) => s.wall)))} µs   ${fmt(median(dWall))} µs [${fmt(wl)}, ${fmt(wh)}]   ` +
        `${fmt(median(dCpu))} µs [${fmt(cl)}, ${fmt(ch)}]   ≤ ${TARGET[m]} µs`,
    );
  }
  return results;
}

/** Calibration: one bare span (start + 3 attributes + end) on this machine, same provider. */
function bareSpanCost(): number {
  const tracer = provider.getTracer('calibration');
  const n = 20000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) tracer.startSpan('x', { attributes: { a: 1, b: 'y', c: true } }).end();
  return Number(process.hrtime.bigint() - t0) / 1000 / n;
}

const os = await import('node:os');
console.log(`measuring ${useDist ? 'instrumentation/dist (compiled)' : 'instrumentation/src (tsx)'}`);
console.log(
  `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
bareSpanCost();
console.log(
  `calibration: bare OTel span start+end ${bareSpanCost().toFixed(1)} µs (typically 2-5 µs on an idle machine)`,
);
const fake = await startFakeProvider();
try {
  await measure(
    'inproc fetch',
    new OpenAI({ apiKey: 'k', baseURL: 'http://bench.invalid/v1', fetch: inprocFetch, maxRetries: 0 }),
  );
  await measure('http fake provider', new OpenAI({ apiKey: 'k', baseURL: fake.openaiBaseURL, maxRetries: 0 }));
} finally {
  await fake.close();
  await provider.shutdown();
}
console.log(
  `\nload average at end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; spans exported: ${exporter.exported}`,
);
