import type { Registry } from 'prom-client';
import type { Detection, Finding, Interaction } from '@tracehound/core';
import { silentLogger, type Logger } from '../log/logger.js';
import type { FindingSink } from '../output/sink.js';
import { afterAcknowledged } from '../pipeline/acknowledgement.js';
import type { Analysis, StageExtension } from '../score/analyzer.js';
import { ClassifierTier } from './classifier/tier.js';
import type { PoolWorker } from './classifier/pool.js';
import type { WorkerInit } from './classifier/protocol.js';
import type { TiersConfig } from './config.js';
import type { FetchLike } from './judge/client.js';
import { JudgeTier } from './judge/tier.js';
import { createTierMetrics, type TierMetrics } from './metrics.js';
import { selectedForTiers } from './select.js';

export interface TierRunnerOptions {
  /** Detection → finding, as the embedded detections are scored (severity ladder, rule overrides, suppressions). */
  toFinding: (det: Detection, ix: Interaction) => Finding | undefined;
  sinks: readonly FindingSink[];
  registry: Registry;
  clock: () => number;
  logger?: Logger;
  fetch?: FetchLike;
  createWorker?: (init: WorkerInit) => PoolWorker;
  resolveDependency?: (id: string) => string;
}

/**
 * The escalation tiers as a stage extension: onAnalysis never waits. A selected span is handed to the tiers once its
 * batch is acknowledged (a refused batch that its client retries is judged once), and their findings reach the same
 * sinks later. The span's own enrichment stays what the embedded detectors decided.
 */
export class TierRunner implements StageExtension {
  readonly classifier?: ClassifierTier;
  readonly judge?: JudgeTier;
  private readonly metrics: TierMetrics;
  private readonly pending = new Set<Promise<void>>();
  private readonly logger: Logger;
  private closed = false;

  /** Checks dependencies and model directories now (TH_TIER_DEPENDENCY, TH_TIER_MODEL); start() loads the models. */
  constructor(
    private readonly config: TiersConfig,
    private readonly opts: TierRunnerOptions,
  ) {
    this.metrics = createTierMetrics(opts.registry);
    this.logger = opts.logger ?? silentLogger;
    if (config.classifier.enabled)
      this.classifier = new ClassifierTier(config.classifier, {
        metrics: this.metrics,
        createWorker: opts.createWorker,
        resolveDependency: opts.resolveDependency,
      });
    if (config.judge.enabled)
      this.judge = new JudgeTier(config.judge, { metrics: this.metrics, clock: opts.clock, fetch: opts.fetch });
  }

  /** Starts the classifier workers (every model loaded, or TH_TIER_MODEL). */
  async start(): Promise<void> {
    await this.classifier?.start();
  }

  onAnalysis(ix: Interaction, analysis: Analysis): void {
    if (this.closed || !selectedForTiers(this.config.select, analysis.risk.score, ix.span.traceId)) return;
    afterAcknowledged(() => void this.submit(ix));
  }

  /** Runs the tiers on one interaction now; resolves when their findings were handed to the sinks. */
  submit(ix: Interaction): Promise<void> {
    const work = this.run(ix).finally(() => {
      this.pending.delete(work);
    });
    this.pending.add(work);
    return work;
  }

  private async run(ix: Interaction): Promise<void> {
    const tiers: Array<['classifier' | 'judge', { detect(ix: Interaction): Promise<Detection[]> } | undefined]> = [
      ['classifier', this.classifier],
      ['judge', this.judge],
    ];
    await Promise.all(
      tiers.map(async ([name, tier]) => {
        if (!tier) return;
        let detections: Detection[];
        try {
          detections = await tier.detect(ix);
        } catch (err) {
          this.metrics.dropped.inc({ tier: name, reason: 'error' });
          this.logger.warn({
            code: 'TH_TIER_FAILED',
            tier: name,
            errorType: err instanceof Error ? err.name : typeof err,
          });
          return;
        }
        this.publishQueues();
        const findings: Finding[] = [];
        for (const d of detections) {
          const f = this.opts.toFinding(d, ix);
          if (f) findings.push(f);
        }
        if (findings.length === 0) return;
        for (const sink of this.opts.sinks) {
          try {
            sink.write(findings);
          } catch {
            // Sinks queue and never throw by contract.
          }
        }
      }),
    );
  }

  private publishQueues(): void {
    if (this.classifier) this.metrics.queueDepth.set({ tier: 'classifier' }, this.classifier.queueDepth);
    if (this.judge) this.metrics.queueDepth.set({ tier: 'judge' }, this.judge.queueDepth);
  }

  /** Waits for tier work in flight, at most tiers.flushTimeoutMs. */
  async forceFlush(): Promise<void> {
    if (this.pending.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((r) => {
      timer = setTimeout(r, this.config.flushTimeoutMs);
      timer.unref?.();
    });
    await Promise.race([Promise.allSettled([...this.pending]), deadline]);
    clearTimeout(timer);
  }

  /** Stops taking work, waits (bounded) for what is in flight, then stops the workers. */
  async shutdown(): Promise<void> {
    this.closed = true;
    await this.forceFlush();
    this.judge?.shutdown();
    await this.classifier?.shutdown();
  }
}

/** The tier runner when a tier is enabled, undefined otherwise (no worker, no metric family). */
export function createTiers(config: TiersConfig | undefined, opts: TierRunnerOptions): TierRunner | undefined {
  if (!config || (!config.classifier.enabled && !config.judge.enabled)) return undefined;
  return new TierRunner(config, opts);
}
