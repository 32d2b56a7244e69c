import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_ROOT, loadCatalog } from '../src/catalog.js';
import { generate, listGenerated, loadPlaybooks } from '../src/generate.js';
import { PROCESSOR_PLAYBOOKS, PROCESSOR_PLAYBOOKS_PATH, renderProcessorPlaybooks } from '../src/processor-playbooks.js';
import { readArchive } from '../src/splunk-package.js';

const content = generate();
const HINT = 'committed output drifted from siem-content/rules: run `npm run gen:siem`';

describe('generated content is committed and current', () => {
  it('every generated file matches the committed copy', () => {
    for (const [p, text] of content.files) {
      const abs = join(CONTENT_ROOT, p);
      expect(existsSync(abs), `${p} missing: ${HINT}`).toBe(true);
      expect(readFileSync(abs, 'utf8') === text, `${p}: ${HINT}`).toBe(true);
    }
  });

  it('no stale files are left in the generated folders', () => {
    const expected = [...content.files.keys(), ...content.archives.map((a) => a.path)].sort();
    expect(listGenerated()).toEqual(expected);
  });

  it('the Splunk archives hold exactly the generated app files', async () => {
    for (const a of content.archives) {
      const entries = await readArchive(join(CONTENT_ROOT, a.path));
      expect([...entries.keys()].sort(), `${a.path}: ${HINT}`).toEqual(
        [...a.files.keys()].map((p) => `${a.app}/${p}`).sort(),
      );
      for (const [p, text] of a.files)
        expect(entries.get(`${a.app}/${p}`) === text, `${a.path}:${p}: ${HINT}`).toBe(true);
    }
  });

  it(`${PROCESSOR_PLAYBOOKS} (the playbooks the findings API serves) matches the catalog and playbooks`, () => {
    expect(existsSync(PROCESSOR_PLAYBOOKS_PATH), `${PROCESSOR_PLAYBOOKS} missing: ${HINT}`).toBe(true);
    const expected = renderProcessorPlaybooks(loadCatalog(), loadPlaybooks());
    expect(readFileSync(PROCESSOR_PLAYBOOKS_PATH, 'utf8') === expected, `${PROCESSOR_PLAYBOOKS}: ${HINT}`).toBe(true);
  });
});
