import type { CallError } from '@tracehound/core';
import type { DetectorEnv } from '../env.js';
import { BEH } from '../rules.js';
import { EventRing } from '../state/ring.js';
import type { BehaviorDetector, Entity } from '../types.js';

interface Errors {
  ring: EventRing;
  /** Distinct error kinds of the burst (status or type), bounded. */
  kinds: Map<string, number>;
}

const MAX_KINDS = 16;

/**
 * Parameter and validation-error probing (TH-BEH-100): `threshold` provider validation errors — an HTTP status in
 * `statusCodes` (400, 404, 422...) or an error type in `errorTypes` (BadRequestError, invalid_request_error...) —
 * for one API key (else user, else session) within `windowSeconds`: someone is trying parameters, models and limits
 * to see what the API accepts. Authentication (401/403) and rate limits (429) are not validation errors. State per
 * entity that had validation errors: a ring of `threshold` times and a few error kinds.
 */
export function probingDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.probing;
  const windowMs = cfg.windowSeconds * 1000;
  const store = env.store<Errors>('entity.validation_errors', windowMs);
  const statuses = new Set(cfg.statusCodes);
  const types = new Set(cfg.errorTypes.map((t) => t.toLowerCase()));

  const kindOf = (e: CallError): string | undefined => {
    if (e.httpStatus !== undefined && statuses.has(e.httpStatus)) return String(e.httpStatus);
    if (e.type === undefined) return undefined;
    const t = e.type.toLowerCase();
    if (types.has(t)) return e.type;
    const asStatus = Number(e.type);
    return Number.isInteger(asStatus) && statuses.has(asStatus) ? e.type : undefined;
  };

  return {
    id: 'probing',
    stores: [store],
    observe(ctx, out) {
      const ix = ctx.ix;
      if (!cfg.enabled || !ix.error) return;
      const kind = kindOf(ix.error);
      if (!kind) return;
      const id = ix.identity;
      const entity: Entity | undefined = id.apiKeyFingerprint
        ? { type: 'api_key', id: id.apiKeyFingerprint }
        : id.user
          ? { type: 'user', id: id.user }
          : ctx.session
            ? { type: 'session', id: ctx.session }
            : undefined;
      if (!entity) return;
      const st = store.getOrCreate(`${entity.type}:${entity.id}`, ctx.now, () => ({
        ring: new EventRing(cfg.threshold),
        kinds: new Map(),
      }));
      st.ring.push(ctx.now, ix.span.spanId);
      if (st.kinds.has(kind) || st.kinds.size < MAX_KINDS) st.kinds.set(kind, ctx.now);
      const since = ctx.now - windowMs;
      if (!st.ring.fullSince(since)) return;
      const count = st.ring.countSince(since);
      const kinds = [...st.kinds.entries()].filter(([, t]) => t >= since).map(([k]) => k);
      env.fire(
        out,
        {
          ruleId: BEH.validationProbing,
          entity,
          windowSeconds: cfg.windowSeconds,
          confidence: 0.7,
          channel: 'prompt',
          evidence: `${count} provider validation errors within ${cfg.windowSeconds}s for one ${entity.type === 'api_key' ? 'API key' : entity.type} (${kinds.slice(0, 5).join(', ')})`,
          count,
          observed: count,
          threshold: cfg.threshold,
          spanIds: st.ring.spanIdsSince(since, env.config.maxSpanIds),
          extra: { errorKinds: kinds.slice(0, 10), ...(ix.model ? { lastModel: ix.model } : {}) },
        },
        ctx.now,
      );
    },
  };
}
