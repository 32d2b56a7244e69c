import type { DetectionConfig } from '../config.js';
import type { ContentDetector } from '../detector.js';
import { RULES } from './rules.js';
import { disabledRules, runRules, type RuleEval } from './run.js';
import { accessCodeScore, overrideScore, prefixInjectScore, roleReassignScore, spoofScore } from './score.js';
import { signalEngine } from './signals.js';

/**
 * Direct prompt injection in the user turn: instruction override, role reassignment, delimiter/role spoofing, and the
 * access-code game moves (forced unlock phrase, prefix and fixed-reply injection).
 */
export function createDirectInjectionDetector(config: DetectionConfig): ContentDetector {
  const disabled = disabledRules(config.rules);
  const rules: RuleEval[] = [
    {
      rule: RULES.override,
      score: (r) => overrideScore(r.scores),
      evidence: ['override', 'override_weak', 'hijack_output'],
    },
    {
      rule: RULES.roleReassign,
      score: (r) => roleReassignScore(r.scores),
      evidence: ['role_reassign', 'new_instructions'],
    },
    { rule: RULES.spoof, score: (r) => spoofScore(r.scores), evidence: ['spoof'] },
    { rule: RULES.accessCode, score: (r) => accessCodeScore(r.scores), evidence: ['access_code'] },
    { rule: RULES.prefixInject, score: (r) => prefixInjectScore(r.scores), evidence: ['prefix_inject'] },
  ];
  return {
    id: 'injection.direct',
    rules: rules.map((r) => r.rule),
    warm: () => void signalEngine(),
    detect: (input) => runRules(signalEngine(), rules, input, disabled),
  };
}
