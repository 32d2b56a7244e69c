import { describe, expect, it } from 'vitest';
import { findStreetAddresses } from '../../src/privacy/street-addresses.js';

const streets = (t: string) =>
  findStreetAddresses(t).map((m) => ({ text: t.slice(m.start, m.end), complete: m.complete, basis: m.basis }));

describe('street addresses', () => {
  it('several countries’ layouts, complete with a postal code, unit or residence cue', () => {
    expect(streets('She lives at 42 Oak Street.')).toMatchObject([{ text: '42 Oak Street', complete: true }]);
    expect(streets('Ship to 1600 N. Maple Ave Apt 4B, Springfield, IL 62704')[0]).toMatchObject({ complete: true });
    expect(streets('Adresse : 12 rue des Lilas, 75011 Paris')[0]).toMatchObject({ basis: 'street+postal' });
    expect(streets('Hauptstraße 12a, 10115 Berlin')[0]).toMatchObject({ text: 'Hauptstraße 12a, 10115 Berlin' });
    expect(streets('wohnhaft Am Markt 3')[0]).toMatchObject({ complete: true });
    expect(streets('Calle Mayor 5, 28013 Madrid')[0]).toMatchObject({ complete: true });
    expect(streets('Via Giuseppe Verdi, 10, 20121 Milano')[0]).toMatchObject({ complete: true });
    expect(streets('Address: Kerkstraat 7, 1017 GA Amsterdam')[0]).toMatchObject({ complete: true });
    expect(streets('Flat 3, 221B Elm Road, London NW1 6XE')[0]).toMatchObject({ complete: true });
  });

  it('a street alone, or an institution’s address, is found but not complete', () => {
    expect(streets('The march went down 5 Fifth Avenue.')).toMatchObject([{ complete: false }]);
    expect(streets('The address of the Grand Museum is 10 Park Lane, London W1K 1AA.')).toMatchObject([
      { complete: false },
    ]);
  });

  it('years and quantities before capitalized words are not streets', () => {
    expect(streets('In 2001 World Trade Center attacks, 2005 Tsunami relief')).toMatchObject([{ complete: false }]);
    expect(streets('Add 3 Eggs and 200 Grams of flour.')).toEqual([]);
  });
});
