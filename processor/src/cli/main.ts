#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import type { CliIO } from './command.js';
import { dispatch, EXIT_FAILURE } from './dispatch.js';
import { isTracehoundError } from '../errors.js';

/** The `tracehound` executable: wires the process (argv, stdio, signals, exit code) to dispatch(). */

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const io: CliIO = {
  out: (text) =>
    new Promise<void>((resolve, reject) => {
      // Resolve once the chunk is handed to the OS, so large outputs are not buffered whole in memory.
      process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
    }),
  err: (text) => {
    process.stderr.write(text);
  },
  env: process.env,
  untilSignal: () =>
    new Promise((resolve) => {
      const on = (signal: NodeJS.Signals) => {
        process.off('SIGTERM', on);
        process.off('SIGINT', on);
        resolve(signal);
      };
      process.on('SIGTERM', on);
      process.on('SIGINT', on);
    }),
};

// `tracehound scan ... | head` closes stdout early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

dispatch(process.argv.slice(2), io, version()).then(
  (code) => {
    process.exitCode = code;
    // Exit even if a library left a handle open after a clean shutdown (unref: never delays a natural exit).
    setTimeout(() => process.exit(code), 2000).unref();
  },
  (err: unknown) => {
    const code = isTracehoundError(err) ? err.code : 'unexpected error';
    process.stderr.write(`tracehound: ${code}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
