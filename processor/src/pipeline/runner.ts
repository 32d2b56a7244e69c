import { describeError, type Logger } from '../log/logger.js';
import type { LogBatch, TraceBatch } from '@tracehound/core';
import { withBatchEffects, type BatchEffects } from './acknowledgement.js';
import type { PipelineStage } from './stage.js';

/**
 * Runs the stages in order on each batch. The pipeline fails closed: a stage that throws (or rejects) is counted and
 * logged with TH_STAGE_FAILED, its partial edits are rolled back when the batch supports checkpoints, and the batch is
 * refused (TH_STAGE_UNAVAILABLE, 503) rather than forwarded — a batch the detection and capture-mode stage could not
 * process must not leave unscanned or with raw content. Likewise a stage that never settles: the stages of one batch
 * share a deadline (stageTimeoutMs), past which the batch is abandoned (TH_STAGE_TIMEOUT). Either way the client keeps
 * the data and retries.
 */

/** Optional batch capability: the transport's batches implement it so a failing stage leaves no half-done edits. */
export interface Checkpointable<C = unknown> {
  checkpoint(): C;
  rollback(checkpoint: C): void;
}

export interface PipelineObserver {
  /** Called once per failed stage call (metrics). */
  stageFailed(stage: string, signal: 'traces' | 'logs'): void;
}

export interface PipelineOptions {
  /** Time the stages of one batch may take together before it is abandoned; unset or 0: no deadline. */
  stageTimeoutMs?: number;
  /**
   * Abandoned stage calls still pending (each holds its batch) before new batches are refused without running the
   * stages: bounds the memory a stage that never settles can pin. Default 8.
   */
  maxAbandoned?: number;
}

/**
 * How a batch went through the stages: ok; abandoned because `stage` did not settle within the deadline; or refused
 * because `stage` threw on it.
 */
export type PipelineRun =
  | { ok: true }
  | { ok: false; reason: 'timeout'; stage: string; timeoutMs: number }
  | { ok: false; reason: 'failed'; stage: string };

const OK: PipelineRun = { ok: true };
const TIMED_OUT = Symbol('timed out');

/** What one stage call did: settled, threw, or did not settle in time. */
type CallResult = 'ok' | 'failed' | 'timeout';

function canCheckpoint(b: object): b is Checkpointable {
  return (
    typeof (b as Partial<Checkpointable>).checkpoint === 'function' &&
    typeof (b as Partial<Checkpointable>).rollback === 'function'
  );
}

export class Pipeline {
  private shutdownPromise?: Promise<void>;

  private abandoned = 0;
  private stuckStage = '';

  constructor(
    readonly stages: readonly PipelineStage[],
    private readonly logger: Logger,
    private readonly observer: PipelineObserver = { stageFailed() {} },
    private readonly options: PipelineOptions = {},
  ) {}

  get empty(): boolean {
    return this.stages.length === 0;
  }

  /** Stage calls abandoned at the deadline that have not settled yet. */
  get abandonedCalls(): number {
    return this.abandoned;
  }

  /**
   * Runs the stages on a trace batch. With `effects`, what the stages defer until acknowledgement (finding sink
   * writes: acknowledgement.ts) is held there for the caller to commit or discard with its answer.
   */
  runTraces(batch: TraceBatch, effects?: BatchEffects): Promise<PipelineRun> {
    return this.run(
      'traces',
      batch,
      (stage) => (stage.processTraces ? () => stage.processTraces!(batch) : undefined),
      effects,
    );
  }

  runLogs(batch: LogBatch, effects?: BatchEffects): Promise<PipelineRun> {
    return this.run(
      'logs',
      batch,
      (stage) => (stage.processLogs ? () => stage.processLogs!(batch) : undefined),
      effects,
    );
  }

