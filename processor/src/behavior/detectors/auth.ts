import type { DetectorEnv } from '../env.js';
import { BEH } from '../rules.js';
import { networkOf } from '../state/network.js';
import { EventRing } from '../state/ring.js';
import type { BehaviorDetector, BehaviorDetection, Entity, ObserveContext } from '../types.js';

interface Credential {
  firstSeen: number;
  successes: number;
  /** Known networks → last seen; insertion order is recency, capped at maxNetworksPerEntity. */
  networks: Map<string, number>;
  failures: EventRing | null;
}

/**
 * Authentication anomalies for users and API keys. TH-BEH-040: a success from a network prefix the credential never
 * used, once it has been learned for learningSeconds and learningEvents. TH-BEH-041: failureThreshold failures within
 * the failure window, then a success. State per credential: a handful of network prefixes and one failure ring.
 */
export function authDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.auth;
  const learningMs = cfg.learningSeconds * 1000;
  const failureWindowMs = cfg.failureWindowSeconds * 1000;
  const kinds = new Set(cfg.networkEventKinds);
  const store = env.store<Credential>('credential.auth', cfg.ttlSeconds * 1000);

  const observeOne = (ctx: ObserveContext, entity: Entity, out: BehaviorDetection[]) => {
    const ix = ctx.ix;
    const now = ctx.now;
    const outcome = ix.auth?.outcome ?? 'success';
    const st = store.getOrCreate(`${entity.type}:${entity.id}`, now, () => ({
      firstSeen: now,
      successes: 0,
      networks: new Map(),
      failures: null,
    }));
    const spanId = ix.span.spanId;

    if (ix.kind === 'auth' && outcome === 'failure') {
      (st.failures ??= new EventRing(cfg.failureThreshold)).push(now, spanId);
      return;
    }
    if (ix.kind === 'auth' && st.failures) {
      const since = now - failureWindowMs;
      if (st.failures.fullSince(since)) {
        const count = st.failures.countSince(since);
        env.fire(
          out,
          {
            ruleId: BEH.authFailuresThenSuccess,
            entity,
            windowSeconds: cfg.failureWindowSeconds,
            confidence: 0.85,
            channel: 'prompt',
            evidence: `${count} authentication failures within ${cfg.failureWindowSeconds}s, then a success`,
            count,
            observed: count,
            threshold: cfg.failureThreshold,
            spanIds: [...st.failures.spanIdsSince(since, env.config.maxSpanIds - 1), spanId],
          },
          now,
        );
      }
      st.failures = null;
    }

    const address = ix.identity.clientAddress;
    if (!address || !kinds.has(ix.kind)) return;
    const net = networkOf(address, cfg.ipv4PrefixBits, cfg.ipv6PrefixBits);
    if (!net) return;
    const known = st.networks.has(net);
    const learned = now - st.firstSeen >= learningMs && st.successes >= cfg.learningEvents;
    st.successes++;
    if (known) st.networks.delete(net);
    st.networks.set(net, now);
    if (st.networks.size > cfg.maxNetworksPerEntity) st.networks.delete(st.networks.keys().next().value as string);
    if (known || !learned) return;
    env.fire(
      out,
      {
        ruleId: BEH.authNewNetwork,
        entity,
        windowSeconds: cfg.windowSeconds,
        confidence: 0.6,
        channel: 'prompt',
        evidence: `${entity.type === 'api_key' ? 'API key' : 'user'} used from new network ${net} after ${st.successes - 1} successful uses from ${st.networks.size - 1} known networks`,
        count: 1,
        observed: st.networks.size - 1,
        threshold: 0,
        spanIds: [spanId],
        dedupeSuffix: net,
        extra: { network: net, knownNetworks: st.networks.size - 1 },
      },
      now,
    );
  };

  return {
    id: 'auth',
    stores: [store],
    observe(ctx, out) {
      if (!cfg.enabled) return;
      const ix = ctx.ix;
      if (ix.kind !== 'auth' && !kinds.has(ix.kind)) return;
      const id = ix.identity;
      if (id.apiKeyFingerprint) observeOne(ctx, { type: 'api_key', id: id.apiKeyFingerprint }, out);
      if (id.user) observeOne(ctx, { type: 'user', id: id.user }, out);
    },
  };
}
