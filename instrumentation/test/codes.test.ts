import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INSTRUMENTATION_CODES } from '../src/index.js';

describe('the instrumentation’s codes in docs/errors.md', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('\n## Instrumentation'));
  const documented = section
    .split('\n### ')
    .slice(1)
    .map((s) => s.slice(0, s.indexOf('\n')).trim());

  it('documents exactly the codes of instrumentation/src/codes.ts, each with what to do', () => {
    expect(documented.sort()).toEqual(Object.keys(INSTRUMENTATION_CODES).sort());
    for (const part of section.split('\n### ').slice(1)) expect(part).toContain('What to do:');
  });
});
