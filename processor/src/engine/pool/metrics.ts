import type { Registry } from 'prom-client';
import { getOrCreateCounter, getOrCreateGauge } from '../../metrics/registry.js';

/** Metrics of the content-detection worker pool (docs/metrics.md). Labels from closed sets only. */
export function createPoolMetrics(registry: Registry) {
  return {
    dropped: getOrCreateCounter<'reason'>(registry, {
      name: 'tracehound_detection_pool_dropped_total',
      help: 'Batches the detection workers did not analyse (answered 503, the client retries): queue_full, timeout, crashed, shutdown.',
      labelNames: ['reason'],
    }),
    restarts: getOrCreateCounter(registry, {
      name: 'tracehound_detection_pool_restarts_total',
      help: 'Detection workers replaced after they crashed or exceeded the batch deadline.',
    }),
    queueDepth: getOrCreateGauge(registry, {
      name: 'tracehound_detection_pool_queue_depth',
      help: 'Batch chunks waiting for a detection worker (queued, or posted behind the chunk a worker runs; all workers).',
    }),
  };
}

export type PoolMetrics = ReturnType<typeof createPoolMetrics>;
