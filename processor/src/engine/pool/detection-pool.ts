import { Worker, type ResourceLimits } from 'node:worker_threads';
import { startWorker } from '../../worker-thread.js';
import { packJob } from './protocol.js';
import type {
  DetectJob,
  DetectResult,
  FromPoolWorker,
  PoolWorkerInit,
  ToPoolWorker,
  WorkerMemory,
} from './protocol.js';
import type { PoolMetrics } from './metrics.js';

/** Why a batch got no detections: the stage then refuses it (503 TH_STAGE_UNAVAILABLE) and the client retries. */
export type PoolFailure = 'queue_full' | 'timeout' | 'crashed' | 'shutdown';

export type PoolOutcome = { ok: true; results: DetectResult[] } | { ok: false; reason: PoolFailure };

export interface DetectionPoolOptions {
  init: PoolWorkerInit;
  workers: number;
  /** Batches waiting (a chunk not yet running) per worker; beyond it a batch is refused (queue_full) and counted. */
  maxQueuePerWorker: number;
  /** Longest one chunk of a batch may run in a worker; past it the worker is terminated and replaced (timeout). */
  timeoutMs: number;
  metrics?: PoolMetrics;
  /** A detector failed inside a worker (detector id, error class name). */
  onDetectorError?: (detector: string, errorName: string) => void;
  /** Delay before a worker that died while starting is started again (ms). Default 1000. */
  respawnDelayMs?: number;
  /**
   * The worker module to run instead of the one beside this file (benchmarks run from the TypeScript sources and
   * point it at the compiled worker.js, so they measure the service's workers, not the tsx loader).
   */
  workerUrl?: URL;
  /**
   * Each worker's V8 heap limits (node:worker_threads resourceLimits). A worker that reaches its old-generation
   * limit ends (ERR_WORKER_OUT_OF_MEMORY) like a crash: its batch is answered 503 and it is replaced.
   */
  resourceLimits?: ResourceLimits;
}

/** One detect() call: its chunks' results in job order, answered once every chunk is back or one failed. */
interface Batch {
  results: Array<DetectResult[] | undefined>;
  /** Chunks not answered yet. */
  left: number;
  /** Chunks not yet running (queued, or posted behind another chunk): the batch is waiting while any is. */
  unstarted: number;
  settled: boolean;
  resolve: (o: PoolOutcome) => void;
}

/** A contiguous run of a batch's jobs, the unit a worker runs. */
interface Chunk {
  batch: Batch;
  part: number;
  jobs: DetectJob[];
}

interface Posted {
  id: number;
  chunk: Chunk;
  /** Armed for the chunk the worker is running (the first posted): the deadline counts from when it starts. */
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker?: Worker;
  ready: boolean;
  /** Chunks posted to the worker and not answered, in the order it runs them; the first is running. */
  posted: Posted[];
  /** Memory reports asked of this worker and not yet answered (memory()): at most one per caller. */
  memoryWaiters: Map<number, (m: WorkerMemory | undefined) => void>;
}

/** Chunks a batch is cut into per worker: a worker that is done takes the next, so the workers finish together. */
const CHUNKS_PER_WORKER = 4;
/** No chunk smaller than this many jobs (a message each way per chunk). */
const MIN_CHUNK_JOBS = 4;
/**
 * Chunks posted to one worker at a time: the next one waits in the worker's port while it runs the first, so the
 * worker does not idle for the main thread to answer and post again.
 */
const POSTED_PER_WORKER = 2;

/** The worker file: the compiled worker.js beside this module, or, from the TypeScript sources, worker.ts via tsx. */
function spawnWorker(init: PoolWorkerInit, workerUrl?: URL, resourceLimits: ResourceLimits = {}): Worker {
  // A compiled worker runs as the service's does: without the parent's loader flags (a benchmark runs from the
  // sources with --import tsx and --conditions=@tracehound/source, which would resolve the workspace packages to .ts).
  if (workerUrl) return new Worker(workerUrl, { workerData: init, execArgv: [], resourceLimits });
  // From the sources, workspace packages resolve to their sources too (as under Vitest), not to a stale dist/.
  return startWorker(
    { js: new URL('./worker.js', import.meta.url), ts: new URL('./worker.ts', import.meta.url) },
    init,
    { execArgv: ['--conditions=@tracehound/source'] },
    { resourceLimits },
  );
}

