import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';
import { parseSuppression, parseSuppressionList } from '../../src/response/suppression-parse.js';
import { SuppressionSchema } from '../../src/detect/suppression.js';

const base = { id: 'fp-1', rule: 'TH-INJ-001', reason: 'the red-team suite', expires: '2027-01-01T00:00:00Z' };

/** Accepted by the configuration file (detection.suppressions)? */
function configAccepts(s: unknown): boolean {
  return validateConfig({ detection: { suppressions: [s] } }).errors.length === 0;
}

/** Accepted by the verdict/suppression API (the parser the API route calls)? */
const apiAccepts = (s: unknown) => parseSuppression(s).ok;

/** Accepted by the analysts' suppressions file? */
const fileAccepts = (s: unknown) => parseSuppressionList({ suppressions: [s] }).ok;

const cases: Array<[string, unknown, boolean]> = [
  ['a complete suppression', base, true],
  ['one with a match', { ...base, match: { user: 'u-1', tool: 'search' } }, true],
  ["the wildcard rule '*'", { ...base, rule: '*' }, true],
  ['an offset other than Z', { ...base, expires: '2027-01-01T00:00:00+02:00' }, true],
  // The two inputs the three hand-written shapes disagreed on:
  ['an id with a space', { id: 'fp one', rule: 'TH-INJ-001', reason: 'r', expires: '2027-01-01T00:00:00Z' }, false],
  ['a date without a time', { id: 'fp-two', rule: 'TH-INJ-001', reason: 'r', expires: '2027-01-01' }, false],
  ['an id over 128 characters', { ...base, id: 'x'.repeat(129) }, false],
  ['a reason over 1024 characters', { ...base, reason: 'r'.repeat(1025) }, false],
  ['an empty reason', { ...base, reason: '' }, false],
  ['an empty match field', { ...base, match: { user: '' } }, false],
  ['an unknown match field', { ...base, match: { password: 'x' } }, false],
  ['an unknown field', { ...base, note: 'x' }, false],
  ['a missing expiry', { id: 'a', rule: '*', reason: 'r' }, false],
  ['an impossible date', { ...base, expires: '2027-02-30T00:00:00Z' }, false],
  ['a rule with a space', { ...base, rule: 'TH INJ' }, false],
];

describe('the suppression schema', () => {
  it.each(cases)('%s: config file, API and suppressions file agree', (_name, input, valid) => {
    expect({ config: configAccepts(input), api: apiAccepts(input), file: fileAccepts(input) }).toEqual({
      config: valid,
      api: valid,
      file: valid,
    });
  });

  it('is the schema the configuration section embeds (one definition, not a copy)', async () => {
    const { detectionSection } = await import('../../src/config/sections/detection.js');
    const props = detectionSection.schema.properties as { suppressions: { items: unknown } };
    expect(props.suppressions.items).toBe(SuppressionSchema);
  });

  it('returns only the known fields, and names fields rather than values in errors', () => {
    const p = parseSuppression({ ...base, match: { session: 's-1' } });
    expect(p).toEqual({ ok: true, value: { ...base, match: { session: 's-1' } } });
    const bad = parseSuppression({ ...base, match: { apiKey: 'sk-secret-value' } });
    expect(bad).toEqual({ ok: false, error: 'match: unknown field apiKey' });
    const badId = parseSuppression({ ...base, id: 'hunter2 is my password' });
    expect(badId.ok).toBe(false);
    expect(JSON.stringify(badId)).not.toContain('hunter2');
  });
});
