import { Ajv2020 } from 'ajv/dist/2020.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONTENT_ROOT, isAggregation, loadCatalog } from '../src/catalog.js';
import { FIELDS } from '@tracehound/core';
import { SIGMA_LOGSOURCE, sigmaFiles } from '../src/sigma.js';

const rules = loadCatalog();
const files = sigmaFiles(rules);
const docsOf = (slug: string) =>
  parseAllDocuments(files.get(`${slug}.yml`)!).map((d) => d.toJS() as Record<string, any>);
// The Sigma specification's JSON schemas live beside the repo (../shared/schemas/sigma), absent on a fresh clone.
const SCHEMA_DIR = join(CONTENT_ROOT, '..', '..', 'shared', 'schemas', 'sigma');
const haveSchemas = existsSync(join(SCHEMA_DIR, 'sigma-detection-rule-schema.json'));
const schemaNames = new Set(FIELDS.map((f) => f.name));

describe('Sigma rules', () => {
  it('single-event rules are one detection rule on the tracehound/findings logsource; aggregations add a correlation', () => {
    for (const r of rules) {
      const docs = docsOf(r.slug);
      expect(docs.length, r.slug).toBe(isAggregation(r) ? 2 : 1);
      expect(docs[0].logsource).toEqual(SIGMA_LOGSOURCE);
      const main = docs[docs.length - 1];
      expect(main.id).toBe(r.id);
      expect(main.level).toBe(r.severity);
      if (isAggregation(r)) {
        expect(main.correlation.rules).toEqual([docs[0].name]);
        expect(main.correlation['group-by']).toEqual(r.logic.aggregate.group_by);
      }
      for (const d of docs) {
        for (const [k, v] of Object.entries(d.detection ?? {})) {
          if (k === 'condition') continue;
          for (const key of Object.keys(v as object))
            expect(schemaNames.has(key.split('|')[0]), `${r.slug}: ${key}`).toBe(true);
        }
      }
    }
  });

  it.skipIf(!haveSchemas)(
    haveSchemas
      ? 'validate against the Sigma specification schemas'
      : `Sigma schema validation SKIPPED: ${SCHEMA_DIR} not found`,
    () => {
      const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
      const detection = ajv.compile(
        JSON.parse(readFileSync(join(SCHEMA_DIR, 'sigma-detection-rule-schema.json'), 'utf8')),
      );
      const correlation = ajv.compile(
        JSON.parse(readFileSync(join(SCHEMA_DIR, 'sigma-correlation-rules-schema.json'), 'utf8')),
      );
      for (const r of rules) {
        for (const d of docsOf(r.slug)) {
          const v = d.correlation ? correlation : detection;
          expect(v(d) ? [] : v.errors, r.slug).toEqual([]);
        }
      }
      expect(detection({ title: 'x', logsource: {}, detection: {} })).toBe(false);
    },
  );
});
