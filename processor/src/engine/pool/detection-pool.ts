import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
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
  /** Batch parts waiting per worker; beyond it a batch is refused (queue_full) and counted. Drops count batches. */
  maxQueuePerWorker: number;
  /** Longest one batch part may run in a worker; past it the worker is terminated and replaced (timeout). */
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
}

interface Task {
  jobs: DetectJob[];
  resolve: (r: { ok: true; results: DetectResult[] } | { ok: false; reason: PoolFailure }) => void;
}

interface Slot {
  worker?: Worker;
  ready: boolean;
  queue: Task[];
  busy?: { id: number; task: Task; timer: NodeJS.Timeout };
  /** Text characters queued or running: where the next part goes. */
  load: number;
  /** Memory reports asked of this worker and not yet answered (memory()): at most one per caller. */
  memoryWaiters: Map<number, (m: WorkerMemory | undefined) => void>;
}

/** The worker file: the compiled worker.js beside this module, or, from the TypeScript sources, worker.ts via tsx. */
function spawnWorker(init: PoolWorkerInit, workerUrl?: URL): Worker {
  // A compiled worker runs as the service's does: without the parent's loader flags (a benchmark runs from the
  // sources with --import tsx and --conditions=@tracehound/source, which would resolve the workspace packages to .ts).
  if (workerUrl) return new Worker(workerUrl, { workerData: init, execArgv: [] });
  const js = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData: init });
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const ts = new URL('./worker.ts', import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(ts)});`;
  // From the sources, workspace packages resolve to their sources too (as under Vitest), not to a stale dist/.
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: init,
    execArgv: ['--conditions=@tracehound/source'],
  });
}

const textSize = (j: DetectJob): number => j.texts.reduce((n, t) => n + t.text.length, 0) + 64;

/**
 * A pool of content-detection worker threads. A batch's jobs are split into one part per worker (balanced by text
 * size) and each part queued on the least-loaded worker; its results come back in job order. Bounded: a worker holds
 * at most maxQueuePerWorker parts, beyond which the batch is refused and counted (queue_full). A part that runs past
 * timeoutMs, or a worker that crashes, fails its batch (timeout, crashed) and the worker is replaced; the other parts
 * queued on it wait for the replacement. detect() never throws.
 *
 * Lifecycle: start() spawns the workers and waits until each built its detectors (optional: detect() starts them
 * on first use); forceFlush() waits for the parts queued or running; shutdown() refuses what is queued and
 * terminates the workers (idempotent).
 */
export class DetectionPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;
  /** A worker reported it cannot build its detectors (bad config or models): not retried. */
  private broken = false;
  private started?: Promise<void>;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly opts: DetectionPoolOptions) {
    for (let i = 0; i < Math.max(1, opts.workers); i++)
      this.slots.push({ ready: false, queue: [], load: 0, memoryWaiters: new Map() });
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
    const parts = this.split(jobs);
    // Workers being replaced take parts only when no other worker is there.
    const anyUp = this.slots.some((s) => s.worker);
    // Place every part before queuing any: a batch is refused whole, never half-queued.
    const loads = this.slots.map((s) => s.load);
    const counts = this.slots.map((s) => s.queue.length);
    const placement: number[] = [];
    for (const part of parts) {
      let best = -1;
      for (let i = 0; i < this.slots.length; i++) {
        if (counts[i]! >= this.opts.maxQueuePerWorker || (anyUp && !this.slots[i]!.worker)) continue;
        if (best < 0 || loads[i]! < loads[best]!) best = i;
      }
      if (best < 0) return Promise.resolve(this.fail('queue_full'));
      placement.push(best);
      loads[best]! += part.size;
      counts[best]!++;
    }
    const outcomes = parts.map(
      (part, p) =>
        new Promise<PoolOutcome>((resolve) => {
          const slot = this.slots[placement[p]!]!;
          slot.queue.push({ jobs: part.jobs, resolve });
          slot.load += part.size;
        }),
    );
    this.updateDepth();
    for (const s of this.slots) this.dispatch(s);
    return Promise.all(outcomes).then((all) => {
      const failed = all.find((o): o is { ok: false; reason: PoolFailure } => !o.ok);
      if (failed) return this.fail(failed.reason);
      const results: DetectResult[] = [];
      for (const o of all) if (o.ok) for (const r of o.results) results.push(r);
      return { ok: true, results };
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
    await Promise.all(
      this.slots.map((s) => {
        for (const t of s.queue.splice(0)) this.resolveTask(s, t, 'shutdown');
        if (s.busy) this.finishBusy(s, 'shutdown');
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

  /** Contiguous parts, one per worker at most, of about equal text size (results keep job order). */
  private split(jobs: DetectJob[]): Array<{ jobs: DetectJob[]; size: number }> {
    const sizes = jobs.map(textSize);
    const total = sizes.reduce((a, b) => a + b, 0);
    const n = Math.min(this.slots.length, jobs.length);
    const target = total / n;
    const parts: Array<{ jobs: DetectJob[]; size: number }> = [];
    let cur: { jobs: DetectJob[]; size: number } = { jobs: [], size: 0 };
    jobs.forEach((j, i) => {
      cur.jobs.push(j);
      cur.size += sizes[i]!;
      if (cur.size >= target && parts.length < n - 1) {
        parts.push(cur);
        cur = { jobs: [], size: 0 };
      }
    });
    if (cur.jobs.length > 0) parts.push(cur);
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
        worker = spawnWorker(this.opts.init, this.opts.workerUrl);
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
        } else if (msg.type === 'result' && slot.busy?.id === msg.id) {
          for (const [detector, name] of msg.failures) this.opts.onDetectorError?.(detector, name);
          this.finishBusy(slot, msg.results);
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
   * The slot's worker is gone (crashed, exited, timed out, or could not initialise): its running part fails, and a
   * replacement is started. A worker that died before it was ready fails the parts queued on it too (they would
   * otherwise wait on a worker that may never start) and is restarted after a delay.
   */
  private lost(slot: Slot, worker: Worker, crashed: boolean): void {
    if (slot.worker !== worker) return;
    const wasReady = slot.ready;
    slot.worker = undefined;
    slot.ready = false;
    void worker.terminate().catch(() => 0);
    for (const done of [...slot.memoryWaiters.values()]) done(undefined);
    if (slot.busy) this.finishBusy(slot, 'crashed');
    if (this.closed) return;
    if (!wasReady) for (const t of slot.queue.splice(0)) this.resolveTask(slot, t, 'crashed');
    this.updateDepth();
    this.notifyIdle();
    if (!crashed && !wasReady) return; // cannot build its detectors: retrying will not help
    this.opts.metrics?.restarts.inc();
    const respawn = () => {
      if (!this.closed && !slot.worker) this.spawn(slot).catch(() => undefined);
    };
    if (wasReady) respawn();
    else setTimeout(respawn, this.opts.respawnDelayMs ?? 1000).unref();
  }

  private dispatch(slot: Slot): void {
    if (!slot.ready || slot.busy || !slot.worker || slot.queue.length === 0) return;
    const task = slot.queue.shift()!;
    const id = this.nextId++;
    const worker = slot.worker;
    const timer = setTimeout(() => {
      if (slot.busy?.id !== id) return;
      this.finishBusy(slot, 'timeout');
      // The part may still be burning CPU: the worker is terminated and replaced, which bounds the budget.
      this.lost(slot, worker, true);
    }, this.opts.timeoutMs);
    timer.unref();
    slot.busy = { id, task, timer };
    this.updateDepth();
    const msg: ToPoolWorker = { type: 'run', id, jobs: task.jobs };
    try {
      worker.postMessage(msg);
    } catch {
      // A job that cannot be cloned (never for a normalized Interaction): its batch fails, the worker stays.
      this.finishBusy(slot, 'crashed');
      this.dispatch(slot);
    }
  }

  private finishBusy(slot: Slot, result: DetectResult[] | PoolFailure): void {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    this.resolveTask(slot, busy.task, result);
    this.notifyIdle();
  }

  private resolveTask(slot: Slot, task: Task, result: DetectResult[] | PoolFailure): void {
    slot.load = Math.max(0, slot.load - task.jobs.reduce((n, j) => n + textSize(j), 0));
    task.resolve(typeof result === 'string' ? { ok: false, reason: result } : { ok: true, results: result });
  }

  private idle(): boolean {
    return this.slots.every((s) => !s.busy && s.queue.length === 0);
  }

  private notifyIdle(): void {
    if (!this.idle()) return;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private updateDepth(): void {
    this.opts.metrics?.queueDepth.set(this.slots.reduce((n, s) => n + s.queue.length, 0));
  }
}
