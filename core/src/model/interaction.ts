/**
 * The normalized model. Every telemetry dialect (OTel GenAI, OpenLLMetry, OpenInference, Vercel AI SDK, OpenLIT,
 * Tracehound's own instrumentation) is mapped once, at the edge, into an Interaction. Detectors only ever see this.
 */

export type InteractionKind =
  | 'llm_call'
  | 'tool_call'
  | 'retrieval'
  | 'agent'
  | 'policy_decision'
  | 'auth'
  | 'embedding'
  /** A call to a provider's management API (model listing or model lookup), not an inference. */
  | 'provider_api';

/** Where a piece of text was seen. Findings carry the channel they were raised on. */
export type Channel = 'prompt' | 'system' | 'document' | 'tool_call' | 'tool_result' | 'output';

export type Role = 'system' | 'user' | 'assistant' | 'tool' | 'developer' | 'unknown';

export interface ToolCallPart {
  id?: string;
  name: string;
  /** Arguments as the model produced them (usually a JSON string). */
  arguments?: string;
}

export interface Message {
  role: Role;
  /** Concatenated text parts of the message. */
  content: string;
  /** Tool calls requested by an assistant message. */
  toolCalls?: ToolCallPart[];
  /** For role=tool: which call this answers. */
  toolCallId?: string;
  /** Provider's finish reason for output messages (stop, length, tool_calls, content_filter, refusal...). */
  finishReason?: string;
}

export type TrustLevel = 'trusted' | 'internal' | 'untrusted' | 'unknown';

export interface RetrievedDocument {
  id?: string;
  source?: string;
  trust?: TrustLevel;
  classification?: string;
  tenant?: string;
  score?: number;
  content?: string;
}

export interface ToolInfo {
  name: string;
  callId?: string;
  arguments?: string;
  result?: string;
  /** Where the tool reaches: a URL, a host/domain and/or a file path, when known. */
  targetUrl?: string;
  targetHost?: string;
  targetPath?: string;
  /** The app's own decision on the call, when recorded (allowed/denied and by which rule). */
  decision?: 'allowed' | 'denied';
  decisionRule?: string;
}

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
  costUsd?: number;
}

export interface Identity {
  user?: string;
  session?: string;
  conversation?: string;
  apiKeyFingerprint?: string;
  workload?: string;
  tenant?: string;
  clientAddress?: string;
  allowedTools?: string[];
  dataScope?: string[];
  task?: string;
  /** Hosts the identity's task may reach (declared by the app). */
  allowedEgress?: string[];
}

export interface PolicyDecision {
  rule?: string;
  decision?: string; // allow | deny | redact | flag | ...
  enforced?: boolean;
  reason?: string;
  /** What the decision concerns: `tool:<name>` or `host:<host>`. */
  target?: string;
  /** Who decided: the app's own policy engine, or a provider's moderation (openai, azure, bedrock, anthropic). */
  source?: string;
  categories?: string[];
}

export interface AuthEvent {
  outcome: 'success' | 'failure';
  method?: string;
  reason?: string;
}

/** How the call ended when it did not succeed: the span's error type, HTTP status and status message. */
export interface CallError {
  /** `error.type` (a class name such as BadRequestError, or a status code as text), else the exception type. */
  type?: string;
  /** `http.response.status_code` (or the older `http.status_code`). */
  httpStatus?: number;
  /** The span status was ERROR. */
  spanError?: boolean;
}

export interface Interaction {
  kind: InteractionKind;
  /** Which dialect produced this record (otel_genai, otel_genai_legacy, openllmetry, openinference, vercel_ai, openlit, tracehound). */
  dialect: string;
  operation?: string;
  provider?: string;
  model?: string;
  responseModel?: string;
  service?: string;
  systemInstructions?: string;
  input: Message[];
  output: Message[];
  tool?: ToolInfo;
  documents: RetrievedDocument[];
  usage: Usage;
  identity: Identity;
  /** The app's own policy decision recorded on this span. */
  policy?: PolicyDecision;
  /** Provider-side moderation verdicts carried by the span (content_filter finish reasons, Azure filter results,
   * Bedrock guardrail interventions, OpenAI moderation results, Anthropic refusals). */
  moderation?: PolicyDecision[];
  auth?: AuthEvent;
  /** Canary tokens the app planted in its system prompt (from config or span attributes). */
  canaries?: string[];
  timing: { startNs: bigint; endNs: bigint };
  span: { traceId: string; spanId: string; parentSpanId?: string; name: string };
  /** Set when the call failed (span status ERROR, an error type, or an HTTP status of 400 or more). */
  error?: CallError;
  /** Guardrail evidence on the span even when it let the content through (provider filter results, a guardrail id,
   * a moderation payload, a policy decision): names such as azure_content_filter, bedrock_guardrail, moderation. */
  guardrails?: string[];
  /** Set when some content could not be parsed (malformed or truncated JSON); detection runs on what was recovered. */
  parseErrors?: number;
}

/** An empty Interaction, for normalizers and tests to spread over. */
export function emptyInteraction(kind: InteractionKind, dialect: string): Interaction {
  return {
    kind,
    dialect,
    input: [],
    output: [],
    documents: [],
    usage: {},
    identity: {},
    timing: { startNs: 0n, endNs: 0n },
    span: { traceId: '', spanId: '', name: '' },
  };
}
