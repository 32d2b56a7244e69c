import { describe, expect, it } from 'vitest';
import { FIELDS, landedName } from '@tracehound/core';
import { DASHBOARDS } from '../src/index.js';
import { dashboardQueries, substitute } from '../src/queries.js';
import { alertRules } from './support/alert-rules.js';
import { logqlLabels, parseErrors, promqlMetrics, traceqlAttributes } from './support/languages.js';

const queries = DASHBOARDS.flatMap((s) => dashboardQueries(s.build()));
const byLanguage = (l: string) => queries.filter((q) => q.language === l);
const label = (q: { dashboard: string; panel: string; refId: string }) => `${q.dashboard} / ${q.panel} / ${q.refId}`;

describe('dashboard queries parse with their language grammar', () => {
  it('covers all four query languages', () => {
    expect(new Set(queries.map((q) => q.language))).toEqual(new Set(['promql', 'traceql', 'logql', 'lucene']));
  });

  for (const q of queries.filter((x) => x.language !== 'lucene')) {
    it(`${q.language}: ${label(q)}`, () => {
      const text = substitute(q.expr);
      expect(parseErrors(q.language as 'promql' | 'traceql' | 'logql', text), text).toEqual([]);
    });
  }

  for (const r of alertRules()) {
    it(`promql: alert ${r.alert}`, () => {
      expect(parseErrors('promql', r.expr), r.expr).toEqual([]);
    });
  }

  it('the checker does flag broken queries', () => {
    expect(parseErrors('promql', 'sum(rate(tracehound_findings_total[5m])')).not.toEqual([]);
    expect(parseErrors('traceql', '{ span.tracehound.risk.score >= }')).not.toEqual([]);
    expect(parseErrors('logql', '{service_name=~".+"} | event_name=')).not.toEqual([]);
  });

  it('every template variable used has a value (no typos)', () => {
    for (const q of queries) expect(() => substitute(q.expr), label(q)).not.toThrow();
  });
});

describe('trace and log queries use only schema field names (core/src/telemetry/fields.ts)', () => {
  const spanFields = new Set(FIELDS.filter((f) => f.on === 'span').map((f) => `span.${f.name}`));
  const resourceFields = new Set(FIELDS.filter((f) => f.on === 'finding_resource').map((f) => `resource.${f.name}`));
  // Loki's OTLP ingestion: attribute names with "." → "_" (structured metadata); service.name → service_name (label).
  const lokiNames = new Set(FIELDS.filter((f) => f.on !== 'span').map((f) => f.name.replaceAll('.', '_')));

  it('TraceQL reads span.tracehound.* fields and resource.service.name', () => {
    const used = byLanguage('traceql').flatMap((q) => traceqlAttributes(substitute(q.expr)));
    expect(used).toContain('span.tracehound.risk.score');
    for (const a of used) expect(spanFields.has(a) || resourceFields.has(a), a).toBe(true);
  });

  it('LogQL labels are finding fields as Loki stores them', () => {
    const used = byLanguage('logql').flatMap((q) => logqlLabels(substitute(q.expr)));
    expect(used).toContain('event_name');
    for (const l of used) expect(lokiNames.has(l), l).toBe(true);
  });

  it('Elasticsearch queries and columns use the landed names (attributes.*, resource.attributes.*)', () => {
    const landed = new Set(FIELDS.filter((f) => f.on !== 'span').map((f) => landedName(f, 'elastic')));
    const names: string[] = [];
    const isLanded = (s: string) => s.startsWith('attributes.') || s.startsWith('resource.attributes.');
    for (const q of byLanguage('lucene')) {
      for (const token of q.expr.split(' ')) if (isLanded(token)) names.push(token.split(':')[0]);
    }
    // Table columns and overrides name landed fields too (object keys and plain string values).
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (isLanded(k)) names.push(k);
          if (typeof v === 'string' && isLanded(v) && !v.includes(' ')) names.push(v);
          walk(v);
        }
      }
    };
    for (const spec of DASHBOARDS) walk(spec.build());
    expect(names).toContain('attributes.event.name');
    for (const n of names) expect(landed.has(n), n).toBe(true);
  });
});

describe('PromQL helpers', () => {
  it('extracts metric names from selectors, not functions or labels', () => {
    expect(
      promqlMetrics('histogram_quantile(0.5, sum by (le) (rate(a_bucket{x="y"}[5m]))) / sum(b) or vector(0)').sort(),
    ).toEqual(['a_bucket', 'b']);
  });
});
