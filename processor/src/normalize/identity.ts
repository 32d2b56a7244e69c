/**
 * Who is behind a span, read the same way for every dialect: Tracehound's own `tracehound.identity.*` first, then the
 * common conventions (`user.id`, `enduser.id`, `session.id`, `gen_ai.conversation.id`), then dialect metadata
 * (OpenLLMetry association properties, Vercel AI SDK telemetry metadata, OpenLIT request user).
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
  'langfuse.session.id',
] as const;

const CONVERSATION_KEYS = [
  'tracehound.identity.conversation',
  'gen_ai.conversation.id',
  'traceloop.association.properties.conversation_id',
  'ai.telemetry.metadata.conversationId',
  'ai.telemetry.metadata.conversation_id',
] as const;

const TENANT_KEYS = [
  'tracehound.identity.tenant',
  'traceloop.association.properties.tenant_id',
  'ai.telemetry.metadata.tenantId',
  'ai.telemetry.metadata.tenant_id',
] as const;

/** Fill identity from span attributes, falling back to resource attributes for the stable ones. */
export function readIdentity(attrs: Attributes, resource: Attributes): Identity {
  const id: Identity = {};
  const user = firstStr(attrs, USER_KEYS) ?? firstStr(resource, ['enduser.id', 'user.id']);
  if (user) id.user = user;
  const session = firstStr(attrs, SESSION_KEYS);
  if (session) id.session = session;
  const conversation = firstStr(attrs, CONVERSATION_KEYS);
  if (conversation) id.conversation = conversation;
  const fp = str(attrs, 'tracehound.identity.api_key.fingerprint');
  if (fp) id.apiKeyFingerprint = fp;
  const workload = str(attrs, 'tracehound.identity.workload') ?? str(resource, 'tracehound.identity.workload');
  if (workload) id.workload = workload;
  const tenant = firstStr(attrs, TENANT_KEYS) ?? str(resource, 'tracehound.identity.tenant');
  if (tenant) id.tenant = tenant;
  const client = str(attrs, 'client.address');
  if (client) id.clientAddress = client;
  const tools = strList(attrs['tracehound.identity.allowed_tools']);
  if (tools) id.allowedTools = tools;
  const scope = strList(attrs['tracehound.identity.data_scope']);
  if (scope) id.dataScope = scope;
  const task = str(attrs, 'tracehound.identity.task');
  if (task) id.task = task;
  return id;
}
