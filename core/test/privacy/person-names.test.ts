import { describe, expect, it } from 'vitest';
import { findPersonNames } from '../../src/privacy/person-names.js';

const names = (t: string) =>
  findPersonNames(t).map((m) => ({ text: t.slice(m.start, m.end), basis: m.basis, strong: m.strong }));

describe('person names', () => {
  it('record fields and contact instructions are strong', () => {
    expect(names('Name: Priya Raman\nDOB: 1984-03-12')).toMatchObject([
      { text: 'Priya Raman', basis: 'field', strong: true },
    ]);
    expect(names('{"full_name": "Jean-Luc Moreau", "id": 7}')).toMatchObject([
      { text: 'Jean-Luc Moreau', strong: true },
    ]);
    expect(names('Please contact Anna Weber at the front desk.')).toMatchObject([
      { text: 'Anna Weber', basis: 'contact' },
    ]);
  });

  it('honorifics, letters, self-introductions and gazetteer names are found but weak', () => {
    expect(names('Mr. Okafor will call back.')).toMatchObject([{ basis: 'honorific', strong: false }]);
    expect(names('Dear Ms. Kowalski,\nthank you.')).toMatchObject([{ basis: 'letter', strong: false }]);
    expect(names('Hello, my name is Sofia Esposito.')).toMatchObject([{ basis: 'self', strong: false }]);
    expect(names('Yesterday Priya Raman signed it.')).toMatchObject([{ text: 'Priya Raman', basis: 'gazetteer' }]);
  });

  it('generic addressees, roles, placeholders and non-names are not names', () => {
    expect(names('Name: Unknown\nDear Customer,\nPatient: The results are in.')).toEqual([]);
    expect(names('Name: John Doe, sample record')).toEqual([]);
    expect(names('Be patient: Black Friday can be chaotic.')).toEqual([]);
    expect(names('The Great Lakes and New York City are large.')).toEqual([]);
  });
});
