import type { Detection } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';
import { RULES } from './rules.js';
import { disabledRules, runRules, type RuleEval } from './run.js';
import { confidence, devModeScore, fictionScore, FIRE, personaScore, refusalScore } from './score.js';
import { signalEngine } from './signals.js';
import { suffixStats } from './suffix.js';

/** Jailbreaks: unrestricted personas, privileged-mode claims, refusal suppression, fiction wrappers, adversarial suffixes. */
export function createJailbreakDetector(config: DetectionConfig): ContentDetector {
  const engine = signalEngine();
  const disabled = disabledRules(config.rules);
  const rules: RuleEval[] = [
    {
      rule: RULES.persona,
      score: (r) => personaScore(r.scores),
      evidence: ['dan', 'no_restrictions', 'policy_disregard', 'dual_response'],
    },
    { rule: RULES.devMode, score: (r) => devModeScore(r.scores), evidence: ['dev_mode'] },
    { rule: RULES.refusal, score: (r) => refusalScore(r.scores), evidence: ['refusal_suppress'] },
    {
      rule: RULES.fiction,
      score: (r) => fictionScore(r.scores),
      evidence: ['hypothetical', 'no_restrictions', 'policy_disregard'],
    },
  ];
  const suffixOn = !disabled.has(RULES.suffix.id);

  function suffix(input: DetectInput): Detection[] {
    const out: Detection[] = [];
    for (const ct of input.texts) {
      if (ct.channel !== 'prompt' || ct.origin !== 'raw') continue;
      const s = suffixStats(ct.text);
      if (s.score < FIRE) continue;
      out.push({
        ruleId: RULES.suffix.id,
        confidence: Math.round(confidence(s.score) * 1000) / 1000,
        channel: ct.channel,
        // The suffix itself is gibberish; describing it is more useful (and safer) than quoting it.
        evidence: `${s.lone + s.fused + s.mixed}/${s.tokens} anomalous tail tokens, ${s.unbalanced} unbalanced brackets`,
        details: { origin: ct.origin, score: Math.round(s.score * 100) / 100 },
      });
    }
    return out;
  }

  return {
    id: 'injection.jailbreak',
    rules: [...rules.map((r) => r.rule), RULES.suffix],
    detect: (input) => {
      const out = runRules(engine, rules, input, disabled);
      if (suffixOn) out.push(...suffix(input));
      return out;
    },
  };
}
