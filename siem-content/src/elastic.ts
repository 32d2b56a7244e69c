/**
 * Elastic generator: Kibana detection rules as detection-rules style TOML sources (elastic/rules/*.toml) and one
 * NDJSON for POST /api/detection_engine/rules/_import. Queries use the names the elasticsearch exporter (mapping mode
 * otel) gives the finding attributes: attributes.<name>, resource.attributes.<name>.
 */
import { stringify } from 'smol-toml';
import { ATLAS, OWASP_LLM_2025, atlasUrl } from './frameworks.js';
import { durationSeconds, isAggregation, type CatalogRule, type Filter } from './catalog.js';
import { DISPLAY_FIELDS, ELASTIC_INDEX_PATTERN, elasticType, landed } from './fields.js';
import { dquote, oneLine, withoutTitle } from './text.js';

/** Date stamped into TOML metadata (detection-rules format yyyy/mm/dd); bump when the catalog changes meaning. */
export const CATALOG_DATE = '2025/01/06';

const f = (name: string): string => landed(name, 'elastic');
const q = dquote;

function kqlTerm(flt: Filter): string {
  const n = f(flt.field);
  switch (flt.op) {
    case 'exists':
      return `${n} : *`;
    case 'gte':
      return `${n} >= ${flt.value}`;
    case 'in':
      return flt.values.length === 1 ? `${n} : ${q(flt.values[0])}` : `${n} : (${flt.values.map(q).join(' or ')})`;
    case 'not_in':
      return `not ${n} : (${flt.values.map(q).join(' or ')})`;
  }
}

export function kqlQuery(r: CatalogRule): string {
  return r.logic.filters.map(kqlTerm).join(' and ');
}

function esqlTerm(flt: Filter): string {
  const n = f(flt.field);
  switch (flt.op) {
    case 'exists':
      return `${n} IS NOT NULL`;
    case 'gte':
      return `${n} >= ${flt.value}`;
    case 'in':
      return `${n} IN (${flt.values.map(q).join(', ')})`;
    case 'not_in':
      return `NOT ${n} IN (${flt.values.map(q).join(', ')})`;
  }
}

/** ES|QL for distinct-count aggregations (threshold rules cannot name the distinct field as the result). */
export function esqlQuery(
  r: CatalogRule & { logic: { aggregate: NonNullable<CatalogRule['logic']['aggregate']> } },
): string {
  const a = r.logic.aggregate;
  const where = [
    ...r.logic.filters.map(esqlTerm),
    ...a.group_by
      .filter((g) => !r.logic.filters.some((x) => x.field === g && x.op === 'exists'))
      .map((g) => `${f(g)} IS NOT NULL`),
  ];
  const measure = a.distinct ? `distinct_count = COUNT_DISTINCT(${f(a.distinct)}), ` : '';
  return [
    `FROM ${ELASTIC_INDEX_PATTERN}`,
    `| WHERE ${where.join(' AND ')}`,
    `| STATS ${measure}finding_count = COUNT(*), first_seen = MIN(@timestamp), last_seen = MAX(@timestamp) BY ${a.group_by.map(f).join(', ')}`,
    `| WHERE ${a.distinct ? 'distinct_count' : 'finding_count'} >= ${a.threshold}`,
  ].join('\n');
}

function threat(r: CatalogRule): unknown[] {
  const byTactic = new Map<
    string,
    {
      tactic: { id: string; name: string; reference: string };
      technique: Array<{ id: string; name: string; reference: string }>;
    }
  >();
  for (const id of r.atlas) {
    const t = ATLAS[id];
    if (!t) throw new Error(`${r.slug}: ATLAS technique ${id} missing from src/frameworks.ts`);
    const entry = byTactic.get(t.tactic.id) ?? {
      tactic: { id: t.tactic.id, name: t.tactic.name, reference: atlasUrl(t.tactic.id) },
      technique: [],
    };
    entry.technique.push({ id, name: t.name, reference: atlasUrl(id) });
    byTactic.set(t.tactic.id, entry);
  }
  return [...byTactic.values()].map((e) => ({ framework: 'MITRE ATLAS', tactic: e.tactic, technique: e.technique }));
}

