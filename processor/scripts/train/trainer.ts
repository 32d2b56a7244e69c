import type { CorpusRow } from '../lib/corpus.js';

/** One reproducible model: `npm run train` writes `file` in processor/models; `npm run eval` retrains it per fold. */
export interface Trainer {
  /** Model id, as detectors look it up in DetectionConfig.models. */
  readonly id: string;
  /** File name under processor/models/. */
  readonly file: string;
  /**
   * Optional: the rows this trainer reads (e.g. benign text only). The leave-one-source-out eval reuses one model for
   * every held-out group that has no such row, instead of training an identical model again.
   */
  uses?(row: CorpusRow): boolean;
  /** Deterministic for the same rows and seed. */
  train(rows: CorpusRow[], opts: { seed: number; log: (line: string) => void }): unknown | Promise<unknown>;
}
