import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  renderRuleIdsModule,
  renderRulesMarkdown,
  renderSchemaJson,
  renderSchemaMarkdown,
} from '../../src/docs/render.js';

const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
const committed = (name: string) => readFileSync(docs + name, 'utf8');
const hint = 'regenerate with `npm run gen:docs` and commit';

describe('generated docs match the code', () => {
  it(`docs/schema.json (${hint})`, () => expect(committed('schema.json')).toBe(renderSchemaJson()));
  it(`docs/schema.md (${hint})`, () => expect(committed('schema.md')).toBe(renderSchemaMarkdown()));
  it(`docs/rules.md (${hint})`, async () => expect(committed('rules.md')).toBe(await renderRulesMarkdown()));
  it(`processor/src/rules/ids.ts (${hint})`, async () =>
    expect(readFileSync(new URL('../../src/rules/ids.ts', import.meta.url), 'utf8')).toBe(await renderRuleIdsModule()));

  it('every rule has its documentation and mappings filled in', async () => {
    const { loadConfig } = await import('../../src/config/index.js');
    const { createEngine } = await import('../../src/engine/engine.js');
    const engine = createEngine(loadConfig(undefined, {}), { outputSinks: false });
    for (const r of engine.rules) {
      expect(r.description.length, `${r.id} description`).toBeGreaterThan(20);
      expect(r.example.length, `${r.id} example`).toBeGreaterThan(5);
      expect(r.falsePositives.length, `${r.id} false positives`).toBeGreaterThan(5);
      expect(r.owasp.every((o) => /^LLM(0[1-9]|10):2025$/.test(o)), `${r.id} OWASP ids`).toBe(true);
      expect(r.atlas.every((a) => /^AML\.T\d{4}(\.\d{3})?$/.test(a)), `${r.id} ATLAS ids`).toBe(true);
      // A refusal is a signal for behavioral rules, not an attack technique: it may carry no mapping.
      if (r.category !== 'refusal') expect(r.owasp.length + r.atlas.length, `${r.id} has a mapping`).toBeGreaterThan(0);
    }
    await engine.shutdown();
  });
});
