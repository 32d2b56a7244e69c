/**
 * The Splunk apps against Splunk's references (test/reference/splunk, see its README): the setting names of the
 * Splunk Enterprise 10.6 .conf.spec files, and the settings Splunk's contentctl writes into an ESCU correlation search.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_ROOT, loadCatalog } from '../src/catalog.js';
import { SPLUNK_APP, SPLUNK_ES_APP, splunkApp } from '../src/splunk.js';
import { parseConf } from './conf.js';

const REF = `${CONTENT_ROOT}test/reference/splunk/`;
const lines = (f: string) =>
  readFileSync(REF + f, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
/** A spec setting name as a matcher: `<placeholder>` segments match one or more characters. */
const matcher = (spec: string) =>
  new RegExp(
    `^${spec
      .split(/<[^>]+>/)
      .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')}$`,
  );
const keySet = (f: string) => lines(f).map(matcher);
const allowed = (key: string, specs: RegExp[]) => specs.some((m) => m.test(key));

const rules = loadCatalog();
const saved = keySet('savedsearches.conf.keys.txt');
const macros = keySet('macros.conf.keys.txt');
const fieldsSpec = keySet('fields.conf.keys.txt');
const appKeys = lines('app.conf.keys.txt').map((l) => {
  const [stanza, key] = [l.slice(0, l.indexOf(']') + 1), l.slice(l.indexOf(']') + 2)];
  return { stanza: matcher(stanza.slice(1, -1)), key: matcher(key) };
});
const escu = lines('escu-detection.keys.txt').map((l) => l.split(' ') as [string, string]);

describe.each([
  [SPLUNK_APP, false],
  [SPLUNK_ES_APP, true],
] as const)('Splunk app %s against the .conf.spec files', (app, es) => {
  const files = splunkApp(rules, es);

  it('savedsearches.conf, macros.conf and fields.conf use only settings their spec defines', () => {
    const off: string[] = [];
    for (const [stanza, kv] of parseConf(files.get('default/savedsearches.conf')!))
      for (const k of kv.keys()) if (!allowed(k, saved)) off.push(`savedsearches [${stanza}] ${k}`);
    for (const [stanza, kv] of parseConf(files.get('default/macros.conf')!))
      for (const k of kv.keys()) if (!allowed(k, macros)) off.push(`macros [${stanza}] ${k}`);
    for (const [stanza, kv] of parseConf(files.get('default/fields.conf')!)) {
      if (!/^[A-Za-z][A-Za-z0-9.:_]*$/.test(stanza)) off.push(`fields [${stanza}]: not a valid field name`);
      for (const k of kv.keys()) if (!allowed(k, fieldsSpec)) off.push(`fields [${stanza}] ${k}`);
    }
    expect(off).toEqual([]);
    expect(allowed('alert.suppres', saved)).toBe(false); // the check can fail
  });

  it('app.conf has the stanzas and settings of app.conf.spec, including [id], [package], [launcher], [install]', () => {
    const conf = parseConf(files.get('default/app.conf')!);
    const off: string[] = [];
    for (const [stanza, kv] of conf)
      for (const k of kv.keys())
        if (!appKeys.some((a) => a.stanza.test(stanza) && a.key.test(k))) off.push(`[${stanza}] ${k}`);
    expect(off).toEqual([]);
    for (const s of ['id', 'package', 'launcher', 'install', 'ui']) expect(conf.has(s), s).toBe(true);
    // app.conf.spec: id = folder name, letters, digits, dot and underscore, not ending with a dot; build a positive integer.
    expect(conf.get('package')!.get('id')).toMatch(/^[A-Za-z0-9._]*[A-Za-z0-9_]$/);
    expect(Number(conf.get('install')!.get('build'))).toBeGreaterThan(0);
    expect(conf.get('id')!.get('version')).toBe(conf.get('launcher')!.get('version'));
    expect(conf.get('launcher')!.get('version')).toMatch(/^\d+\.\d+\.\d+$/);
    expect(conf.get('ui')!.get('label')!.length).toBeGreaterThanOrEqual(5);
  });
});

it('every ES correlation search has what contentctl writes for an ESCU detection', () => {
  const files = splunkApp(rules, true);
  for (const [stanza, kv] of parseConf(files.get('default/savedsearches.conf')!)) {
    for (const [kind, key] of escu) if (kind === 'required') expect(kv.has(key), `[${stanza}] ${key}`).toBe(true);
    const meta = JSON.parse(kv.get('action.correlationsearch.metadata')!);
    for (const [kind, key] of escu)
      if (kind === 'metadata') expect(meta, `[${stanza}] metadata.${key}`).toHaveProperty(key);
    // contentctl DetectionMetadata: deprecated 0/1, detection_id a UUID, detection_version an integer, publish_time a number.
    expect(['0', '1']).toContain(String(meta.deprecated));
    expect(meta.detection_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Number.isInteger(Number(meta.detection_version))).toBe(true);
    expect(typeof meta.publish_time).toBe('number');
    expect(kv.get('disabled')).toBe('1'); // ESCU ships its detections disabled
  }
});
