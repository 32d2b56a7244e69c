/**
 * Splunk app generator: tracehound_llm_security (scheduled alerts) and tracehound_llm_security_es (the same searches
 * as Enterprise Security correlation searches with notable and risk actions). Searches query the finding records
 * under the names the splunk_hec exporter gives them (HEC indexed fields named like the attributes).
 */
import { durationSeconds, isAggregation, type CatalogRule, type Filter, type Severity } from './catalog.js';
import { DISPLAY_FIELDS, SPLUNK_SOURCETYPE, landed } from './fields.js';
import { FIELDS } from '@tracehound/core';
import { dquote, oneLine } from './text.js';

export const SPLUNK_APP = 'tracehound_llm_security';
export const SPLUNK_ES_APP = 'tracehound_llm_security_es';
export const APP_VERSION = '0.1.0';
export const BASE_MACRO = 'tracehound_findings';

const ALERT_SEVERITY: Record<Severity, number> = { low: 3, medium: 4, high: 5, critical: 6 };

export const filterMacro = (r: CatalogRule): string => `${r.slug}_filter`;
const f = (name: string): string => landed(name, 'splunk');
const quote = dquote;

function term(flt: Filter): string {
  const n = f(flt.field);
  switch (flt.op) {
    case 'exists':
      return `${n}=*`;
    case 'gte':
      return `${n}>=${flt.value}`;
    case 'in':
      return flt.values.length === 1 ? `${n}=${quote(flt.values[0])}` : `${n} IN (${flt.values.map(quote).join(', ')})`;
    case 'not_in':
      return `NOT ${n} IN (${flt.values.map(quote).join(', ')})`;
  }
}

/** The SPL of one rule: base macro, filters, shaping (table or stats), then the local tuning macro. */
export function splSearch(r: CatalogRule): string {
  const head = [`\`${BASE_MACRO}\``, ...r.logic.filters.map(term)].join(' ');
  if (!isAggregation(r)) {
    const shown = [...new Set([...DISPLAY_FIELDS, ...r.fields])].map(f);
    return `${head} | fillnull value="unknown" ${r.entity.map(f).join(' ')} | table _time ${shown.join(' ')} | \`${filterMacro(r)}\``;
  }
  const a = r.logic.aggregate;
  const by = a.group_by.map(f);
  const measure = a.distinct
    ? `dc(${f(a.distinct)}) as distinct_count count as finding_count`
    : 'count as finding_count';
  const ctx = ['rule.id', 'rule.category', 'session.id', 'user.id', 'tracehound.api_key.fingerprint', 'service.name']
    .filter((x) => !a.group_by.includes(x))
    .map((x) => `values(${f(x)}) as ${x.replaceAll('.', '_')}_values`);
  const cmp = a.distinct ? 'distinct_count' : 'finding_count';
  return `${head} | stats ${measure} min(_time) as first_seen max(_time) as last_seen ${ctx.join(' ')} by ${by.join(' ')} | where ${cmp} >= ${a.threshold} | \`${filterMacro(r)}\``;
}

function cron(interval: string): string {
  const s = durationSeconds(interval);
  if (s % 3600 === 0) return `0 */${s / 3600} * * *`.replace('*/1 ', '* ');
  return `*/${s / 60} * * * *`;
}

function window(r: CatalogRule): { earliest: string; latest: string } {
  // Single events: non-overlapping interval windows, one minute behind for indexing lag; aggregations: the full window.
  const secs = isAggregation(r) ? durationSeconds(r.logic.aggregate.window) : durationSeconds(r.interval);
  return { earliest: `-${secs / 60 + 1}m@m`, latest: '-1m@m' };
}

const suppressFields = (r: CatalogRule): string[] => (isAggregation(r) ? r.logic.aggregate.group_by : r.entity).map(f);

function stanza(r: CatalogRule, es: boolean): string[] {
  const w = window(r);
  const lines = [
    `# catalog id ${r.id} · playbook siem-content/playbooks/${r.playbook}.md`,
    `[${r.name}]`,
    `description = ${oneLine(r.description)}`,
    `search = ${splSearch(r)}`,
    'disabled = 0',
    'enableSched = 1',
    `cron_schedule = ${cron(r.interval)}`,
    'schedule_window = auto',
    `dispatch.earliest_time = ${w.earliest}`,
    `dispatch.latest_time = ${w.latest}`,
    'counttype = number of events',
    'relation = greater than',
    'quantity = 0',
    'alert.track = 1',
    'alert.digest_mode = 0',
    `alert.severity = ${ALERT_SEVERITY[r.severity]}`,
    'alert.suppress = 1',
    `alert.suppress.fields = ${suppressFields(r).join(',')}`,
    `alert.suppress.period = ${r.throttle}`,
    `request.ui_dispatch_app = ${es ? SPLUNK_ES_APP : SPLUNK_APP}`,
  ];
  if (es) {
    const risk = riskObjects(r).map((o) => ({
      risk_object_field: o.field,
      risk_object_type: o.type,
      risk_score: r.risk_score,
    }));
    const drill = suppressFields(r)
      .map((x) => `${x}="$${x}$"`)
      .join(' ');
    lines.push(
      'action.correlationsearch.enabled = 1',
      `action.correlationsearch.label = ${r.name}`,
      `action.correlationsearch.annotations = ${JSON.stringify({ mitre_atlas: r.atlas, owasp_llm_2025: r.owasp, tracehound_catalog_id: [r.id] })}`,
      'action.notable = 1',
      `action.notable.param.rule_title = ${r.name}`,
      `action.notable.param.rule_description = ${oneLine(r.description)}`,
      'action.notable.param.security_domain = threat',
      `action.notable.param.severity = ${r.severity}`,
      `action.notable.param.nes_fields = ${suppressFields(r).join(',')}`,
      'action.notable.param.drilldown_name = Tracehound findings of this entity',
      `action.notable.param.drilldown_search = \`${BASE_MACRO}\` ${drill}`,
      'action.notable.param.drilldown_earliest_offset = $info_min_time$',
      'action.notable.param.drilldown_latest_offset = $info_max_time$',
      'action.notable.param.recommended_actions = risk',
      `action.notable.param.next_steps = ${JSON.stringify({ version: 1, data: `Follow the playbook siem-content/playbooks/${r.playbook}.md. ${r.triage.join(' ')}` })}`,
      'action.risk = 1',
      `action.risk.param._risk = ${JSON.stringify(risk)}`,
      `action.risk.param._risk_message = ${r.name} on ${suppressFields(r)
        .map((x) => `$${x}$`)
        .join(' ')}`,
      'action.risk.param._risk_score = 0',
      'action.risk.param.verbose = 0',
    );
  }
  return lines;
}

