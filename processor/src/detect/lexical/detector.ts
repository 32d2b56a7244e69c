import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Detection, RuleMeta } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector } from '../detector.js';
import { prepare } from '../injection/prepare.js';
import { DEFAULT_MAX_CHARS } from '../injection/signals.js';
import { LexicalModel } from './model.js';

/** Texts shorter than this (prepared characters) are not scored. */
export const MIN_CHARS = 160;

export const LEXICAL_RULE: RuleMeta = {
  id: 'TH-LEX-001',
  name: 'Lexical injection/jailbreak model',
  category: 'prompt_injection',
  severity: 'medium',
  description:
    'A small logistic-regression model over hashed word and character n-grams scores the text as an injection or jailbreak attempt. Complements the rules on phrasing they do not cover (long persona set-ups); scores texts of 160+ characters and fires only at high probability.',
  example: 'Long persona prompts that set up an uncensored alter ego without using any single rule phrase.',
  falsePositives:
    'Long role-play and persona set-ups, texts about AI safety; the threshold is set for ≤ 0.5 % false positives on the benign training prompts.',
  owasp: ['LLM01:2025'],
  atlas: ['AML.T0051', 'AML.T0054'],
  channels: ['prompt', 'document', 'tool_result'],
};

/** Where the weights ship: processor/models/ (found from src/ and from dist/). */
export function defaultModelPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const p of [
    resolve(here, '../../../models/lexical-injection.json'),
    resolve(here, '../../models/lexical-injection.json'),
  ]) {
    if (existsSync(p)) return p;
  }
  return resolve(here, '../../../models/lexical-injection.json');
}

/**
 * The lexical model as a content detector (its own rule, so analysts can tune or disable it). Options under
 * detection.detectors['lexical.injection']: { threshold?: number, modelPath?: string }. When the weights file is
 * missing the detector is inert rather than failing start-up.
 */
export function createLexicalDetector(config: DetectionConfig): ContentDetector {
  const opts = config.detectors['lexical.injection'] ?? {};
  let model: LexicalModel | undefined;
  try {
    model = LexicalModel.load(typeof opts.modelPath === 'string' ? opts.modelPath : defaultModelPath());
  } catch {
    model = undefined;
  }
  const threshold = typeof opts.threshold === 'number' ? opts.threshold : (model?.threshold ?? 1);
  const off = config.rules[LEXICAL_RULE.id]?.enabled === false;
  return {
    id: 'lexical.injection',
    rules: [LEXICAL_RULE],
    detect(input) {
      if (!model || off) return [];
      const best = new Map<string, Detection>();
      for (const ct of input.texts) {
        if (ct.origin !== 'raw' || !LEXICAL_RULE.channels.includes(ct.channel)) continue;
        const prepared = prepare(ct, DEFAULT_MAX_CHARS).text;
        // Short texts carry too few n-grams for a stable score; the rules cover short injections.
        if (prepared.length < MIN_CHARS) continue;
        const p = model.score(prepared);
        if (p < threshold) continue;
        // Map [threshold, 1] onto confidence [0.55, 0.9]: a statistical signal never claims certainty.
        const conf = Math.round((0.55 + (0.35 * (p - threshold)) / Math.max(1e-6, 1 - threshold)) * 1000) / 1000;
        const key = `${ct.channel}|${ct.index ?? -1}`;
        if ((best.get(key)?.confidence ?? 0) >= conf) continue;
        best.set(key, {
          ruleId: LEXICAL_RULE.id,
          confidence: conf,
          channel: ct.channel,
          evidence: `lexical model p=${p.toFixed(3)}`,
          details: { probability: Math.round(p * 1000) / 1000 },
        });
      }
      return [...best.values()];
    },
  };
}
