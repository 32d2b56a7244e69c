/**
 * Adversarial suffixes: the character language models (charlm.ts, weights from `npm run train`, model id `char-lm`)
 * score the prompt's most surprising window (scan.ts). A strange run after a harmful request is TH-SUF-001; a long
 * strange run at the very end of a prompt with no recognized harm is TH-SUF-002 (lower severity and confidence).
 */
import type { Detection } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';
import { defaultHarmScorers, harmOf, type HarmScorer } from '../framing/harm-scorer.js';
import { disabledRules } from '../injection/run.js';
import { loadModel } from '../models.js';
import { CharLm, type SuffixLmFile } from './charlm.js';
import { SUFFIX_RULES } from './rules.js';
import { scanSuffix, type ScanOptions, type SuffixModels } from './scan.js';

export const MODEL_ID = 'char-lm';
export const MODEL_FILE = 'char-lm.json';

/** Window score (bits/char above the norm) from which a strange run after a harmful request fires. */
export const WITH_HARM = 2.0;
/** Harm (framed or plain) that makes a strange run TH-SUF-001. */
export const HARM_MIN = 0.4;
/** Window score from which a strange run alone fires, when it reaches the end of the prompt. */
export const ALONE = 3.0;

export function loadSuffixModels(config: Pick<DetectionConfig, 'models'>): SuffixModels {
  const file = loadModel<SuffixLmFile>(config, MODEL_ID, MODEL_FILE);
  return { full: new CharLm(file.full), shape: new CharLm(file.shape) };
}

export interface SuffixDetectorOptions {
  scorers?: HarmScorer[];
  scan?: Partial<ScanOptions>;
}

const round = (x: number) => Math.round(Math.min(0.97, Math.max(0, x)) * 1000) / 1000;

export function createSuffixDetector(config: DetectionConfig, options: SuffixDetectorOptions = {}): ContentDetector {
  const models = loadSuffixModels(config);
  const scorers = options.scorers ?? defaultHarmScorers(config);
  const disabled = disabledRules(config.rules);
  const { harmful, alone } = SUFFIX_RULES;
  return {
    id: 'suffix',
    rules: [harmful, alone],
    detect(input: DetectInput): Detection[] {
      const out: Detection[] = [];
      for (const ct of input.texts) {
        if (ct.channel !== 'prompt' || ct.origin !== 'raw') continue;
        try {
          const s = scanSuffix(models, ct.text, options.scan);
          if (s.score < WITH_HARM) continue;
          const bits = Math.round(s.score * 100) / 100;
          const atEnd = s.tail >= WITH_HARM;
          const details = {
            bitsAboveNorm: bits,
            full: Math.round(s.full * 100) / 100,
            shape: Math.round(s.shape * 100) / 100,
            start: s.start,
            end: s.end,
            atEnd,
            tail: Math.round(s.tail * 100) / 100,
            ...(ct.index !== undefined ? { index: ct.index } : {}),
          };
          // Describe the run rather than quote it: it is gibberish, and the request before it may be sensitive.
          const where = atEnd ? 'at the end of the prompt' : `at characters ${s.start}–${s.end}`;
          const harm = harmOf(scorers, ct);
          const h = harm ? Math.max(harm.framed, harm.plain) : 0;
          if (h >= HARM_MIN && !disabled.has(harmful.id)) {
            out.push({
              ruleId: harmful.id,
              confidence: round(0.6 + 0.1 * (s.score - WITH_HARM) + 0.3 * h),
              channel: 'prompt',
              evidence: `${harm!.category} request followed by an adversarial token run ${where} (${bits} bits/char above human text)`,
              details: { ...details, harmCategory: harm!.category, harm: h },
            });
          } else if (s.tail >= ALONE && !disabled.has(alone.id)) {
            out.push({
              ruleId: alone.id,
              confidence: round(0.55 + 0.1 * (s.tail - ALONE)),
              channel: 'prompt',
              evidence: `adversarial token run ${where} (${bits} bits/char above human text)`,
              details,
            });
          }
        } catch {
          // Never fail the span.
        }
      }
      return out;
    },
  };
}
