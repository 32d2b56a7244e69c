/**
 * The detection path of `tracehound scan` for one Interaction — every registered content detector (registry.ts),
 * expandTexts, per-rule overrides and minimum confidence (content-runner.ts), scoring into findings (Analyzer, no
 * behavioural state, no suppressions) — with each detector's time recorded, so the eval measures exactly what ships.
 */
import type { Finding, Interaction } from '@tracehound/core';
import type { DetectionConfig } from '../../src/detect/config.js';
import { createContentRunner } from '../../src/detect/content-runner.js';
import { Analyzer } from '../../src/score/analyzer.js';
import { RuleCatalog } from '../../src/rules/catalog.js';
import { Scorer } from '../../src/score/scorer.js';
import { SuppressionList } from '../../src/score/suppressions.js';
import { timedSteps } from './timed-steps.js';

/** Microseconds spent per step on the current row (reset by the caller before each row). */
export type StepTimes = Map<string, number>;

export interface EvalEngine {
  readonly detectorIds: readonly string[];
  /** Findings for one Interaction; `times` receives µs per detector and for `expandTexts`. */
  run(ix: Interaction, times?: StepTimes): Finding[];
  readonly ruleIds: readonly string[];
  /** Rule id → category, for every rule of every registered detector. */
  readonly categoryOf: ReadonlyMap<string, string>;
  /** Detector errors the content engine caught (a detector that throws is a bug the eval must show). */
  readonly errors: Array<{ detector: string; message: string }>;
}

const now = () => process.hrtime.bigint();

export function createEvalEngine(config: DetectionConfig): EvalEngine {
  let times: StepTimes | undefined;
  const add = (id: string, t0: bigint) => {
    if (times) times.set(id, (times.get(id) ?? 0) + Number(now() - t0) / 1000);
  };
  const content = createContentRunner(config, timedSteps(now, add));
  const errors: EvalEngine['errors'] = [];
  content.onError = (detector, err) => errors.push({ detector, message: (err as Error)?.message ?? String(err) });
  const clock = () => 0;
  const catalog = new RuleCatalog(content.rules);
  const analyzer = new Analyzer(content, new Scorer(catalog, config, clock), new SuppressionList([], clock));
  return {
    detectorIds: ['expandTexts', ...content.detectors.map((d) => d.id)],
    ruleIds: content.rules.map((r) => r.id),
    categoryOf: new Map(content.rules.map((r) => [r.id, r.category])),
    errors,
    run(ix, t) {
      times = t;
      try {
        return analyzer.analyze(ix).findings;
      } finally {
        times = undefined;
      }
    },
  };
}
