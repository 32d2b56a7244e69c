import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../src/privacy/phone-numbers.js';

const found = (t: string, regions?: string[]) =>
  findPhoneNumbers(t, regions ? { regions } : {}).matches.map((m) => ({
    text: t.slice(m.start, m.end),
    region: m.region,
    personal: m.personal,
  }));

describe('phone numbers (libphonenumber-js)', () => {
  it('international numbers in several layouts', () => {
    expect(found('call +44 20 7946 0018 now')).toMatchObject([{ text: '+44 20 7946 0018', region: 'GB' }]);
    expect(found('Tel.: +49 30 901820')).toMatchObject([{ text: '+49 30 901820', region: 'DE' }]);
    expect(found('WhatsApp 0033 6 12 34 56 78')).toMatchObject([{ region: 'FR' }]);
    expect(found('(+62) 812 3456 7890 is her number')).toMatchObject([{ region: 'ID' }]);
  });

  it('national numbers against the configured regions, in order', () => {
    expect(found('ring (415) 867-5309 today')).toMatchObject([{ text: '(415) 867-5309', region: 'US' }]);
    expect(found('Telefon: 030 901820', ['DE'])).toMatchObject([{ text: '030 901820', region: 'DE' }]);
    expect(found('appelez le 06 12 34 56 78')).toMatchObject([{ region: 'FR' }]);
    // Without DE among the regions, a German national number is not read as one.
    expect(found('Telefon: 030 901820', ['US'])).toEqual([]);
  });

  it('toll-free numbers and public lines are found but not personal', () => {
    expect(found('call 1-800-642-7676')).toMatchObject([{ personal: false }]);
    expect(found('the customer service team answers on +1 206 266 4064')).toMatchObject([{ personal: false }]);
  });

  it("the line of a named kind of venue is public; a person's line is not", () => {
    expect(found('Call the pharmacy at (212) 555-7890 to check the prescription.')).toMatchObject([
      { personal: false },
    ]);
    expect(found('Our front desk takes calls on +44 20 7946 0321 all day.')).toMatchObject([{ personal: false }]);
    expect(found('Call Priya at (212) 555-7890 after six.')).toMatchObject([{ personal: true }]);
  });

  it('dates, ranges, SSN layouts, thousands, ISBNs, IPs, versions and identifiers are not phones', () => {
    for (const t of [
      'on 2024-10-05 we sold 4158675309 units',
      'between 1990-1995 and (2110-2115)',
      'SSN 219-09-9998',
      'it costs 1 234 567 euros',
      'ISBN 978-3-16-148410-0',
      'server 192.168.100.200',
      'build 10.0.19041.1',
      'CVE-2023-44487',
      'Order #123-456-7890 shipped',
      'order number is 4820117735',
    ])
      expect(found(t), t).toEqual([]);
  });

  it('an unbroken digit run counts only with a cue or a country code', () => {
    expect(found('reference 4158675309')).toEqual([]);
    expect(found('mobile: 4158675309')).toMatchObject([{ region: 'US' }]);
    expect(found('+14158675309')).toMatchObject([{ region: 'US' }]);
  });
});
