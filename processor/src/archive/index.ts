/** The forensic archive: tamper-evident, hash-chained, signed storage of findings (docs/archive.md). */
export {
  archiveConfigSchema,
  archiveDefaults,
  withArchiveDefaults,
  type ArchiveConfig,
  type FsyncPolicy,
} from './config.js';
export { createArchive, type Archive, type ArchiveDeps, type ArchiveStats } from './writer.js';
export { findingRecord, spanRecord, toJsonSafe, type ArchiveRecord } from './records.js';
export {
  verifyArchive,
  type VerifyOptions,
  type VerifyProblem,
  type VerifyResult,
  type ProblemCode,
} from './verify.js';
export { exportBundle, type ExportOptions, type ExportResult } from './export.js';
export { verifyBundle, isBundle, type BundleManifest } from './bundle.js';
export { loadPublicKeyFile, resolveSigningKey, writeKeyPair, publicKeyId, ARCHIVE_KEY_ENV } from './keys.js';
