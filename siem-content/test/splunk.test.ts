import { describe, expect, it } from 'vitest';
import { isAggregation, loadCatalog } from '../src/catalog.js';
import { SPLUNK_SOURCETYPE, landed, landedFieldSet } from '../src/fields.js';
import { lintSpl } from '../src/lint/spl.js';
import { BASE_MACRO, SPLUNK_APP, SPLUNK_ES_APP, filterMacro, splunkApp } from '../src/splunk.js';
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
      'default/app.conf',
      'default/fields.conf',
      'default/macros.conf',
      'default/props.conf',
      'default/savedsearches.conf',
      'metadata/default.meta',
    ]);
    const appConf = parseConf(files.get('default/app.conf')!);
    expect(appConf.get('package')?.get('id')).toBe(app);
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
      const throttle = (isAggregation(r) ? r.logic.aggregate.group_by : r.entity)
        .map((x) => landed(x, 'splunk'))
        .join(',');
      expect(s!.get('alert.suppress.fields')).toBe(throttle);
      expect(Number(s!.get('alert.severity'))).toBeGreaterThanOrEqual(3);
      if (isAggregation(r)) expect(search).toContain(`>= ${r.logic.aggregate.threshold} |`);
      if (es) {
        expect(s!.get('action.notable')).toBe('1');
        expect(s!.get('action.notable.param.severity')).toBe(r.severity);
        expect(s!.get('action.risk')).toBe('1');
        const risk = JSON.parse(s!.get('action.risk.param._risk')!) as Array<{
          risk_object_field: string;
          risk_score: number;
        }>;
        expect(risk.length).toBeGreaterThan(0);
        for (const o of risk) expect(fields.has(o.risk_object_field), o.risk_object_field).toBe(true);
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
