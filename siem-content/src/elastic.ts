/**
 * Elastic generator: Kibana detection rules as detection-rules style TOML sources (elastic/rules/*.toml) and two
 * NDJSON files for POST /api/detection_engine/rules/_import: `tracehound-rules.ndjson` maps threats to MITRE ATLAS
 * (accepted from stack 9.3) plus the ATT&CK equivalents; `tracehound-rules-pre-9.3.ndjson` carries only the ATT&CK
 * equivalents in `threat` and ATLAS in tags and references, for older stacks. Queries use the names the
 * elasticsearch exporter (mapping mode otel) gives the finding attributes: attributes.<name>, resource.attributes.<name>.
 */
import { stringify } from 'smol-toml';
import { ATLAS, OWASP_LLM_2025, OWASP_LLM_URL, atlasUrl, attackEquivalents, attackUrl } from './frameworks.js';
import { durationSeconds, isAggregation, type CatalogRule, type Filter } from './catalog.js';
import { DISPLAY_FIELDS, ELASTIC_INDEX_PATTERN, elasticType, landed } from './fields.js';
import { dquote, oneLine, withoutTitle } from './text.js';

/** Dates stamped into TOML metadata (detection-rules format yyyy/mm/dd); bump the update when the catalog changes. */
export const CATALOG_DATE = '2025/01/06';
export const CATALOG_UPDATED = '2026/12/01';

/** Which threat frameworks a generated rule set carries: ATLAS (9.3+) or ATT&CK only (older stacks). */
export type ThreatVariant = 'atlas' | 'attack';
export const ATLAS_MIN_STACK = '9.3.0';
export const NDJSON_FILES: Readonly<Record<ThreatVariant, string>> = {
  atlas: 'tracehound-rules.ndjson',
  attack: 'tracehound-rules-pre-9.3.ndjson',
};

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
  // Computed columns carry Elastic's `Esql.` prefix (detection-rules ESQL_DYNAMIC_FIELD_PREFIXES); KEEP names the output.
  const measure = a.distinct ? `Esql.distinct_count = COUNT_DISTINCT(${f(a.distinct)}), ` : '';
  const by = a.group_by.map(f);
  return [
    `FROM ${ELASTIC_INDEX_PATTERN}`,
    `| WHERE ${where.join(' AND ')}`,
    `| STATS ${measure}Esql.finding_count = COUNT(*), Esql.first_seen = MIN(@timestamp), Esql.last_seen = MAX(@timestamp) BY ${by.join(', ')}`,
    `| WHERE ${a.distinct ? 'Esql.distinct_count' : 'Esql.finding_count'} >= ${a.threshold}`,
    `| KEEP ${[...(a.distinct ? ['Esql.distinct_count'] : []), 'Esql.finding_count', 'Esql.first_seen', 'Esql.last_seen', ...by].join(', ')}`,
  ].join('\n');
}

interface ThreatRef {
  id: string;
  name: string;
  reference: string;
}
interface ThreatEntry {
  framework: 'MITRE ATLAS' | 'MITRE ATT&CK';
  tactic: ThreatRef;
  technique: Array<ThreatRef & { subtechnique?: ThreatRef[] }>;
}

/** ATLAS entries, grouped by tactic; a sub-technique (AML.T0024.002) nests under its parent technique. */
function atlasThreat(r: CatalogRule): ThreatEntry[] {
  const byTactic = new Map<string, ThreatEntry>();
  for (const id of r.atlas) {
    const t = ATLAS[id];
    if (!t) throw new Error(`${r.slug}: ATLAS technique ${id} missing from src/frameworks.ts`);
    const entry = byTactic.get(t.tactic.id) ?? {
      framework: 'MITRE ATLAS' as const,
      tactic: { id: t.tactic.id, name: t.tactic.name, reference: atlasUrl(t.tactic.id) },
      technique: [],
    };
    const dot = id.indexOf('.', 4);
    const parentId = dot > 0 ? id.slice(0, dot) : id;
    const parentName = ATLAS[parentId]?.name;
    if (!parentName) throw new Error(`${r.slug}: ATLAS parent technique ${parentId} missing from src/frameworks.ts`);
    let parent = entry.technique.find((x) => x.id === parentId);
    if (!parent) {
      parent = { id: parentId, name: parentName, reference: atlasUrl(parentId) };
      entry.technique.push(parent);
    }
    if (dot > 0) (parent.subtechnique ??= []).push({ id, name: t.name, reference: atlasUrl(id) });
    byTactic.set(t.tactic.id, entry);
  }
  return [...byTactic.values()];
}

