/**
 * Who is behind a span, read the same way for every dialect: Tracehound's own `tracehound.identity.*` first, then the
 * common conventions (`user.id`, `enduser.id`, `session.id`, `gen_ai.conversation.id`), then framework metadata
 * (OpenLLMetry association properties, Vercel AI SDK telemetry metadata and AI SDK 7 runtime context
 * `ai.settings.context.*`, LangChain run metadata in OpenInference's `metadata` JSON, OpenLIT request user), and the
 * workload from agent and workflow names. What a span lacks is inherited from its ancestors (engine, trace state).
 */
import type { Identity, Attributes } from '@tracehound/core';
import { firstStr, str, strList } from './attrs.js';

const USER_KEYS = [
  'tracehound.identity.user',
  'user.id',
  'enduser.id',
  'traceloop.association.properties.user_id',
  'traceloop.association.properties.userId',
  'ai.telemetry.metadata.userId',
  'ai.telemetry.metadata.user_id',
  'ai.settings.context.userId',
  'ai.settings.context.user_id',
  'ai.settings.context.user.id',
  'gen_ai.request.user',
  'langfuse.user.id',
] as const;

const SESSION_KEYS = [
  'tracehound.identity.session',
  'session.id',
  'traceloop.association.properties.session_id',
  'traceloop.association.properties.sessionId',
  'ai.telemetry.metadata.sessionId',
  'ai.telemetry.metadata.session_id',
  'ai.settings.context.sessionId',
  'ai.settings.context.session_id',
  'ai.settings.context.session.id',
  'langfuse.session.id',
] as const;

const CONVERSATION_KEYS = [
  'tracehound.identity.conversation',
  'gen_ai.conversation.id',
  'traceloop.association.properties.conversation_id',
  'ai.telemetry.metadata.conversationId',
  'ai.telemetry.metadata.conversation_id',
  'ai.settings.context.conversationId',
  'ai.settings.context.conversation_id',
  'ai.settings.context.threadId',
] as const;

const TENANT_KEYS = [
  'tracehound.identity.tenant',
  'traceloop.association.properties.tenant_id',
  'ai.telemetry.metadata.tenantId',
  'ai.telemetry.metadata.tenant_id',
  'ai.settings.context.tenantId',
  'ai.settings.context.tenant_id',
] as const;

/** Agent and workflow names: the workload when `tracehound.identity.workload` is absent. */
const WORKLOAD_KEYS = [
  'tracehound.identity.workload',
  'gen_ai.agent.name',
  'traceloop.workflow.name',
  'graph.node.id',
  'ai.telemetry.functionId',
] as const;

/** Keys of LangChain run metadata (OpenInference `metadata`, a JSON object) that name the caller. */
const META_USER = ['user_id', 'userId', 'user'] as const;
const META_SESSION = ['session_id', 'sessionId', 'thread_id', 'threadId'] as const;
const META_CONVERSATION = ['conversation_id', 'conversationId'] as const;
const META_TENANT = ['tenant_id', 'tenantId'] as const;

/** The `metadata` attribute as an object (bounded parse; OpenInference copies LangChain run metadata into it). */
function runMetadata(attrs: Attributes): Record<string, unknown> | undefined {
  const v = attrs.metadata;
  if (typeof v !== 'string' || v.length > 1 << 16 || v.charCodeAt(0) !== 123) return undefined;
  try {
    const o = JSON.parse(v) as unknown;
    return typeof o === 'object' && o !== null && !Array.isArray(o) ? (o as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function metaStr(meta: Record<string, unknown> | undefined, keys: readonly string[]): string | undefined {
  if (!meta) return undefined;
  for (const k of keys) {
    const v = meta[k];
    if (typeof v === 'string' && v) return v;
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

/** Fill identity from span attributes, falling back to resource attributes for the stable ones. */
export function readIdentity(attrs: Attributes, resource: Attributes): Identity {
  const id: Identity = {};
  const meta = attrs.metadata !== undefined ? runMetadata(attrs) : undefined;
  const user = firstStr(attrs, USER_KEYS) ?? metaStr(meta, META_USER) ?? firstStr(resource, ['enduser.id', 'user.id']);
  if (user) id.user = user;
  const session = firstStr(attrs, SESSION_KEYS) ?? metaStr(meta, META_SESSION);
  if (session) id.session = session;
  const conversation = firstStr(attrs, CONVERSATION_KEYS) ?? metaStr(meta, META_CONVERSATION);
  if (conversation) id.conversation = conversation;
  const fp = str(attrs, 'tracehound.identity.api_key.fingerprint');
  if (fp) id.apiKeyFingerprint = fp;
  const workload = firstStr(attrs, WORKLOAD_KEYS) ?? str(resource, 'tracehound.identity.workload');
  if (workload) id.workload = workload;
  const tenant =
    firstStr(attrs, TENANT_KEYS) ?? metaStr(meta, META_TENANT) ?? str(resource, 'tracehound.identity.tenant');
  if (tenant) id.tenant = tenant;
  const client = str(attrs, 'client.address');
  if (client) id.clientAddress = client;
  const tools = strList(attrs['tracehound.identity.allowed_tools']);
  if (tools) id.allowedTools = tools;
  const scope = strList(attrs['tracehound.identity.data_scope']);
  if (scope) id.dataScope = scope;
  const task = str(attrs, 'tracehound.identity.task');
  if (task) id.task = task;
  const egress = strList(attrs['tracehound.identity.allowed_egress']);
  if (egress) id.allowedEgress = egress;
  return id;
}
