/**
 * A reference interpreter of the catalog's rule logic over finding log records, as the processor emits them. The
 * tests run it on findings produced by the real engine: it is the executable meaning the SPL, KQL, ES|QL and Sigma
 * translations must preserve.
 */
import { type EmittedLog, type AttrValue, FIELDS } from '@tracehound/core';
import { durationSeconds, isAggregation, type CatalogRule, type Filter } from './catalog.js';

const RESOURCE_FIELDS: ReadonlySet<string> = new Set(
  FIELDS.filter((f) => f.on === 'finding_resource').map((f) => f.name),
);

export interface Alert {
  rule: string;
  /** group_by values (aggregations) or the entity values (single-event rules). */
  key: Record<string, string>;
  count: number;
  timeMs: number;
}

/** A field's values on one record: arrays are multi-valued, as in both SIEMs. */
export function valuesOf(log: EmittedLog, field: string): string[] {
  const v: AttrValue | undefined = RESOURCE_FIELDS.has(field) ? log.resource[field] : log.attributes[field];
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.map((x) => String(x));
  return [String(v)];
}

function matches(log: EmittedLog, f: Filter): boolean {
  const vals = valuesOf(log, f.field);
  switch (f.op) {
    case 'exists':
      return vals.length > 0;
    case 'in':
      return vals.some((v) => f.values.includes(v));
    case 'not_in':
      return !vals.some((v) => f.values.includes(v));
    case 'gte':
      return vals.some((v) => Number(v) >= f.value);
  }
}

export function matchesFilters(rule: CatalogRule, log: EmittedLog): boolean {
  return rule.logic.filters.every((f) => matches(log, f));
}

const timeMs = (log: EmittedLog): number => Number(log.timeUnixNano / 1_000_000n);

/**
 * Alerts a rule raises over records. Single-event rules: one alert per matching record. Aggregations: per group, a
 * sliding window over time-ordered records; fires when the count (or distinct count) reaches the threshold.
 */
export function evaluate(rule: CatalogRule, logs: readonly EmittedLog[]): Alert[] {
  const hits = logs.filter((l) => matchesFilters(rule, l)).sort((a, b) => timeMs(a) - timeMs(b));
  if (!isAggregation(rule)) {
    return hits.map((l) => ({
      rule: rule.slug,
      key: Object.fromEntries(rule.entity.map((e) => [e, valuesOf(l, e)[0] ?? ''])),
      count: 1,
      timeMs: timeMs(l),
    }));
  }
  const agg = rule.logic.aggregate;
  const windowMs = durationSeconds(agg.window) * 1000;
  const groups = new Map<string, EmittedLog[]>();
  for (const l of hits) {
    const parts = agg.group_by.map((g) => valuesOf(l, g)[0]);
    if (parts.some((p) => p === undefined)) continue; // both SIEMs drop events missing a group-by field
    const k = JSON.stringify(parts);
    const list = groups.get(k) ?? [];
    list.push(l);
    groups.set(k, list);
  }
  const alerts: Alert[] = [];
  for (const [k, list] of groups) {
    const parts = JSON.parse(k) as string[];
    let start = 0;
    for (let end = 0; end < list.length; end++) {
      while (timeMs(list[end]) - timeMs(list[start]) > windowMs) start++;
      const win = list.slice(start, end + 1);
      const n = agg.distinct ? new Set(win.flatMap((l) => valuesOf(l, agg.distinct!))).size : win.length;
      if (n >= agg.threshold) {
        alerts.push({
          rule: rule.slug,
          key: Object.fromEntries(agg.group_by.map((g, i) => [g, parts[i]])),
          count: n,
          timeMs: timeMs(list[end]),
        });
        break; // one alert per group is enough for the tests; the SIEMs throttle the rest
      }
    }
  }
  return alerts;
}
