import type { TrustLevel } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ChannelText, ContentDetector, DetectInput } from '../detector.js';
import { RULES } from './rules.js';
import { disabledRules, runRules, type RuleEval } from './run.js';
import { exfilScore, imageExfilScore, indirectScore, toolCallScore } from './score.js';
import { signalEngine } from './signals.js';

// Confidence by document trust: the same words weigh more in an untrusted web page than in an internal wiki.
const TRUST_SCALE: Record<TrustLevel, number> = { untrusted: 1, unknown: 0.95, internal: 0.85, trusted: 0.75 };

function trustScale(ct: ChannelText, input: DetectInput): number {
  if (ct.channel !== 'document' || ct.index === undefined) return 1;
  const trust = input.interaction.documents[ct.index]?.trust ?? 'unknown';
  return TRUST_SCALE[trust] ?? 1;
}

function hasImgTag(text: string): boolean {
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    if (text.length - i > 4 && text.slice(i + 1, i + 4).toLowerCase() === 'img') return true;
  }
  return false;
}

/** Indirect injection: instructions, exfiltration and tool calls hidden in retrieved documents and tool results. */
export function createIndirectInjectionDetector(config: DetectionConfig): ContentDetector {
  const disabled = disabledRules(config.rules);
  const rules: RuleEval[] = [
    {
      rule: RULES.indirect,
      score: (r) => indirectScore(r.scores),
      evidence: ['address_ai', 'override', 'hidden', 'new_instructions', 'role_reassign', 'spoof', 'extraction'],
      scale: trustScale,
    },
    { rule: RULES.exfil, score: (r) => exfilScore(r.scores), evidence: ['exfil'], scale: trustScale },
    {
      rule: RULES.imageExfil,
      // In model output an image with a static query string is common; there the link must carry a placeholder.
      score: (r, ct) =>
        ct.channel === 'output'
          ? (r.scores.md_image ?? 0) >= 1
            ? imageExfilScore(r.scores)
            : 0
          : imageExfilScore(r.scores),
      evidence: ['md_image'],
      // Model output only counts with a markdown or HTML image link in it: skip the scan on ordinary answers.
      gate: (ct) => ct.channel !== 'output' || ct.text.includes('](') || hasImgTag(ct.text),
      scale: trustScale,
    },
    { rule: RULES.toolCall, score: (r) => toolCallScore(r.scores), evidence: ['tool_call'], scale: trustScale },
  ];
  return {
    id: 'injection.indirect',
    rules: rules.map((r) => r.rule),
    warm: () => void signalEngine(),
    detect: (input) => runRules(signalEngine(), rules, input, disabled),
  };
}
