import { detectionDefaults } from '../../../src/detect/config.js';
import type { ChannelText, ContentDetector } from '../../../src/detect/detector.js';
import {
  createDirectInjectionDetector,
  createExtractionDetector,
  createIndirectInjectionDetector,
  createJailbreakDetector,
  createObfuscationDetector,
  expandTexts,
} from '../../../src/detect/injection/index.js';
import { type Detection, emptyInteraction, type Channel, type TrustLevel } from '@tracehound/core';

const detectors: ContentDetector[] = [
  createDirectInjectionDetector,
  createJailbreakDetector,
  createExtractionDetector,
  createIndirectInjectionDetector,
  createObfuscationDetector,
].map((f) => f(detectionDefaults));

/** Run every injection-family detector the way the engine does (expandTexts first); detections ≥ 0.5 confidence. */
export function detect(text: string, channel: Channel = 'prompt', trust?: TrustLevel): Detection[] {
  const ix = emptyInteraction('llm_call', 'test');
  const raw: ChannelText = { channel, text, origin: 'raw' };
  if (channel === 'document') {
    ix.documents = [{ content: text, trust }];
    raw.index = 0;
  }
  const texts = expandTexts([raw]);
  return detectors
    .flatMap((d) => d.detect({ interaction: ix, texts }))
    .filter((d) => d.confidence >= detectionDefaults.minConfidence);
}

export function rules(text: string, channel: Channel = 'prompt', trust?: TrustLevel): string[] {
  return [...new Set(detect(text, channel, trust).map((d) => d.ruleId))].sort();
}
