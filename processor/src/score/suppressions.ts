import type { Suppression } from '../detect/config.js';
import type { Finding } from '@tracehound/core';

/**
 * Analysts' suppressions: a finding matching an unexpired suppression is dropped (and counted per suppression id).
 * The list can be replaced at run time (the review API / a watched file).
 */
export class SuppressionList {
  private entries: Array<Suppression & { expiresMs: number }> = [];
  readonly hits = new Map<string, number>();

  constructor(
    list: Suppression[],
    private readonly clock: () => number,
  ) {
    this.replace(list);
  }

  replace(list: Suppression[]): void {
    this.entries = list.map((s) => ({ ...s, expiresMs: Date.parse(s.expires) }));
  }

  list(): Suppression[] {
    return this.entries.map(({ expiresMs: _e, ...s }) => s);
  }

  /** The id of the suppression that applies to this finding, if any. */
  match(f: Finding): string | undefined {
    const now = this.clock();
    for (const s of this.entries) {
      if (!(s.expiresMs > now)) continue;
      if (s.rule !== '*' && s.rule !== f.rule.id) continue;
      const m = s.match;
      if (m) {
        const c = f.context;
        if (m.service !== undefined && m.service !== c.service) continue;
        if (m.user !== undefined && m.user !== c.user) continue;
        if (m.session !== undefined && m.session !== c.session) continue;
        if (m.model !== undefined && m.model !== c.model) continue;
        if (m.tool !== undefined && m.tool !== c.tool) continue;
        if (m.evidenceContains !== undefined && !f.evidence.includes(m.evidenceContains)) continue;
      }
      this.hits.set(s.id, (this.hits.get(s.id) ?? 0) + 1);
      return s.id;
    }
    return undefined;
  }
}
