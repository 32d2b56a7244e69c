/**
 * Leave-one-source-out: for each source group, every trainer of scripts/train/index.ts is trained (and calibrates its
 * thresholds, on benign rows) on the trainable rows outside the group; the engine runs with those fold models
 * (DetectionConfig.models) on the group's rows. Rows that may not train shipped weights (non-permissive licence) are
 * never trained on — not even in other groups' folds — so they are pure test rows.
 *
 * A fold whose group holds no row a trainer reads gets that trainer's model trained on all trainable rows, trained
 * once and shared (identical by determinism).
 */
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
}

export interface FoldTiming {
  group: string;
  rows: number;
  trainSeconds: number;
  runSeconds: number;
  /** CPU seconds of the fold (training and run; the machine may be shared, wall time then says little). */
  cpuSeconds: number;
}

export async function runLoso(
  rows: readonly CorpusRow[],
  opts: LosoOptions,
): Promise<{ results: RowResult[]; folds: FoldTiming[] }> {
  const trainable = (r: CorpusRow) => opts.trainOn === 'all' || isPermissive(r);
  const byGroup = new Map<string, CorpusRow[]>();
  for (const r of rows) {
    const g = sourceGroup(r);
    const list = byGroup.get(g) ?? [];
    list.push(r);
    byGroup.set(g, list);
  }
  const groups = (opts.groups ?? [...byGroup.keys()]).filter((g) => byGroup.has(g)).sort();
  const shared = new Map<string, unknown>(); // trainer id → model trained on every trainable row
  const results: RowResult[] = [];
  const folds: FoldTiming[] = [];
  for (const [i, group] of groups.entries()) {
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
    results.push(...runRows(createEvalEngine(config), held));
    const t2 = Date.now();
    const c = process.cpuUsage(c0);
    const cpuSeconds = (c.user + c.system) / 1e6;
    folds.push({ group, rows: held.length, trainSeconds: (t1 - t0) / 1000, runSeconds: (t2 - t1) / 1000, cpuSeconds });
    opts.log(
      `  fold ${i + 1}/${groups.length} ${group}: ${held.length} rows, train ${((t1 - t0) / 1000).toFixed(1)} s, run ${((t2 - t1) / 1000).toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s)`,
    );
  }
  return { results, folds };
}
