import type { Detection, Interaction } from '@tracehound/core';
import { evidenceSnippet } from '@tracehound/core/privacy';
import type { ClassifierTierConfig } from '../config.js';
import { TIER_RULE } from '../rules.js';
import { classifierTexts } from '../texts.js';
import { headTailWindows } from '../windows.js';
import type { TierMetrics } from '../metrics.js';
import { assertClassifierDependencies } from './dependencies.js';
import { loadModelDirectory, type ClassifierModel } from './model-dir.js';
import { ClassifierPool, type PoolWorker } from './pool.js';
import type { WorkerInit } from './protocol.js';

export interface ClassifierTierOptions {
  metrics: TierMetrics;
  createWorker?: (init: WorkerInit) => PoolWorker;
  resolveDependency?: (id: string) => string;
}

/**
 * The local classifier tier: every configured model scores each text of a selected interaction (its head and tail
 * windows when long); an attack label at or above its threshold is a TH-TIER-001 detection with the model's score.
 */
export class ClassifierTier {
  readonly models: ClassifierModel[];
  private readonly pool: ClassifierPool;

  /** Checks the dependencies and model directories at once (start-up errors); workers start in start(). */
  constructor(
    config: ClassifierTierConfig,
    private readonly opts: ClassifierTierOptions,
  ) {
    assertClassifierDependencies(opts.resolveDependency);
    this.models = config.models.map(loadModelDirectory);
    const m = opts.metrics;
    this.pool = new ClassifierPool({
      init: {
        models: this.models.map((x) => ({ name: x.name, directory: x.directory, maxTokens: x.maxTokens })),
        threads: config.threadsPerWorker,
      },
      workers: config.workers,
      batchSize: config.batchSize,
      maxQueue: config.maxQueue,
      timeoutMs: config.timeoutMs,
      createWorker: opts.createWorker,
      onBatch: (model, _n, ms) => m.latency.observe({ tier: 'classifier', model: this.models[model]!.name }, ms / 1000),
      onDrop: (reason, n) => m.dropped.inc({ tier: 'classifier', reason }, n),
    });
  }

  start(): Promise<void> {
    return this.pool.start();
  }

  get queueDepth(): number {
    return this.pool.queueDepth;
  }

  /** Classifies one text with one model: the highest probability of each label over the text's windows. */
  async scores(modelIndex: number, text: string): Promise<number[] | undefined> {
    const model = this.models[modelIndex]!;
    const results = await Promise.all(
      headTailWindows(text, model.windowChars).map((w) => this.pool.classify(modelIndex, w)),
    );
    let best: number[] | undefined;
    for (const r of results) {
      if (!r.ok) continue;
      best = best ? best.map((v, i) => Math.max(v, r.probabilities[i] ?? 0)) : [...r.probabilities];
    }
    return best;
  }

  async detect(ix: Interaction): Promise<Detection[]> {
    const out: Detection[] = [];
    const texts = classifierTexts(ix);
    await Promise.all(
      texts.flatMap(({ channel, text }) =>
        this.models.map(async (model, mi) => {
          const probs = await this.scores(mi, text);
          if (!probs) return;
          let hit: { label: string; p: number } | undefined;
          for (const a of model.attack) {
            const p = probs[a.index] ?? 0;
            if (p >= a.threshold && (!hit || p > hit.p)) hit = { label: a.label, p };
          }
          this.opts.metrics.calls.inc({ tier: 'classifier', outcome: hit ? 'attack' : 'benign' });
          if (!hit) return;
          out.push({
            ruleId: TIER_RULE.classifier,
            confidence: hit.p,
            channel,
            evidence: evidenceSnippet(text, 0, Math.min(text.length, 120)),
            details: {
              tier: 'classifier',
              tierModel: model.name,
              tierLabel: hit.label,
              tierScore: Math.round(hit.p * 1000) / 1000,
            },
          });
        }),
      ),
    );
    return out;
  }

  shutdown(): Promise<void> {
    return this.pool.shutdown();
  }
}
