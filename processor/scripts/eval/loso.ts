/**
 * Leave-one-source-out: for each source group, every trainer of scripts/train/index.ts is trained (and calibrates its
 * thresholds, on benign rows) on the trainable rows outside the group; the engine runs with those fold models
 * (DetectionConfig.models) on the group's rows. Rows that may not train shipped weights (non-permissive licence) are
 * never trained on — not even in other groups' folds — so they are pure test rows.
 *
 * A fold whose group holds no row a trainer reads gets that trainer's model trained on all trainable rows, trained
 * once and shared (identical by determinism).
 *
 * Folds are independent, so `jobs > 1` runs them on worker threads (loso-worker.ts), each given the corpus once and
 * then one group at a time; results are put back in group order, so the report is the one a single thread writes
 * (training is deterministic). Each thread keeps its own shared models, and holds its own copy of the corpus.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../src/worker-thread.js';
import { detectionDefaults, type DetectionConfig } from '../../src/detect/config.js';
import { isPermissive, sourceGroup, type CorpusRow } from '../lib/corpus.js';
import type { Trainer } from '../train/trainer.js';
import { createEvalEngine } from './engine.js';
import { runRows, type RowResult } from './run.js';

export interface LosoOptions {
  trainers: readonly Trainer[];
  /** Groups to hold out (default: every group of `rows`). */
  groups?: readonly string[];
  /** Which rows may be trained on: shipped policy (permissive licences) or every row (to measure what that costs). */
  trainOn: 'permissive' | 'all';
  seed: number;
  /** Detection config the fold models are set on (rule overrides of the run). */
  config?: DetectionConfig;
  log: (line: string) => void;
  /** Folds run at once on worker threads (1: on this thread). */
  jobs?: number;
  /**
   * With `jobs > 1`: URL of the module whose `trainers` export the worker threads train with (functions do not cross
   * threads; `trainers` above must be that same list). Default: scripts/train/index.ts, the shipped trainers.
   */
  trainersModule?: string;
}

export interface FoldTiming {
  group: string;
  rows: number;
  trainSeconds: number;
  runSeconds: number;
  /**
   * CPU seconds of the fold (training and run; the machine may be shared, wall time then says little). Absent when
   * folds ran in parallel: Node 20 measures CPU per process, not per thread, so one fold's share cannot be told.
   */
  cpuSeconds?: number;
}

/** What one thread needs to run folds: rows by group, the trainers' shared models, the options. */
interface FoldState {
  rows: readonly CorpusRow[];
  byGroup: Map<string, CorpusRow[]>;
  shared: Map<string, unknown>;
  opts: Pick<LosoOptions, 'trainers' | 'trainOn' | 'seed' | 'config'>;
  /** Other folds run on other threads at the same time (CPU time is then not per fold). */
  parallel: boolean;
}

export function foldState(rows: readonly CorpusRow[], opts: FoldState['opts'], parallel = false): FoldState {
  const byGroup = new Map<string, CorpusRow[]>();
  for (const r of rows) {
    const g = sourceGroup(r);
    const list = byGroup.get(g) ?? [];
    list.push(r);
    byGroup.set(g, list);
  }
  return { rows, byGroup, shared: new Map(), opts, parallel };
}

/** Trains every trainer without `group` (or reuses the all-rows model) and runs the engine on the group's rows. */
export async function runFold(state: FoldState, group: string): Promise<{ results: RowResult[]; timing: FoldTiming }> {
  const { rows, byGroup, shared, opts } = state;
  const trainable = (r: CorpusRow) => opts.trainOn === 'all' || isPermissive(r);
  const held = byGroup.get(group) ?? [];
  const t0 = Date.now();
  const c0 = process.cpuUsage();
  const models: Record<string, unknown> = {};
  for (const t of opts.trainers) {
    const reads = (r: CorpusRow) => trainable(r) && (t.uses ? t.uses(r) : true);
    const affected = held.some(reads);
    if (!affected && shared.has(t.id)) {
      models[t.id] = shared.get(t.id);
      continue;
    }
    const train = rows.filter((r) => trainable(r) && (!affected || sourceGroup(r) !== group));
    const model = await t.train(train, { seed: opts.seed, log: () => {} });
    if (!affected) shared.set(t.id, model);
    models[t.id] = model;
  }
  const t1 = Date.now();
  const config: DetectionConfig = { ...(opts.config ?? detectionDefaults), models };
  const results = runRows(createEvalEngine(config), held);
  const t2 = Date.now();
  const c = process.cpuUsage(c0);
  const timing: FoldTiming = {
    group,
    rows: held.length,
    trainSeconds: (t1 - t0) / 1000,
    runSeconds: (t2 - t1) / 1000,
    cpuSeconds: state.parallel ? undefined : (c.user + c.system) / 1e6,
  };
  return { results, timing };
}

