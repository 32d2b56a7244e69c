import { randomUUID } from 'node:crypto';
import { Registry, type Counter } from 'prom-client';
import RE2 from 're2';
import type { Suppression } from '../detect/config.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { getOrCreateCounter } from '../metrics/registry.js';
import { parseSuppression } from './suppression-parse.js';
import type { SuppressionManager } from './suppression-manager.js';
import type { VerdictStore } from './verdict-store.js';

export const ANALYST_VERDICTS = ['true_positive', 'false_positive', 'benign_true_positive'] as const;

/** Default life of a suppression created from a false-positive verdict. */
const DEFAULT_SUPPRESSION_DAYS = 30;
const TARGET_RE = new RE2('^(session|user|api_key|tool):.');
const MAX_TARGET = 300;

export interface FeedbackDeps {
  /** Whether a rule id exists (the counter's label stays bounded to known rules). */
  knownRule(id: string): boolean;
  suppressions: SuppressionManager;
  store?: VerdictStore;
  clock?: () => number;
  registry?: Registry;
  logger?: Logger;
}

export type FeedbackResult =
  { ok: true; suppression?: string; lifted?: string } | { ok: false; status: 400 | 409; error: string };

/**
 * Analysts' verdicts on findings. Each is counted per rule (tracehound_analyst_verdicts_total{rule,verdict}), so the
 * precision of each rule — true / (true + false) — is a dashboard query. A false positive may carry a suppression
 * (applied to later scoring) and, on an automated action, the target whose verdict to lift at once.
 */
export class AnalystFeedback {
  private readonly counter: Counter<'rule' | 'verdict'>;
  private readonly clock: () => number;
  private readonly logger: Logger;

  constructor(private readonly deps: FeedbackDeps) {
    this.clock = deps.clock ?? Date.now;
    this.logger = (deps.logger ?? silentLogger).child({ component: 'feedback' });
    this.counter = getOrCreateCounter(deps.registry ?? new Registry(), {
      name: 'tracehound_analyst_verdicts_total',
      help: 'Analyst verdicts on findings, by rule and verdict (true_positive | false_positive | benign_true_positive): precision per rule.',
      labelNames: ['rule', 'verdict'] as const,
    });
  }

  submit(body: unknown): FeedbackResult {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return { ok: false, status: 400, error: 'body must be a JSON object' };
    const b = body as Record<string, unknown>;
    const rule = b.rule;
    const verdict = b.verdict;
    if (typeof rule !== 'string' || rule.length > 64 || !this.deps.knownRule(rule))
      return { ok: false, status: 400, error: 'rule: a known rule id' };
    if (typeof verdict !== 'string' || !(ANALYST_VERDICTS as readonly string[]).includes(verdict)) {
      return { ok: false, status: 400, error: 'verdict: true_positive | false_positive | benign_true_positive' };
    }
    if (
      b.target !== undefined &&
      (typeof b.target !== 'string' || b.target.length > MAX_TARGET || !TARGET_RE.test(b.target))
    ) {
      return { ok: false, status: 400, error: 'target: session:|user:|api_key:|tool: followed by the id' };
    }
    let suppression: Suppression | undefined;
    if (b.suppress !== undefined) {
      if (verdict !== 'false_positive')
        return { ok: false, status: 400, error: 'suppress: only with a false_positive verdict' };
      const s = (typeof b.suppress === 'object' && b.suppress !== null ? b.suppress : {}) as Record<string, unknown>;
      const parsed = parseSuppression({
        id: s.id ?? `fp-${randomUUID().slice(0, 8)}`,
        rule,
        reason: s.reason ?? 'analyst verdict: false positive',
        expires: s.expires ?? new Date(this.clock() + DEFAULT_SUPPRESSION_DAYS * 86_400_000).toISOString(),
        ...(s.match !== undefined ? { match: s.match } : {}),
      });
      if (!parsed.ok) return { ok: false, status: 400, error: `suppress.${parsed.error}` };
      suppression = parsed.value;
    }
    if (suppression) {
      const added = this.deps.suppressions.add(suppression);
      if (!added.ok)
        return {
          ok: false,
          status: 409,
          error: added.reason === 'full' ? 'suppression limit reached' : 'suppression id taken',
        };
    }
    let lifted: string | undefined;
    if (verdict === 'false_positive' && typeof b.target === 'string' && this.deps.store?.delete(b.target))
      lifted = b.target;
    this.counter.inc({ rule, verdict });
    // Ids and rule only: analyst notes may quote content.
    this.logger.info({ rule, verdict, suppression: suppression?.id, lifted: lifted !== undefined }, 'analyst verdict');
    return { ok: true, ...(suppression ? { suppression: suppression.id } : {}), ...(lifted ? { lifted } : {}) };
  }
}
