/**
 * Model abuse: requests that use the assistant as a tool against third parties (malware, phishing, credential
 * harvesting, fraud and spam, social engineering), scored by intent; and outputs that are such an artifact.
 */
import type { Detection } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';
import { scoreIntent } from './intent.js';
import type { AbuseCategory } from './intent-patterns.js';
import { scoreOutput } from './output.js';
import { ABUSE_RULES, RULE_BY_CATEGORY } from './rules.js';

/** Scores below this are not reported at all (the engine's minConfidence filters further). */
const REPORT_FLOOR = 0.35;

export function createAbuseDetector(_config: DetectionConfig): ContentDetector {
  return {
    id: 'abuse',
    rules: ABUSE_RULES,
    detect(input: DetectInput): Detection[] {
      const best = new Map<string, Detection>();
      const keep = (d: Detection) => {
        const key = `${d.ruleId}|${d.channel}`;
        const prev = best.get(key);
        if (!prev || d.confidence > prev.confidence) best.set(key, d);
      };
      for (const t of input.texts) {
        if (t.channel === 'prompt') {
          for (const s of scoreIntent(t.text)) {
            if (s.confidence < REPORT_FLOOR) continue;
            keep(requestDetection(s.category, s.confidence, s.core, s.cues, s.dampened, t.origin, t.index));
          }
        } else if (t.channel === 'output' && t.origin === 'raw') {
          for (const s of scoreOutput(t.text)) {
            if (s.confidence < REPORT_FLOOR) continue;
            keep({
              ruleId: s.ruleId,
              confidence: round(s.confidence),
              channel: 'output',
              evidence: `${s.ruleId === 'TH-ABU-011' ? 'phishing lure' : 'malicious code'} in output: ${s.signals.join(' + ')}`,
              details: { signals: s.signals, ...(t.index !== undefined ? { index: t.index } : {}) },
            });
          }
        }
      }
      return [...best.values()];
    },
  };
}

function requestDetection(
  category: AbuseCategory,
  confidence: number,
  core: string[],
  cues: string[],
  dampened: string[],
  origin: string,
  index: number | undefined,
): Detection {
  // Evidence names the pattern labels that matched, never the user's words.
  const why = [...core, ...cues].join(' + ');
  return {
    ruleId: RULE_BY_CATEGORY[category],
    confidence: round(confidence),
    channel: 'prompt',
    evidence: `abuse request (${category}): ${why}${origin !== 'raw' ? ` [decoded from ${origin}]` : ''}`,
    details: {
      abuseCategory: category,
      signals: [...core, ...cues],
      ...(dampened.length > 0 ? { dampenedBy: dampened } : {}),
      ...(origin !== 'raw' ? { origin } : {}),
      ...(index !== undefined ? { index } : {}),
    },
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
