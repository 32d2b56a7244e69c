import { Counter, Gauge, type Registry } from 'prom-client';
import { TracehoundError } from '../errors.js';
import type { StoreLike } from './types.js';

const NAMES = {
  entries: 'tracehound_behavior_state_entries',
  capacity: 'tracehound_behavior_state_capacity',
  evictions: 'tracehound_behavior_evictions_total',
  patterns: 'tracehound_behavior_patterns_total',
  errors: 'tracehound_behavior_errors_total',
} as const;

/**
 * Prometheus view of the behavioral state: entries and capacity per store (read at scrape time), evictions per store
 * and reason (accumulated from the stores' own counters at scrape time, so the hot path does no metric work for them),
 * patterns fired per rule and detector errors. Labels are store names, rule ids and detector ids: all bounded.
 */
export class BehaviorMetrics {
  private readonly patterns: Counter<'rule'>;
  private readonly errors: Counter<'detector'>;
  private readonly metricNames: string[] = [];

  constructor(
    private readonly registry: Registry,
    stores: () => readonly StoreLike[],
  ) {
    const registers = [registry];
    const seen = new Map<string, { lru: number; ttl: number }>();
    const existing = (name: string) => registry.getSingleMetric(name);
    if (existing(NAMES.entries))
      throw new TracehoundError(
        'TH_CONFIG_INVALID',
        'behavior metrics are already registered on this registry (one engine per registry)',
      );
    new Gauge({
      name: NAMES.entries,
      help: 'Entries held per behavioral state store.',
      labelNames: ['store'],
      registers,
      collect() {
        this.reset();
        for (const s of stores()) this.set({ store: s.name }, s.size);
      },
    });
    new Gauge({
      name: NAMES.capacity,
      help: 'Entry cap of each behavioral state store.',
      labelNames: ['store'],
      registers,
      collect() {
        for (const s of stores()) this.set({ store: s.name }, s.maxEntries);
      },
    });
    new Counter({
      name: NAMES.evictions,
      help: 'Entries evicted from behavioral state stores, by store and reason (lru|ttl).',
      labelNames: ['store', 'reason'],
      registers,
      collect() {
        for (const s of stores()) {
          const prev = seen.get(s.name) ?? { lru: 0, ttl: 0 };
          for (const reason of ['lru', 'ttl'] as const) {
            const d = s.evictions[reason] - prev[reason];
            if (d > 0) this.inc({ store: s.name, reason }, d);
          }
          seen.set(s.name, { lru: s.evictions.lru, ttl: s.evictions.ttl });
        }
      },
    });
    this.patterns = new Counter({
      name: NAMES.patterns,
      help: 'Behavioral patterns fired, by rule.',
      labelNames: ['rule'],
      registers,
    });
    this.errors = new Counter({
      name: NAMES.errors,
      help: 'Behavioral detector failures on one input (the others still ran).',
      labelNames: ['detector'],
      registers,
    });
    this.metricNames.push(...Object.values(NAMES));
  }

  fired(ruleId: string): void {
    this.patterns.inc({ rule: ruleId });
  }

  failed(detector: string): void {
    this.errors.inc({ detector });
  }

  unregister(): void {
    for (const n of this.metricNames) this.registry.removeSingleMetric(n);
  }
}
