import type { DetectionConfig } from '../config.js';
import type { ContentDetector } from '../detector.js';
import { RULES } from './rules.js';
import { disabledRules, runRules, type RuleEval } from './run.js';
import { cipherGameScore, devModeScore, fictionScore, personaScore, refusalScore } from './score.js';
import { signalEngine } from './signals.js';

/**
 * Jailbreak templates: unrestricted personas, privileged-mode claims, refusal suppression, fiction wrappers that demand
 * a policy bypass, cipher games that hide the request in a home-made code. Adversarial suffixes are the suffix detector's (detect/suffix/), framed harmful goals the framing
 * detector's (detect/framing/).
 */
export function createJailbreakDetector(config: DetectionConfig): ContentDetector {
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
    { rule: RULES.cipherGame, score: (r) => cipherGameScore(r.scores), evidence: ['cipher_act', 'cipher_key'] },
  ];
  return {
    id: 'injection.jailbreak',
    rules: rules.map((r) => r.rule),
    warm: () => void signalEngine(),
    detect: (input) => runRules(signalEngine(), rules, input, disabled),
  };
}
