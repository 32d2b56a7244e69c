import type { LogBatch, TraceBatch } from '@tracehound/core';

/**
 * A pipeline stage between decode and forward. Pass-through is the empty pipeline.
 * Contract (after opentelemetry-js SpanProcessor): process* must not throw for any input; errors are counted and the
 * batch is forwarded as received. forceFlush settles pending work; shutdown releases resources and is idempotent.
 */
export interface PipelineStage {
  readonly name: string;
  processTraces?(batch: TraceBatch): void | Promise<void>;
  processLogs?(batch: LogBatch): void | Promise<void>;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}
