/**
 * Starting a worker thread from the compiled file when there is one, or else from its TypeScript source through tsx
 * (tests, benchmarks and scripts run from the sources): the one place the data-URL boot that registers tsx inside the
 * new thread is written.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker running `js` when that file exists (undefined: always the source), else `ts` through tsx. `tsOptions` are
 * added to the worker's options only in the second case (e.g. execArgv with the source export condition); `options`
 * in both (e.g. resourceLimits).
 */
export function startWorker(
  files: { js?: URL; ts: URL },
  workerData: unknown,
  tsOptions: Omit<WorkerOptions, 'workerData'> = {},
  options: Omit<WorkerOptions, 'workerData'> = {},
): Worker {
  if (files.js && existsSync(fileURLToPath(files.js))) return new Worker(files.js, { ...options, workerData });
  // The ESM entry of tsx/esm/api (require.resolve finds its CommonJS twin beside it).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(files.ts.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    ...options,
    ...tsOptions,
    workerData,
  });
}
