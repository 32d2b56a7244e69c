/**
 * Public surface of @tracehound/processor. Everything a user or another package may rely on is exported here;
 * anything else is internal and may change.
 */

// Running the processor
export { createService, type Service, type ServiceOptions } from './service/service.js';
export { createEngine, type Engine, type EngineConfig, type EngineOptions } from './engine/engine.js';
export { createContentAnalyzer, type ContentAnalyzerOptions, type ContentVerdict } from './engine/content-analyzer.js';
export type { StageExtension } from './score/analyzer.js';
export { loadConfig, validateConfig, ConfigError, type TracehoundConfig, type ConfigProblem } from './config/index.js';
// The suppression shape (TypeBox schema and derived type) and its parsers, as the config, API and file use them.
export { SuppressionSchema, SuppressionMatchSchema, type Suppression } from './detect/suppression.js';
export { parseSuppression, parseSuppressionList } from './response/suppression-parse.js';
export { createLogger, silentLogger, type Logger, type LoggerOptions } from './log/logger.js';
export { createRegistry } from './metrics/registry.js';

// Contracts
export type { PipelineStage } from './pipeline/stage.js';
export type { FindingSink } from './output/sink.js';
export { findingToLog, findingAttributes } from './enrich/finding-log.js';
export { normalizeSpan } from './normalize/index.js';

// Errors
export { TracehoundError, ERROR_CATALOGUE, type ErrorCode } from './errors.js';

// The triage console's back end: findings store, /api/v1, the console's files at /console/ (docs/console.md)
export { createConsoleBackend, type ConsoleBackend } from './api/backend.js';

// Forensic archive
export { createArchive, verifyArchive, exportBundle, type Archive, type ArchiveConfig } from './archive/index.js';

// Automated response and the review loop (docs/response.md)
export {
  ActionEngine,
  createResponse,
  verifySignature,
  signPayload,
  SIGNATURE_HEADER,
  RESPONSE_TOKEN_ENV,
  responseRules,
  type ResponseRuntime,
  type ResponseOptions,
  type ResponseConfig,
  type ActionMode,
  type Verdict,
  type Decision,
} from './response/index.js';