/** workerData of loso-worker.ts: the corpus and the serializable options (trainers are imported there). */
export interface LosoWorkerInit {
  rows: readonly CorpusRow[];
  trainersModule: string;
  trainOn: LosoOptions['trainOn'];
  seed: number;
  config?: DetectionConfig;
}
export interface FoldRequest {
  group: string;
}
export type FoldResponse =
  | { group: string; timing: FoldTiming; results: Array<Omit<RowResult, 'row'> & { rowIndex: number }> }
  | { group: string; error: string };

const foldLine = (i: number, n: number, f: FoldTiming) =>
  `  fold ${i}/${n} ${f.group}: ${f.rows} rows, train ${f.trainSeconds.toFixed(1)} s, run ${f.runSeconds.toFixed(1)} s${f.cpuSeconds === undefined ? '' : ` (CPU ${f.cpuSeconds.toFixed(1)} s)`}`;

/** The worker file from the TypeScript sources through tsx (the eval always runs from sources). */
function spawnFoldWorker(init: LosoWorkerInit): Worker {
  return startWorker({ ts: new URL('./loso-worker.ts', import.meta.url) }, init, {
    execArgv: ['--conditions=@tracehound/source'],
  });
}

async function runParallel(
  rows: readonly CorpusRow[],
  groups: readonly string[],
  opts: LosoOptions,
  jobs: number,
): Promise<Map<string, { results: RowResult[]; timing: FoldTiming }>> {
  const done = new Map<string, { results: RowResult[]; timing: FoldTiming }>();
  // Largest groups first, so no thread is left with a long fold at the end.
  const sizes = new Map(groups.map((g) => [g, rows.filter((r) => sourceGroup(r) === g).length]));
  const queue = [...groups].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0));
  const init: LosoWorkerInit = {
    rows,
    trainersModule: opts.trainersModule ?? new URL('../train/index.ts', import.meta.url).href,
    trainOn: opts.trainOn,
    seed: opts.seed,
    config: opts.config,
  };
  const threads = Array.from({ length: Math.min(jobs, groups.length) }, () => spawnFoldWorker(init));
  try {
    await Promise.all(
      threads.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const group = queue.shift();
              if (group === undefined) return resolve();
              w.postMessage({ group } satisfies FoldRequest);
            };
            w.on('message', (m: FoldResponse) => {
              if ('error' in m) return reject(new Error(`fold ${m.group}: ${m.error}`));
              const results = m.results.map(({ rowIndex, ...rest }) => ({ ...rest, row: rows[rowIndex] }));
              done.set(m.group, { results, timing: m.timing });
              opts.log(foldLine(done.size, groups.length, m.timing));
              next();
            });
            w.on('error', reject);
            w.on('exit', (code) => {
              if (queue.length > 0 || code !== 0) reject(new Error(`fold worker exited with code ${code}`));
            });
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
  return done;
}

/** Default number of fold threads: every core, at most 4 (each holds a copy of the corpus and a fold's training). */
export const defaultLosoJobs = (): number => Math.max(1, Math.min(4, availableParallelism()));

export async function runLoso(
  rows: readonly CorpusRow[],
  opts: LosoOptions,
): Promise<{ results: RowResult[]; folds: FoldTiming[] }> {
  const state = foldState(rows, opts);
  const groups = (opts.groups ?? [...state.byGroup.keys()]).filter((g) => state.byGroup.has(g)).sort();
  const jobs = Math.max(1, Math.floor(opts.jobs ?? 1));
  let byGroup: Map<string, { results: RowResult[]; timing: FoldTiming }>;
  if (jobs > 1 && groups.length > 1) byGroup = await runParallel(rows, groups, opts, jobs);
  else {
    byGroup = new Map();
    for (const [i, group] of groups.entries()) {
      const fold = await runFold(state, group);
      byGroup.set(group, fold);
      opts.log(foldLine(i + 1, groups.length, fold.timing));
    }
  }
  const results: RowResult[] = [];
  const folds: FoldTiming[] = [];
  for (const g of groups) {
    const fold = byGroup.get(g);
    if (!fold) continue;
    results.push(...fold.results);
    folds.push(fold.timing);
  }
  return { results, folds };
}
