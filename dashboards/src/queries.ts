/**
 * Reads the queries back out of generated dashboard JSON, and substitutes template variables with concrete values, so
 * the checks run on exactly what Grafana would send (after its own interpolation).
 */
import type { Dashboard, Panel, RowPanel } from '@grafana/grafana-foundation-sdk/dashboard';

export type QueryLanguage = 'promql' | 'traceql' | 'logql' | 'lucene';

export interface DashboardQuery {
  dashboard: string;
  panel: string;
  refId: string;
  language: QueryLanguage;
  /** The query as stored in the dashboard (with $variables). */
  expr: string;
}

const LANGUAGE: Record<string, { language: QueryLanguage; field: 'expr' | 'query' }> = {
  prometheus: { language: 'promql', field: 'expr' },
  tempo: { language: 'traceql', field: 'query' },
  loki: { language: 'logql', field: 'expr' },
  elasticsearch: { language: 'lucene', field: 'query' },
};

function panelsOf(d: Dashboard): Panel[] {
  const out: Panel[] = [];
  for (const p of d.panels ?? []) {
    if (p.type === 'row') out.push(...(((p as RowPanel).panels ?? []) as Panel[]));
    else out.push(p as Panel);
  }
  return out;
}

export function dashboardQueries(d: Dashboard): DashboardQuery[] {
  const out: DashboardQuery[] = [];
  for (const panel of panelsOf(d)) {
    for (const t of (panel.targets ?? []) as unknown as Array<Record<string, unknown>>) {
      const type = (t.datasource as { type?: string } | undefined)?.type ?? panel.datasource?.type ?? '';
      const lang = LANGUAGE[type];
      if (!lang) throw new Error(`${d.title} / ${panel.title}: target of unknown datasource type "${type}"`);
      out.push({
        dashboard: d.title ?? '',
        panel: panel.title ?? '',
        refId: String(t.refId ?? ''),
        language: lang.language,
        expr: String(t[lang.field] ?? ''),
      });
    }
  }
  return out;
}

/** Concrete values for every variable the dashboards use (the "All" value for multi-selects). */
export const EXAMPLE_VARIABLES: Readonly<Record<string, string>> = {
  service: '.*',
  instance: '.*',
  threshold: '70',
  __rate_interval: '1m',
  __interval: '1m',
  __auto: '1m',
  __range: '1h',
};

const isWordChar = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';

/** Replaces $name and ${name} occurrences; throws on a variable with no value (a typo in a dashboard). */
export function substitute(expr: string, values: Readonly<Record<string, string>> = EXAMPLE_VARIABLES): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const braced = expr[i + 1] === '{';
    let j = braced ? i + 2 : i + 1;
    while (j < expr.length && isWordChar(expr[j])) j++;
    const name = expr.slice(braced ? i + 2 : i + 1, j);
    if (braced && expr[j] !== '}') throw new Error(`unterminated \${ in: ${expr}`);
    if (name === '') throw new Error(`bare $ in: ${expr}`);
    const v = values[name];
    if (v === undefined) throw new Error(`no value for template variable $${name} in: ${expr}`);
    out += v;
    i = braced ? j + 1 : j;
  }
  return out;
}
