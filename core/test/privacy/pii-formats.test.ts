import { describe, expect, it } from 'vitest';
import { findPii } from '../../src/privacy/pii-formats.js';

const kinds = (text: string) =>
  findPii(text)
    .filter((m) => m.real)
    .map((m) => m.kind);

describe('findPii', () => {
  it('payment cards: Luhn-valid with a known issuer, grouped or not', () => {
    expect(kinds('card 4539 1488 0343 6467 exp 12/29')).toEqual(['payment_card']);
    expect(kinds('card 4539-1488-0343-6467')).toEqual(['payment_card']);
    expect(kinds('card 4539148803436467')).toEqual(['payment_card']);
    expect(kinds('amex 3714 496353 98431')).toEqual([]); // published test number
  });

  it('rejects Luhn-invalid numbers, mixed separators and long identifiers', () => {
    expect(kinds('card 4539 1488 0343 6468')).toEqual([]);
    expect(kinds('id 4539-1488 0343-6467')).toEqual([]);
    expect(kinds('order 12345678901234567890123')).toEqual([]);
    expect(kinds('pi is 3.4539148803436467')).toEqual([]);
  });

  it('test cards are found but not counted as real', () => {
    const [m] = findPii('use 4111 1111 1111 1111 in the sandbox');
    expect(m).toMatchObject({ kind: 'payment_card', real: false, hint: '1111' });
  });

  it('IBAN with mod-97 check', () => {
    expect(kinds('IBAN DE89 3704 0044 0532 0130 00 please')).toEqual(['iban']);
    expect(kinds('IBAN GB82WEST12345698765432')).toEqual(['iban']);
    expect(kinds('IBAN DE89 3704 0044 0532 0130 01')).toEqual([]);
  });

  it('IBAN followed by an upper-case word is still found', () => {
    expect(kinds('pay to DE89 3704 0044 0532 0130 00 ASAP')).toEqual(['iban']);
  });

  it('SSN structure', () => {
    expect(kinds('SSN 219-09-9998')).toEqual(['us_ssn']);
    expect(kinds('SSN 000-12-3456, 666-12-3456, 912-12-3456, 123-00-4567, 123-45-0000')).toEqual([]);
    expect(kinds('part 1-219-09-9998-7')).toEqual([]);
  });

  it('emails, with documentation domains not real', () => {
    expect(kinds('write to jane.doe@acme-corp.io')).toEqual(['email']);
    expect(kinds('write to jane@example.com or bob@test.test')).toEqual([]);
  });

  it('phones: E.164 and NANP with separators; plain numbers and dates are not phones', () => {
    expect(kinds('call +44 20 7946 0958')).toEqual(['phone']);
    expect(kinds('call (415) 867-5309')).toEqual(['phone']);
    expect(kinds('call 415-867-5309')).toEqual(['phone']);
    expect(kinds('on 2024-10-05 we sold 4158675309 units')).toEqual([]);
    expect(kinds('fictional 555-0142 or (212) 555-0199')).toEqual([]);
  });
});

describe('findPii: IP addresses, names, addresses, neighbours', () => {
  const real = (t: string) =>
    findPii(t)
      .filter((m) => m.real)
      .map((m) => m.kind);

  it('IP addresses carry their range; documentation and loopback are not real by default', () => {
    const [ip] = findPii('from 10.20.30.40');
    expect(ip).toMatchObject({ kind: 'ip_address', ipRange: 'private', real: true });
    expect(real('use 192.0.2.1, 2001:db8::5 or 127.0.0.1 in examples')).toEqual([]);
  });

  it('a weak name or a bare street is confirmed by personal data next to it', () => {
    expect(real('Yesterday Priya Raman signed it.')).toEqual([]);
    expect(real('Priya Raman, +44 20 7946 0018')).toEqual(['person_name', 'phone']);
    expect(real('The parade went down 42 Oak Street.')).toEqual([]);
    expect(real('42 Oak Street — call +44 20 7946 0018')).toEqual(['street_address', 'phone']);
  });

  it('role mailboxes, public lines and sample SSNs are found but not personal data', () => {
    expect(real('write to support@acme-corp.io or customer.service@acme-corp.io')).toEqual([]);
    expect(real("the hotline's number is 1-800-273-8255")).toEqual([]);
    expect(real("James Bond's social security number is 007-45-6789")).toEqual([]);
  });
});
