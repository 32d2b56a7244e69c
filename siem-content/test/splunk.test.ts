import { describe, expect, it } from 'vitest';
import { isAggregation, loadCatalog } from '../src/catalog.js';
import { SPLUNK_SOURCETYPE, landed, landedFieldSet } from '../src/fields.js';
import { lintSpl } from '../src/lint/spl.js';
import {
  APP_BUILD,
  APP_VERSION,
  BASE_MACRO,
  SPLUNK_APP,
  SPLUNK_ES_APP,
  THROTTLE_FIELD,
  filterMacro,
  splunkApp,
} from '../src/splunk.js';
import { parseConf } from './conf.js';

const rules = loadCatalog();
const fields = landedFieldSet('splunk');

describe.each([
  [SPLUNK_APP, false],
  [SPLUNK_ES_APP, true],
] as const)('Splunk app %s', (app, es) => {
  const files = splunkApp(rules, es);
  const saved = parseConf(files.get('default/savedsearches.conf')!);
  const macros = parseConf(files.get('default/macros.conf')!);

  it('has the app layout Splunk installs', () => {
    expect([...files.keys()].sort()).toEqual([
      'README.md',
      'app.manifest',
      'default/app.conf',
      'default/fields.conf',
      'default/macros.conf',
      'default/props.conf',
      'default/savedsearches.conf',
      'metadata/default.meta',
    ]);
    const appConf = parseConf(files.get('default/app.conf')!);
    expect(appConf.get('package')?.get('id')).toBe(app);
    expect(appConf.get('id')?.get('name')).toBe(app);
    expect(appConf.get('id')?.get('version')).toBe(APP_VERSION);
    expect(appConf.get('launcher')?.get('version')).toBe(APP_VERSION);
    expect(appConf.get('install')?.get('build')).toBe(String(APP_BUILD));
    const manifest = JSON.parse(files.get('app.manifest')!);
    expect(manifest.info.id).toEqual({ group: null, name: app, version: APP_VERSION });
    expect(manifest.info.releaseNotes.text).toBe('./README.md');
    expect(files.get('README.md')).toContain(es ? 'ship **disabled**' : 'throttled per trace');
    expect(parseConf(files.get('default/props.conf')!).get(SPLUNK_SOURCETYPE)?.get('KV_MODE')).toBe('none');
    expect(parseConf(files.get('default/fields.conf')!).get('rule.category')?.get('INDEXED')).toBe('true');
  });

  it('one overridable base macro for index and sourcetype, one filter macro per rule', () => {
    expect(macros.get(BASE_MACRO)?.get('definition')).toBe(`index=main sourcetype="${SPLUNK_SOURCETYPE}"`);
    for (const r of rules) expect(macros.get(filterMacro(r))?.get('definition')).toBe('search *');
  });

  it('every rule is a scheduled, throttled alert whose search lints clean', () => {
    expect(saved.size).toBe(rules.length);
    for (const r of rules) {
      const s = saved.get(r.name);
      expect(s, r.name).toBeDefined();
      const search = s!.get('search')!;
      expect(
        lintSpl({ search, macros: new Set(macros.keys()), fields, filterMacro: filterMacro(r), baseMacro: BASE_MACRO }),
        r.slug,
      ).toEqual([]);
      expect(s!.get('enableSched')).toBe('1');
      expect(s!.get('cron_schedule')).toMatch(/^(\*\/\d+|0) /);
      expect(s!.get('alert.suppress')).toBe('1');
      expect(search).not.toContain('fillnull');
      const throttle = isAggregation(r)
        ? r.logic.aggregate.group_by.map((x) => landed(x, 'splunk')).join(',')
        : THROTTLE_FIELD;
      expect(s!.get('alert.suppress.fields')).toBe(throttle);
      if (!isAggregation(r)) {
        // The throttle key is the entity fields, or the finding's trace when it has none: never one shared value.
        expect(search).toContain(
          `eval ${THROTTLE_FIELD}=if(${r.entity.map((e) => `isnull('${landed(e, 'splunk')}')`).join(' AND ')}, "trace:".'trace.id', `,
        );
      }
      expect(Number(s!.get('alert.severity'))).toBeGreaterThanOrEqual(3);
      if (isAggregation(r)) expect(search).toContain(`>= ${r.logic.aggregate.threshold} |`);
      expect(s!.get('disabled')).toBe(es ? '1' : '0');
      if (es) {
        expect(s!.get('action.correlationsearch.detection_type')).toBe('ebd');
        const meta = JSON.parse(s!.get('action.correlationsearch.metadata')!);
        expect(meta).toMatchObject({ deprecated: '0', detection_id: r.id, detection_version: '1' });
        expect(typeof meta.publish_time).toBe('number');
        const drill = JSON.parse(s!.get('action.notable.param.drilldown_searches')!) as Array<Record<string, string>>;
        expect(drill.length).toBeGreaterThan(0);
        for (const d of drill) {
          expect(Object.keys(d).sort()).toEqual(['earliest_offset', 'latest_offset', 'name', 'search']);
          expect(d.search.startsWith(`\`${BASE_MACRO}\``)).toBe(true);
          expect(d.search).not.toContain('"unknown"');
        }
        expect(s!.get('action.notable')).toBe('1');
        expect(s!.get('action.notable.param.severity')).toBe(r.severity);
        expect(s!.get('action.risk')).toBe('1');
        const risk = JSON.parse(s!.get('action.risk.param._risk')!) as Array<Record<string, string | number>>;
        const objects = risk.filter((o) => 'risk_object_field' in o);
        const threats = risk.filter((o) => 'threat_object_field' in o);
        expect(objects.length).toBeGreaterThan(0);
        expect(threats).toEqual([{ threat_object_field: 'rule.id', threat_object_type: 'signature' }]);
        for (const o of objects)
          expect(fields.has(String(o.risk_object_field)), String(o.risk_object_field)).toBe(true);
        expect(JSON.parse(s!.get('action.correlationsearch.annotations')!).mitre_atlas).toEqual(r.atlas);
      } else {
        expect(s!.has('action.notable')).toBe(false);
      }
    }
  });

  it('the linter catches what it should', () => {
    const base = { macros: new Set(macros.keys()), fields, filterMacro: 'x_filter', baseMacro: BASE_MACRO };
    expect(lintSpl({ ...base, search: '`tracehound_findings` rule.id="a | `x_filter`' }).join()).toMatch(
      /unterminated string/,
    );
    expect(lintSpl({ ...base, search: '`tracehound_findings` rule.idd="a" | `x_filter`' }).join()).toMatch(
      /macro x_filter|unknown field rule.idd/,
    );
    expect(lintSpl({ ...base, search: '`tracehound_findings` | stats count by (rule.id | `x_filter`' }).join()).toMatch(
      /unclosed/,
    );
  });
});
