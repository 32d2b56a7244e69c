/**
 * Pure validators used to tell live secrets and real identifiers from look-alikes: checksums (Luhn, IBAN mod-97,
 * GitHub/npm CRC32), structure (SSN), and randomness (Shannon entropy). No regular expressions here; all linear.
 */

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

/** How many of lower, upper, digit, other appear in s. */
export function charClasses(s: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

/** Luhn mod-10 over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Card brand by IIN range and length, or undefined when the number fits no issuer we know. */
export function cardBrand(digits: string): string | undefined {
  const len = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4' && (len === 13 || len === 16 || len === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && len === 15) return 'amex';
  if (
    (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) &&
    len >= 16 &&
    len <= 19
  )
    return 'discover';
  if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19) return 'jcb';
  if (((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39 || p4 === 3095) && len >= 14 && len <= 19)
    return 'diners';
  if (p2 === 62 && len >= 16 && len <= 19) return 'unionpay';
  if ((p2 === 50 || (p2 >= 56 && p2 <= 69)) && len >= 12 && len <= 19) return 'maestro';
  return undefined;
}

/** Published test card numbers (processor sandboxes): real format, never real accounts. */
const TEST_CARDS = new Set([
  '4111111111111111',
  '4242424242424242',
  '4012888888881881',
  '4000056655665556',
  '5555555555554444',
  '5105105105105100',
  '5200828282828210',
  '378282246310005',
  '371449635398431',
  '6011111111111117',
  '6011000990139424',
  '3530111333300000',
  '3566002020360505',
  '30569309025904',
  '38520000023237',
]);

export function isTestCard(digits: string): boolean {
  return TEST_CARDS.has(digits);
}

/** IBAN length per country (ISO 13616 registry, the common subset). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

/** IBAN check: known country, its length, and ISO 7064 mod-97 = 1. Input without spaces, upper case. */
export function ibanValid(iban: string): boolean {
  const expected = IBAN_LENGTH[iban.slice(0, 2)];
  if (!expected || iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return false;
  }
  return rem === 1;
}

/** US SSN structure: area not 000/666/9xx, group not 00, serial not 0000; well-known published examples excluded. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  const whole = `${area}${group}${serial}`;
  if (whole === '078051120' || whole === '219099999' || whole === '123456789') return false;
  return true;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (IEEE) of an ASCII string, unsigned. */
export function crc32(s: string): number {
  let c = -1;
  for (let i = 0; i < s.length; i++) c = CRC_TABLE[(c ^ s.charCodeAt(i)) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62Encode(n: number, width: number): string {
  let s = '';
  let v = n;
  while (v > 0) {
    s = BASE62[v % 62] + s;
    v = Math.floor(v / 62);
  }
  return s.padStart(width, '0');
}

function base62Decode(s: string): number {
  let v = 0;
  for (const ch of s) {
    const d = BASE62.indexOf(ch);
    if (d < 0) return -1;
    v = v * 62 + d;
  }
  return v;
}

/**
 * GitHub classic tokens (ghp_/gho_/ghu_/ghs_/ghr_) and npm tokens (npm_): 4-char prefix, 30 random base62 chars, then
 * the CRC-32 of the random part in 6 base62 chars. Random strings pass this with probability ~1/14000.
 */
export function prefixedCrcTokenValid(token: string): boolean {
  if (token.length !== 40) return false;
  const body = token.slice(4, 34);
  return base62Decode(token.slice(34)) === crc32(body);
}

/** Base64url → UTF-8 string, or undefined when it is not valid base64url. */
export function base64UrlDecode(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
    if (!ok) return undefined;
  }
  try {
    return Buffer.from(s, 'base64url').toString('utf8');
  } catch {
    return undefined;
  }
}

/** A JWT is real when its header decodes to a JSON object with an `alg` (and its payload to a JSON object). */
export function jwtLooksReal(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  try {
    const header = JSON.parse(base64UrlDecode(parts[0]) ?? '') as unknown;
    const payload = JSON.parse(base64UrlDecode(parts[1]) ?? '') as unknown;
    if (!header || typeof header !== 'object' || Array.isArray(header)) return false;
    if (typeof (header as Record<string, unknown>).alg !== 'string') return false;
    return !!payload && typeof payload === 'object';
  } catch {
    return false;
  }
}

/**
 * Marks of documentation, templates and placeholders. Long words only for provider keys (a random 40-char token
 * contains a given 4-letter word with probability ~4e-5); the short ones apply to free-form values (passwords...).
 */
const PLACEHOLDER_LONG = [
  'example',
  'sample',
  'placeholder',
  'your',
  'xxxx',
  'changeme',
  'change_me',
  'redacted',
  'dummy',
  'fake',
  'test',
  'todo',
  'replace',
  'insert',
  '****',
  '....',
  '…',
  '[redacted',
  '${',
  '{{',
  '$(',
  '<%',
];
const PLACEHOLDER_SHORT = [
  'here',
  'mytoken',
  'mypassword',
  'mysecret',
  'password',
  'passwd',
  'secret',
  'token',
  'abcdef',
  '123456',
  '000000',
  'env',
  'process.',
  'environ',
  'null',
  'none',
  'undefined',
  'foo',
  'bar',
  'baz',
  'admin',
  'qwerty',
  'letmein',
  'hunter2',
  'demo',
  'default',
];

/**
 * True when a candidate credential reads like a placeholder: a marker word, or a run of 6+ identical characters
 * (sk-aaaaaa..., 000000). `freeForm` adds the short words, for values without a provider prefix.
 */
export function looksPlaceholder(value: string, freeForm = false): boolean {
  const v = value.toLowerCase();
  for (const w of PLACEHOLDER_LONG) if (v.includes(w)) return true;
  // Templates and variables: <your-key>, $API_KEY, %TOKEN%, {token}
  const first = v[0];
  if (first === '<' || first === '$' || first === '%' || first === '{') return true;
  // Short words only condemn short or plain values: a random 20-char password may contain "env" by chance.
  if (freeForm && (v.length <= 16 || charClasses(value) <= 2))
    for (const w of PLACEHOLDER_SHORT) if (v.includes(w)) return true;
  let run = 1;
  for (let i = 1; i < v.length; i++) {
    run = v[i] === v[i - 1] ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

/** Sequential filler like abcdefgh or 12345678 (common in docs): share of consecutive code-point steps of +1. */
export function mostlySequential(s: string): boolean {
  if (s.length < 8) return false;
  let seq = 0;
  for (let i = 1; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) === 1) seq++;
  return seq / (s.length - 1) > 0.5;
}
