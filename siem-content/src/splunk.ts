/**
 * Splunk app generator: tracehound_llm_security (scheduled alerts) and tracehound_llm_security_es (the same searches
 * as Enterprise Security correlation searches with notable and risk actions). Searches query the finding records
 * under the names the splunk_hec exporter gives them (HEC indexed fields named like the attributes).
 */
import { durationSeconds, isAggregation, type CatalogRule, type Filter, type Severity } from './catalog.js';
import { DISPLAY_FIELDS, SPLUNK_SOURCETYPE, landed } from './fields.js';
import { FIELDS } from '@tracehound/core';
import { attackEquivalents } from './frameworks.js';
import { dquote, oneLine } from './text.js';

export const SPLUNK_APP = 'tracehound_llm_security';
export const SPLUNK_ES_APP = 'tracehound_llm_security_es';
export const APP_VERSION = '0.2.0';
/** app.conf [install] build: a positive integer that changes with every release (app.conf.spec). */
export const APP_BUILD = 2;
/** Publish time of the catalog (ESCU metadata `publish_time`, epoch seconds): 2026-12-01T00:00:00Z. */
export const PUBLISH_TIME = Date.UTC(2026, 11, 1) / 1000;
/** The field single-event alerts are throttled and drilled down on (see throttleKey). */
export const THROTTLE_FIELD = 'th_entity';
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

/** An eval field reference: SPL quotes field names that contain dots with single quotes. */
const ref = (name: string): string => `'${f(name)}'`;

/**
 * The throttle key of a single-event rule: its entity fields joined with "|", or — when the finding carries none of
 * them (no session, no user) — the finding's own trace id, so that entity-less findings are throttled one trace at a
 * time instead of all together under one empty or placeholder value.
 */
export function throttleKey(r: CatalogRule): string {
  const missing = r.entity.map((e) => `isnull(${ref(e)})`).join(' AND ');
  const joined = r.entity.map((e) => `coalesce(${ref(e)},"")`).join('."|".');
  return `eval ${THROTTLE_FIELD}=if(${missing}, "trace:".${ref('trace.id')}, ${joined})`;
}

