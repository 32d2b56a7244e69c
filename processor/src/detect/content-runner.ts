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

/** Moves a cut off the middle of a surrogate pair, so no window starts or ends with half a character. */
function safeCut(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at + 1 : at;
}

/**
 * A text longer than maxChars UTF-16 code units is scanned as its head and its tail (half the budget each, joined by
 * a blank line): what an attacker appends after a long filler is still seen, and the cost stays bounded. Only the
 * middle is not scanned; the runner counts it (stats.truncatedTexts) and the span is marked partially scanned.
 */
function capText(t: ChannelText, maxChars: number, stats: ContentRunnerStats): ChannelText {
  if (t.text.length <= maxChars) return t;
  stats.truncatedTexts++;
  const half = Math.floor((maxChars - 2) / 2);
  const head = t.text.slice(0, safeCut(t.text, half));
  const tail = t.text.slice(safeCut(t.text, t.text.length - half));
  return { ...t, text: `${head}\n\n${tail}` };
}

export function createContentRunner(
  config: DetectionConfig,
  options: {
    factories?: ReadonlyArray<(c: DetectionConfig) => ContentDetector>;
    expand?: TextExpander;
    /**
     * Skip the detectors' warm(): what they compile is built on the first run instead. For a runner that may never
     * run (the service's main thread when detection workers do the scanning), so it holds only the rules' metadata.
     */
    cold?: boolean;
  } = {},
): ContentRunner {
  const factories = options.factories ?? detectorFactories;
  const detectors = factories.map((f) => f(config));
  if (!options.cold) for (const d of detectors) d.warm?.();
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
