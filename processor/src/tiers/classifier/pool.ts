import { startWorker } from '../../worker-thread.js';
import { TracehoundError } from '../../errors.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';

/** What one classification ended as: probabilities by label index, or why there are none. */
export type ClassifyResult =
  { ok: true; probabilities: number[] } | { ok: false; reason: 'queue_full' | 'timeout' | 'error' | 'shutdown' };

/** A worker as the pool sees it (injectable, so the pool's scheduling is tested without threads). */
export interface PoolWorker {
  postMessage(msg: ToWorker): void;
  on(event: 'message', fn: (msg: FromWorker) => void): void;
  on(event: 'error', fn: (err: Error) => void): void;
  on(event: 'exit', fn: (code: number) => void): void;
  terminate(): Promise<number>;
}

export interface PoolOptions {
  init: WorkerInit;
  workers: number;
  batchSize: number;
  maxQueue: number;
  timeoutMs: number;
  createWorker?: (init: WorkerInit) => PoolWorker;
  onBatch?: (model: number, size: number, ms: number) => void;
  onDrop?: (reason: 'queue_full' | 'timeout' | 'error' | 'shutdown', n: number) => void;
  /** Monotonic milliseconds (latency). */
  now?: () => number;
}

interface Job {
  model: number;
  text: string;
  resolve: (r: ClassifyResult) => void;
}

interface Slot {
  worker: PoolWorker;
  ready: boolean;
  busy?: { id: number; jobs: Job[]; timer: NodeJS.Timeout; started: number };
  retired: boolean;
}

/**
 * The worker file: the compiled worker.js beside this module, or, when running from the TypeScript sources (tests,
 * tsx), worker.ts through tsx.
 */
function defaultWorker(init: WorkerInit): PoolWorker {
  return startWorker(
    { js: new URL('./worker.js', import.meta.url), ts: new URL('./worker.ts', import.meta.url) },
    init,
  );
}

/**
 * A pool of classifier worker threads: a bounded queue (beyond maxQueue texts are dropped and counted), batches of up
 * to batchSize texts of one model per call, one call per worker at a time (the CPU budget: workers × threads), and a
 * per-call timeout after which the worker is terminated, replaced and its texts counted as timeouts.
 */
export class ClassifierPool {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;
  private readonly now: () => number;
  private readonly create: (init: WorkerInit) => PoolWorker;

  constructor(private readonly opts: PoolOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.create = opts.createWorker ?? defaultWorker;
  }

  /** Starts the workers and waits until each loaded every model; a model that fails to load is TH_TIER_MODEL. */
  async start(): Promise<void> {
    const starts: Promise<void>[] = [];
    for (let i = 0; i < this.opts.workers; i++) starts.push(this.spawn());
    try {
      await Promise.all(starts);
    } catch (err) {
      await this.shutdown();
      throw err;
    }
  }

  get queueDepth(): number {
    return this.queue.length;
  }

  get inFlight(): number {
    return this.slots.reduce((n, s) => n + (s.busy?.jobs.length ?? 0), 0);
  }

  classify(model: number, text: string): Promise<ClassifyResult> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'shutdown' });
    if (this.queue.length >= this.opts.maxQueue) {
      this.opts.onDrop?.('queue_full', 1);
      return Promise.resolve({ ok: false, reason: 'queue_full' });
    }
    return new Promise((resolve) => {
      this.queue.push({ model, text, resolve });
      this.dispatch();
    });
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    const waiting = this.queue.splice(0);
    for (const j of waiting) j.resolve({ ok: false, reason: 'shutdown' });
    if (waiting.length > 0) this.opts.onDrop?.('shutdown', waiting.length);
    await Promise.all(
      this.slots.splice(0).map((s) => {
        s.retired = true;
        this.finish(s, { ok: false, reason: 'shutdown' });
        return s.worker.terminate().catch(() => 0);
      }),
    );
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const slot: Slot = { worker: this.create(this.opts.init), ready: false, retired: false };
      this.slots.push(slot);
      let settled = false;
      const settle = (err?: Error) => {
        if (settled) return;
        settled = true;
        if (err) reject(err);
        else resolve();
      };
      slot.worker.on('message', (msg) => {
        if (msg.type === 'ready') {
          slot.ready = true;
          settle();
          this.dispatch();
        } else if (msg.type === 'load-error') {
          settle(
            new TracehoundError('TH_TIER_MODEL', `model ${msg.model} cannot be loaded: ${msg.message}`, {
              model: msg.model,
            }),
          );
          this.retire(slot, false);
        } else if (slot.busy && msg.id === slot.busy.id) {
          const busy = slot.busy;
          this.opts.onBatch?.(busy.jobs[0]!.model, busy.jobs.length, this.now() - busy.started);
          if (msg.type === 'result')
            this.finish(slot, (i) => ({ ok: true, probabilities: msg.probabilities[i] ?? [] }));
          else {
            this.opts.onDrop?.('error', busy.jobs.length);
            this.finish(slot, { ok: false, reason: 'error' });
          }
          this.dispatch();
        }
      });
      slot.worker.on('error', (err) => {
        settle(
          new TracehoundError('TH_TIER_MODEL', `a classifier worker failed to start: ${err.message.slice(0, 300)}`),
        );
        this.retire(slot, slot.ready);
      });
      slot.worker.on('exit', () => {
        settle(new TracehoundError('TH_TIER_MODEL', 'a classifier worker exited before loading its models'));
        this.retire(slot, slot.ready);
      });
    });
  }

  /** Resolves the jobs of the slot's call (one result for all, or one per job). */
  private finish(slot: Slot, result: ClassifyResult | ((i: number) => ClassifyResult)): void {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    busy.jobs.forEach((j, i) => j.resolve(typeof result === 'function' ? result(i) : result));
  }

  /** Removes a slot (worker died or timed out); a worker that was serving is replaced. */
  private retire(slot: Slot, replace: boolean): void {
    if (slot.retired) return;
    slot.retired = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.busy) {
      this.opts.onDrop?.('error', slot.busy.jobs.length);
      this.finish(slot, { ok: false, reason: 'error' });
    }
    void slot.worker.terminate().catch(() => 0);
    if (replace && !this.closed) this.spawn().catch(() => undefined);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.busy || slot.retired) continue;
      const model = this.queue[0]!.model;
      const jobs: Job[] = [];
      for (let i = 0; i < this.queue.length && jobs.length < this.opts.batchSize;) {
        if (this.queue[i]!.model === model) jobs.push(...this.queue.splice(i, 1));
        else i++;
      }
      const id = this.nextId++;
      const timer = setTimeout(() => {
        if (slot.busy?.id !== id) return;
        this.opts.onDrop?.('timeout', slot.busy.jobs.length);
        this.finish(slot, { ok: false, reason: 'timeout' });
        // The call may still be burning CPU: the worker is terminated and replaced, which bounds the budget.
        this.retire(slot, true);
      }, this.opts.timeoutMs);
      timer.unref?.();
      slot.busy = { id, jobs, timer, started: this.now() };
      slot.worker.postMessage({ type: 'run', id, model, texts: jobs.map((j) => j.text) });
    }
  }
}