/** Investigation guide: triage, false positives and the full response playbook. */
export function investigationNote(r: CatalogRule, playbook: string): string {
  return [
    `## Triage and analysis`,
    '',
    `### Investigating ${r.name}`,
    '',
    r.description,
    '',
    '#### Possible investigation steps',
    '',
    ...r.triage.map((t) => `- ${t}`),
    '',
    '#### False positive analysis',
    '',
    ...r.false_positives.map((t) => `- ${t}`),
    '',
    '#### Mappings',
    '',
    `- OWASP Top 10 for LLM Applications 2025: ${r.owasp.map((o) => `${o} ${OWASP_LLM_2025[o] ?? ''}`.trim()).join(', ')}`,
    `- MITRE ATLAS: ${r.atlas.map((a) => `${a} ${ATLAS[a]?.name ?? ''}`.trim()).join(', ')}`,
    '',
    `## Response playbook (${r.playbook})`,
    '',
    withoutTitle(playbook),
    '',
  ].join('\n');
}

/** The Kibana rule object of one catalog rule (the shape both the TOML [rule] table and the NDJSON line carry). */
export function kibanaRule(r: CatalogRule, playbook: string): Record<string, unknown> {
  const agg = r.logic.aggregate;
  const lookback = isAggregation(r) ? durationSeconds(r.logic.aggregate.window) : durationSeconds(r.interval) + 60;
  const base: Record<string, unknown> = {
    rule_id: r.id,
    name: r.name,
    description: oneLine(r.description),
    author: ['Tracehound'],
    license: 'Apache-2.0',
    enabled: true,
    version: 1,
    severity: r.severity,
    risk_score: r.risk_score,
    interval: r.interval,
    from: `now-${lookback}s`,
    max_signals: 100,
    tags: [
      'Domain: LLM',
      'Data Source: Tracehound',
      'Use Case: Threat Detection',
      'Resources: Investigation Guide',
      ...r.owasp.map((o) => `OWASP: ${o}`),
      ...r.atlas.map((a) => `MITRE ATLAS: ${a}`),
    ],
    references: r.references ?? [],
    false_positives: r.false_positives,
    note: investigationNote(r, playbook),
    threat: threat(r),
    required_fields: r.fields.map((x) => ({ name: f(x), type: elasticType(x) })),
    investigation_fields: { field_names: [...new Set([...(agg ? agg.group_by : r.entity), ...DISPLAY_FIELDS])].map(f) },
  };
  if (!agg) {
    return {
      ...base,
      type: 'query',
      language: 'kuery',
      index: [ELASTIC_INDEX_PATTERN],
      query: kqlQuery(r),
      risk_score_mapping: [{ field: f('event.risk_score'), operator: 'equals', value: '' }],
    };
  }
  if (!agg.distinct) {
    return {
      ...base,
      type: 'threshold',
      language: 'kuery',
      index: [ELASTIC_INDEX_PATTERN],
      query: kqlQuery(r),
      threshold: { field: agg.group_by.map(f), value: agg.threshold },
    };
  }
  return { ...base, type: 'esql', language: 'esql', query: esqlQuery(r as Parameters<typeof esqlQuery>[0]) };
}

/** detection-rules style TOML source of one rule. */
export function ruleToml(rule: Record<string, unknown>): string {
  const { version: _v, enabled: _e, ...body } = rule;
  const doc = {
    metadata: { creation_date: CATALOG_DATE, updated_date: CATALOG_DATE, maturity: 'production' },
    rule: body,
  };
  return `# Generated by \`npm run gen:siem\` from siem-content/rules; edit the catalog, not this file.\n${stringify(doc)}\n`;
}

/** Files under siem-content/elastic/, keyed by relative path. */
export function elasticFiles(
  rules: readonly CatalogRule[],
  playbooks: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  const lines: string[] = [];
  for (const r of rules) {
    const pb = playbooks.get(r.playbook);
    if (pb === undefined) throw new Error(`${r.slug}: playbook ${r.playbook} not found`);
    const k = kibanaRule(r, pb);
    out.set(`rules/${r.slug}.toml`, ruleToml(k));
    lines.push(JSON.stringify(k));
  }
  out.set('tracehound-rules.ndjson', `${lines.join('\n')}\n`);
  return out;
}
