/**
 * The rule catalog: one YAML file per SIEM rule in siem-content/rules/. Every generator (Splunk, Elastic, Sigma) and
 * the test interpreter read this one model, so a rule's logic is written once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import RE2 from 're2';
import { parse } from 'yaml';
import { FINDING_CATEGORIES, type FindingCategory } from '@tracehound/core';

export const CONTENT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RULES_DIR = join(CONTENT_ROOT, 'rules');
export const PLAYBOOKS_DIR = join(CONTENT_ROOT, 'playbooks');

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** One condition on a schema field (names as the processor emits them, before landing). */
export type Filter =
  | { field: string; op: 'in'; values: string[] }
  | { field: string; op: 'not_in'; values: string[] }
  | { field: string; op: 'gte'; value: number }
  | { field: string; op: 'exists' };

export interface Aggregate {
  /** Alert once per combination of these fields. */
  group_by: string[];
  /** Count distinct values of this field instead of events. */
  distinct?: string;
  /** Fires when the count (or distinct count) within the window reaches this. */
  threshold: number;
  /** Window length, e.g. 1h, 30m. */
  window: string;
}

export interface CatalogRule {
  id: string;
  slug: string;
  name: string;
  description: string;
  severity: Severity;
  risk_score: number;
  categories: FindingCategory[];
  /** Processor rule ids (TH-*) whose findings this rule consumes; informative, the logic filters on categories. */
  source_rules: string[];
  /** Every schema field the logic, grouping and throttling use. */
  fields: string[];
  logic: { filters: Filter[]; aggregate?: Aggregate };
  /** Fields that identify the entity to throttle by (Splunk alert.suppress.fields) and to risk-score. */
  entity: string[];
  /** Re-alert on the same entity at most once per this period. */
  throttle: string;
  /** How often the rule runs. */
  interval: string;
  owasp: string[];
  atlas: string[];
  false_positives: string[];
  triage: string[];
  playbook: string;
  references?: string[];
}

export function isAggregation(r: CatalogRule): r is CatalogRule & { logic: { aggregate: Aggregate } } {
  return r.logic.aggregate !== undefined;
}

/** Every field name a rule's logic, grouping and entity use (the set `fields` must list). */
export function usedFields(r: CatalogRule): string[] {
  const s = new Set<string>();
  for (const f of r.logic.filters) s.add(f.field);
  for (const g of r.logic.aggregate?.group_by ?? []) s.add(g);
  if (r.logic.aggregate?.distinct) s.add(r.logic.aggregate.distinct);
  for (const e of r.entity) s.add(e);
  return [...s].sort();
}

const DURATION = new RE2('^(\\d+)([smhd])$');
const OWASP_ID = new RE2('^LLM(0[1-9]|10):2025$');
const ATLAS_ID = new RE2('^AML\\.T\\d{4}(\\.\\d{3})?$');
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function durationSeconds(d: string): number {
  const m = DURATION.exec(d);
  if (!m) throw new Error(`bad duration "${d}" (expected e.g. 5m, 1h)`);
  return Number(m[1]) * UNIT_SECONDS[m[2]];
}

const UUID = new RE2('^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$');
const SLUG = new RE2('^[a-z][a-z0-9_]{2,60}$');
const REQUIRED: (keyof CatalogRule)[] = [
  'id',
  'slug',
  'name',
  'description',
  'severity',
  'risk_score',
  'categories',
  'source_rules',
  'fields',
  'logic',
  'entity',
  'throttle',
  'interval',
  'owasp',
  'atlas',
  'false_positives',
  'triage',
  'playbook',
];

/** Structural problems of one rule (empty when valid). Schema-field checks live in the tests, against the processor. */
export function ruleProblems(r: CatalogRule): string[] {
  const p: string[] = [];
  for (const k of REQUIRED) if (r[k] === undefined) p.push(`missing ${k}`);
  if (p.length > 0) return p;
  if (!UUID.test(r.id)) p.push('id is not a lowercase UUID v4');
  if (!SLUG.test(r.slug)) p.push('slug must be snake_case');
  if (!SEVERITIES.includes(r.severity)) p.push(`bad severity ${r.severity}`);
  if (!Number.isInteger(r.risk_score) || r.risk_score < 1 || r.risk_score > 100) p.push('risk_score must be 1..100');
  for (const c of r.categories)
    if (!(FINDING_CATEGORIES as readonly string[]).includes(c)) p.push(`unknown category ${c}`);
  if (r.logic.filters.length === 0) p.push('logic needs at least one filter');
  for (const f of r.logic.filters) {
    if (!['in', 'not_in', 'gte', 'exists'].includes(f.op)) p.push(`bad op ${(f as Filter).op}`);
    if ((f.op === 'in' || f.op === 'not_in') && (!Array.isArray(f.values) || f.values.length === 0))
      p.push(`${f.field}: values required`);
    if (f.op === 'gte' && typeof f.value !== 'number') p.push(`${f.field}: numeric value required`);
  }
  const agg = r.logic.aggregate;
  if (agg) {
    if (agg.group_by.length === 0 || agg.group_by.length > 3) p.push('aggregate.group_by needs 1..3 fields');
    if (!Number.isInteger(agg.threshold) || agg.threshold < 2) p.push('aggregate.threshold must be an integer ≥ 2');
  }
  for (const d of [r.throttle, r.interval, ...(agg ? [agg.window] : [])]) {
    try {
      durationSeconds(d);
    } catch (e) {
      p.push((e as Error).message);
    }
  }
  if (r.entity.length === 0) p.push('entity needs at least one field');
  const used = usedFields(r).join(',');
  if ([...r.fields].sort().join(',') !== used) p.push(`fields must list exactly the fields used: ${used}`);
  if (r.false_positives.length === 0 || r.triage.length === 0) p.push('false_positives and triage must not be empty');
  for (const o of r.owasp) if (!OWASP_ID.test(o)) p.push(`bad OWASP id ${o}`);
  for (const a of r.atlas) if (!ATLAS_ID.test(a)) p.push(`bad ATLAS id ${a}`);
  return p;
}

/** Read every rules/*.yml, sorted by file name (so generated output is stable). Throws on an invalid rule. */
export function loadCatalog(dir: string = RULES_DIR): CatalogRule[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort();
  const rules: CatalogRule[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const r = parse(readFileSync(join(dir, f), 'utf8')) as CatalogRule;
    r.references ??= [];
    for (const msg of ruleProblems(r)) problems.push(`${f}: ${msg}`);
    if (r.slug && `${r.slug.replaceAll('_', '-')}.yml` !== f)
      problems.push(`${f}: file name must be the slug with dashes`);
    rules.push(r);
  }
  const ids = new Set<string>();
  const slugs = new Set<string>();
  for (const r of rules) {
    if (ids.has(r.id)) problems.push(`duplicate id ${r.id}`);
    if (slugs.has(r.slug)) problems.push(`duplicate slug ${r.slug}`);
    ids.add(r.id);
    slugs.add(r.slug);
  }
  if (problems.length > 0) throw new Error(`invalid rule catalog:\n  ${problems.join('\n  ')}`);
  return rules;
}