  private async run(
    signal: 'traces' | 'logs',
    batch: object,
    stageCall: (stage: PipelineStage) => (() => void | Promise<void>) | undefined,
    effects: BatchEffects | undefined,
  ): Promise<PipelineRun> {
    const callOf = (stage: PipelineStage): (() => void | Promise<void>) | undefined => {
      const call = stageCall(stage);
      return call && effects ? () => withBatchEffects(effects, call) : call;
    };
    const timeoutMs = this.options.stageTimeoutMs ?? 0;
    if (timeoutMs > 0 && this.abandoned >= (this.options.maxAbandoned ?? 8)) {
      // Stages are stuck on earlier batches: do not hand them more memory to pin.
      this.logger.error(
        { code: 'TH_STAGE_TIMEOUT', stage: this.stuckStage, signal, abandoned: this.abandoned },
        'pipeline stage stuck, batch refused',
      );
      return { ok: false, reason: 'timeout', stage: this.stuckStage, timeoutMs };
    }
    const deadline = performance.now() + timeoutMs;
    for (const stage of this.stages) {
      const call = callOf(stage);
      if (!call) continue;
      const left = timeoutMs > 0 ? Math.max(0, deadline - performance.now()) : undefined;
      const result = await this.guard(stage, signal, batch, call, left);
      if (result === 'failed') return { ok: false, reason: 'failed', stage: stage.name };
      if (result === 'timeout') {
        this.logger.error(
          { code: 'TH_STAGE_TIMEOUT', stage: stage.name, signal, timeoutMs },
          'pipeline stage did not settle before the deadline',
        );
        return { ok: false, reason: 'timeout', stage: stage.name, timeoutMs };
      }
    }
    return OK;
  }

  /** Runs one stage call; 'timeout' when it did not settle within `timeoutMs` (it is then abandoned, not cancelled). */
  private async guard(
    stage: PipelineStage,
    signal: 'traces' | 'logs',
    batch: object,
    call: () => void | Promise<void>,
    timeoutMs: number | undefined,
  ): Promise<CallResult> {
    const cp = canCheckpoint(batch) ? batch.checkpoint() : undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      // The executor runs the call synchronously, so a synchronous stage settles before any timer can fire.
      const work = new Promise<void>((resolve) => resolve(call()));
      if (timeoutMs === undefined) {
        await work;
        return 'ok';
      }
      const expired = new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
      });
      if ((await Promise.race([work, expired])) !== TIMED_OUT) return 'ok';
      this.abandoned++;
      this.stuckStage = stage.name;
      const settled = (): void => {
        this.abandoned--;
      };
      work.then(settled, settled);
      return 'timeout';
    } catch (err) {
      if (cp !== undefined && canCheckpoint(batch)) batch.rollback(cp);
      this.observer.stageFailed(stage.name, signal);
      this.logger.error(
        { code: 'TH_STAGE_FAILED', stage: stage.name, signal, answer: 'TH_STAGE_UNAVAILABLE', ...describeError(err) },
        'pipeline stage failed: batch refused, not forwarded',
      );
      return 'failed';
    } finally {
      clearTimeout(timer);
    }
  }

  /** Settles pending work of every stage; failures are logged, never thrown. */
  async forceFlush(): Promise<void> {
    await Promise.all(
      this.stages.map(async (stage) => {
        try {
          await stage.forceFlush();
        } catch (err) {
          this.logger.error(
            { code: 'TH_STAGE_FAILED', stage: stage.name, op: 'forceFlush', ...describeError(err) },
            'stage flush failed',
          );
        }
      }),
    );
  }

  /** Flushes then shuts every stage down, once (idempotent). */
  shutdown(): Promise<void> {
    this.shutdownPromise ??= (async () => {
      await this.forceFlush();
      await Promise.all(
        this.stages.map(async (stage) => {
          try {
            await stage.shutdown();
          } catch (err) {
            this.logger.error(
              { code: 'TH_STAGE_FAILED', stage: stage.name, op: 'shutdown', ...describeError(err) },
              'stage shutdown failed',
            );
          }
        }),
      );
    })();
    return this.shutdownPromise;
  }
}
