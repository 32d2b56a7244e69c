/**
 * Messages between the detection pool (main thread, detection-pool.ts) and its workers (worker.ts). Everything is
 * structured-clonable: the normalized Interaction and the texts to scan go in, the content detections come out. No
 * OTLP bytes cross the boundary: the main thread keeps the request, the workers only read text. A text to scan is
 * usually a field of the Interaction itself; structured clone copies a string once per reference, so such a text
 * crosses as a reference to its field (packJob / unpackJob) and is copied once, with the Interaction.
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

/**
 * Where a text to scan lies in its Interaction: [field, i, k] — 0 systemInstructions, 1 input[i].content,
 * 2 documents[i].content, 3 output[i].content, 4 output[i].toolCalls[k].arguments, 5 tool.arguments, 6 tool.result.
 */
export type TextRef = readonly [field: number, i: number, k: number];

/** A ChannelText on the wire: its text inline, or (ref) the Interaction field that holds exactly that string. */
export interface WireText {
  channel: ChannelText['channel'];
  origin: string;
  index?: number;
  text?: string;
  ref?: TextRef;
}

export interface WireJob {
  ix: Interaction;
  texts: WireText[];
}

function field(ix: Interaction, [f, i, k]: TextRef): string | undefined {
  switch (f) {
    case 0:
      return ix.systemInstructions;
    case 1:
      return ix.input[i]?.content;
    case 2:
      return ix.documents[i]?.content;
    case 3:
      return ix.output[i]?.content;
    case 4:
      return ix.output[i]?.toolCalls?.[k]?.arguments;
    case 5:
      return ix.tool?.arguments;
    case 6:
      return ix.tool?.result;
    default:
      return undefined;
  }
}

/** Candidate fields of a text by its channel and index (channelTexts' layout), most likely first. */
function candidates(ix: Interaction, t: ChannelText): TextRef[] {
  const i = t.index;
  if (i === undefined) {
    if (t.channel === 'system') return [[0, 0, 0]];
    if (t.channel === 'tool_call') return [[5, 0, 0]];
    if (t.channel === 'tool_result') return [[6, 0, 0]];
    return [];
  }
  switch (t.channel) {
    case 'system':
    case 'prompt':
      return [[1, i, 0]];
    case 'tool_result':
      return [[1, i, 0]];
    case 'document':
      return [[2, i, 0]];
    case 'output':
      return [[3, i, 0]];
    case 'tool_call':
      return (ix.output[i]?.toolCalls ?? []).map((_, k) => [4, i, k] as const);
    default:
      return [];
  }
}

/**
 * A job for postMessage: each text that is (the same string as) a field of the Interaction goes as a reference to
 * that field, any other text (derived, truncated, or from elsewhere) inline. Pure; the job is not changed.
 */
export function packJob(job: DetectJob): WireJob {
  const texts = job.texts.map((t): WireText => {
    const w: WireText = { channel: t.channel, origin: t.origin };
    if ('index' in t) w.index = t.index;
    for (const ref of candidates(job.ix, t))
      if (field(job.ix, ref) === t.text) {
        w.ref = ref;
        return w;
      }
    w.text = t.text;
    return w;
  });
  return { ix: job.ix, texts };
}

/** The worker's side of packJob: the same texts (same keys, same order), each reference resolved in the clone. */
export function unpackJob(w: WireJob): DetectJob {
  const texts = w.texts.map((t): ChannelText => {
    const text = t.ref ? (field(w.ix, t.ref) ?? '') : (t.text ?? '');
    return 'index' in t
      ? { channel: t.channel, text, origin: t.origin, index: t.index }
      : { channel: t.channel, text, origin: t.origin };
  });
  return { ix: w.ix, texts };
}

export type ToPoolWorker = { type: 'run'; id: number; jobs: WireJob[] } | { type: 'memory'; id: number };

export type FromPoolWorker =
  | { type: 'ready' }
  | { type: 'init-error'; message: string }
  /** `failures`: detector id → error class name, one entry per failure (counted and logged by the main thread). */
  | { type: 'result'; id: number; results: DetectResult[]; failures: Array<[string, string]> }
  | { type: 'memory'; id: number; memory: WorkerMemory };
