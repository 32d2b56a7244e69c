import type { LogBatch, TraceBatch } from '@tracehound/core';

/**
 * A pipeline stage between decode and forward. Pass-through is the empty pipeline.
 * Contract (after opentelemetry-js SpanProcessor): process* must not throw for any input; if one does anyway, it is
 * counted and the batch is refused with 503 (the pipeline fails closed: runner.ts). forceFlush settles pending work;
 * shutdown releases resources and is idempotent.
 */
export interface PipelineStage {
  readonly name: string;
  processTraces?(batch: TraceBatch): void | Promise<void>;
  processLogs?(batch: LogBatch): void | Promise<void>;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}
