/**
 * One thread of a parallel leave-one-source-out run (loso.ts, `--jobs N`): receives the corpus and the run's options
 * once, then folds one at a time — the same `runFold` the sequential run uses — and posts each fold's per-row results
 * back as row indexes into the corpus it was given, so the parent reassembles exactly what one thread would produce.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CorpusRow } from '../lib/corpus.js';
import type { Trainer } from '../train/trainer.js';
import { foldState, runFold, type FoldRequest, type FoldResponse, type LosoWorkerInit } from './loso.js';

const init = workerData as LosoWorkerInit;
const { trainers } = (await import(init.trainersModule)) as { trainers: readonly Trainer[] };
const index = new Map<CorpusRow, number>(init.rows.map((r, i) => [r, i]));
const state = foldState(init.rows, { ...init, trainers }, true);

parentPort?.on('message', (req: FoldRequest) => {
  void (async () => {
    try {
      const { results, timing } = await runFold(state, req.group);
      const reply: FoldResponse = {
        group: req.group,
        timing,
        results: results.map(({ row, ...rest }) => ({ ...rest, rowIndex: index.get(row) ?? -1 })),
      };
      parentPort?.postMessage(reply);
    } catch (err) {
      parentPort?.postMessage({ group: req.group, error: (err as Error)?.stack ?? String(err) } satisfies FoldResponse);
    }
  })();
});
