/**
 * Attribute names emitted by this package. The OTel GenAI conventions are still "development", so the names are
 * pinned here rather than imported from the incubating entry point of @opentelemetry/semantic-conventions (which may
 * rename or drop them in any minor release).
 */

// --- OTel GenAI (current) ---
export const GEN_AI_OPERATION_NAME = 'gen_ai.operation.name';
export const GEN_AI_PROVIDER_NAME = 'gen_ai.provider.name';
export const GEN_AI_REQUEST_MODEL = 'gen_ai.request.model';
export const GEN_AI_REQUEST_MAX_TOKENS = 'gen_ai.request.max_tokens';
export const GEN_AI_REQUEST_TEMPERATURE = 'gen_ai.request.temperature';
export const GEN_AI_REQUEST_TOP_P = 'gen_ai.request.top_p';
export const GEN_AI_REQUEST_STREAM = 'gen_ai.request.stream';
export const GEN_AI_REQUEST_ENCODING_FORMATS = 'gen_ai.request.encoding_formats';
export const GEN_AI_RESPONSE_MODEL = 'gen_ai.response.model';
export const GEN_AI_RESPONSE_ID = 'gen_ai.response.id';
export const GEN_AI_RESPONSE_FINISH_REASONS = 'gen_ai.response.finish_reasons';
export const GEN_AI_USAGE_INPUT_TOKENS = 'gen_ai.usage.input_tokens';
export const GEN_AI_USAGE_OUTPUT_TOKENS = 'gen_ai.usage.output_tokens';
export const GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS = 'gen_ai.usage.cache_read.input_tokens';
export const GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS = 'gen_ai.usage.cache_creation.input_tokens';
export const GEN_AI_USAGE_REASONING_OUTPUT_TOKENS = 'gen_ai.usage.reasoning.output_tokens';
export const GEN_AI_INPUT_MESSAGES = 'gen_ai.input.messages';
export const GEN_AI_OUTPUT_MESSAGES = 'gen_ai.output.messages';
export const GEN_AI_SYSTEM_INSTRUCTIONS = 'gen_ai.system_instructions';
export const GEN_AI_TOOL_DEFINITIONS = 'gen_ai.tool.definitions';
export const GEN_AI_CONVERSATION_ID = 'gen_ai.conversation.id';
export const GEN_AI_EMBEDDINGS_DIMENSION_COUNT = 'gen_ai.embeddings.dimension.count';
export const GEN_AI_TOOL_NAME = 'gen_ai.tool.name';
export const GEN_AI_TOOL_TYPE = 'gen_ai.tool.type';
export const GEN_AI_TOOL_DESCRIPTION = 'gen_ai.tool.description';
export const GEN_AI_TOOL_CALL_ID = 'gen_ai.tool.call.id';
export const GEN_AI_TOOL_CALL_ARGUMENTS = 'gen_ai.tool.call.arguments';
export const GEN_AI_TOOL_CALL_RESULT = 'gen_ai.tool.call.result';
export const GEN_AI_DATA_SOURCE_ID = 'gen_ai.data_source.id';
export const GEN_AI_RETRIEVAL_QUERY_TEXT = 'gen_ai.retrieval.query.text';
export const GEN_AI_RETRIEVAL_DOCUMENTS = 'gen_ai.retrieval.documents';

export const OP_CHAT = 'chat';
export const OP_EMBEDDINGS = 'embeddings';
export const OP_EXECUTE_TOOL = 'execute_tool';
export const OP_RETRIEVAL = 'retrieval';

export const PROVIDER_OPENAI = 'openai';
export const PROVIDER_AZURE_OPENAI = 'azure.ai.openai';
export const PROVIDER_ANTHROPIC = 'anthropic';

// --- stable / general ---
export const SERVER_ADDRESS = 'server.address';
export const SERVER_PORT = 'server.port';
export const ERROR_TYPE = 'error.type';
export const USER_ID = 'user.id';
export const SESSION_ID = 'session.id';
export const CLIENT_ADDRESS = 'client.address';

// --- Tracehound's own (documented in docs/dialects.md) ---
export const TH_IDENTITY_USER = 'tracehound.identity.user';
export const TH_IDENTITY_SESSION = 'tracehound.identity.session';
export const TH_IDENTITY_CONVERSATION = 'tracehound.identity.conversation';
export const TH_IDENTITY_API_KEY_FINGERPRINT = 'tracehound.identity.api_key.fingerprint';
export const TH_IDENTITY_WORKLOAD = 'tracehound.identity.workload';
export const TH_IDENTITY_TENANT = 'tracehound.identity.tenant';
export const TH_IDENTITY_ALLOWED_TOOLS = 'tracehound.identity.allowed_tools';
export const TH_IDENTITY_DATA_SCOPE = 'tracehound.identity.data_scope';
export const TH_IDENTITY_TASK = 'tracehound.identity.task';
/** Hosts the task may reach (egress allowlist entries: exact or `*.`-prefixed domains). */
export const TH_IDENTITY_ALLOWED_EGRESS = 'tracehound.identity.allowed_egress';

export const TH_TOOL_TARGET_URL = 'tracehound.tool.target.url';
export const TH_TOOL_TARGET_HOST = 'tracehound.tool.target.host';
export const TH_TOOL_TARGET_PATH = 'tracehound.tool.target.path';
export const TH_TOOL_DECISION = 'tracehound.tool.decision';
export const TH_TOOL_DECISION_RULE = 'tracehound.tool.decision.rule';

export const TH_RETRIEVAL_DOCUMENTS = 'tracehound.retrieval.documents';

export const TH_POLICY_RULE = 'tracehound.policy.rule';
export const TH_POLICY_DECISION = 'tracehound.policy.decision';
export const TH_POLICY_ENFORCED = 'tracehound.policy.enforced';
export const TH_POLICY_REASON = 'tracehound.policy.reason';
/** What the decision concerns: `tool:<name>` or `host:<host>` (the action that must not follow a deny). */
export const TH_POLICY_TARGET = 'tracehound.policy.target';

export const TH_AUTH_OUTCOME = 'tracehound.auth.outcome';
export const TH_AUTH_METHOD = 'tracehound.auth.method';
export const TH_AUTH_REASON = 'tracehound.auth.reason';

export const TH_CANARIES = 'tracehound.canaries';
export const TH_MODERATION = 'tracehound.moderation';
export const TH_CONTENT_TRUNCATED = 'tracehound.content.truncated';

/** Span names of the spans that have no GenAI convention. */
export const SPAN_POLICY_DECISION = 'tracehound.policy_decision';
export const SPAN_AUTH = 'tracehound.auth';
