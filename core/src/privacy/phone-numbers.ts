/**
 * Phone numbers in text, validated by libphonenumber-js (Google's metadata, `max` build): international numbers
 * (+CC / 00CC) are parsed as written, national ones against an ordered list of default regions. An RE2 scan finds
 * phone-shaped candidates first (digit groups with phone separators, 7–15 digits), so the library's matcher only ever
 * sees short windows and the whole scan stays linear; shape rules then drop what reads as something else (dates,
 * thousands-grouped amounts, ISBNs, version numbers, IP addresses, numbers introduced as an order / invoice / ticket
 * id). A number that is not valid in the metadata still counts when it has a possible length and is introduced as a
 * phone ("tel.", "call", "mobile", …) or written with a country code: random-looking but plausible numbers are what
 * leaks of synthetic or recently assigned ranges look like. Toll-free, premium-rate and shared-cost numbers, and
 * numbers quoted as a hotline / customer service line, are public: found (redaction masks them) but not `personal`.
 */
import {
  findPhoneNumbersInText,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { RE2 } from '../regex.js';

export interface PhoneMatch {
  start: number;
  end: number;
  /** ISO 3166 region the number belongs to (undefined for non-geographic numbers). */
  region?: string;
  /** Valid in the metadata (false: possible length, accepted on a cue or a country code). */
  valid: boolean;
  /** A private person's number: not toll-free/premium/shared-cost, not introduced as a public service line. */
  personal: boolean;
}

export interface PhoneOptions {
  /** Regions tried, in order, for numbers written without a country code. */
  regions?: readonly string[];
}

/** A region code libphonenumber-js has metadata for (for validating configured phone regions). */
export function isPhoneRegion(code: string): boolean {
  return isSupportedCountry(code as CountryCode);
}

/** NANP first (most national-format numbers in English text), then the large European and Commonwealth plans. */
export const DEFAULT_PHONE_REGIONS: readonly string[] = ['US', 'GB', 'DE', 'FR', 'IN', 'AU', 'ES', 'IT', 'NL', 'BR'];

/**
 * A phone-shaped run: optional + / 00 / (+CC), then digit groups joined by one or two separators (space, dot, dash,
 * slash, parentheses), or one unbroken run of 7–15 digits; an optional extension. Bounded everywhere.
 */
const NBSP = '\u00a0';
const CANDIDATE = new RE2(
  String.raw`(?:\+ ?|\(\+?|\b)(?:[0-9]{7,15}|[0-9]{1,6}(?:(?:\) ?|[ .\-/${NBSP}]{1,3}\(?|\()[0-9]{1,10}){1,7})(?: ?(?:x|ext\.?) ?[0-9]{1,6}\b)?`,
  'g',
);

/** Words that introduce a phone number (many languages), looked for in the 32 characters before a candidate. */
const PHONE_CUE = new RE2(
  String.raw`(?:phone|tel\b|tel\.|telephone|call|mobile|cell|fax|whats ?app|sms|\btext(?:ing)?\b|dial|ring|reach (?:me|him|her|us|them)|contact|number|no\.|nr\.|📞|☎|telefon|handy|rufnummer|téléphone|portable|tél|teléfono|telefono|móvil|movil|cellulare|telefoon|mobiel|telefone|celular|telemóvel|telefonu|telefonnummer|puhelin|電話|电话|手机|телефон|тел)\W{0,6}(?:[a-z]+\W{1,3}){0,3}$`,
  'i',
);
/** Words that introduce an identifier that is not a phone number. */
const NOT_PHONE_CUE = new RE2(
  String.raw`(?:order|invoice|isbn|issn|doi|ref|reference|tracking|serial|ticket|account|acct|case|sku|part|model|policy|transaction|confirmation|booking|iban|bic|routing|patent|pmid|zip|postcode|postal|id|version|build|release|page|pages|pp\.|item|batch|lot|receipt|claim|member|customer|employee|student|passport|license|licence|vin|imei|cve|#)\W{0,4}(?:(?:number|no|nr|id|code|#)\W{0,3})?(?:(?:is|was|reads)\W{1,3})?$`,
  'i',
);
/**
 * A public line: hotlines, help lines, customer service, switchboards, and the line of a named kind of venue ("call
 * the pharmacy at", "our front desk") — the 120 characters before.
 */
const PUBLIC_LINE_CUE = new RE2(
  String.raw`(?:hotline|helpline|help line|lifeline|crisis line|customer (?:service|support|care|relations)|support (?:line|team|desk|centre|center)|service (?:line|desk)|call (?:cent(?:er|re))|switchboard|toll[- ]free|freephone|head office|headquarters|reservations|box office|poison control|emergency|non-emergency|information line|enquiries|inquiries|(?:the|our|local|nearest) (?:pharmacy|clinic|hospital|surgery|practice|restaurant|hotel|museum|library|embassy|consulate|town hall|city hall|post office|reception|front desk|ticket office|branch|store|shop|office))`,
  'i',
);

/** The 120 characters before `start` introduce a public line (a hotline, customer service, a switchboard). */
export function publicLine(text: string, start: number): boolean {
  return PUBLIC_LINE_CUE.test(text.slice(Math.max(0, start - 120), start));
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf;

function digitGroups(s: string): string[] {
  const groups: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) cur += s[i];
    else if (cur) {
      groups.push(cur);
      cur = '';
    }
  }
  if (cur) groups.push(cur);
  return groups;
}

