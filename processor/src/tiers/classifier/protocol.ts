/** Messages between the classifier pool (main thread) and its workers (classifier/worker.ts). */

export interface WorkerModelSpec {
  name: string;
  directory: string;
  maxTokens: number;
}

export interface WorkerInit {
  models: WorkerModelSpec[];
  threads: number;
}

export type ToWorker = { type: 'run'; id: number; model: number; texts: string[] };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'load-error'; model: string; message: string }
  | { type: 'result'; id: number; probabilities: number[][] }
  | { type: 'error'; id: number; message: string };
