/**
 * Behavioral engine benchmark (not a test): per-span update cost at 1k vs 100k live sessions, memory with 100k active
 * sessions, and campaign (MinHash/LSH) cost against the number of indexed sessions.
 *
 *   node --import tsx processor/bench/behavior.bench.ts            (add --expose-gc for steadier memory numbers)
 *
 * The lead's bench runner imports runBehaviorBench(). CPU time (process.cpuUsage) is reported besides wall time
 * because shared CI machines are noisy.
 */
import { pathToFileURL } from 'node:url';
import { resolveBehaviorConfig, type BehaviorConfigInput } from '../src/behavior/config.js';
import { createBehaviorRunner } from '../src/behavior/runner.js';
import type { BehaviorRunner } from '../src/behavior/types.js';
import { type Detection, type FindingCategory, emptyInteraction, type Interaction } from '@tracehound/core';

export interface BehaviorBenchResult {
  perSpan: Array<{ sessions: number; spans: number; usPerSpanCpu: number; usPerSpanWall: number }>;
  memory: { sessions: number; rssMb: number; heapUsedMb: number; maxRssMb: number; stateEntries: number };
  campaign: Array<{ indexedSessions: number; usPerPromptCpu: number }>;
}

const CATEGORIES: Record<string, FindingCategory> = { INJ: 'prompt_injection', REF: 'refusal' };
const ruleCategory = (id: string) => CATEGORIES[id];
const INJ: Detection[] = [{ ruleId: 'INJ', confidence: 0.9, channel: 'prompt', evidence: '' }];
const REF: Detection[] = [{ ruleId: 'REF', confidence: 0.9, channel: 'output', evidence: '' }];
const NONE: Detection[] = [];

const WORDS = (
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec ' +
  'romeo sierra tango uniform victor whiskey xray yankee zulu order refund invoice account billing shipping support'
).split(' ');

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function text(r: () => number, words: number): string {
  let s = '';
  for (let i = 0; i < words; i++) s += (i ? ' ' : '') + WORDS[Math.floor(r() * WORDS.length)];
  return s;
}

/** A reusable span: the loop rewrites its identity, ids and time instead of allocating a new Interaction. */
function template(r: () => number): Interaction {
  const ix = emptyInteraction('llm_call', 'bench');
  ix.service = `svc-${Math.floor(r() * 3)}`;
  ix.provider = 'openai';
  ix.model = `model-${Math.floor(r() * 3)}`;
  ix.input = [{ role: 'user', content: text(r, 15 + Math.floor(r() * 30)) }];
  ix.output = [{ role: 'assistant', content: 'ok', finishReason: 'stop' }];
  ix.usage = { inputTokens: 200, outputTokens: 300 + Math.floor(r() * 200), totalTokens: 600 };
  ix.span = { traceId: '', spanId: '', name: 'chat' };
  return ix;
}

class Driver {
  now = Date.UTC(2025, 0, 6);
  readonly engine: BehaviorRunner;
  private readonly pool: Interaction[];
  private n = 0;

  constructor(config: BehaviorConfigInput = {}, poolSize = 2000) {
    this.engine = createBehaviorRunner(resolveBehaviorConfig(config), { clock: () => this.now, ruleCategory });
    const r = rng(1);
    this.pool = Array.from({ length: poolSize }, () => template(r));
  }

  /** One span of session s (key and tenant derived from it), 2 % attacks and 1 % refusals. */
  span(s: number, stepMs = 5): void {
    this.now += stepMs;
    const i = this.n++;
    const ix = this.pool[i % this.pool.length];
    ix.identity = {
      session: `sess-${s}`,
      user: `user-${s}`,
      apiKeyFingerprint: `key-${s % 10_000}`,
      tenant: `tenant-${s % 20}`,
    };
    ix.span.traceId = `trace-${i}`;
    ix.span.spanId = i.toString(16).padStart(16, '0');
    ix.timing = { startNs: BigInt(this.now) * 1_000_000n, endNs: 0n };
    const roll = i % 100;
    this.engine.observe(ix, roll < 2 ? INJ : roll === 2 ? REF : NONE);
  }
}

