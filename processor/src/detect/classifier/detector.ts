/**
 * The classifier's rules (TH-CLS-001…004) as a content detector: one finding per text (raw prompts, documents and
 * tool results) whose attack probability reaches the model's calibrated threshold for that channel; the rule follows
 * the most probable attack class (an injection inside a document is TH-CLS-004). Evidence names the class, its
 * probability and the words that weighed most, as redacted snippets. Options under
 * detection.detectors.classifier: { threshold?: number } (one threshold for both channels, for tuning) and
 * { documents?: boolean } — findings on documents and tool results, off by default: measured leave-one-source-out they
 * added no detected injected document to the rules' and flagged clean look-alike documents (docs/detection-quality.md).
 * classifyText scores documents either way, for the detectors that combine with it.
 */
import type { Detection } from '@tracehound/core';
import { evidenceSnippet } from '@tracehound/core/privacy';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector } from '../detector.js';
import { prepare } from '../injection/prepare.js';
import { DEFAULT_MAX_CHARS } from '../injection/signals.js';
import { classifierChannel, classifyText, loadClassifier } from './index.js';
import { ATTACK_CLASSES, type ClassName } from './model.js';
import { CLASSIFIER_RULES, CLASSIFIER_RULE_LIST } from './rules.js';

/**
 * Fewest tokens a text needs before the classifier's score becomes a finding on its own. Below it ("Which train is
 * late?", "Add comments to this code.") the network has too little to go on: on sources it never saw it flagged short
 * ordinary requests and caught no attack the rules missed. Shorter texts are still scored for the detectors that
 * combine with the classifier (harm × framing).
 */
export const MIN_FINDING_TOKENS = 8;

/** Confidence at the threshold and at probability 1: a statistical signal never claims certainty. */
const CONF_LOW = 0.55;
const CONF_HIGH = 0.9;

export function createClassifierDetector(config: DetectionConfig): ContentDetector {
  const model = loadClassifier(config);
  const opts = config.detectors.classifier ?? {};
  const override = typeof opts.threshold === 'number' ? opts.threshold : undefined;
  const documents = opts.documents === true;
  return {
    id: 'classifier',
    rules: CLASSIFIER_RULE_LIST,
    detect(input) {
      if (!model) return [];
      const out: Detection[] = [];
      for (const t of input.texts) {
        if (t.origin !== 'raw') continue;
        const channel = classifierChannel(t);
        if (!channel || (channel === 'document' && !documents)) continue;
        const s = classifyText(config, t);
        if (!s || s.tokens < MIN_FINDING_TOKENS) continue;
        const threshold = override ?? model.threshold(channel);
        if (s.attack < threshold) continue;
        let cls: ClassName = 'injection';
        for (const c of ATTACK_CLASSES) if (s.probs[c] > s.probs[cls]) cls = c;
        const rule =
          channel === 'document' && cls === 'injection'
            ? CLASSIFIER_RULES.document
            : cls === 'injection'
              ? CLASSIFIER_RULES.injection
              : cls === 'extraction'
                ? CLASSIFIER_RULES.extraction
                : CLASSIFIER_RULES.jailbreak;
        const prepared = prepare(t, DEFAULT_MAX_CHARS).text;
        const words = model
          .explain(prepared, s, cls, channel)
          .map((w) => `"${evidenceSnippet(prepared, w.start, w.end, 32)}"`);
        const confidence = CONF_LOW + ((CONF_HIGH - CONF_LOW) * (s.attack - threshold)) / Math.max(1e-6, 1 - threshold);
        out.push({
          ruleId: rule.id,
          confidence: Math.round(Math.min(CONF_HIGH, confidence) * 1000) / 1000,
          channel: t.channel,
          // The head (before '; ') names the class only: the same attack seen again in a trace (an agent span
          // repeating its model call's prompt) is one finding whatever the per-text probability.
          evidence: `classifier: ${cls}; p=${s.probs[cls].toFixed(2)} (attack ${s.attack.toFixed(2)} ≥ ${threshold.toFixed(2)})${words.length ? `; weighed most: ${words.join(', ')}` : ''}`,
          details: {
            class: cls,
            probability: Math.round(s.probs[cls] * 1000) / 1000,
            attackProbability: Math.round(s.attack * 1000) / 1000,
            threshold: Math.round(threshold * 1000) / 1000,
            harmfulProbability: Math.round(s.probs.harmful * 1000) / 1000,
          },
        });
      }
      return out;
    },
  };
}
