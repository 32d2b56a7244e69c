import type { Detection, RuleMeta, Interaction } from '@tracehound/core';
import type { DetectionConfig } from './config.js';
import type { ChannelText, ContentDetector } from './detector.js';
import { detectorFactories } from './registry.js';
import { channelTexts } from './texts.js';

/** Turns raw channel texts into the list detectors scan (de-obfuscated variants added by the obfuscation module). */
export type TextExpander = (texts: ChannelText[]) => ChannelText[];

export interface ContentRunnerStats {
  detectorErrors: number;
  truncatedTexts: number;
}

export interface ContentRunner {
  readonly rules: readonly RuleMeta[];
  readonly detectors: readonly ContentDetector[];
  /** Run every enabled detector over one Interaction. Never throws. */
  run(ix: Interaction): Detection[];
  /** Run over prepared texts (used by `scan` and the in-process guard). */
  runTexts(ix: Interaction, texts: ChannelText[]): Detection[];
  readonly stats: ContentRunnerStats;
  /** Called with the detector id and error whenever a detector throws (the engine counts and logs it). */
  onError?: (detectorId: string, err: unknown) => void;
}

/** Cut a text to at most maxBytes of UTF-16 code units' worth of characters (cheap, and bounded). */
function capText(t: ChannelText, maxChars: number, stats: ContentRunnerStats): ChannelText {
  if (t.text.length <= maxChars) return t;
  stats.truncatedTexts++;
  return { ...t, text: t.text.slice(0, maxChars) };
}

export function createContentRunner(
  config: DetectionConfig,
  options: { factories?: ReadonlyArray<(c: DetectionConfig) => ContentDetector>; expand?: TextExpander } = {},
): ContentRunner {
  const factories = options.factories ?? detectorFactories;
  const detectors = factories.map((f) => f(config));
  const rules = detectors.flatMap((d) => d.rules);
  const disabled = new Set(
    Object.entries(config.rules)
      .filter(([, o]) => o.enabled === false)
      .map(([id]) => id),
  );
  const minConf = (ruleId: string) => config.rules[ruleId]?.minConfidence ?? config.minConfidence;
  const active = detectors.filter((d) => d.rules.some((r) => !disabled.has(r.id)));
  const stats: ContentRunnerStats = { detectorErrors: 0, truncatedTexts: 0 };

  const engine: ContentRunner = {
    rules,
    detectors,
    stats,
    run(ix) {
      return engine.runTexts(ix, channelTexts(ix));
    },
    runTexts(ix, rawTexts) {
      let texts = rawTexts.map((t) => capText(t, config.maxTextBytes, stats));
      if (options.expand) {
        try {
          texts = options.expand(texts);
        } catch (err) {
          stats.detectorErrors++;
          engine.onError?.('expand', err);
        }
      }
      const out: Detection[] = [];
      for (const d of active) {
        let found: Detection[];
        try {
          found = d.detect({ interaction: ix, texts, priorDetections: out });
        } catch (err) {
          stats.detectorErrors++;
          engine.onError?.(d.id, err);
          continue;
        }
        for (const det of found) {
          if (disabled.has(det.ruleId) || det.confidence < minConf(det.ruleId)) continue;
          out.push(det);
        }
      }
      return out;
    },
  };
  return engine;
}
