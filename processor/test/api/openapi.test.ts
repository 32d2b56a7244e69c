import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderConsoleOpenApi } from '../../src/docs/openapi.js';

describe('docs/console-openapi.json', () => {
  it('is the document generated from the route schemas (regenerate: npm run gen:docs)', async () => {
    const committed = readFileSync(new URL('../../../docs/console-openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(await renderConsoleOpenApi());
  });

  it('describes every documented route with its responses', async () => {
    const doc = JSON.parse(await renderConsoleOpenApi());
    const md = readFileSync(new URL('../../../docs/console.md', import.meta.url), 'utf8');
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: object }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(md, `docs/console.md lists ${method.toUpperCase()} ${path}`).toContain(
          `${method.toUpperCase()} ${path}`,
        );
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      }
    }
  });
});
