/**
 * Messages between the detection pool (main thread, detection-pool.ts) and its workers (worker.ts). Everything is
 * structured-clonable: the normalized Interaction and the texts to scan go in, the content detections come out. No
 * OTLP bytes cross the boundary: the main thread keeps the request, the workers only read text.
 */
import type { Detection, Interaction } from '@tracehound/core';
import type { DetectionConfig } from '../../detect/config.js';
import type { ChannelText } from '../../detect/detector.js';

export interface PoolWorkerInit {
  /** The validated detection config (the same one the main thread's detectors were built from). */
  detection: DetectionConfig;
  /**
   * A module URL whose `detectorFactories` export replaces the registry's (detect/registry.ts). Tests use it to put a
   * detector that hangs or crashes into a real worker; the service never sets it.
   */
  detectorsModule?: string;
}

/** One span's content detection: its Interaction (read by detectors for context) and the texts still to scan. */
export interface DetectJob {
  ix: Interaction;
  texts: ChannelText[];
}

export interface DetectResult {
  /** The detections of the content runner (detect/content-runner.ts), before deduplication. */
  detections: Detection[];
  /** Texts longer than maxTextBytes, scanned as head and tail only (the span is marked partially scanned). */
  truncated: number;
}

/**
 * What one worker thread holds (bytes), answered between batches: its V8 heap by space, the memory V8 tracks outside
 * the heap (external, of which arrayBuffers: typed arrays such as the prefilter automaton and model weights), and
 * the garbage collections since the worker started. The process's RSS is shared by every thread, so it is not here.
 */
export interface WorkerMemory {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** V8 heap space name (new_space, old_space, code_space, large_object_space…) → committed and used bytes. */
  spaces: Record<string, { size: number; used: number }>;
  gc: { count: number; ms: number };
}

export type ToPoolWorker = { type: 'run'; id: number; jobs: DetectJob[] } | { type: 'memory'; id: number };

export type FromPoolWorker =
  | { type: 'ready' }
  | { type: 'init-error'; message: string }
  /** `failures`: detector id → error class name, one entry per failure (counted and logged by the main thread). */
  | { type: 'result'; id: number; results: DetectResult[]; failures: Array<[string, string]> }
  | { type: 'memory'; id: number; memory: WorkerMemory };
