import { createEngine, loadConfig } from '@tracehound/processor';
import { FINDING_CATEGORIES, FIELDS, SIGNAL_CATEGORIES } from '@tracehound/core';
import { afterAll, describe, expect, it } from 'vitest';
import { isAggregation, loadCatalog, usedFields } from '../src/catalog.js';
import { ATLAS, OWASP_LLM_2025 } from '../src/frameworks.js';
import { landed, landedFieldSet } from '../src/fields.js';
import { loadPlaybooks } from '../src/generate.js';

const rules = loadCatalog();
const playbooks = loadPlaybooks();
const engine = createEngine(loadConfig(), { outputSinks: false });
afterAll(() => engine.shutdown());

describe('rule catalog', () => {
  it('loads, with unique ids and slugs', () => {
    expect(rules.length).toBeGreaterThanOrEqual(20);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('covers every finding category, and has cross-replica aggregations', () => {
    // Every rule is generated for every backend, so catalog coverage is coverage per backend. Signal categories
    // (refusal) never become findings: their behavioural patterns (TH-BEH-010/011) are what the catalog covers.
    for (const c of FINDING_CATEGORIES) {
      if (SIGNAL_CATEGORIES.has(c)) continue;
      expect(
        rules.some((r) => r.categories.includes(c) && !isAggregation(r)),
        `no rule for ${c}`,
      ).toBe(true);
    }
    const aggs = rules.filter(isAggregation);
    expect(aggs.some((r) => r.logic.aggregate.distinct === 'session.id')).toBe(true); // campaign across sessions
    expect(
      aggs.some(
        (r) =>
          r.logic.aggregate.distinct === 'service.name' &&
          r.logic.aggregate.group_by.includes('tracehound.api_key.fingerprint'),
      ),
    ).toBe(true);
  });

  it('filters on rule.category exactly the categories it declares', () => {
    for (const r of rules) {
      const f = r.logic.filters.find((x) => x.field === 'rule.category');
      if (r.categories.length === 0) expect(f, r.slug).toBeUndefined();
      else expect(f && f.op === 'in' ? [...f.values].sort() : [], r.slug).toEqual([...r.categories].sort());
    }
  });

  it('uses only finding fields of the processor schema, which land in both backends', () => {
    const findingFields = new Set(FIELDS.filter((f) => f.on !== 'span').map((f) => f.name));
    const splunk = landedFieldSet('splunk');
    const elastic = landedFieldSet('elastic');
    for (const r of rules) {
      for (const name of usedFields(r)) {
        expect(
          findingFields.has(name),
          `${r.slug}: ${name} is not a finding field in core/src/telemetry/fields.ts`,
        ).toBe(true);
        expect(splunk.has(landed(name, 'splunk'))).toBe(true);
        expect(elastic.has(landed(name, 'elastic'))).toBe(true);
      }
    }
    expect(landed('service.name', 'elastic')).toBe('resource.attributes.service.name');
    expect(landed('rule.id', 'elastic')).toBe('attributes.rule.id');
    expect(landed('data_stream.dataset', 'elastic')).toBe('data_stream.dataset');
  });

  it('names processor rules that exist, with the categories the catalog rule filters on', () => {
    for (const r of rules) {
      for (const id of r.source_rules) {
        const meta = engine.catalog.get(id);
        expect(meta, `${r.slug}: unknown processor rule ${id}`).toBeDefined();
        expect(r.categories, `${r.slug}: ${id} has category ${meta!.category}`).toContain(meta!.category);
      }
    }
  });

  it('maps to known OWASP LLM 2025 and MITRE ATLAS ids', () => {
    for (const r of rules) {
      expect(r.owasp.length + r.atlas.length).toBeGreaterThan(1);
      for (const o of r.owasp) expect(OWASP_LLM_2025[o], `${r.slug}: ${o}`).toBeDefined();
      for (const a of r.atlas) expect(ATLAS[a], `${r.slug}: ${a}`).toBeDefined();
    }
  });

  it('points every rule at a playbook with contain, investigate and recover sections', () => {
    const required = [
      'prompt-injection',
      'system-prompt-exfiltration',
      'agent-tool-exfiltration',
      'api-key-abuse',
      'rag-data-exfiltration',
      'denial-of-wallet',
      'model-drift',
    ];
    for (const p of required) expect(playbooks.has(p), p).toBe(true);
    for (const [name, md] of playbooks) {
      for (const h of ['## Contain', '## Investigate', '## Recover']) expect(md, `${name} lacks ${h}`).toContain(h);
    }
    for (const r of rules) expect(playbooks.has(r.playbook), `${r.slug}: ${r.playbook}`).toBe(true);
  });
});
