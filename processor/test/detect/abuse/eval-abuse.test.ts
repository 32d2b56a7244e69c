/**
 * Quality floors on the labelled examples: processor/eval/abuse-*.jsonl ship with the repo; the shared dev set is
 * used when present. Floors sit below the measured numbers (docs/detection-quality.md) so a regression fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreIntent } from '../../../src/detect/abuse/intent.js';

const here = dirname(fileURLToPath(import.meta.url));
const EVAL = resolve(here, '../../../eval');
const DEV = resolve(here, '../../../../../shared/datasets/dev/dev.jsonl');

interface Row {
  text: string;
  label: string;
  family: string;
  channel?: string;
}
const read = (path: string): Row[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
const flagged = (r: Row) => (scoreIntent(r.text)[0]?.confidence ?? 0) >= 0.5;
const rate = (rows: Row[]) => rows.filter(flagged).length / Math.max(1, rows.length);

describe('abuse intent on the repo examples', () => {
  const tuned = [...read(`${EVAL}/abuse-requests.jsonl`), ...read(`${EVAL}/abuse-benign.jsonl`)];
  const fresh = read(`${EVAL}/abuse-fresh.jsonl`);

  it('flags the abuse requests of every category and not the security look-alikes (tuning set)', () => {
    for (const cat of ['malware', 'phishing', 'credentials', 'fraud', 'social_engineering']) {
      expect(rate(tuned.filter((r) => r.family === `abuse_${cat}`)), cat).toBeGreaterThanOrEqual(0.9);
    }
    expect(rate(tuned.filter((r) => r.label === 'benign'))).toBeLessThanOrEqual(0.02);
  });

  it('flags the blind set (written before the word-class layer, never tuned on) and not its look-alikes', () => {
    const blind = read(`${EVAL}/abuse-blind.jsonl`);
    expect(rate(blind.filter((r) => r.label === 'harmful'))).toBeGreaterThanOrEqual(0.7);
    expect(rate(blind.filter((r) => r.label === 'benign'))).toBeLessThanOrEqual(0.05);
  });

  it('generalizes to examples written after tuning', () => {
    expect(rate(fresh.filter((r) => r.label === 'harmful'))).toBeGreaterThanOrEqual(0.6);
    expect(rate(fresh.filter((r) => r.label === 'benign'))).toBeLessThanOrEqual(0.04);
  });
});

describe.skipIf(!existsSync(DEV))(
  'abuse intent on the shared dev set (skipped: ../shared/datasets/dev not present)',
  () => {
    it('stays quiet on hard negatives, instructions and chat prompts', () => {
      const rows = existsSync(DEV)
        ? read(DEV).filter((r) => r.label === 'benign' && ['hard_negative', 'instruction', 'chat'].includes(r.family))
        : [];
      expect(rows.length).toBeGreaterThan(1000);
      expect(rate(rows)).toBeLessThanOrEqual(0.01);
    });
  },
);
