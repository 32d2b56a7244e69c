/**
 * The Elastic rules against elastic/detection-rules' own references (test/reference/elastic, see its README): the API
 * JSON schemas detection-rules generates per stack, and the patterns and tag vocabulary of its definitions.py.
 */
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { CONTENT_ROOT, loadCatalog } from '../src/catalog.js';
import { NDJSON_FILES, elasticFiles } from '../src/elastic.js';
import { loadPlaybooks } from '../src/generate.js';

const REF = `${CONTENT_ROOT}test/reference/elastic/`;
const load = (f: string) => JSON.parse(readFileSync(REF + f, 'utf8')) as Record<string, any>;
const defs = load('detection-rules-definitions.json');
const rules = loadCatalog();
const files = elasticFiles(rules, loadPlaybooks());
const ndjson = (name: string) =>
  files
    .get(name)!
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);

/** draft-04 schemas compiled by ajv's default draft: their keywords are the same; $schema/$comment are dropped. */
function compile(schema: Record<string, any>) {
  const { $schema: _s, $comment: _c, ...body } = schema;
  return new Ajv({ allErrors: true, strict: false }).compile(body);
}

/**
 * Stack 9.3 accepts `MITRE ATLAS` as a threat framework (the finding, and definitions.py's TACTIC_URL /
 * TECHNIQUE_URL / SUBTECHNIQUE_URL that admit atlas.mitre.org): the same schema with that enum and those patterns.
 */
function withAtlas(schema: Record<string, any>): Record<string, any> {
  const s = structuredClone(schema);
  const item = s.properties.threat.items.properties;
  item.framework.enum = ['MITRE ATT&CK', 'MITRE ATLAS'];
  item.tactic.properties.reference = { type: 'string', pattern: defs.TACTIC_URL };
  item.technique.items.properties.reference = { type: 'string', pattern: defs.TECHNIQUE_URL };
  item.technique.items.properties.subtechnique.items.properties.reference = {
    type: 'string',
    pattern: defs.SUBTECHNIQUE_URL,
  };
  return s;
}

