/** Authentication events: success/failure, method, reason and client address, as a `tracehound.auth` span. */
import { context, SpanKind, type Attributes } from '@opentelemetry/api';
import { runtime } from '../runtime.js';
import { safely } from '../safe.js';
import * as A from '@tracehound/core/attributes';
import { contextWithIdentity, stampIdentity, type IdentityContext } from './identity.js';

export interface AuthEventRecord {
  outcome: 'success' | 'failure';
  /** password | api_key | oauth | mtls | ... */
  method?: string;
  /** Why it failed (short code such as invalid_key, expired, mfa_failed). */
  reason?: string;
  clientAddress?: string;
  /** Who tried (merged over the identity in the active context). */
  identity?: IdentityContext;
}

export function recordAuthEvent(ev: AuthEventRecord): void {
  safely(
    'recordAuthEvent',
    () => {
      const attrs: Attributes = { [A.TH_AUTH_OUTCOME]: ev.outcome };
      if (ev.method) attrs[A.TH_AUTH_METHOD] = ev.method;
      if (ev.reason) attrs[A.TH_AUTH_REASON] = ev.reason;
      if (ev.clientAddress) attrs[A.CLIENT_ADDRESS] = ev.clientAddress;
      const ctx = ev.identity ? contextWithIdentity(ev.identity) : context.active();
      const span = runtime().tracer().startSpan(A.SPAN_AUTH, { kind: SpanKind.INTERNAL, attributes: attrs }, ctx);
      stampIdentity(span, ctx);
      span.end();
    },
    undefined,
  );
}
