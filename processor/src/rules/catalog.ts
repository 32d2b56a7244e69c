import type { RuleMeta } from '@tracehound/core';

/** All rules the processor can emit, by id: content detectors, behavioral detectors and response actions. */
export class RuleCatalog {
  private readonly byId = new Map<string, RuleMeta>();

  constructor(rules: Iterable<RuleMeta>) {
    for (const r of rules) {
      if (this.byId.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
      this.byId.set(r.id, r);
    }
  }

  get(id: string): RuleMeta | undefined {
    return this.byId.get(id);
  }

  all(): RuleMeta[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
