import { LruMap } from '../behavior/state/lru.js';
import type { ActionMode } from './config.js';

export type Decision = 'allow' | 'throttle' | 'block';

/** A decided action on one target ("session:s-1", "user:u-9", "api_key:k-3f", "tool:shell"). */
export interface Verdict {
  decision: Exclude<Decision, 'allow'>;
  target: string;
  mode: ActionMode;
  /** Rule of the finding that triggered it (e.g. TH-BEH-001). */
  rule: string;
  reason: string;
  decidedAt: number;
  expiresAt: number;
  /** Id of the response_action finding that records it. */
  findingId: string;
}

const RANK: Record<Decision, number> = { allow: 0, throttle: 1, block: 2 };

export function strongerDecision(a: Decision, b: Decision): boolean {
  return RANK[a] > RANK[b];
}

/**
 * Verdicts by target, bounded (least recently decided evicted first) and expiring at their TTL. Enforced and shadow
 * verdicts are kept apart: only enforced ones answer the verdict API; shadow ones only dedupe would-have findings.
 */
export class VerdictStore {
  private readonly map = new LruMap<string, Verdict>();

  constructor(
    private readonly maxEntries: number,
    private readonly clock: () => number,
  ) {}

  get size(): number {
    return this.map.size;
  }

  /** The live verdict for a target in a mode (expired ones are dropped on the way). */
  get(target: string, mode: ActionMode = 'enforce'): Verdict | undefined {
    const key = `${mode}|${target}`;
    const n = this.map.node(key);
    if (!n) return undefined;
    if (n.value.expiresAt <= this.clock()) {
      this.map.delete(key);
      return undefined;
    }
    return n.value;
  }

  /**
   * Record a verdict. When an equal or stronger one is already live for the target, only its expiry is extended and
   * false is returned (nothing new to report); otherwise the verdict is stored and true returned.
   */
  put(v: Verdict): boolean {
    const live = this.get(v.target, v.mode);
    const now = this.clock();
    if (live && !strongerDecision(v.decision, live.decision)) {
      live.expiresAt = Math.max(live.expiresAt, v.expiresAt);
      return false;
    }
    this.map.set(`${v.mode}|${v.target}`, v, now);
    while (this.map.size > this.maxEntries) this.map.shift();
    return true;
  }

  /** Lift a verdict early (an analyst's false-positive verdict on the action). */
  delete(target: string, mode: ActionMode = 'enforce'): boolean {
    return this.map.delete(`${mode}|${target}`);
  }

  /** The strongest live enforced verdict among the targets (ties: the one expiring last). */
  strongest(targets: readonly string[]): Verdict | undefined {
    let best: Verdict | undefined;
    for (const t of targets) {
      const v = this.get(t);
      if (!v) continue;
      if (
        !best ||
        strongerDecision(v.decision, best.decision) ||
        (v.decision === best.decision && v.expiresAt > best.expiresAt)
      )
        best = v;
    }
    return best;
  }

  /** Live enforced verdicts, most recent last (bounded by maxEntries). */
  list(): Verdict[] {
    const now = this.clock();
    return [...this.map.values()].filter((v) => v.mode === 'enforce' && v.expiresAt > now);
  }
}
