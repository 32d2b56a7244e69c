/**
 * One content-detection worker thread: builds the content detectors from the detection config once, then answers
 * batches of jobs (an Interaction and its texts) with their detections. Stateless: behavioral detection, trace
 * correlation, scoring and enrichment stay on the main thread (detection-stage.ts).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { createContentRunner, type ContentRunner } from '../../detect/content-runner.js';
import type { ContentDetector } from '../../detect/detector.js';
import type { DetectionConfig } from '../../detect/config.js';
import { expandTexts } from '../../detect/injection/expand.js';
import { unpackJob } from './protocol.js';
import type { DetectResult, FromPoolWorker, PoolWorkerInit, ToPoolWorker, WorkerMemory } from './protocol.js';

const init = workerData as PoolWorkerInit;
const port = parentPort!;
const post = (m: FromPoolWorker) => port.postMessage(m);

/** Garbage collections of this thread (the gc entries are per isolate), for the memory report. */
const gc = { count: 0, ms: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.count++;
    gc.ms += e.duration;
  }
}).observe({ entryTypes: ['gc'] });

function memory(): WorkerMemory {
  const m = process.memoryUsage();
  const spaces: WorkerMemory['spaces'] = {};
  for (const s of getHeapSpaceStatistics()) spaces[s.space_name] = { size: s.space_size, used: s.space_used_size };
  const { heapUsed, heapTotal, external, arrayBuffers } = m;
  return { heapUsed, heapTotal, external, arrayBuffers, spaces, gc: { ...gc } };
}

async function main(): Promise<void> {
  let runner: ContentRunner;
  const failures: Array<[string, string]> = [];
  try {
    const factories = init.detectorsModule
      ? (
          (await import(init.detectorsModule)) as {
            detectorFactories: ReadonlyArray<(c: DetectionConfig) => ContentDetector>;
          }
        ).detectorFactories
      : undefined;
    runner = createContentRunner(init.detection, { expand: expandTexts, ...(factories ? { factories } : {}) });
  } catch (err) {
    post({ type: 'init-error', message: err instanceof Error ? err.message.slice(0, 300) : 'init failed' });
    return;
  }
  runner.onError = (detector, err) => {
    // The class name only: an error message can carry content.
    if (failures.length < 1000) failures.push([detector, err instanceof Error ? err.name : typeof err]);
  };
  port.on('message', (msg: ToPoolWorker) => {
    if (msg.type === 'memory') {
      post({ type: 'memory', id: msg.id, memory: memory() });
      return;
    }
    const results: DetectResult[] = [];
    for (const wire of msg.jobs) {
      const job = unpackJob(wire);
      const before = runner.stats.truncatedTexts;
      // runTexts never throws (each detector is contained); a job that still did would fail only this batch.
      const detections = runner.runTexts(job.ix, job.texts);
      results.push({ detections, truncated: runner.stats.truncatedTexts - before });
    }
    post({ type: 'result', id: msg.id, results, failures: failures.splice(0) });
  });
  post({ type: 'ready' });
}

void main();
