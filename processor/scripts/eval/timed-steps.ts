/**
 * The content runner's parts with each step timed: every registered detector factory wrapped so its `detect` calls
 * report their start mark, and expandTexts the same. The eval (wall clock) and the detector-cost bench (CPU time)
 * pass their own clock.
 */
import type { DetectionConfig } from '../../src/detect/config.js';
import type { ChannelText, ContentDetector } from '../../src/detect/detector.js';
import { expandTexts } from '../../src/detect/injection/expand.js';
import { detectorFactories } from '../../src/detect/registry.js';

export interface TimedSteps {
  factories: Array<(config: DetectionConfig) => ContentDetector>;
  expand: (texts: ChannelText[]) => ChannelText[];
}

/** `record(id, t0)` is called after each step with the step's id (detector id or 'expandTexts') and its start mark. */
export function timedSteps<T>(now: () => T, record: (id: string, t0: T) => void): TimedSteps {
  const factories = detectorFactories.map((f) => (c: DetectionConfig): ContentDetector => {
    const d = f(c);
    return {
      id: d.id,
      rules: d.rules,
      detect(input) {
        const t0 = now();
        try {
          return d.detect(input);
        } finally {
          record(d.id, t0);
        }
      },
    };
  });
  const expand = (texts: ChannelText[]) => {
    const t0 = now();
    try {
      return expandTexts(texts);
    } finally {
      record('expandTexts', t0);
    }
  };
  return { factories, expand };
}
