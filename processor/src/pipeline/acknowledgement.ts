import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Effects of a batch that may happen only once the batch is acknowledged to its client: handing its findings to the
 * sinks (findings file, console, archive, webhooks) and queueing its finding log records for the next hop. While the
 * stages run on a batch (pipeline/runner.ts) such effects are held; the transport commits them when it answers the
 * client 2xx and discards them when it answers 429/503/400 — so a batch the client retries (next hop down, overload,
 * a failed stage) emits its findings once, on the attempt that is acknowledged, not once per attempt.
 *
 * Outside a batch (offline `scan`, the in-process guard) deferred effects run at once.
 */
export class BatchEffects {
  private pending: Array<() => void> = [];
  private settled = false;

  /** Holds `effect` until commit(). Once settled (a stage abandoned at its deadline may still run), it is dropped. */
  defer(effect: () => void): void {
    if (this.settled) return;
    this.pending.push(effect);
  }

  /** Number of effects waiting. */
  get size(): number {
    return this.pending.length;
  }

  /** The batch was acknowledged: run every held effect (in order; one that throws does not stop the others). */
  commit(): void {
    if (this.settled) return;
    this.settled = true;
    const effects = this.pending;
    this.pending = [];
    for (const effect of effects) {
      try {
        effect();
      } catch {
        // Effects are sink writes and queue appends, which do not throw by contract; one that does is contained.
      }
    }
  }

  /** The batch was refused: its effects never happen (the client sends it again). */
  discard(): void {
    this.settled = true;
    this.pending = [];
  }
}

const current = new AsyncLocalStorage<BatchEffects>();

/** Runs `fn` (a stage call on one batch) so that effects deferred inside it, sync or async, belong to `effects`. */
export function withBatchEffects<T>(effects: BatchEffects, fn: () => T): T {
  return current.run(effects, fn);
}

/** Defers `effect` until the batch being processed is acknowledged; outside a batch, runs it now. */
export function afterAcknowledged(effect: () => void): void {
  const effects = current.getStore();
  if (effects) effects.defer(effect);
  else effect();
}
