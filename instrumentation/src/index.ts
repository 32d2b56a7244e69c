/** @tracehound/instrumentation: public API. */
export { TracehoundInstrumentation, type TracehoundInstrumentationConfig } from './instrumentation.js';
export { register, DEFAULT_TRACES_URL, type RegisterOptions, type Registration } from './register.js';
export { configure } from './runtime.js';

export {
  withIdentity,
  getIdentity,
  contextWithIdentity,
  identityAttributes,
  apiKeyFingerprint,
  TracehoundIdentitySpanProcessor,
  type IdentityContext,
} from './helpers/identity.js';
export { withTool, type ToolSpec, type ToolScope } from './helpers/tool.js';
export type { ToolTarget } from './helpers/target.js';
export {
  recordRetrieval,
  type RetrievalDocument,
  type RetrievalOptions,
  type TrustLevel,
} from './helpers/retrieval.js';
export { recordPolicyDecision, type PolicyDecisionRecord, type PolicyDecisionOptions } from './helpers/policy.js';
export { recordAuthEvent, type AuthEventRecord } from './helpers/auth.js';

export { createGuard, type Guard } from './guard/guard.js';
export { REDACT_SECRETS_AND_PII } from './guard/actions.js';
export { TracehoundBlockedError, isTracehoundBlockedError } from './guard/errors.js';
export type {
  ContentAnalyzer,
  AnalyzerResult,
  AnalyzerFinding,
  GuardAction,
  GuardActionPolicy,
  GuardChannel,
  GuardMode,
  GuardOptions,
  GuardVerdict,
  VerdictSource,
} from './guard/types.js';
export { loadProcessorAnalyzer } from './guard/processor-analyzer.js';
export {
  createVerdictClient,
  type VerdictClient,
  type VerdictClientOptions,
  type VerdictQuery,
  type VerdictAnswer,
  type VerdictDecision,
} from './guard/verdict-client.js';
export type { BlockingVerdict } from './guard/errors.js';
export type { ToolRequest } from './guard/task-scope.js';

export { captureModeFromEnv, type CaptureMode } from './content/capture.js';
export { TracehoundSetupError, INSTRUMENTATION_CODES, type InstrumentationCode } from './codes.js';
export * as semconv from '@tracehound/core/attributes';