/** Shapes of other numbers: dates, thousands grouping, dotted versions / addresses, ISBNs. */
function otherShape(raw: string, groups: string[], hasCue: boolean): boolean {
  const lens = groups.map((g) => g.length);
  const intl = raw.startsWith('+') || raw.startsWith('(+') || raw.startsWith('00');
  const dated =
    groups.length === 3 &&
    ((lens[0] === 4 && lens[1] <= 2 && lens[2] <= 2) || (lens[0] <= 2 && lens[1] <= 2 && lens[2] === 4));
  if (dated && !intl) return true;
  // 1990-1995 / (2110-2115): a range of years.
  if (
    !intl &&
    groups.length === 2 &&
    lens[0] === 4 &&
    lens[1] === 4 &&
    (groups[0][0] === '1' || groups[0][0] === '2') &&
    (groups[1][0] === '1' || groups[1][0] === '2')
  )
    return true;
  // 123-45-6789: the US social security number layout, never a phone layout.
  if (!intl && groups.length === 3 && lens[0] === 3 && lens[1] === 2 && lens[2] === 4) return true;
  // 1 234 567 / 12 345 678: thousands grouping without a trunk prefix or a country code.
  if (!intl && !hasCue && groups.length >= 2 && lens[0] <= 3 && lens.slice(1).every((l) => l === 3) && raw[0] !== '0')
    return true;
  if (raw.includes('.') && !intl) {
    // Dotted: 555.555.5555 or 06.12.34.56.78 are phones; 10.0.19041.1 and 1.2.3.45678 are not.
    if (lens.some((l) => l < 2)) return true;
    if (groups.length === 4 && groups.every((g) => g.length <= 3 && Number(g) <= 255)) return true; // IPv4
  }
  if (groups.length >= 4 && (groups[0] === '978' || groups[0] === '979') && lens.reduce((a, b) => a + b) === 13)
    return true;
  return false;
}

function personalType(p: PhoneNumber): boolean {
  const type = p.getType();
  return type !== 'TOLL_FREE' && type !== 'PREMIUM_RATE' && type !== 'SHARED_COST' && type !== 'UAN';
}

/** Most candidates one text may send to the library (each costs ~20 µs per region); past it, scanning stops. */
export const MAX_PHONE_CANDIDATES = 512;

export interface PhoneScan {
  matches: PhoneMatch[];
  saturatedAt?: number;
}

