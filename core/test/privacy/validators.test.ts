import { describe, expect, it } from 'vitest';
import {
  base62Encode,
  cardBrand,
  crc32,
  ibanValid,
  jwtLooksReal,
  looksPlaceholder,
  luhnValid,
  prefixedCrcTokenValid,
  shannonEntropy,
  ssnValid,
} from '../../src/privacy/validators.js';
import { SECRET_GENERATORS, seededRng } from '../fixtures/secrets.js';

describe('validators', () => {
  it('Luhn accepts valid card numbers and rejects a one-digit change', () => {
    expect(luhnValid('4539148803436467')).toBe(true);
    expect(luhnValid('4539148803436468')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('')).toBe(false);
  });

  it('card brands follow IIN ranges and lengths', () => {
    expect(cardBrand('4539148803436467')).toBe('visa');
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    expect(cardBrand('2221000000000009')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('3782822463100050')).toBeUndefined(); // amex prefix, wrong length
    expect(cardBrand('1234567812345670')).toBeUndefined();
  });

  it('IBAN mod-97 and country length', () => {
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('DE89370400440532013001')).toBe(false); // checksum
    expect(ibanValid('DE8937040044053201300')).toBe(false); // length
    expect(ibanValid('ZZ89370400440532013000')).toBe(false); // country
  });

  it('SSN structure', () => {
    expect(ssnValid('219', '09', '9998')).toBe(true);
    expect(ssnValid('000', '12', '3456')).toBe(false);
    expect(ssnValid('666', '12', '3456')).toBe(false);
    expect(ssnValid('912', '12', '3456')).toBe(false);
    expect(ssnValid('123', '00', '3456')).toBe(false);
    expect(ssnValid('123', '45', '0000')).toBe(false);
    expect(ssnValid('078', '05', '1120')).toBe(false); // the famous wallet-card number
  });

  it('CRC-32 matches the IEEE reference value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(base62Encode(61, 3)).toBe('00z');
  });

  it('GitHub/npm token checksum: generated tokens pass, a flipped character fails', () => {
    const rng = seededRng(7);
    for (let i = 0; i < 50; i++) {
      const t = SECRET_GENERATORS.github_classic(rng);
      expect(prefixedCrcTokenValid(t)).toBe(true);
      const flipped = t.slice(0, 10) + (t[10] === 'a' ? 'b' : 'a') + t.slice(11);
      expect(prefixedCrcTokenValid(flipped)).toBe(false);
    }
    expect(prefixedCrcTokenValid('ghp_abcdefghijklmnopqrstuvwxyzABCD012345')).toBe(false);
  });

  it('entropy separates random from repetitive strings', () => {
    expect(shannonEntropy('aaaaaaaa')).toBe(0);
    expect(shannonEntropy('abcdefgh')).toBe(3);
    expect(shannonEntropy('')).toBe(0);
  });

  it('JWT check needs a JSON header with alg', () => {
    const rng = seededRng(3);
    expect(jwtLooksReal(SECRET_GENERATORS.jwt(rng))).toBe(true);
    expect(jwtLooksReal('eyJub3QiOiJqd3QifQ.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl')).toBe(false); // header without alg
    expect(jwtLooksReal('eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln')).toBe(false); // payload not JSON
  });

  it('placeholders', () => {
    expect(looksPlaceholder('AKIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(looksPlaceholder('xxxxxxxxxxxxxxxx')).toBe(true);
    expect(looksPlaceholder('your-api-key')).toBe(true);
    expect(looksPlaceholder('mypassword1', true)).toBe(true);
    expect(looksPlaceholder('q8Zr4Tn1Lw9Xv2Ks')).toBe(false);
    // short words only condemn short/plain free-form values
    expect(looksPlaceholder('Zx9#env!Qw7$Lp2%Rt5^', true)).toBe(false);
    expect(looksPlaceholder('${DB_PASSWORD}', true)).toBe(true);
    expect(looksPlaceholder('<your-token>')).toBe(true);
  });
});
