/**
 * Jailbreak = harmful goal × framing. For every prompt, the harm scorers (harm-scorer.ts) estimate the goal's harm and
 * the frame score (score.ts) says how much the prompt dresses it up. A framed harmful goal is a jailbreak (TH-FRM-001);
 * the same goal asked plainly is a harmful request (TH-HRM-001, lower severity). Linear: two word-class passes per
 * prompt, and the sentence pass of the harm lexicon only when the whole-text classes allow a rule.
 */
import type { Detection } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';
import { disabledRules } from '../injection/run.js';
import { defaultHarmScorers, harmOf, type HarmScorer } from './harm-scorer.js';
import { FRAMING_RULES } from './rules.js';
import { scoreFraming, withFrames } from './score.js';

/** Frame score from which a prompt counts as framed. */
export const FRAME_MIN = 0.45;
/** Framed harm needed for a jailbreak: lower when the prompt demands operational detail. */
export const FRAMED_HARM = 0.7;
export const FRAMED_HARM_DETAIL = 0.5;
/**
 * Harm needed inside a persuasive pretext: a research, safety, educational or journalistic justification (PRETEXT)
 * joined by a persuasion device (expert or evidence appeal, authority, urgency or emotional pressure; a hypothetical or
 * fiction counts with STORY_EXTRA more harm). Such a text
 * argues for its own request, so its safety and knowledge wording is the pretext's and the estimate's `pretext` harm
 * is judged (PAP-style persuasion, arXiv:2401.06373).
 */
export const PRETEXT_HARM = 0.6;
export const PRETEXT_HARM_DETAIL = 0.5;
/** Frame classes that, with PRETEXT, make a persuasive pretext. */
const PERSUASION: ReadonlySet<string> = new Set(['PERSUADE', 'AUTHORITY', 'URGENCY']);
/** A hypothetical or fiction beside the pretext is a weaker device: it needs this much more harm. */
const STORY: ReadonlySet<string> = new Set(['HYPO', 'FICTION']);
const STORY_EXTRA = 0.05;

/** Plain harm needed for a harmful request. */
export const PLAIN_HARM = 0.6;

export interface FramingOptions {
  scorers?: HarmScorer[];
}

/** Whether an earlier detector already called this prompt a jailbreak (a suffix after the request, a template). */
function jailbroken(input: DetectInput, index: number | undefined): boolean {
  return (input.priorDetections ?? []).some(
    (d) => d.channel === 'prompt' && JAILBREAK_RULES.has(d.ruleId) && (d.details?.index ?? index) === index,
  );
}

const JAILBREAK_RULES = new Set(['TH-SUF-001', 'TH-SUF-002', 'TH-JBK-001', 'TH-JBK-002', 'TH-JBK-003', 'TH-JBK-004']);

const round = (x: number) => Math.round(Math.min(0.97, Math.max(0, x)) * 1000) / 1000;

export function createFramingDetector(config: DetectionConfig, options: FramingOptions = {}): ContentDetector {
  const scorers = options.scorers ?? defaultHarmScorers(config);
  const disabled = disabledRules(config.rules);
  const { framed, plain } = FRAMING_RULES;
  return {
    id: 'framing',
    rules: [framed, plain],
    detect(input: DetectInput): Detection[] {
      const out: Detection[] = [];
      for (const ct of input.texts) {
        if (ct.channel !== 'prompt' || ct.origin !== 'raw') continue;
        try {
          const harm = harmOf(scorers, ct);
          const pretextHarm = harm?.pretext ?? harm?.framed ?? 0;
          if (!harm || Math.max(harm.framed, harm.plain, pretextHarm) < PRETEXT_HARM_DETAIL) continue;
          const frame = withFrames(scoreFraming(ct.text), harm.frames);
          const details = {
            harmCategory: harm.category,
            harmSource: harm.source,
            harm: harm.framed,
            pretextHarm,
            frame: frame.score,
            frames: frame.frames,
            signals: harm.signals,
            ...(ct.index !== undefined ? { index: ct.index } : {}),
          };
          if (frame.score >= FRAME_MIN) {
            const need = harm.detail ? FRAMED_HARM_DETAIL : FRAMED_HARM;
            const pretexted = frame.frames.includes('PRETEXT');
            const persuasive = pretexted && frame.frames.some((f) => PERSUASION.has(f));
            const story = pretexted && frame.frames.some((f) => STORY.has(f));
            const pretextNeed = (harm.detail ? PRETEXT_HARM_DETAIL : PRETEXT_HARM) + (persuasive ? 0 : STORY_EXTRA);
            const pretextMet = (persuasive || story) && pretextHarm >= pretextNeed;
            if ((harm.framed < need && !pretextMet) || disabled.has(framed.id)) continue;
            out.push({
              ruleId: framed.id,
              confidence: round(0.45 + 0.35 * Math.max(harm.framed, pretextMet ? pretextHarm : 0) + 0.3 * frame.score),
              channel: 'prompt',
              // Evidence names the frame and harm classes, never the user's words.
              evidence: `${harm.category} goal in a ${frame.frames.join('/').toLowerCase()} frame (${harm.signals[0] ?? harm.source})`,
              details,
            });
          } else if (
            harm.plain >= PLAIN_HARM &&
            harm.source !== 'abuse-intent' &&
            !disabled.has(plain.id) &&
            !jailbroken(input, ct.index)
          ) {
            out.push({
              ruleId: plain.id,
              confidence: round(harm.plain),
              channel: 'prompt',
              evidence: `harmful request (${harm.category}): ${harm.signals.join(' + ')}`,
              details,
            });
          }
        } catch {
          // A detector never fails the span; the engine counts errors at its level.
        }
      }
      return out;
    },
  };
}
