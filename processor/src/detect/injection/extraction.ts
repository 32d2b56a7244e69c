import type { DetectionConfig } from '../config.js';
import type { ContentDetector } from '../detector.js';
import { RULES } from './rules.js';
import { disabledRules, runRules, type RuleEval } from './run.js';
import { extractionScore } from './score.js';
import { signalEngine } from './signals.js';

/** Requests to reveal the system prompt, initial instructions, "the text above", or secrets the model was given. */
export function createExtractionDetector(config: DetectionConfig): ContentDetector {
  const disabled = disabledRules(config.rules);
  const rules: RuleEval[] = [
    {
      rule: RULES.extraction,
      score: (r) => extractionScore(r.scores),
      evidence: ['extraction', 'extraction_weak', 'secret_ask'],
    },
  ];
  return {
    id: 'injection.extraction',
    rules: rules.map((r) => r.rule),
    warm: () => void signalEngine(),
    detect: (input) => runRules(signalEngine(), rules, input, disabled),
  };
}
