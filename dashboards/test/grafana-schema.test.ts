/**
 * Dashboard panels and Elasticsearch targets against Grafana's own schema, as published in the
 * @grafana/grafana-foundation-sdk package (types generated from Grafana's CUE schemas): the Elasticsearch data query's
 * MetricAggregationType and BucketAggregationType unions, and the panel plugin types the SDK ships a panel package
 * for. The unions are read from the package's type declarations at test time, so an SDK upgrade updates the check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DASHBOARDS } from '../src/index.js';

const require = createRequire(import.meta.url);
// The package exports only its modules: locate its root from one of them (dist/<module>/index.js).
const SDK = join(dirname(require.resolve('@grafana/grafana-foundation-sdk/elasticsearch')), '..', '..');
const esTypes = readFileSync(join(SDK, 'dist/elasticsearch/types.gen.d.ts'), 'utf8');

/** String literals of a `export type Name = "a" | "b" | Other;` union, plus the values of enums it names. */
function unionValues(src: string, name: string): Set<string> {
  const decl = src.match(new RegExp(`export type ${name} = ([^;]+);`));
  if (!decl) throw new Error(`${name} not found in the SDK's elasticsearch types`);
  const out = new Set<string>();
  for (const part of decl[1].split('|').map((x) => x.trim())) {
    if (part.startsWith('"')) out.add(part.slice(1, -1));
    else for (const v of enumValues(src, part)) out.add(v);
  }
  return out;
}

function enumValues(src: string, name: string): string[] {
  const body = src.match(new RegExp(`export declare enum ${name} \\{([^}]+)\\}`));
  if (!body) throw new Error(`enum ${name} not found in the SDK's elasticsearch types`);
  return [...body[1].matchAll(/=\s*"([^"]+)"/g)].map((m) => m[1]);
}

const METRIC_TYPES = unionValues(esTypes, 'MetricAggregationType');
const BUCKET_TYPES = new Set(enumValues(esTypes, 'BucketAggregationType'));

type Json = Record<string, any>;
function panels(d: Json): Json[] {
  return (d.panels ?? []).flatMap((p: Json) => (p.type === 'row' ? [p, ...(p.panels ?? [])] : [p]));
}

describe('dashboards against the Grafana schema (foundation SDK types)', () => {
  it('reads the schema unions (the check has something to compare with)', () => {
    expect(METRIC_TYPES.has('raw_data')).toBe(true);
    expect(METRIC_TYPES.has('count')).toBe(true);
    expect(METRIC_TYPES.has('unknown')).toBe(false);
    expect(BUCKET_TYPES.has('date_histogram')).toBe(true);
  });

  for (const spec of DASHBOARDS) {
    const d = JSON.parse(JSON.stringify(spec.build())) as Json;

    it(`${spec.file}: every Elasticsearch target uses metric and bucket types of the schema`, () => {
      for (const p of panels(d))
        for (const t of p.targets ?? []) {
          if (t.datasource?.type !== 'elasticsearch') continue;
          for (const m of t.metrics ?? [])
            expect(METRIC_TYPES.has(m.type), `${p.title}: metric type ${m.type}`).toBe(true);
          for (const b of t.bucketAggs ?? [])
            expect(BUCKET_TYPES.has(b.type), `${p.title}: bucket type ${b.type}`).toBe(true);
        }
    });

    it(`${spec.file}: every panel type is a panel plugin the schema defines`, () => {
      for (const p of panels(d)) {
        if (p.type === 'row') continue;
        const pkg = join(SDK, 'dist', p.type, 'panelBuilder.gen.js');
        expect(existsSync(pkg), `${p.title}: panel type ${p.type}`).toBe(true);
      }
    });
  }
});