/** Risk objects: users are ES "user", services "system", keys, sessions and models "other". */
function riskObjects(r: CatalogRule): Array<{ field: string; type: string }> {
  return suppressFields(r).map((x) => ({
    field: x,
    type: x === 'user.id' ? 'user' : x === 'service.name' ? 'system' : 'other',
  }));
}

function macros(rules: readonly CatalogRule[]): string {
  const out = [
    '# Generated by `npm run gen:siem` from siem-content/rules. Override in local/macros.conf, never edit here.',
    '',
    `[${BASE_MACRO}]`,
    `definition = index=main sourcetype="${SPLUNK_SOURCETYPE}"`,
    'description = Where Tracehound finding records live. Override in local/macros.conf with the index your HEC token writes to.',
    'iseval = 0',
  ];
  for (const r of rules) {
    out.push(
      '',
      `[${filterMacro(r)}]`,
      'definition = search *',
      `description = Local tuning of "${r.name}": replace with e.g. search NOT user.id IN ("redteam-1") in local/macros.conf.`,
      'iseval = 0',
    );
  }
  return `${out.join('\n')}\n`;
}

function savedsearches(rules: readonly CatalogRule[], es: boolean): string {
  const out = [
    '# Generated by `npm run gen:siem` from siem-content/rules. Tune with the <rule>_filter macros, not here.',
  ];
  for (const r of rules) out.push('', ...stanza(r, es));
  return `${out.join('\n')}\n`;
}

function appConf(es: boolean): string {
  const label = es ? 'Tracehound LLM Security for Enterprise Security' : 'Tracehound LLM Security';
  return [
    '# Generated by `npm run gen:siem`.',
    '[install]',
    'is_configured = 1',
    'build = 1',
    '',
    '[launcher]',
    'author = Tracehound',
    `description = Detections on Tracehound findings (LLM prompt injection, leaks, agent tool abuse, cost abuse)${es ? ' as ES correlation searches with notable and risk actions' : ''}.`,
    `version = ${APP_VERSION}`,
    '',
    '[package]',
    `id = ${es ? SPLUNK_ES_APP : SPLUNK_APP}`,
    'check_for_updates = 0',
    '',
    '[ui]',
    'is_visible = 1',
    `label = ${label}`,
    '',
  ].join('\n');
}

function propsConf(): string {
  return [
    '# Generated by `npm run gen:siem`. Finding records arrive through HEC /services/collector/event: the body is a',
    '# one-line summary and every attribute is an indexed field, so no search-time extraction is wanted.',
    `[${SPLUNK_SOURCETYPE}]`,
    'KV_MODE = none',
    'SHOULD_LINEMERGE = false',
    'TRUNCATE = 10000',
    'category = Application',
    'description = Tracehound security findings (OTLP log records sent by the Collector splunk_hec exporter)',
    'pulldown_type = 1',
    '',
  ].join('\n');
}

/** Finding attributes are HEC indexed fields whose values are not in _raw: search them as index terms. */
function fieldsConf(): string {
  const out = [
    '# Generated by `npm run gen:siem`. Every Tracehound finding field is an HEC indexed field not present in _raw.',
  ];
  for (const fld of FIELDS.filter((x) => x.on !== 'span'))
    out.push('', `[${landed(fld.name, 'splunk')}]`, 'INDEXED = true', 'INDEXED_VALUE = false');
  return `${out.join('\n')}\n`;
}

function defaultMeta(): string {
  return [
    '# Generated by `npm run gen:siem`.',
    '[]',
    'access = read : [ * ], write : [ admin, sc_admin ]',
    'export = system',
    '',
  ].join('\n');
}

/** Files of one app, keyed by path inside the app folder. */
export function splunkApp(rules: readonly CatalogRule[], es: boolean): Map<string, string> {
  return new Map([
    ['default/app.conf', appConf(es)],
    ['default/macros.conf', macros(rules)],
    ['default/savedsearches.conf', savedsearches(rules, es)],
    ['default/props.conf', propsConf()],
    ['default/fields.conf', fieldsConf()],
    ['metadata/default.meta', defaultMeta()],
  ]);
}

/** Both apps, keyed by path under siem-content/splunk/. */
export function splunkFiles(rules: readonly CatalogRule[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [app, es] of [
    [SPLUNK_APP, false],
    [SPLUNK_ES_APP, true],
  ] as const) {
    for (const [p, c] of splunkApp(rules, es)) out.set(`${app}/${p}`, c);
  }
  return out;
}
