import type { Detection, TrustLevel } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ChannelText, ContentDetector, DetectInput } from '../detector.js';
import { prepare } from '../injection/prepare.js';
import { DEFAULT_MAX_CHARS } from '../injection/signals.js';
import { disabledRules } from '../injection/run.js';
import type { Carrier } from './carrier.js';
import { documentFeatures } from './features.js';
import { INDIRECT_RULES } from './rules.js';
import { bestSentence, DEFAULT_WEIGHTS, type Weights } from './score.js';

/** Score at which a sentence is reported (set on the benign corpus documents, see docs/detection-quality.md). */
export const DEFAULT_THRESHOLD = 1.3;
/** Characters of the user's request used for relatedness. */
const REQUEST_CHARS = 2048;

const HIDDEN: ReadonlySet<Carrier> = new Set([
  'hidden',
  'html_comment',
  'code_comment',
  'docstring',
  'string',
  'role_line',
  'bracket',
]);
const TRUST_SCALE: Record<TrustLevel, number> = { untrusted: 1, unknown: 0.95, internal: 0.85, trusted: 0.75 };

/**
 * An optional whole-document score in 0..1 (e.g. the trained classifier's injection probability for the text) that is
 * added to the sentence evidence; absent, the detector uses its own evidence only.
 */
export type DocumentScore = (ct: ChannelText) => number | undefined;

export interface IndirectOptions {
  threshold: number;
  weights: Weights;
  /** Weight of the document score (score += weight × (p − 0.5)). */
  documentScoreWeight: number;
}

function options(config: DetectionConfig): IndirectOptions {
  const o = config.detectors['indirect.instructions'] ?? {};
  return {
    threshold: typeof o.threshold === 'number' ? o.threshold : DEFAULT_THRESHOLD,
    weights: DEFAULT_WEIGHTS,
    documentScoreWeight: typeof o.documentScoreWeight === 'number' ? o.documentScoreWeight : 1,
  };
}

/** The user's own request in this call: the last user message of the new turn, if any. */
function userRequest(texts: readonly ChannelText[]): string | undefined {
  let req: string | undefined;
  for (const t of texts) if (t.channel === 'prompt' && t.origin === 'raw') req = t.text;
  return req && req.length > REQUEST_CHARS ? req.slice(0, REQUEST_CHARS) : req;
}

function snippet(text: string, start: number, end: number): string {
  const s = text.slice(start, Math.min(end, start + 160)).trim();
  return end - start > 160 ? `${s}…` : s;
}

/**
 * Indirect instructions in documents and tool results, judged against the user's request: the sentence that most
 * reads as an instruction for the document's reader (features.ts, score.ts), reported under TH-IND-006 when it sits
 * in markup, comments or code and under TH-IND-005 otherwise. Linear in the document; never throws.
 */
export function createIndirectInstructionDetector(
  config: DetectionConfig,
  documentScore?: DocumentScore,
): ContentDetector {
  const o = options(config);
  const disabled = disabledRules(config.rules);
  const rules = Object.values(INDIRECT_RULES);
  return {
    id: 'indirect.instructions',
    rules,
    detect(input: DetectInput): Detection[] {
      if (disabled.has(INDIRECT_RULES.irrelevant.id) && disabled.has(INDIRECT_RULES.hidden.id)) return [];
      const request = userRequest(input.texts);
      const out: Detection[] = [];
      for (const ct of input.texts) {
        if ((ct.channel !== 'document' && ct.channel !== 'tool_result') || ct.origin !== 'raw') continue;
        try {
          const text = prepare(ct, DEFAULT_MAX_CHARS).text;
          const f = documentFeatures(text, request);
          if (f.sentences.length === 0) continue;
          const p = documentScore?.(ct);
          const offset = p === undefined ? 0 : o.documentScoreWeight * (p - 0.5);
          const best = bestSentence(
            text,
            f.sentences,
            o.weights,
            request !== undefined,
            o.threshold - offset,
            f.instructional,
          );
          const score = best.score + (best.index >= 0 ? offset : 0);
          if (best.index < 0 || score < o.threshold) continue;
          const s = f.sentences[best.index];
          const rule = HIDDEN.has(s.carrier) ? INDIRECT_RULES.hidden : INDIRECT_RULES.irrelevant;
          if (disabled.has(rule.id)) continue;
          const trust =
            ct.channel === 'document' && ct.index !== undefined
              ? (input.interaction.documents[ct.index]?.trust ?? 'unknown')
              : 'untrusted';
          const conf = Math.min(0.97, 0.6 + 0.3 * (score - o.threshold)) * (TRUST_SCALE[trust] ?? 1);
          out.push({
            ruleId: rule.id,
            confidence: Math.round(conf * 1000) / 1000,
            channel: ct.channel,
            evidence: `instruction in ${s.carrier.replace('_', ' ')}: ${snippet(text, s.start, s.end)}`,
            details: {
              carrier: s.carrier,
              kind: f.kind,
              score: Math.round(score * 100) / 100,
              cues: Object.keys(s.cues),
              unrelated: Math.round((1 - s.docOverlap) * 100) / 100,
              ...(request !== undefined ? { requestOverlap: Math.round(s.requestOverlap * 100) / 100 } : {}),
            },
          });
        } catch {
          // A detector must not fail the span; the engine counts errors at its own level.
        }
      }
      return out;
    },
  };
}
