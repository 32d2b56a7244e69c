/**
 * OTLP span views in the OTel GenAI dialect plus Tracehound identity attributes (the shape
 * @tracehound/instrumentation emits), for driving the real processor engine in the sample tests.
 */
import type { Attributes, SpanView } from '@tracehound/core';

export const T0_MS = Date.UTC(2025, 0, 6, 9, 0, 0);
const MS = 1_000_000n;

let seq = 0;
const nextId = (width: number): string => {
  seq++;
  return seq.toString(16).padStart(width, '0');
};

export interface Who {
  session?: string;
  user?: string;
  key?: string;
  tenant?: string;
  service?: string;
  dataScope?: string[];
  allowedTools?: string[];
  clientAddress?: string;
}

function identity(w: Who): Attributes {
  const a: Attributes = {};
  if (w.session) a['tracehound.identity.session'] = w.session;
  if (w.user) a['tracehound.identity.user'] = w.user;
  if (w.key) a['tracehound.identity.api_key.fingerprint'] = w.key;
  if (w.tenant) a['tracehound.identity.tenant'] = w.tenant;
  if (w.dataScope) a['tracehound.identity.data_scope'] = w.dataScope;
  if (w.allowedTools) a['tracehound.identity.allowed_tools'] = w.allowedTools;
  if (w.clientAddress) a['client.address'] = w.clientAddress;
  return a;
}

function span(
  atMs: number,
  name: string,
  w: Who,
  attributes: Attributes,
  traceId?: string,
  status: SpanView['status'] = { code: 0 },
): SpanView {
  return {
    traceId: traceId ?? nextId(32),
    spanId: nextId(16),
    name,
    kind: 3,
    startNs: BigInt(atMs) * MS,
    endNs: BigInt(atMs + 400) * MS,
    attributes: { ...identity(w), ...attributes },
    events: [],
    status,
    resource: { 'service.name': w.service ?? 'support-bot' },
    scope: { name: '@tracehound/instrumentation', version: '0.1.0' },
  };
}

const text = (role: string, content: string, finish?: string) => ({
  role,
  parts: [{ type: 'text', content }],
  ...(finish ? { finish_reason: finish } : {}),
});

export interface ChatInit extends Who {
  prompt: string;
  output?: string;
  system?: string;
  canaries?: string[];
  inputTokens?: number;
  outputTokens?: number;
  finishReason?: string;
  traceId?: string;
  /** Extra span attributes, e.g. the provider's own moderation results. */
  attributes?: Attributes;
  model?: string;
  /** A failed call: the span status is ERROR with this error type and HTTP status (no output). */
  error?: { type: string; status: number };
}

export function chat(atMs: number, c: ChatInit): SpanView {
  const model = c.model ?? 'gpt-4o-mini';
  const a: Attributes = {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': 'openai',
    'gen_ai.request.model': model,
    'gen_ai.input.messages': JSON.stringify([text('user', c.prompt)]),
    'gen_ai.usage.input_tokens': c.inputTokens ?? 40,
    'gen_ai.usage.output_tokens': c.outputTokens ?? 60,
  };
  if (c.output !== undefined)
    a['gen_ai.output.messages'] = JSON.stringify([text('assistant', c.output, c.finishReason ?? 'stop')]);
  if (c.system) a['gen_ai.system_instructions'] = c.system;
  if (c.canaries) a['tracehound.canaries'] = c.canaries;
  if (c.error) {
    a['error.type'] = c.error.type;
    a['http.response.status_code'] = c.error.status;
    return span(atMs, `chat ${model}`, c, { ...a, ...c.attributes }, c.traceId, { code: 2, message: c.error.type });
  }
  return span(atMs, `chat ${model}`, c, { ...a, ...c.attributes }, c.traceId);
}

/** The HTTP client span of a model listing call (GET /v1/models), as the undici instrumentation records it. */
export function listModels(atMs: number, w: Who): SpanView {
  return span(atMs, 'GET', w, {
    'http.request.method': 'GET',
    'url.full': 'https://api.openai.com/v1/models',
    'server.address': 'api.openai.com',
    'http.response.status_code': 200,
  });
}

export function toolCall(
  atMs: number,
  w: Who & { tool: string; args: Record<string, string>; url?: string; traceId?: string },
): SpanView {
  const a: Attributes = {
    'gen_ai.operation.name': 'execute_tool',
    'gen_ai.tool.name': w.tool,
    'gen_ai.tool.call.arguments': JSON.stringify(w.args),
  };
  if (w.url) {
    a['tracehound.tool.target.url'] = w.url;
    a['tracehound.tool.target.host'] = new URL(w.url).host;
  }
  return span(atMs, `execute_tool ${w.tool}`, w, a, w.traceId);
}

export interface Doc {
  id: string;
  source: string;
  trust?: string;
  classification?: string;
  tenant?: string;
  content: string;
}

export function retrieval(atMs: number, w: Who & { docs: Doc[]; traceId?: string }): SpanView {
  return span(
    atMs,
    'retrieval kb',
    w,
    {
      'gen_ai.operation.name': 'retrieval',
      'gen_ai.data_source.id': 'kb',
      'tracehound.retrieval.documents': JSON.stringify(w.docs),
    },
    w.traceId,
  );
}

/** An app's policy decision on an action (`target`: tool:<name> or host:<host>), enforced. */
export function policyDecision(
  atMs: number,
  w: Who & { rule: string; decision: string; target: string; traceId?: string },
): SpanView {
  return span(
    atMs,
    'tracehound.policy_decision',
    w,
    {
      'tracehound.policy.rule': w.rule,
      'tracehound.policy.decision': w.decision,
      'tracehound.policy.enforced': true,
      'tracehound.policy.target': w.target,
    },
    w.traceId,
  );
}

export function auth(atMs: number, w: Who & { outcome: 'success' | 'failure' }): SpanView {
  return span(atMs, 'tracehound.auth', w, {
    'tracehound.auth.outcome': w.outcome,
    'tracehound.auth.method': 'api_key',
  });
}
