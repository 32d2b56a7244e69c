/**
 * The findings store (docs/console.md § The store): embedded SQLite holding findings, span summaries as captured,
 * sessions, analyst verdicts, API suppressions and the review queue, bounded by rows, bytes and age.
 */
export { FindingsStore } from './findings-store.js';
export { SpanRecorder } from './span-recorder.js';
export { storeDefaults, type StoreConfig } from './config.js';
export { decodeCursor } from './queries.js';
