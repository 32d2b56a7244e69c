/** The forensic archive: tamper-evident, hash-chained, signed storage of findings (docs/archive.md). */
export type { ArchiveConfig } from './config.js';
export { createArchive, type Archive } from './writer.js';
export { findingRecord } from './records.js';
export { verifyArchive } from './verify.js';
export { exportBundle } from './export.js';