function measure(fn: () => void): { cpuUs: number; wallUs: number } {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { cpuUs: c.user + c.system, wallUs: (performance.now() - w0) * 1000 };
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

/** Per-span cost with `sessions` live sessions: populate them, then time `spans` spans over random live sessions. */
function perSpan(sessions: number, spans: number) {
  const d = new Driver({ campaign: { maxClusters: 200_000 } });
  for (let s = 0; s < sessions; s++) d.span(s, 1);
  const r = rng(7);
  for (let i = 0; i < 20_000; i++) d.span(Math.floor(r() * sessions)); // warm the JIT
  const m = measure(() => {
    for (let i = 0; i < spans; i++) d.span(Math.floor(r() * sessions));
  });
  const result = { sessions, spans, usPerSpanCpu: m.cpuUs / spans, usPerSpanWall: m.wallUs / spans };
  d.engine.shutdown();
  return result;
}

/** Process memory with `sessions` sessions active (three spans each, all detectors on). */
function memory(sessions: number) {
  gc();
  const d = new Driver();
  for (let round = 0; round < 3; round++) for (let s = 0; s < sessions; s++) d.span(s, 1);
  gc();
  const mu = process.memoryUsage();
  const stats = d.engine.stats();
  const result = {
    sessions,
    rssMb: mu.rss / 2 ** 20,
    heapUsedMb: mu.heapUsed / 2 ** 20,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    stateEntries: stats.totalEntries,
  };
  d.engine.shutdown();
  return result;
}

/** Campaign detection alone: cost of one new prompt with `indexed` sessions' distinct prompts in the index. */
function campaignCost(indexed: number, probes: number) {
  const off = { enabled: false };
  const d = new Driver(
    {
      repeatedAttempts: off,
      refusalCluster: off,
      inputRate: off,
      outputSpike: off,
      costSpike: off,
      auth: off,
      modelDrift: off,
      scope: off,
      campaign: { maxClusters: 1_000_000 },
      maxEntriesPerStore: 1_000_000,
    },
    4000,
  );
  for (let s = 0; s < indexed; s++) d.span(s, 1);
  for (let s = 0; s < 5000; s++) d.span(indexed + s, 1);
  const m = measure(() => {
    for (let s = 0; s < probes; s++) d.span(indexed + 5000 + s, 1);
  });
  d.engine.shutdown();
  return { indexedSessions: indexed, usPerPromptCpu: m.cpuUs / probes };
}

export async function runBehaviorBench(opts: { quick?: boolean; print?: boolean } = {}): Promise<BehaviorBenchResult> {
  const quick = opts.quick ?? false;
  const print = opts.print ?? true;
  const spans = quick ? 50_000 : 200_000;
  // Memory first, so the process peak is not an earlier phase's.
  const mem = memory(100_000);
  const result: BehaviorBenchResult = {
    perSpan: [perSpan(1_000, spans), perSpan(100_000, spans)],
    memory: mem,
    campaign: [1_000, 10_000, 100_000].map((n) => campaignCost(n, quick ? 5_000 : 20_000)),
  };
  if (print) {
    const f = (x: number, d = 2) => x.toFixed(d);
    console.log('behavior: per-span update cost (all detectors)');
    for (const p of result.perSpan)
      console.log(
        `  ${String(p.sessions).padStart(7)} sessions: ${f(p.usPerSpanCpu)} µs/span cpu, ${f(p.usPerSpanWall)} µs/span wall (${p.spans} spans)`,
      );
    const m = result.memory;
    console.log(
      `behavior: memory with ${m.sessions} active sessions: rss ${f(m.rssMb, 0)} MB, heap used ${f(m.heapUsedMb, 0)} MB, peak rss ${f(m.maxRssMb, 0)} MB, ${m.stateEntries} state entries`,
    );
    console.log('behavior: campaign (MinHash + LSH) cost per prompt vs indexed sessions');
    for (const c of result.campaign)
      console.log(`  ${String(c.indexedSessions).padStart(7)} indexed: ${f(c.usPerPromptCpu)} µs/prompt cpu`);
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runBehaviorBench({ quick: process.argv.includes('--quick') });
}