const textSize = (j: DetectJob): number => j.texts.reduce((n, t) => n + t.text.length, 0) + 64;

/**
 * A pool of content-detection worker threads. A batch's jobs are cut into contiguous chunks of about equal text
 * size (a few per worker) on one shared queue; each worker runs the next chunk as soon as it is done with its own,
 * with one more posted ahead, so the workers finish a batch together and start on it before it is all sent. Results
 * come back in job order. Bounded: at most maxQueuePerWorker × workers batches wait (have a chunk not yet running),
 * beyond which a batch is refused whole and counted (queue_full). A chunk that runs past timeoutMs, or a worker that
 * crashes, fails its batch (timeout, crashed; the batch's chunks still queued are dropped) and the worker is
 * replaced; chunks of other batches posted behind it go back to the queue. detect() never throws.
 *
 * Lifecycle: start() spawns the workers and waits until each built its detectors (optional: detect() starts them
 * on first use); forceFlush() waits for the chunks queued or running; shutdown() refuses what is queued and
 * terminates the workers (idempotent).
 */
export class DetectionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Chunk[] = [];
  /** Batches with a chunk not yet running (the bound of maxQueuePerWorker × workers). */
  private waiting = 0;
  private nextId = 1;
  private closed = false;
  /** A worker reported it cannot build its detectors (bad config or models): not retried. */
  private broken = false;
  private started?: Promise<void>;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly opts: DetectionPoolOptions) {
    for (let i = 0; i < Math.max(1, opts.workers); i++)
      this.slots.push({ ready: false, posted: [], memoryWaiters: new Map() });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Spawns every worker; resolves once each is ready, rejects when one cannot build its detectors. */
  start(): Promise<void> {
    this.started ??= Promise.all(this.slots.map((s) => this.spawn(s))).then(() => undefined);
    return this.started;
  }

  detect(jobs: DetectJob[]): Promise<PoolOutcome> {
    if (this.closed) return Promise.resolve(this.fail('shutdown'));
    if (jobs.length === 0) return Promise.resolve({ ok: true, results: [] });
    if (!this.started) this.start().catch(() => undefined);
    // A worker that cannot build its detectors is not restarted: with none left, refuse at once instead of queuing.
    if (this.broken && this.slots.every((s) => !s.worker)) return Promise.resolve(this.fail('crashed'));
    if (this.waiting >= this.opts.maxQueuePerWorker * this.slots.length)
      return Promise.resolve(this.fail('queue_full'));
    const parts = this.split(jobs);
    return new Promise<PoolOutcome>((resolve) => {
      const batch: Batch = {
        results: parts.map(() => undefined),
        left: parts.length,
        unstarted: parts.length,
        settled: false,
        resolve,
      };
      this.waiting++;
      parts.forEach((p, part) => this.queue.push({ batch, part, jobs: p }));
      this.updateDepth();
      for (const s of this.slots) this.dispatch(s);
    });
  }

  /**
   * Each worker's memory (protocol.ts WorkerMemory), answered after the part it is running; undefined for a worker
   * not running or that does not answer within timeoutMs. For benchmarks and diagnostics; never throws.
   */
  memory(): Promise<Array<WorkerMemory | undefined>> {
    return Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<WorkerMemory | undefined>((resolve) => {
            const worker = slot.worker;
            if (this.closed || !worker || !slot.ready) return resolve(undefined);
            const id = this.nextId++;
            const timer = setTimeout(() => done(undefined), this.opts.timeoutMs);
            timer.unref();
            const done = (m: WorkerMemory | undefined) => {
              clearTimeout(timer);
              slot.memoryWaiters.delete(id);
              resolve(m);
            };
            slot.memoryWaiters.set(id, done);
            try {
              worker.postMessage({ type: 'memory', id } satisfies ToPoolWorker);
            } catch {
              done(undefined);
            }
          }),
      ),
    );
  }

  /** Resolves once no part is queued or running. */
  forceFlush(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.queue.splice(0)) this.failBatch(c.batch, 'shutdown');
    await Promise.all(
      this.slots.map((s) => {
        for (const p of s.posted.splice(0)) {
          clearTimeout(p.timer);
          this.failBatch(p.chunk.batch, 'shutdown');
        }
        for (const done of [...s.memoryWaiters.values()]) done(undefined);
        const w = s.worker;
        s.worker = undefined;
        return w
          ? w.terminate().then(
              () => undefined,
              () => undefined,
            )
          : Promise.resolve();
      }),
    );
    this.updateDepth();
    this.notifyIdle();
  }

  /** Contiguous chunks of about equal text size, a few per worker, none below MIN_CHUNK_JOBS jobs unless all are. */
  private split(jobs: DetectJob[]): DetectJob[][] {
    const sizes = jobs.map(textSize);
    const total = sizes.reduce((a, b) => a + b, 0);
    const n = Math.max(
      1,
      Math.min(this.slots.length * CHUNKS_PER_WORKER, Math.floor(jobs.length / MIN_CHUNK_JOBS), jobs.length),
    );
    const target = total / n;
    const parts: DetectJob[][] = [];
    let cur: DetectJob[] = [];
    let size = 0;
    jobs.forEach((j, i) => {
      cur.push(j);
      size += sizes[i]!;
      // Cut where the running total passes the next multiple of target, so a large job does not shift every cut.
      if (size >= target * (parts.length + 1) && parts.length < n - 1) {
        parts.push(cur);
        cur = [];
      }
    });
    if (cur.length > 0) parts.push(cur);
    return parts;
  }

  private fail(reason: PoolFailure): { ok: false; reason: PoolFailure } {
    this.opts.metrics?.dropped.inc({ reason });
    return { ok: false, reason };
  }

  private spawn(slot: Slot): Promise<void> {
    return new Promise((resolve, reject) => {
      let worker: Worker;
      try {
        worker = spawnWorker(this.opts.init, this.opts.workerUrl, this.opts.resourceLimits);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      worker.unref();
      slot.worker = worker;
      slot.ready = false;
      let settled = false;
      worker.on('message', (msg: FromPoolWorker) => {
        if (slot.worker !== worker) return;
        if (msg.type === 'ready') {
          slot.ready = true;
          settled = true;
          resolve();
          this.dispatch(slot);
        } else if (msg.type === 'init-error') {
          settled = true;
          this.broken = true;
          reject(new Error(`a detection worker could not build its detectors: ${msg.message}`));
          this.lost(slot, worker, false);
        } else if (msg.type === 'memory') {
          slot.memoryWaiters.get(msg.id)?.(msg.memory);
        } else if (msg.type === 'result' && slot.posted[0]?.id === msg.id) {
          for (const [detector, name] of msg.failures) this.opts.onDetectorError?.(detector, name);
          this.finishRunning(slot, msg.results);
          this.dispatch(slot);
        }
      });
      worker.on('error', () => {
        if (!settled) {
          settled = true;
          reject(new Error('a detection worker failed to start'));
        }
        this.lost(slot, worker, true);
      });
      worker.on('exit', () => {
        if (!settled) {
          settled = true;
          reject(new Error('a detection worker exited while starting'));
        }
        this.lost(slot, worker, true);
      });
    });
  }

  /**
   * The slot's worker is gone (crashed, exited, timed out, or could not initialise): the chunk it was running fails
   * its batch, the chunks posted behind it go back to the front of the queue, and a replacement is started. When a
   * worker died before it was ready and no worker is ready, the queued chunks fail too (they would otherwise wait on
   * a worker that may never start); it is restarted after a delay.
   */
  private lost(slot: Slot, worker: Worker, crashed: boolean, reason: PoolFailure = 'crashed'): void {
    if (slot.worker !== worker) return;
    const wasReady = slot.ready;
    slot.worker = undefined;
    slot.ready = false;
    void worker.terminate().catch(() => 0);
    for (const done of [...slot.memoryWaiters.values()]) done(undefined);
    const [running, ...behind] = slot.posted.splice(0);
    if (running) {
      clearTimeout(running.timer);
      this.failBatch(running.chunk.batch, reason);
    }
    this.queue.unshift(...behind.map((p) => p.chunk).filter((c) => !c.batch.settled));
    if (this.closed) return;
    if (!wasReady && !this.slots.some((s) => s.ready))
      for (const c of this.queue.splice(0)) this.failBatch(c.batch, 'crashed');
    this.updateDepth();
    for (const s of this.slots) this.dispatch(s);
    this.notifyIdle();
    if (!crashed && !wasReady) return; // cannot build its detectors: retrying will not help
    this.opts.metrics?.restarts.inc();
    const respawn = () => {
      if (!this.closed && !slot.worker) this.spawn(slot).catch(() => undefined);
    };
    if (wasReady) respawn();
    else setTimeout(respawn, this.opts.respawnDelayMs ?? 1000).unref();
  }

  /** Posts queued chunks to the slot's worker until it has POSTED_PER_WORKER; chunks of a failed batch are dropped. */
  private dispatch(slot: Slot): void {
    while (slot.ready && slot.worker && slot.posted.length < POSTED_PER_WORKER && this.queue.length > 0) {
      const chunk = this.queue.shift()!;
      if (chunk.batch.settled) continue;
      const id = this.nextId++;
      const posted: Posted = { id, chunk };
      slot.posted.push(posted);
      if (slot.posted.length === 1) this.markRunning(slot, posted);
      const msg: ToPoolWorker = { type: 'run', id, jobs: chunk.jobs.map(packJob) };
      try {
        slot.worker.postMessage(msg);
      } catch {
        // A job that cannot be cloned (never for a normalized Interaction): its batch fails, the worker stays.
        slot.posted.pop();
        clearTimeout(posted.timer);
        this.failBatch(chunk.batch, 'crashed');
      }
    }
    this.updateDepth();
    this.notifyIdle();
  }

  /** The slot's first posted chunk is running: its batch is no longer waiting once all its chunks are; deadline armed. */
  private markRunning(slot: Slot, posted: Posted): void {
    const batch = posted.chunk.batch;
    if (--batch.unstarted === 0 && !batch.settled) this.waiting--;
    const worker = slot.worker!;
    posted.timer = setTimeout(() => {
      if (slot.posted[0] !== posted) return;
      // The chunk may still be burning CPU: the worker is terminated and replaced, which bounds the budget.
      this.lost(slot, worker, true, 'timeout');
    }, this.opts.timeoutMs);
    posted.timer.unref();
  }

  /** The running chunk is answered: its batch is resolved when complete; the next posted one runs. */
  private finishRunning(slot: Slot, result: DetectResult[]): void {
    const head = slot.posted.shift();
    if (!head) return;
    clearTimeout(head.timer);
    const { batch, part } = head.chunk;
    if (!batch.settled) {
      batch.results[part] = result;
      if (--batch.left === 0) {
        batch.settled = true;
        const results: DetectResult[] = [];
        for (const r of batch.results) for (const x of r!) results.push(x);
        batch.resolve({ ok: true, results });
      }
    }
    const next = slot.posted[0];
    if (next && slot.worker) this.markRunning(slot, next);
    this.notifyIdle();
  }

  /** A batch fails whole, once: counted, resolved, and its chunks still queued are dropped. */
  private failBatch(batch: Batch, reason: PoolFailure): void {
    if (batch.settled) return;
    batch.settled = true;
    if (batch.unstarted > 0) this.waiting--;
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.batch === batch) this.queue.splice(i, 1);
    batch.resolve(this.fail(reason));
  }

  private idle(): boolean {
    return this.queue.length === 0 && this.slots.every((s) => s.posted.length === 0);
  }

  private notifyIdle(): void {
    if (!this.idle()) return;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private updateDepth(): void {
    this.opts.metrics?.queueDepth.set(
      this.queue.length + this.slots.reduce((n, s) => n + Math.max(0, s.posted.length - 1), 0),
    );
  }
}
