import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { CONTENT_ROOT, isAggregation, loadCatalog } from '../src/catalog.js';
import { NDJSON_FILES, elasticFiles } from '../src/elastic.js';
import { attackEquivalents } from '../src/frameworks.js';
import { ELASTIC_INDEX_PATTERN, landedFieldSet } from '../src/fields.js';
import { loadPlaybooks } from '../src/generate.js';
import { lintEsql } from '../src/lint/esql.js';
import { lintKql } from '../src/lint/kql.js';

const rules = loadCatalog();
const files = elasticFiles(rules, loadPlaybooks());
const ndjson = (name: string) =>
  files
    .get(name)!
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);
const lines = ndjson(NDJSON_FILES.atlas);
const legacy = ndjson(NDJSON_FILES.attack);
const fields = landedFieldSet('elastic');
const schema = JSON.parse(readFileSync(`${CONTENT_ROOT}schemas/kibana-rule-import.schema.json`, 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

describe('Elastic detection rules', () => {
  it('both NDJSON files have one importable rule per catalog rule, valid against the import schema', () => {
    for (const set of [lines, legacy]) {
      expect(set.length).toBe(rules.length);
      for (const l of set) expect(validate(l) ? [] : validate.errors, l.name).toEqual([]);
    }
  });

  it('the schema rejects malformed rules', () => {
    const good = lines[0];
    expect(validate({ ...good, severity: 'urgent' })).toBe(false);
    expect(validate({ ...good, risk_score: 150 })).toBe(false);
    const { threat: _t, ...noThreat } = good;
    expect(validate(noThreat)).toBe(false);
    expect(validate({ ...good, type: 'esql', language: 'esql' })).toBe(false); // esql must not carry index
  });

  it('maps threat to MITRE ATLAS (and ATT&CK equivalents), queries the findings data stream and carries the guide', () => {
    const ids = (threat: any[], framework: string) =>
      threat
        .filter((t) => t.framework === framework)
        .flatMap((t: any) => t.technique.flatMap((x: any) => (x.subtechnique ?? [x]).map((y: any) => y.id)))
        .sort();
    for (const [i, r] of rules.entries()) {
      const l = lines[i];
      expect(l.rule_id).toBe(r.id);
      expect(ids(l.threat, 'MITRE ATLAS')).toEqual([...r.atlas].sort());
      const attack = attackEquivalents(r.atlas)
        .map((t) => t.id)
        .sort();
      expect(ids(l.threat, 'MITRE ATT&CK')).toEqual(attack);
      // Older stacks: ATT&CK only in threat; ATLAS stays in tags and references.
      expect(legacy[i].threat.every((t: any) => t.framework === 'MITRE ATT&CK')).toBe(true);
      expect(ids(legacy[i].threat, 'MITRE ATT&CK')).toEqual(attack);
      for (const a of r.atlas) {
        expect(legacy[i].tags).toContain(`Mitre Atlas: ${a.slice(4)}`);
        expect(legacy[i].references).toContain(`https://atlas.mitre.org/techniques/${a}/`);
      }
      expect(l.setup).toContain('logs-tracehound.finding.otel-default');
      for (const rf of l.required_fields) expect(rf.ecs).toBe(false);
      expect(l.note).toContain('## Response playbook');
      expect(l.note).toContain('Contain');
      if (l.type === 'esql') expect(l.query.startsWith(`FROM ${ELASTIC_INDEX_PATTERN}`)).toBe(true);
      else expect(l.index).toEqual([ELASTIC_INDEX_PATTERN]);
      for (const rf of l.required_fields) expect(fields.has(rf.name), rf.name).toBe(true);
    }
  });

  it('single-event rules are KQL queries, aggregations threshold or ES|QL, and all lint clean', () => {
    for (const [i, r] of rules.entries()) {
      const l = lines[i];
      if (!isAggregation(r)) expect(l.type).toBe('query');
      else expect(l.type).toBe(r.logic.aggregate.distinct ? 'esql' : 'threshold');
      const problems = l.type === 'esql' ? lintEsql(l.query, fields, ELASTIC_INDEX_PATTERN) : lintKql(l.query, fields);
      expect(problems, r.slug).toEqual([]);
      if (l.type === 'threshold') for (const tf of l.threshold.field) expect(fields.has(tf)).toBe(true);
    }
    expect(lintKql('attributes.rule.category : ("a" or "b"', fields).join()).toMatch(/unclosed/);
    expect(lintKql('attributes.rule.categry : "a"', fields).join()).toMatch(/unknown field/);
    expect(lintEsql('FROM x\n| WHERE a.b == 1', fields, ELASTIC_INDEX_PATTERN).length).toBeGreaterThan(1);
    const noPrefix = `FROM ${ELASTIC_INDEX_PATTERN}\n| STATS n = COUNT(*) BY attributes.rule.id\n| WHERE n >= 2`;
    expect(lintEsql(noPrefix, fields, ELASTIC_INDEX_PATTERN)).toEqual([
      'computed column n lacks the Esql. prefix',
      'the last stage must be KEEP',
    ]);
  });

  it('the TOML sources parse to the same rules as the NDJSON', () => {
    for (const [i, r] of rules.entries()) {
      const doc = parseToml(files.get(`rules/${r.slug}.toml`)!) as {
        metadata: Record<string, string>;
        rule: Record<string, unknown>;
      };
      const { version: _v, enabled: _e, ...expected } = lines[i];
      expect(doc.rule).toEqual(expected);
      expect(doc.metadata.maturity).toBe('production');
      expect(doc.metadata.integration).toEqual(['tracehound']);
      expect(doc.metadata.min_stack_version).toBe('9.3.0');
    }
  });
});
