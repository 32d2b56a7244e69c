/**
 * Identity context: who and what authorized the work in a call tree. `withIdentity` puts it in the OTel context; every
 * span started inside carries it, stamped by the TracehoundIdentitySpanProcessor (and by this package's own spans).
 */
import { createHash } from 'node:crypto';
import { context, createContextKey, type Attributes, type Context, type Span } from '@opentelemetry/api';
import type { ReadableSpan, Span as SdkSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import * as A from '@tracehound/core/attributes';

export interface IdentityContext {
  user?: string;
  session?: string;
  conversation?: string;
  /** A fingerprint of the API key in use, never the key (see apiKeyFingerprint()). */
  apiKeyFingerprint?: string;
  /** Workload identity (service account, SPIFFE id, agent name). */
  workload?: string;
  tenant?: string;
  /** Tools this identity may call. */
  allowedTools?: string[];
  /** Data sets / document scopes this identity may read. */
  dataScope?: string[];
  /** The task the agent was started for (short label); the processor's task scopes (behavior.flows.tasks) key on it. */
  task?: string;
  /** Hosts the task may reach (`api.example.com`, `*.corp.example`): the guard's checkTool and TH-FLOW-012 use it. */
  allowedEgress?: string[];
}

interface StoredIdentity {
  identity: Readonly<IdentityContext>;
  attributes: Attributes;
}

const IDENTITY_KEY = createContextKey('tracehound.identity');

/** The span attributes for an identity (standard user.id / session.id / gen_ai.conversation.id included). */
export function identityAttributes(id: IdentityContext): Attributes {
  const a: Attributes = {};
  if (id.user) {
    a[A.TH_IDENTITY_USER] = id.user;
    a[A.USER_ID] = id.user;
  }
  if (id.session) {
    a[A.TH_IDENTITY_SESSION] = id.session;
    a[A.SESSION_ID] = id.session;
  }
  if (id.conversation) {
    a[A.TH_IDENTITY_CONVERSATION] = id.conversation;
    a[A.GEN_AI_CONVERSATION_ID] = id.conversation;
  }
  if (id.apiKeyFingerprint) a[A.TH_IDENTITY_API_KEY_FINGERPRINT] = id.apiKeyFingerprint;
  if (id.workload) a[A.TH_IDENTITY_WORKLOAD] = id.workload;
  if (id.tenant) a[A.TH_IDENTITY_TENANT] = id.tenant;
  if (id.allowedTools) a[A.TH_IDENTITY_ALLOWED_TOOLS] = [...id.allowedTools];
  if (id.dataScope) a[A.TH_IDENTITY_DATA_SCOPE] = [...id.dataScope];
  if (id.task) a[A.TH_IDENTITY_TASK] = id.task;
  if (id.allowedEgress) a[A.TH_IDENTITY_ALLOWED_EGRESS] = [...id.allowedEgress];
  return a;
}

/** Context carrying the identity, merged over any identity already in `parent` (inner fields win). */
export function contextWithIdentity(identity: IdentityContext, parent: Context = context.active()): Context {
  const outer = (parent.getValue(IDENTITY_KEY) as StoredIdentity | undefined)?.identity;
  const merged: IdentityContext = Object.freeze({ ...outer, ...stripUndefined(identity) });
  const stored: StoredIdentity = { identity: merged, attributes: identityAttributes(merged) };
  return parent.setValue(IDENTITY_KEY, stored);
}

/** Runs fn with the identity attached to the active context. Works for sync and async fn. */
export function withIdentity<T>(identity: IdentityContext, fn: () => T): T {
  return context.with(contextWithIdentity(identity), fn);
}

export function getIdentity(ctx: Context = context.active()): Readonly<IdentityContext> | undefined {
  return (ctx.getValue(IDENTITY_KEY) as StoredIdentity | undefined)?.identity;
}

/** Stamps the identity of ctx on a span (no-op when there is none). */
export function stampIdentity(span: Span, ctx: Context = context.active()): void {
  const stored = ctx.getValue(IDENTITY_KEY) as StoredIdentity | undefined;
  if (stored) span.setAttributes(stored.attributes);
}

/** A stable, non-reversible fingerprint of an API key: `sha256:` + the first 16 hex digits. */
export function apiKeyFingerprint(apiKey: string): string {
  return `sha256:${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
}

/** Add to a TracerProvider so every span (any library's) started inside withIdentity carries the identity. */
export class TracehoundIdentitySpanProcessor implements SpanProcessor {
  onStart(span: SdkSpan, parentContext: Context): void {
    try {
      stampIdentity(span, parentContext);
    } catch {
      // never break span creation
    }
  }
  onEnd(_span: ReadableSpan): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function stripUndefined(o: IdentityContext): IdentityContext {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out as IdentityContext;
}
