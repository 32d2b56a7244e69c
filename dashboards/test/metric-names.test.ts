import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARDS } from '../src/index.js';
import { dashboardQueries, substitute } from '../src/queries.js';
import { alertRules } from './support/alert-rules.js';
import { exposedMetricNames } from './support/exposition.js';
import { promqlMetrics } from './support/languages.js';
import { startProcessor, type RunningProcessor } from './support/processor.js';

const METRICS_DOC = join(import.meta.dirname, '..', '..', 'docs', 'metrics.md');

describe('metric names used by dashboards and alerts exist in the processor', () => {
  let processor: RunningProcessor;
  let exposed: Set<string>;

  beforeAll(async () => {
    processor = await startProcessor();
    // Families are announced on /metrics even before any series exists: no traffic needed.
    exposed = exposedMetricNames(await (await fetch(`${processor.url}/metrics`)).text());
  });
  afterAll(async () => {
    await processor?.stop();
  });

  it('the scrape lists the detection, transport and behavioral families', () => {
    for (const n of [
      'tracehound_findings_total',
      'tracehound_receiver_accepted_spans_total',
      'tracehound_behavior_state_entries',
      'tracehound_span_risk_score_bucket',
    ]) {
      expect(exposed.has(n), n).toBe(true);
    }
  });

  it('every metric a dashboard PromQL query selects is exposed', () => {
    const queries = DASHBOARDS.flatMap((s) => dashboardQueries(s.build())).filter((q) => q.language === 'promql');
    const missing = queries.flatMap((q) =>
      promqlMetrics(substitute(q.expr))
        .filter((m) => !exposed.has(m))
        .map((m) => `${q.panel}: ${m}`),
    );
    expect(missing).toEqual([]);
  });

  it('every metric an alert rule selects is exposed', () => {
    const missing = alertRules().flatMap((r) =>
      promqlMetrics(r.expr)
        .filter((m) => !exposed.has(m))
        .map((m) => `${r.alert}: ${m}`),
    );
    expect(missing).toEqual([]);
  });

  it('the variables\u2019 label_values() queries name exposed metrics', () => {
    for (const spec of DASHBOARDS) {
      for (const v of spec.build().templating?.list ?? []) {
        if (v.type !== 'query') continue;
        const def = String(v.definition);
        const metric = def.slice('label_values('.length, def.indexOf(','));
        expect(exposed.has(metric), def).toBe(true);
      }
    }
  });

  it('docs/metrics.md documents every tracehound_ family', () => {
    const doc = readFileSync(METRICS_DOC, 'utf8');
    const families = [...exposed].filter(
      (n) => n.startsWith('tracehound_') && !n.endsWith('_bucket') && !n.endsWith('_sum') && !n.endsWith('_count'),
    );
    expect(families.filter((n) => !doc.includes(`\`${n}\``))).toEqual([]);
  });
});
