import type { DetectorEnv } from '../env.js';
import { round } from '../env.js';
import { BEH } from '../rules.js';
import type { BehaviorDetector } from '../types.js';

interface Pace {
  lastMs: number;
  lastTrace: string;
  lastTextHash: number;
  streak: number;
  /** Span ids of the current streak, newest last (bounded by maxSpanIds). */
  spans: string[] | null;
  peakRate: number;
}

/** FNV-1a over UTF-16 code units: a cheap identity for "the same user turn again". */
function textHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Input no person types (TH-BEH-020): for each request with new user text, the time since the previous request of the
 * session is compared with the time a fast typist needs for that text; `consecutive` such requests in a row fire.
 * Calls of the same turn (same trace, or the same text re-sent by an agent step) are not new input. Sessions that
 * declare a workload (a batch job) are exempt. State per session: a few numbers.
 */
export function inputRateDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.inputRate;
  const store = env.store<Pace>('session.pace', Math.max(cfg.windowSeconds, env.config.sessionTtlSeconds) * 1000);
  const exempt = new Set(cfg.exemptWorkloads);

  return {
    id: 'input-rate',
    stores: [store],
    observe(ctx, out) {
      if (!cfg.enabled || ctx.ix.kind !== 'llm_call') return;
      const id = ctx.actor;
      const workload = ctx.ix.identity.workload;
      if (workload && cfg.exemptDeclaredWorkloads && (exempt.size === 0 || exempt.has(workload))) return;
      if (!id) return;
      const text = ctx.userText();
      if (!text) return;
      const key = `${id.type}:${id.id}`;
      const st = store.get(key, ctx.now);
      const trace = ctx.ix.span.traceId;
      const hash = textHash(text);
      if (!st) {
        store.set(
          key,
          { lastMs: ctx.eventMs, lastTrace: trace, lastTextHash: hash, streak: 0, spans: null, peakRate: 0 },
          ctx.now,
        );
        return;
      }
      if ((trace && trace === st.lastTrace) || hash === st.lastTextHash) return;
      const gapMs = Math.max(0, ctx.eventMs - st.lastMs);
      st.lastMs = Math.max(st.lastMs, ctx.eventMs);
      st.lastTrace = trace;
      st.lastTextHash = hash;
      if (text.length < cfg.minChars) return; // short messages are typed fast by anyone: neutral
      const humanMs = (text.length / cfg.maxHumanCharsPerSecond) * 1000;
      if (gapMs >= humanMs) {
        st.streak = 0;
        st.spans = null;
        st.peakRate = 0;
        return;
      }
      st.streak++;
      const rate = text.length / Math.max(gapMs / 1000, 0.001);
      st.peakRate = Math.max(st.peakRate, rate);
      (st.spans ??= []).push(ctx.ix.span.spanId);
      if (st.spans.length > env.config.maxSpanIds) st.spans.shift();
      if (st.streak < cfg.consecutive) return;
      env.fire(
        out,
        {
          ruleId: BEH.inhumanInputRate,
          entity: id,
          windowSeconds: cfg.windowSeconds,
          confidence: 0.75,
          channel: 'prompt',
          evidence: `${st.streak} consecutive requests with new text faster than ${cfg.maxHumanCharsPerSecond} chars/s (peak ${round(st.peakRate, 0)} chars/s)`,
          count: st.streak,
          observed: rate,
          threshold: cfg.maxHumanCharsPerSecond,
          spanIds: [...st.spans],
          extra: { inputChars: text.length, gapMs: Math.round(gapMs) },
        },
        ctx.now,
      );
    },
  };
}
