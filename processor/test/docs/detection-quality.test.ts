import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { meansTable, summarize } from '../../scripts/eval/report.js';

const here = dirname(fileURLToPath(import.meta.url));
const doc = readFileSync(resolve(here, '../../../docs/detection-quality.md'), 'utf8');

describe('docs/detection-quality.md', () => {
  it('leads with the leave-one-source-out means in the format npm run eval prints', () => {
    const header = meansTable(summarize([]))[0];
    const first = doc.split('\n').find((l) => l.startsWith('| kind |'));
    expect(first).toBe(header);
    const leave = doc.indexOf('## Leave-one-source-out');
    expect(leave).toBeGreaterThan(0);
    expect(leave).toBeLessThan(doc.indexOf('## Method'));
  });

  it('no longer reports a "holdout split" of the training sources', () => {
    expect(doc).not.toMatch(/holdout split|datasetSplit|held-out split/i);
  });
});