/** ATT&CK entries for the techniques that have an ATT&CK equivalent, grouped by tactic. */
function attackThreat(r: CatalogRule): ThreatEntry[] {
  const byTactic = new Map<string, ThreatEntry>();
  for (const t of attackEquivalents(r.atlas)) {
    const entry = byTactic.get(t.tactic.id) ?? {
      framework: 'MITRE ATT&CK' as const,
      tactic: { id: t.tactic.id, name: t.tactic.name, reference: attackUrl(t.tactic.id) },
      technique: [],
    };
    entry.technique.push({ id: t.id, name: t.name, reference: attackUrl(t.id) });
    byTactic.set(t.tactic.id, entry);
  }
  return [...byTactic.values()];
}

export function threat(r: CatalogRule, variant: ThreatVariant): ThreatEntry[] {
  return variant === 'atlas' ? [...atlasThreat(r), ...attackThreat(r)] : attackThreat(r);
}

/** Elastic's tag convention (detection-rules EXPECTED_RULE_TAGS): `Prefix: value`, ATLAS as `Mitre Atlas: T0051`. */
function tags(r: CatalogRule, type: string): string[] {
  const ruleType = type === 'esql' ? 'ES|QL' : type === 'threshold' ? 'Threshold' : 'Custom Query (KQL)';
  return [
    'Domain: LLM',
    'Data Source: Tracehound',
    'Use Case: Threat Detection',
    'Resources: Investigation Guide',
    `Rule Type: ${ruleType}`,
    ...[...new Set(attackEquivalents(r.atlas).map((t) => t.tactic.name))].map((n) => `Tactic: ${n}`),
    ...r.atlas.map((a) => `Mitre Atlas: ${a.slice(4)}`),
  ];
}

/** Setup guide: how findings reach the data stream the rule reads. */
export const SETUP = [
  '## Setup',
  '',
  'The rule reads Tracehound finding records: one OTLP log record per finding, sent by the Tracehound processor to an',
  'OpenTelemetry Collector whose `elasticsearch` exporter runs with `mapping: { mode: otel }` (see `otel-collector.yaml`',
  'in the Tracehound repository). Finding records route themselves to the data stream `logs-tracehound.finding.otel-default`',
  '(attributes under `attributes.*`, the service under `resource.attributes.service.name`); the built-in `logs-otel@template`',
  'of Elasticsearch 8.16+ maps it, no index template or ingest pipeline is needed. Tune thresholds and exceptions in the',
  'rule; recurring benign findings are better suppressed in the processor (`detection.suppressions`).',
].join('\n');

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
export function kibanaRule(
  r: CatalogRule,
  playbook: string,
  variant: ThreatVariant = 'atlas',
): Record<string, unknown> {
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
    tags: tags(r, !agg ? 'query' : agg.distinct ? 'esql' : 'threshold'),
    references: [
      ...new Set([...(r.references ?? []), ...r.atlas.map(atlasUrl), ...(r.owasp.length > 0 ? [OWASP_LLM_URL] : [])]),
    ],
    false_positives: r.false_positives,
    note: investigationNote(r, playbook),
    setup: SETUP,
    threat: threat(r, variant),
    required_fields: r.fields.map((x) => ({ name: f(x), type: elasticType(x), ecs: false })),
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

/** detection-rules style TOML source of one rule (the ATLAS variant: its minimum stack is 9.3). */
export function ruleToml(rule: Record<string, unknown>): string {
  const { version: _v, enabled: _e, ...body } = rule;
  const doc = {
    metadata: {
      creation_date: CATALOG_DATE,
      updated_date: CATALOG_UPDATED,
      maturity: 'production',
      integration: ['tracehound'],
      min_stack_version: ATLAS_MIN_STACK,
      min_stack_comments: `MITRE ATLAS threat mappings are accepted from ${ATLAS_MIN_STACK}; older stacks import ${NDJSON_FILES.attack}.`,
    },
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
  const lines: Record<ThreatVariant, string[]> = { atlas: [], attack: [] };
  for (const r of rules) {
    const pb = playbooks.get(r.playbook);
    if (pb === undefined) throw new Error(`${r.slug}: playbook ${r.playbook} not found`);
    const k = kibanaRule(r, pb, 'atlas');
    out.set(`rules/${r.slug}.toml`, ruleToml(k));
    lines.atlas.push(JSON.stringify(k));
    lines.attack.push(JSON.stringify(kibanaRule(r, pb, 'attack')));
  }
  for (const v of ['atlas', 'attack'] as const) out.set(NDJSON_FILES[v], `${lines[v].join('\n')}\n`);
  return out;
}
