import type { ContentRunner } from '../detect/content-runner.js';
import type { ChannelText } from '../detect/detector.js';
import type { Attributes, Detection, Finding, RuleMeta, Interaction } from '@tracehound/core';
import { Scorer, type SpanRisk } from './scorer.js';
import type { SuppressionList } from './suppressions.js';

/** What the behavioral detectors add: pattern detections with the entity they concern. */
export interface BehaviorLike {
  readonly rules: readonly RuleMeta[];
  observe(ix: Interaction, detections: Detection[]): Array<Detection & { entity?: { type: string; id: string } }>;
}

export interface Analysis {
  findings: Finding[];
  risk: SpanRisk;
  suppressed: number;
}

/**
 * Something that acts on each analysis (automated response, review sampling): it may add findings (e.g. the action
 * it decided) and span attributes. Must not throw; runs after scoring, before enrichment.
 */
export interface StageExtension {
  onAnalysis(ix: Interaction, analysis: Analysis): { findings?: Finding[]; attributes?: Attributes } | void;
}

/**
 * Interaction → findings: content detectors, then behavioral patterns fed with those detections, then scoring and
 * analysts' suppressions. Signal detections (a refusal) feed the behavioral patterns and mark the span's risk
 * (`refused`) but are not findings themselves. Stateless apart from the behavioral runner; never throws for detector errors.
 */
export class Analyzer {
  constructor(
    private readonly content: ContentRunner,
    private readonly scorer: Scorer,
    private readonly suppressions: SuppressionList,
    private readonly behavior?: BehaviorLike,
  ) {}

  analyze(ix: Interaction): Analysis {
    const { detections, partial } = this.detect(ix);
    const analysis = this.score(ix, detections);
    if (partial) analysis.risk = { ...analysis.risk, partial: true };
    return analysis;
  }

  /**
   * Content detections only (over prepared texts when given: the engine skips texts its trace already analysed).
   * `partial`: some text was longer than the scan limit, so only its head and tail windows were scanned.
   */
  detect(ix: Interaction, texts?: ChannelText[]): { detections: Detection[]; partial: boolean } {
    const truncatedBefore = this.content.stats.truncatedTexts;
    const detections = Scorer.dedupe(texts ? this.content.runTexts(ix, texts) : this.content.run(ix));
    // The runner is synchronous: texts it cut were texts of this interaction.
    return { detections, partial: this.content.stats.truncatedTexts > truncatedBefore };
  }

  /**
   * Score detections found elsewhere (the guard and `scan` pass prepared texts). `behavior: false` scores the content
   * detections alone (no behavioral observation: the engine uses it while a span waits for its identity).
   */
  score(ix: Interaction, detections: Detection[], options: { behavior?: boolean } = {}): Analysis {
    const all: Detection[] = [...detections];
    // Agent/workflow spans (Vercel ai.generateText, OpenInference AGENT/CHAIN, OpenLLMetry workflows) repeat the
    // prompts, answers and token usage of the model calls beneath them: counting them again would double every
    // attempt and every token in the behavioral baselines. Their content is still scanned above.
    if (this.behavior && ix.kind !== 'agent' && options.behavior !== false) {
      for (const b of this.behavior.observe(ix, detections)) {
        const { entity, ...det } = b;
        all.push(entity ? { ...det, details: { ...det.details, entityType: entity.type, entityId: entity.id } } : det);
      }
    }
    const findings: Finding[] = [];
    let suppressed = 0;
    let refused = false;
    for (const det of all) {
      if (this.scorer.isSignal(det.ruleId)) {
        refused = true;
        continue;
      }
      const f = this.scorer.toFinding(det, ix);
      if (!f) continue;
      if (this.suppressions.match(f)) {
        suppressed++;
        continue;
      }
      findings.push(f);
    }
    const risk = Scorer.spanRisk(findings);
    return { findings, risk: refused ? { ...risk, refused } : risk, suppressed };
  }
}
