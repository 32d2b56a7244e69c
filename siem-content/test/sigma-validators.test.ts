import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isAggregation, loadCatalog } from '../src/catalog.js';
import { ATTACK_EQUIVALENT } from '../src/frameworks.js';
import { sigmaFiles } from '../src/sigma.js';
import { validateSigma } from './sigma/validators.js';

const rules = loadCatalog();
const files = sigmaFiles(rules);
const collection = new Map(
  [...files].map(([f, text]) => [f, parseAllDocuments(text).map((d) => d.toJS() as Record<string, any>)] as const),
);
// ATT&CK names the catalog can tag with: technique ids and the Sigma tactic names of their tactics.
const attackNames = new Set(
  Object.values(ATTACK_EQUIVALENT).flatMap((t) => [
    t.id.toLowerCase(),
    t.tactic.name.toLowerCase().replaceAll(' ', '-'),
  ]),
);

describe('Sigma rules against the pySigma validators (ported)', () => {
  it('raise no issue', () => {
    expect(validateSigma(collection, attackNames)).toEqual([]);
  });

  it('the ported validators flag what pySigma flags, including the previous content\u2019s tags', () => {
    const bad = new Map([
      [
        'bad.yml',
        [
          {
            title: 'x',
            id: 'a',
            status: 'experimental',
            date: '2025-01-01',
            description: 'short',
            tags: ['atlas.aml.t0051', 'owasp.llm01_2025', 'attack.t9999', 'attack.t9999', 'tlp.blue'],
            detection: { selection: { 'a|contains|contains': 'x' }, other: { b: '*' }, condition: 'all of them' },
            reference: ['u'],
          },
        ],
      ],
    ]);
    const issues = validateSigma(bad, attackNames).map((i) => `${i.validator}:${i.detail}`);
    for (const e of [
      'NamespaceTagValidator:atlas.aml.t0051',
      'NamespaceTagValidator:owasp.llm01_2025',
      'ATTACKTagValidator:attack.t9999',
      'DuplicateTagValidator:attack.t9999',
      'TLPTagValidator:tlp.blue',
      'DescriptionLengthValidator:',
      'LevelExistenceValidator:',
      'AllOfThemConditionValidator:all of them',
      'ModifierAppliedMultipleTimesValidator:a|contains|contains',
      'WildcardsInsteadOfModifiersValidator:b',
      'CustomAttributesValidator:reference',
      'FilenameLenghValidator:bad.yml',
    ])
      expect(issues).toContain(e);
  });

  it('aggregation base rules require their group-by and distinct fields to exist', () => {
    for (const r of rules.filter(isAggregation)) {
      const [base] = collection.get(`${r.slug}.yml`)!;
      const sel = base.detection.selection as Record<string, unknown>;
      for (const f of [
        ...r.logic.aggregate.group_by,
        ...(r.logic.aggregate.distinct ? [r.logic.aggregate.distinct] : []),
      ])
        expect(sel[`${f}|exists`], `${r.slug}: ${f}`).toBe(true);
    }
  });

  it('ATLAS and OWASP mappings are custom attributes and references; tags are spec namespaces only', () => {
    for (const r of rules) {
      const docs = collection.get(`${r.slug}.yml`)!;
      const main = docs[docs.length - 1];
      expect(main.taxonomy).toBe('tracehound');
      expect(main.mitre_atlas.map((x: string) => x.split(' ')[0])).toEqual(r.atlas);
      expect(main.owasp_llm_2025).toEqual(r.owasp);
      for (const a of r.atlas) expect(main.references).toContain(`https://atlas.mitre.org/techniques/${a}/`);
      for (const t of main.tags ?? []) expect(t.startsWith('attack.')).toBe(true);
    }
  });
});
