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
import { hiddenSegments, type Segment } from './segments.js';
import { loadClassifier } from '../classifier/index.js';
import type { Classifier } from '../classifier/model.js';

/** Score at which a sentence is reported (set on the benign corpus documents, see docs/detection-quality.md). */
export const DEFAULT_THRESHOLD = 1.3;
/**
 * Probability (1 − benign) at which the classifier's reading of a hidden segment (segments.ts) is reported. Chosen on
 * the benign corpus documents: developers' comments labelled "SYSTEM:" read as attacks up to about 0.8.
 */
export const SEGMENT_THRESHOLD = 0.85;
/**
 * The same for a visible line in another script than the document (segments.ts): none of the benign corpus
 * documents reaches 0.6 there, and a lower bar catches instructions pasted into an article in another language.
 */
export const SHIFT_THRESHOLD = 0.75;
/** Tokens a hidden segment needs before the classifier's reading counts (short notes are too ambiguous). */
const SEGMENT_MIN_TOKENS = 8;
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
  /** Classifier probability for hidden segments; > 1 turns the classifier reading of hidden text off. */
  segmentThreshold: number;
  /** Classifier probability for lines in another script than the document; > 1 turns that reading off. */
  shiftThreshold: number;
  weights: Weights;
  /** Weight of the document score (score += weight × (p − 0.5)). */
  documentScoreWeight: number;
}

function options(config: DetectionConfig): IndirectOptions {
  const o = config.detectors['indirect.instructions'] ?? {};
  return {
    threshold: typeof o.threshold === 'number' ? o.threshold : DEFAULT_THRESHOLD,
    segmentThreshold: typeof o.segmentThreshold === 'number' ? o.segmentThreshold : SEGMENT_THRESHOLD,
    shiftThreshold: typeof o.shiftThreshold === 'number' ? o.shiftThreshold : SHIFT_THRESHOLD,
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

/** The segment (of the prepared, lower-cased NFKC text) the classifier reads as most attack-like, when it reaches its carrier's threshold. */
function classifiedSegment(
  classifier: Classifier,
  text: string,
  o: IndirectOptions,
  disabled: ReadonlySet<string>,
  scripts: Int32Array,
): { segment: Segment; p: number; threshold: number } | undefined {
  let best: { segment: Segment; p: number; threshold: number } | undefined;
  for (const segment of hiddenSegments(text, scripts)) {
    const shift = segment.carrier === 'script_shift';
    const threshold = shift ? o.shiftThreshold : o.segmentThreshold;
    if (threshold > 1 || disabled.has((shift ? INDIRECT_RULES.irrelevant : INDIRECT_RULES.hidden).id)) continue;
    const sc = classifier.score(segment.text, 'prompt');
    if (!sc || sc.tokens < SEGMENT_MIN_TOKENS) continue;
    const p = 1 - sc.probs.benign;
    if (p >= threshold && (!best || p - threshold > best.p - best.threshold)) best = { segment, p, threshold };
  }
  return best;
}

function snippet(text: string, start: number, end: number): string {
  const s = text.slice(start, Math.min(end, start + 160)).trim();
  return end - start > 160 ? `${s}…` : s;
}

function trustOf(input: DetectInput, ct: ChannelText): TrustLevel {
  return ct.channel === 'document' && ct.index !== undefined
    ? (input.interaction.documents[ct.index]?.trust ?? 'unknown')
    : 'untrusted';
}

/**
 * A segment the classifier reads as an attack, with the carrier and the probability: TH-IND-006 for hidden text,
 * TH-IND-005 for a visible line in another script.
 */
function segmentDetection(
  channel: ChannelText['channel'],
  trust: TrustLevel,
  segment: Segment,
  p: number,
  threshold: number,
): Detection {
  const conf =
    Math.min(0.95, 0.6 + (0.3 * (p - threshold)) / Math.max(0.01, 1 - threshold)) * (TRUST_SCALE[trust] ?? 1);
  return {
    ruleId: segment.carrier === 'script_shift' ? INDIRECT_RULES.irrelevant.id : INDIRECT_RULES.hidden.id,
    confidence: Math.round(conf * 1000) / 1000,
    channel,
    evidence: `instruction in ${segment.carrier === 'script_shift' ? 'a line in another script' : segment.carrier.replace('_', ' ')} (classifier p=${p.toFixed(2)}): ${snippet(segment.text, 0, segment.text.length)}`,
    details: { carrier: segment.carrier, classifier: Math.round(p * 100) / 100 },
  };
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
  const classifier = o.segmentThreshold <= 1 || o.shiftThreshold <= 1 ? loadClassifier(config) : null;
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
          const p = f.sentences.length > 0 ? documentScore?.(ct) : undefined;
          const offset = p === undefined ? 0 : o.documentScoreWeight * (p - 0.5);
          const best =
            f.sentences.length > 0
              ? bestSentence(text, f.sentences, o.weights, request !== undefined, o.threshold - offset, f.instructional)
              : { score: 0, index: -1 };
          const score = best.score + (best.index >= 0 ? offset : 0);
          if (best.index < 0 || score < o.threshold) {
            // No cue-list instruction: the classifier reads what the document hides (segments.ts).
            const hit = classifier ? classifiedSegment(classifier, text, o, disabled, f.scripts) : undefined;
            if (hit) out.push(segmentDetection(ct.channel, trustOf(input, ct), hit.segment, hit.p, hit.threshold));
            continue;
          }
          const s = f.sentences[best.index];
          const rule = HIDDEN.has(s.carrier) ? INDIRECT_RULES.hidden : INDIRECT_RULES.irrelevant;
          if (disabled.has(rule.id)) continue;
          const trust = trustOf(input, ct);
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
