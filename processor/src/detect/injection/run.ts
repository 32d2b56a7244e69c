import type { Detection, RuleMeta, Channel } from '@tracehound/core';
import type { ChannelText, DetectInput } from '../detector.js';
import type { Signal } from './patterns/types.js';
import { confidence, FIRE } from './score.js';
import type { SignalEngine, SignalResult } from './signals.js';

/** One rule of a detector: how to score a text's signals, and which signals explain it. */
export interface RuleEval {
  rule: RuleMeta;
  score: (r: SignalResult, ct: ChannelText, input: DetectInput) => number;
  evidence: readonly Signal[];
  /** Channels this rule looks at (defaults to the rule's own channels). */
  channels?: readonly Channel[];
  /** Cheap check on the raw text before any scanning; false skips the rule for this text. */
  gate?: (ct: ChannelText) => boolean;
  /** Scale the confidence (e.g. by document trust). */
  scale?: (ct: ChannelText, input: DetectInput) => number;
}

/**
 * Run a detector's rules over the texts, keeping one detection per rule, channel and source index (the most
 * confident, e.g. the decoded payload rather than the raw base64). Never throws: a failing text is skipped.
 */
export function runRules(
  engine: SignalEngine,
  rules: readonly RuleEval[],
  input: DetectInput,
  disabled: ReadonlySet<string>,
): Detection[] {
  const best = new Map<string, Detection>();
  for (const ct of input.texts) {
    let result: SignalResult | undefined;
    for (const r of rules) {
      if (disabled.has(r.rule.id)) continue;
      const channels = r.channels ?? r.rule.channels;
      if (!channels.includes(ct.channel) || (r.gate && !r.gate(ct))) continue;
      try {
        result ??= engine.scan(ct);
        const score = r.score(result, ct, input);
        if (score < FIRE) continue;
        const conf = Math.round(confidence(score) * (r.scale ? r.scale(ct, input) : 1) * 1000) / 1000;
        const key = `${r.rule.id}|${ct.channel}|${ct.index ?? -1}`;
        const prev = best.get(key);
        if (prev && prev.confidence >= conf) continue;
        const snippet = engine.evidence(result, r.evidence);
        best.set(key, {
          ruleId: r.rule.id,
          confidence: conf,
          channel: ct.channel,
          evidence: ct.origin === 'raw' ? snippet : `[${ct.origin}] ${snippet}`,
          details: {
            origin: ct.origin,
            score: Math.round(score * 100) / 100,
            patterns: engine.patternIds(result, r.evidence),
          },
        });
      } catch {
        // A detector must not fail the span; the engine counts detector errors at its own level.
      }
    }
  }
  return [...best.values()];
}

/** Rule ids switched off in the detection config. */
export function disabledRules(rules: Record<string, { enabled?: boolean }>): Set<string> {
  const out = new Set<string>();
  for (const [id, o] of Object.entries(rules)) if (o.enabled === false) out.add(id);
  return out;
}