const schemas = { query: load('9.2.query.json'), threshold: load('9.2.threshold.json'), esql: load('8.18.esql.json') };
type Kind = keyof typeof schemas;
const validators = {
  attack: Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, compile(v)])) as Record<
    Kind,
    ReturnType<typeof compile>
  >,
  atlas: Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, compile(withAtlas(v))])) as Record<
    Kind,
    ReturnType<typeof compile>
  >,
};
const errorsOf = (v: ReturnType<typeof compile>, doc: unknown) =>
  v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('Elastic rules against elastic/detection-rules references', () => {
  it('pre-9.3 rules validate against the 9.2 query / 9.2 threshold / 8.18 esql API schemas as they are', () => {
    for (const l of ndjson(NDJSON_FILES.attack))
      expect(errorsOf(validators.attack[l.type as Kind], l), l.name).toEqual([]);
  });

  it('9.3 rules validate against the same schemas with MITRE ATLAS admitted; they do not pass the 9.2 schema', () => {
    const atlas = ndjson(NDJSON_FILES.atlas);
    for (const l of atlas) expect(errorsOf(validators.atlas[l.type as Kind], l), l.name).toEqual([]);
    const rejected = atlas.filter((l) => validators.attack[l.type as Kind](l) === false);
    expect(rejected.length).toBe(atlas.length); // every rule maps at least one ATLAS technique
  });

  it('the TOML [rule] tables validate too, and [metadata] has what the detection-rules loader requires', () => {
    for (const r of rules) {
      const doc = parseToml(files.get(`rules/${r.slug}.toml`)!) as {
        metadata: Record<string, any>;
        rule: Record<string, any>;
      };
      expect(errorsOf(validators.atlas[doc.rule.type as Kind], doc.rule), r.slug).toEqual([]);
      const m = doc.metadata;
      expect(m.creation_date).toMatch(new RegExp(defs.DATE_PATTERN));
      expect(m.updated_date).toMatch(new RegExp(defs.DATE_PATTERN));
      expect(m.updated_date >= m.creation_date).toBe(true);
      expect(defs.MATURITY_LEVELS).toContain(m.maturity);
      expect(m.min_stack_version).toMatch(new RegExp(defs.VERSION_PATTERN));
      expect(Array.isArray(m.integration) && m.integration.every((x: unknown) => typeof x === 'string')).toBe(true);
    }
  });

  it('names, ids, intervals, risk scores and required field types follow definitions.py', () => {
    for (const l of [...ndjson(NDJSON_FILES.atlas), ...ndjson(NDJSON_FILES.attack)]) {
      expect(l.name).toMatch(new RegExp(defs.NAME_PATTERN));
      expect(l.rule_id).toMatch(new RegExp(defs.UUID_PATTERN));
      expect(l.interval).toMatch(new RegExp(defs.INTERVAL_PATTERN));
      expect(l.risk_score).toBeGreaterThanOrEqual(defs.RiskScore.minimum);
      expect(l.risk_score).toBeLessThanOrEqual(defs.RiskScore.maximum);
      for (const rf of l.required_fields) expect(defs.EsDataTypes, rf.name).toContain(rf.type);
    }
  });

  it('tags follow the EXPECTED_RULE_TAGS vocabulary: known prefixes, enumerated values, Mitre Atlas: T0000', () => {
    const fixed = defs.EXPECTED_RULE_TAGS_FIXED_PREFIXES as Record<string, string[]>;
    const open = new Set(defs.EXPECTED_RULE_TAGS_OPEN_PREFIXES as string[]);
    const problems = (tag: string): string[] => {
      const at = tag.indexOf(': ');
      if (at < 0) return [`${tag}: no "Prefix: value" form`];
      const [prefix, value] = [tag.slice(0, at), tag.slice(at + 2)];
      if (prefix === 'Mitre Atlas') return /^T\d{4}(\.\d{3})?$/.test(value) ? [] : [`${tag}: not an ATLAS short id`];
      if (fixed[prefix]) return fixed[prefix].includes(value) ? [] : [`${tag}: value not in the vocabulary`];
      return open.has(prefix) ? [] : [`${tag}: unknown prefix`];
    };
    for (const l of [...ndjson(NDJSON_FILES.atlas), ...ndjson(NDJSON_FILES.attack)])
      expect(l.tags.flatMap(problems), l.name).toEqual([]);
    // The conventions the previous generator broke:
    expect(problems('OWASP: LLM01:2025')).toEqual(['OWASP: LLM01:2025: unknown prefix']);
    expect(problems('MITRE ATLAS: AML.T0051')).toEqual(['MITRE ATLAS: AML.T0051: unknown prefix']);
  });

  it('the schemas catch the defects the previous content had', () => {
    const [q] = ndjson(NDJSON_FILES.attack).filter((l) => l.type === 'query');
    const noEcs = { ...q, required_fields: q.required_fields.map(({ ecs: _e, ...x }: Record<string, unknown>) => x) };
    expect(errorsOf(validators.attack.query, noEcs).join()).toMatch(/must have required property 'ecs'/);
    const atlasOnOld = {
      ...q,
      threat: [
        {
          framework: 'MITRE ATLAS',
          tactic: { id: 'AML.TA0005', name: 'Execution', reference: 'https://atlas.mitre.org/tactics/AML.TA0005/' },
        },
      ],
    };
    expect(errorsOf(validators.attack.query, atlasOnOld).join()).toMatch(/must be equal to one of the allowed values/);
    const noSlash = {
      ...atlasOnOld,
      threat: [
        {
          ...atlasOnOld.threat[0],
          tactic: { ...atlasOnOld.threat[0].tactic, reference: 'https://atlas.mitre.org/tactics/AML.TA0005' },
        },
      ],
    };
    expect(errorsOf(validators.atlas.query, noSlash).join()).toMatch(/must match pattern/);
  });
});
