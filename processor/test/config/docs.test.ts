import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_OVERRIDES, optionPaths } from '../../src/config/index.js';
import { renderConfigReference } from '../../src/config/reference.js';
import { ERROR_CATALOGUE, type ErrorSpec } from '../../src/errors.js';

const read = (name: string) => readFileSync(new URL(`../../../docs/${name}`, import.meta.url), 'utf8');

describe('docs/errors.md', () => {
  // The instrumentation's codes have their own section and catalogue (instrumentation/test/codes.test.ts checks it).
  const doc = read('errors.md').split('\n## Instrumentation')[0];
  const sections = new Map(
    doc
      .split('\n### ')
      .slice(1)
      .map((s) => [s.slice(0, s.indexOf('\n')).trim(), s] as const),
  );

  it('documents every code of the catalogue, with its status', () => {
    for (const [code, spec] of Object.entries(ERROR_CATALOGUE) as [string, ErrorSpec][]) {
      const section = sections.get(code);
      expect(section, `docs/errors.md has no "### ${code}" section`).toBeDefined();
      if (spec.status > 0) expect(section, `${code} status`).toContain(`HTTP ${spec.status}`);
      else expect(section, `${code} is not answered to clients`).toContain('not answered to clients');
      if (spec.grpc) expect(section, `${code} gRPC status`).toContain(`gRPC ${spec.grpc}`);
      expect(section, `${code} says what to do`).toContain('What to do:');
    }
  });

  it('documents no code that does not exist', () => {
    for (const code of sections.keys()) expect(Object.keys(ERROR_CATALOGUE)).toContain(code);
  });
});

describe('docs/configuration.md', () => {
  const doc = read('configuration.md');

  it('lists every option of the schema', () => {
    const missing = optionPaths().filter((p) => !doc.includes(`\`${p}`));
    expect(missing, 'regenerate: node --import tsx processor/src/config/reference.ts docs/configuration.md').toEqual(
      [],
    );
  });

  it('lists every environment override', () => {
    for (const o of ENV_OVERRIDES) expect(doc).toContain(`\`${o.name}\``);
  });

  it('has option tables that match the schema and defaults', () => {
    const upToDate = doc.includes(renderConfigReference());
    expect(
      upToDate,
      'stale option tables: node --import tsx processor/src/config/reference.ts docs/configuration.md',
    ).toBe(true);
  });
});