export function findPhoneNumbers(text: string, opts: PhoneOptions = {}): PhoneScan {
  const regions = (opts.regions ?? DEFAULT_PHONE_REGIONS) as CountryCode[];
  const out: PhoneMatch[] = [];
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let candidates = 0;
  while ((m = CANDIDATE.exec(text)) !== null) {
    if (m[0].length === 0) {
      CANDIDATE.lastIndex++;
      continue;
    }
    let raw = m[0];
    let start = m.index;
    // Trim separators the pattern may have taken at the edges ("(" without its ")", a trailing dash).
    while (raw.length > 0 && !isDigit(raw.charCodeAt(raw.length - 1))) raw = raw.slice(0, -1);
    if (raw.startsWith('(') && !raw.includes(')')) {
      raw = raw.slice(1);
      start++;
    }
    const groups = digitGroups(raw);
    const digits = groups.join('');
    if (digits.length < 7 || digits.length > 15) continue;
    const end = start + raw.length;
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    const before2 = start > 1 ? text.charCodeAt(start - 2) : 0;
    const after = end < text.length ? text.charCodeAt(end) : 0;
    const after2 = end + 1 < text.length ? text.charCodeAt(end + 1) : 0;
    // Glued to a word, a decimal, a longer number, a currency or a percent sign: not a phone number.
    if (isLetter(before) || isDigit(before) || ((before === 46 || before === 44 || before === 45) && isDigit(before2)))
      continue;
    if (before === 45 && isLetter(before2)) continue; // CVE-2023-44487, ABC-123-4567: an identifier
    if (before === 36 || before === 0x20ac || before === 0xa3 || before === 0xa5) continue;
    if (isLetter(after) || ((after === 46 || after === 44 || after === 45 || after === 47) && isDigit(after2)))
      continue;
    if (after === 37 || after === 0x20ac || after === 36) continue;
    if (++candidates > MAX_PHONE_CANDIDATES) return { matches: out, saturatedAt: start };
    const head = text.slice(Math.max(0, start - 32), start);
    if (NOT_PHONE_CUE.test(head)) continue;
    const hasCue = PHONE_CUE.test(head);
    if (otherShape(raw, groups, hasCue)) continue;
    const intl = raw.startsWith('+') || raw.startsWith('(+') || raw.startsWith('00');
    // An unbroken run of digits is a phone number only when introduced as one or written with a country code.
    if (groups.length === 1 && !intl && !hasCue) continue;
    // Seven-digit local numbers are too short to tell from other numbers without a cue.
    if (digits.length < 8 && !intl && !hasCue) continue;
    const found = validate(raw, intl, regions);
    let match: PhoneMatch | undefined;
    if (found?.valid) {
      match = { start, end, region: found.phone.country, valid: true, personal: personalType(found.phone) };
    } else if (found && ((hasCue && intl) || ((hasCue || intl) && groups.length >= 2))) {
      match = { start, end, region: found.phone.country, valid: false, personal: true };
    } else if (found && groups.length >= 3 && nanpShaped(raw)) {
      match = { start, end, region: 'US', valid: false, personal: true };
    }
    if (!match) continue;
    if (match.personal && publicLine(text, start)) match.personal = false;
    out.push(match);
  }
  return { matches: out };
}

/** (415) 867-5309 / 415-867-5309 / 415.867.5309, optionally after 1-: the layout alone says "US phone number". */
function nanpShaped(raw: string): boolean {
  const g = digitGroups(raw);
  const [a, b, c] = g.length === 4 && g[0] === '1' ? g.slice(1) : g;
  return g.length <= 4 && a?.length === 3 && b?.length === 3 && c?.length === 4 && a[0] !== '0' && a[0] !== '1';
}

/** The first reading of raw that is valid (international as written, else per region), or else a possible one. */
function validate(
  raw: string,
  intl: boolean,
  regions: readonly CountryCode[],
): { phone: PhoneNumber; valid: boolean } | undefined {
  const text = raw.startsWith('00') ? `+${raw.slice(2)}` : raw.replace('(+', '+');
  let possible: PhoneNumber | undefined;
  const tryOne = (p: PhoneNumber | undefined) => {
    if (!p) return undefined;
    if (p.isValid()) return { phone: p, valid: true };
    if (!possible && p.isPossible()) possible = p;
    return undefined;
  };
  if (intl) {
    const r = tryOne(parsePhoneNumberFromString(text));
    if (r) return r;
  } else {
    // Several regions may accept the same digits ("06 12 34 56 78" is valid in DE and FR): prefer the region whose
    // conventional national layout groups the digits the way they are written, else the first in order.
    let first: PhoneNumber | undefined;
    const written = digitGroups(raw).join(' ');
    for (const region of regions) {
      // The library's own matcher over the short window: it applies its in-text rules (grouping, punctuation), and
      // its default leniency accepts only numbers valid in the metadata.
      const hits = findPhoneNumbersInText(text, { defaultCountry: region });
      const whole = hits.find((h) => h.startsAt === 0 && h.endsAt >= text.length - 1);
      if (whole) {
        if (digitGroups(whole.number.formatNational()).join(' ') === written)
          return { phone: whole.number, valid: true };
        first ??= whole.number;
        continue;
      }
      tryOne(parsePhoneNumberFromString(text, region));
    }
    if (first) return { phone: first, valid: true };
  }
  return possible ? { phone: possible, valid: false } : undefined;
}