/** The SPL of one rule: base macro, filters, shaping (table or stats), then the local tuning macro. */
export function splSearch(r: CatalogRule): string {
  const head = [`\`${BASE_MACRO}\``, ...r.logic.filters.map(term)].join(' ');
  if (!isAggregation(r)) {
    const shown = [...new Set([...DISPLAY_FIELDS, ...r.fields])].map(f);
    return `${head} | ${throttleKey(r)} | table _time ${THROTTLE_FIELD} ${shown.join(' ')} | \`${filterMacro(r)}\``;
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

/** Throttle fields: the aggregation's group-by fields (never null after stats ... by), else the throttle key. */
export const suppressFields = (r: CatalogRule): string[] =>
  isAggregation(r) ? r.logic.aggregate.group_by.map(f) : [THROTTLE_FIELD];

/** The fields a notable's drill-downs and risk objects name: group-by fields, else the entity fields. */
const entityFields = (r: CatalogRule): string[] => (isAggregation(r) ? r.logic.aggregate.group_by : r.entity).map(f);

/** ESCU-style drill-down searches: one per entity field, plus the trace of a single finding. */
export function drilldownSearches(r: CatalogRule): Array<Record<string, string>> {
  const window = { earliest_offset: '$info_min_time$', latest_offset: '$info_max_time$' };
  const out = entityFields(r).map((x) => ({
    name: `Tracehound findings of ${x} $${x}$`,
    search: `\`${BASE_MACRO}\` ${x}="$${x}$"`,
    ...window,
  }));
  if (!isAggregation(r))
    out.push({ name: 'The trace of this finding', search: `\`${BASE_MACRO}\` trace.id="$trace.id$"`, ...window });
  return out;
}

function stanza(r: CatalogRule, es: boolean): string[] {
  const w = window(r);
  const lines = [
    `# catalog id ${r.id} · playbook siem-content/playbooks/${r.playbook}.md`,
    `[${r.name}]`,
    `description = ${oneLine(r.description)}`,
    `search = ${splSearch(r)}`,
    `disabled = ${es ? 1 : 0}`,
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
    const risk: Array<Record<string, string | number>> = [
      ...riskObjects(r).map((o) => ({
        risk_object_field: o.field,
        risk_object_type: o.type,
        risk_score: r.risk_score,
      })),
      // The detecting rule is the threat object: it groups risk by what was seen, as ESCU does with signatures.
      { threat_object_field: f('rule.id'), threat_object_type: 'signature' },
    ];
    const drill = isAggregation(r)
      ? entityFields(r)
          .map((x) => `${x}="$${x}$"`)
          .join(' ')
      : 'trace.id="$trace.id$"';
    const metadata = { deprecated: '0', detection_id: r.id, detection_version: '1', publish_time: PUBLISH_TIME };
    lines.push(
      'action.correlationsearch.enabled = 1',
      'action.correlationsearch.detection_type = ebd',
      `action.correlationsearch.label = ${r.name}`,
      `action.correlationsearch.metadata = ${JSON.stringify(metadata)}`,
      `action.correlationsearch.annotations = ${JSON.stringify({ mitre_atlas: r.atlas, mitre_attack: attackEquivalents(r.atlas).map((t) => t.id), owasp_llm_2025: r.owasp, tracehound_catalog_id: [r.id] })}`,
      'action.notable = 1',
      `action.notable.param.rule_title = ${r.name}`,
      `action.notable.param.rule_description = ${oneLine(r.description)}`,
      'action.notable.param.security_domain = threat',
      `action.notable.param.severity = ${r.severity}`,
      `action.notable.param.nes_fields = ${entityFields(r).join(',')}`,
      `action.notable.param.drilldown_name = ${isAggregation(r) ? 'Tracehound findings of this entity' : 'The trace of this finding'}`,
      `action.notable.param.drilldown_search = \`${BASE_MACRO}\` ${drill}`,
      `action.notable.param.drilldown_searches = ${JSON.stringify(drilldownSearches(r))}`,
      'action.notable.param.drilldown_earliest_offset = $info_min_time$',
      'action.notable.param.drilldown_latest_offset = $info_max_time$',
      'action.notable.param.recommended_actions = risk',
      `action.notable.param.next_steps = ${JSON.stringify({ version: 1, data: `Follow the playbook siem-content/playbooks/${r.playbook}.md. ${r.triage.join(' ')}` })}`,
      'action.risk = 1',
      `action.risk.param._risk = ${JSON.stringify(risk)}`,
      `action.risk.param._risk_message = ${r.name} on ${entityFields(r)
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
  return entityFields(r).map((x) => ({
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

const appLabel = (es: boolean): string =>
  es ? 'Tracehound LLM Security for Enterprise Security' : 'Tracehound LLM Security';
const appDescription = (es: boolean): string =>
  `Detections on Tracehound findings (LLM prompt injection, leaks, agent tool abuse, insecure output, API abuse, cost abuse)${es ? ' as ES correlation searches with notable and risk actions' : ''}.`;

function appConf(es: boolean): string {
  const id = es ? SPLUNK_ES_APP : SPLUNK_APP;
  return [
    '# Generated by `npm run gen:siem`.',
    '[install]',
    'is_configured = 1',
    'state = enabled',
    `build = ${APP_BUILD}`,
    '',
    '[id]',
    `name = ${id}`,
    `version = ${APP_VERSION}`,
    '',
    '[launcher]',
    'author = Tracehound',
    `description = ${appDescription(es)}`,
    `version = ${APP_VERSION}`,
    '',
    '[package]',
    `id = ${id}`,
    'check_for_updates = 0',
    '',
    '# No views: the searches are listed under Settings > Searches, reports, and alerts (and ES Content Management).',
    '[ui]',
    'is_visible = 0',
    `label = ${appLabel(es)}`,
    '',
  ].join('\n');
}

/** app.manifest (Splunk packaging toolkit schema 2.0.0). */
function appManifest(es: boolean): string {
  const id = es ? SPLUNK_ES_APP : SPLUNK_APP;
  const manifest = {
    schemaVersion: '2.0.0',
    info: {
      title: appLabel(es),
      id: { group: null, name: id, version: APP_VERSION },
      author: [{ name: 'Tracehound', email: null, company: null }],
      releaseDate: null,
      description: appDescription(es),
      classification: { intendedAudience: null, categories: [], developmentStatus: null },
      commonInformationModels: null,
      license: { name: 'Apache-2.0', text: null, uri: 'https://www.apache.org/licenses/LICENSE-2.0' },
      privacyPolicy: { name: null, text: null, uri: null },
      releaseNotes: { name: 'README', text: './README.md', uri: null },
    },
    dependencies: null,
    tasks: null,
    inputGroups: null,
    incompatibleApps: es ? { [SPLUNK_APP]: { version: '*' } } : { [SPLUNK_ES_APP]: { version: '*' } },
    platformRequirements: { splunk: { Enterprise: '>=9.0' } },
    supportedDeployments: ['_standalone', '_distributed', '_search_head_clustering'],
    targetWorkloads: ['_search_heads'],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function readme(rules: readonly CatalogRule[], es: boolean): string {
  return [
    `# ${appLabel(es)} ${APP_VERSION}`,
    '',
    'Generated by `npm run gen:siem` from the Tracehound rule catalog (siem-content/rules); edit the catalog, not this app.',
    '',
    `${appDescription(es)} The searches read Tracehound finding records sent to HEC by the OpenTelemetry Collector`,
    '`splunk_hec` exporter (sourcetype `tracehound:finding`, every finding attribute an indexed field).',
    '',
    '## Install and configure',
    '',
    '1. Install this app on the search heads (Apps > Install app from file). Install either this app or the',
    `   ${es ? SPLUNK_APP : SPLUNK_ES_APP} variant, not both: the searches are the same.`,
    '2. If the findings are not in `index=main`, override the base macro in `local/macros.conf`:',
    `   \`[${BASE_MACRO}]\` \`definition = index=<your index> sourcetype="${SPLUNK_SOURCETYPE}"\`.`,
    '3. Tune a rule with its `<rule>_filter` macro in `local/macros.conf` (default `search *`).',
    es
      ? '4. The correlation searches ship **disabled** (as ESCU does): enable the ones you want in ES Content Management. Each creates a notable (drill-down searches per entity and per trace) and risk events on the entity fields, with the detecting rule as threat object.'
      : '4. The alerts are scheduled and enabled; each is throttled per entity (`alert.suppress.fields`). Findings without any entity field (no session, no user) are throttled per trace, never together.',
    '',
    '## Searches',
    '',
    ...rules.map((r) => `- ${r.name} (${r.severity})`),
    '',
    '## Support',
    '',
    'See docs/siem.md in the Tracehound repository. Licence: Apache-2.0.',
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
    ['README.md', readme(rules, es)],
    ['app.manifest', appManifest(es)],
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
