/**
 * Personal data Tracehound recognizes, each confirmed by a validator so that arbitrary numbers do not count:
 * payment cards (Luhn + issuer ranges), IBAN (mod-97 + country length), US SSN (structure), e-mail addresses, phone
 * numbers (libphonenumber-js metadata, phone-numbers.ts), IP addresses (ip-address.ts), and — by structure, gazetteer
 * and context — person names (person-names.ts) and street addresses (street-addresses.ts).
 */
import { RE2 } from '../regex.js';
import { DEFAULT_IP_EXCLUDED, findIpAddresses, type IpRange } from './ip-address.js';
import { findPersonNames } from './person-names.js';
import { findPhoneNumbers, publicLine } from './phone-numbers.js';
import { findStreetAddresses } from './street-addresses.js';
import { cardBrand, ibanValid, isTestCard, luhnValid, ssnValid } from './validators.js';

export type PiiKind =
  'payment_card' | 'iban' | 'us_ssn' | 'email' | 'phone' | 'ip_address' | 'person_name' | 'street_address';

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  /**
   * Personal data: validated, and not a published test value (test cards, RFC 2606 example domains), a public line
   * (toll-free numbers, hotlines, role mailboxes) or an IP address of a range excluded by default (documentation,
   * loopback, …). Redaction masks every match, real or not.
   */
  real: boolean;
  /** Short non-identifying hint kept by redaction: card last 4, IBAN country. */
  hint?: string;
  /** IP addresses: the address range (callers apply their own exclusions). */
  ipRange?: IpRange;
  /** Person names and street addresses: what made the match (e.g. `honorific`, `field`, `gazetteer+context`). */
  basis?: string;
}

export interface PiiOptions {
  /** Regions tried, in order, for phone numbers written without a country code (default DEFAULT_PHONE_REGIONS). */
  phoneRegions?: readonly string[];
}

const CARD = new RE2(String.raw`\b[0-9](?:[ \-]?[0-9]){11,18}\b`, 'g');
const IBAN = new RE2(String.raw`\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b`, 'g');
const SSN = new RE2(String.raw`\b([0-9]{3})-([0-9]{2})-([0-9]{4})\b`, 'g');
const EMAIL = new RE2(String.raw`\b[A-Za-z0-9._%+\-]{1,64}@(?:[A-Za-z0-9\-]{1,63}\.){1,8}[A-Za-z]{2,24}\b`, 'g');

/** Domains reserved for documentation (RFC 2606 / 6761): addresses there are never real people. */
const RESERVED_DOMAINS = ['example.com', 'example.org', 'example.net', 'example.edu'];
const RESERVED_TLDS = ['.example', '.test', '.invalid', '.localhost', '.local'];

function isReservedEmail(addr: string): boolean {
  const domain = addr.slice(addr.lastIndexOf('@') + 1).toLowerCase();
  if (RESERVED_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`))) return true;
  return RESERVED_TLDS.some((t) => domain.endsWith(t));
}

/**
 * Role mailboxes (RFC 2142 and their everyday kin, a few languages): an organisation's address, not a person's. The
 * local part must be the role word alone or joined to another role word ("customer.service", "help-desk").
 */
const ROLE_MAILBOX = new RE2(
  String.raw`^(?:(?:info|information|support|help|helpdesk|contact|contacts|sales|service|services|customer|customers|customerservice|customercare|care|admin|administrator|webmaster|postmaster|hostmaster|abuse|noc|security|privacy|legal|press|media|news|newsletter|marketing|hello|team|office|enquiries|enquiry|inquiries|billing|accounts|invoices|feedback|careers|jobs|hr|recruiting|no-?reply|donotreply|do-not-reply|mailer-daemon|kundenservice|kundenbetreuung|kontakt|service-client|serviceclient|atencion|contacto|soporte|assistenza|servizio)[._\-]?){1,3}$`,
  'i',
);

function isRoleMailbox(addr: string): boolean {
  return ROLE_MAILBOX.test(addr.slice(0, addr.lastIndexOf('@')));
}

/** Three hex groups joined by colons somewhere in text (an IPv6 address needs them, or '::'). */
function hexColonHex(text: string): boolean {
  const hex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  let k = text.indexOf(':');
  while (k >= 0) {
    if (k > 0 && hex(text.charCodeAt(k - 1)) && hex(text.charCodeAt(k + 1))) {
      const next = text.indexOf(':', k + 1);
      if (next > 0 && next - k <= 5 && hex(text.charCodeAt(next + 1))) return true;
    }
    k = text.indexOf(':', k + 1);
  }
  return false;
}

/** SSN-shaped sample values: a run of six ascending digits (the well-known "…-45-6789" pattern). */
function sampleSsn(digits: string): boolean {
  let asc = 1;
  for (let i = 1; i < digits.length; i++) {
    asc = digits.charCodeAt(i) - digits.charCodeAt(i - 1) === 1 ? asc + 1 : 1;
    if (asc >= 6) return true;
  }
  return false;
}

function digitsOnly(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) out += s[i];
  }
  return out;
}

/** Grouped card numbers use one separator kind; the first group has 4 digits (Amex/Diners 4-6-5 / 4-6-4 included). */
function cardGroupingOk(raw: string): boolean {
  const hasSpace = raw.includes(' ');
  const hasDash = raw.includes('-');
  if (!hasSpace && !hasDash) return true;
  if (hasSpace && hasDash) return false;
  const groups = raw.split(hasSpace ? ' ' : '-');
  if (groups[0].length !== 4) return false;
  return groups.every((g) => g.length >= 3 && g.length <= 6);
}

/** ASCII classes for the prefilter: 1 digit, 2 a separator inside phone-like numbers ( .-/()), 0 other. */
const NUM_CLASS = (() => {
  const t = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) t[c] = 1;
  for (const ch of ' .-/()') t[ch.charCodeAt(0)] = 2;
  return t;
})();

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Card, SSN and phone patterns all need at least this many digits (an IBAN needs 4). */
const NUMERIC_DIGITS = 9;

/** Most matches one pattern may produce per text (each has a fixed cost); past it the caller masks the rest. */
export const MAX_PII_MATCHES = 512;

/** Scan with re; returns the offset where it stopped early, if it did. */
function scan(re: RegExp, text: string, each: (m: RegExpExecArray) => void): number | undefined {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (++n > MAX_PII_MATCHES) return m.index;
    each(m);
  }
  return undefined;
}

export interface PiiScan {
  matches: PiiMatch[];
  /** Set when a pattern hit MAX_PII_MATCHES: text from here on was not fully scanned. */
  saturatedAt?: number;
}

export function findPii(text: string, opts: PiiOptions = {}): PiiMatch[] {
  return scanPii(text, opts).matches;
}

/** Priority when two readings overlap: checksummed identifiers first, then IPs, contacts, addresses, names. */
const PRIORITY: Record<PiiKind, number> = {
  payment_card: 0,
  iban: 0,
  us_ssn: 1,
  email: 2,
  ip_address: 3,
  phone: 4,
  street_address: 5,
  person_name: 6,
};

/** Every validated personal-data item in text, sorted by start, non-overlapping. */
export function scanPii(text: string, opts: PiiOptions = {}): PiiScan {
  const out: PiiMatch[] = [];
  const stops: number[] = [];
  // Cheap prefilter: every pattern needs digits or an '@'; most prose has neither in quantity. Native indexOf finds
  // the first digit (prose often has none: no per-character loop at all), and counting stops at the largest threshold.
  const at = text.indexOf('@') >= 0;
  let first = text.length;
  for (const d of DIGITS) {
    const k = text.indexOf(d);
    if (k >= 0 && k < first) first = k;
  }
  // One pass from the first digit: total digits, the longest run of digits joined by number separators (phones
  // need 7), digit.digit (IPv4), hex:hex (IPv6), digit next to a letter word (street numbers).
  let digits = 0;
  let run = 0;
  let longestRun = 0;
  let dotted = false;
  const n = text.length;
  for (let i = first; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? NUM_CLASS[c] : c === 0xa0 ? 2 : 0;
    if (k === 1) {
      digits++;
      if (++run > longestRun) longestRun = run;
      if (c !== 0 && !dotted && text.charCodeAt(i + 1) === 46) {
        const d = text.charCodeAt(i + 2);
        dotted = d >= 48 && d <= 57;
      }
    } else if (k === 0) {
      run = 0;
    }
    if (dotted && longestRun >= 7 && digits >= NUMERIC_DIGITS) break; // every gate is open
  }
  const colons = text.indexOf(':') >= 0 && (text.indexOf('::') >= 0 || hexColonHex(text));
  const numeric = digits >= NUMERIC_DIGITS;
  const track = (at: number | undefined) => {
    if (at !== undefined) stops.push(at);
  };
  if (numeric)
    track(
      scan(CARD, text, (m) => {
        const prev = m.index > 0 ? text[m.index - 1] : '';
        if (prev === '.' || prev === '-' || prev === '+') return; // decimals, negative numbers, phone numbers
        const digits = digitsOnly(m[0]);
        if (digits.length < 12 || digits.length > 19 || !cardGroupingOk(m[0])) return;
        if (!luhnValid(digits) || !cardBrand(digits)) return;
        const real = !isTestCard(digits) && new Set(digits).size > 2;
        out.push({ kind: 'payment_card', start: m.index, end: m.index + m[0].length, real, hint: digits.slice(-4) });
      }),
    );
  if (digits >= 4)
    track(
      scan(IBAN, text, (m) => {
        // The optional tail may swallow a following code-like word; retry by dropping trailing groups.
        let candidate = m[0];
        for (let tries = 0; tries < 3 && candidate.length >= 15; tries++) {
          const compact = candidate.split(' ').join('');
          if (ibanValid(compact)) {
            out.push({
              kind: 'iban',
              start: m.index,
              end: m.index + candidate.length,
              real: true,
              hint: compact.slice(0, 2),
            });
            return;
          }
          const sp = candidate.lastIndexOf(' ');
          if (sp < 0) return;
          candidate = candidate.slice(0, sp);
        }
      }),
    );
  if (numeric)
    track(
      scan(SSN, text, (m) => {
        const before = m.index > 0 ? text[m.index - 1] : '';
        const after = text[m.index + m[0].length] ?? '';
        if (before === '-' || after === '-') return; // part of a longer dashed number
        if (ssnValid(m[1], m[2], m[3]))
          out.push({
            kind: 'us_ssn',
            start: m.index,
            end: m.index + m[0].length,
            real: !sampleSsn(m[1] + m[2] + m[3]),
          });
      }),
    );
  if (at)
    track(
      scan(EMAIL, text, (m) => {
        const real = !isReservedEmail(m[0]) && !isRoleMailbox(m[0]) && !publicLine(text, m.index);
        out.push({ kind: 'email', start: m.index, end: m.index + m[0].length, real });
      }),
    );
  if (longestRun >= 7) {
    const phones = findPhoneNumbers(text, { regions: opts.phoneRegions });
    track(phones.saturatedAt);
    for (const p of phones.matches) {
      const digitsOf = digitsOnly(text.slice(p.start, p.end));
      // NANP fictional range 555-0100..0199 is reserved for fiction.
      const fictional = digitsOf.length >= 7 && digitsOf.slice(-7, -4) === '555' && digitsOf.slice(-4, -2) === '01';
      out.push({ kind: 'phone', start: p.start, end: p.end, real: p.personal && !fictional, hint: p.region });
    }
  }
  if (dotted || colons) {
    for (const ip of findIpAddresses(text, MAX_PII_MATCHES))
      out.push({
        kind: 'ip_address',
        start: ip.start,
        end: ip.end,
        real: !DEFAULT_IP_EXCLUDED.includes(ip.range),
        ipRange: ip.range,
      });
  }
  if (digits >= 1)
    for (const a of findStreetAddresses(text))
      out.push({ kind: 'street_address', start: a.start, end: a.end, real: a.complete, basis: a.basis });
  // Names are looked for only where personal data is: beside other personal data, or in a text with record labels
  // or contact wording. A name alone (history, fiction, role-play) is not personal data, and scanning every
  // capitalized word of every text would cost more than all the other kinds together.
  const confirming = out.some((p) => p.real && CONFIRMING.has(p.kind));
  const { record, name } = fieldLabels(text);
  if (confirming || record > 0 || name) {
    for (const n of findPersonNames(text)) {
      // A labelled name is someone's record when the text has other personal-record labels (DOB:, Address:, …).
      const real = n.basis === 'contact' || (n.basis === 'field' && record >= 1);
      out.push({ kind: 'person_name', start: n.start, end: n.end, real, basis: n.basis });
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PiiMatch[] = [];
  for (const p of out) {
    const prev = merged[merged.length - 1];
    if (prev && p.start < prev.end) {
      // Overlapping readings of the same characters: the more specific kind wins, its span grown to cover both
      // (a street address that contains a phone-shaped house number, a card a phone pattern also matched).
      const keep = PRIORITY[p.kind] < PRIORITY[prev.kind] ? p : prev;
      merged[merged.length - 1] = { ...keep, start: Math.min(prev.start, p.start), end: Math.max(prev.end, p.end) };
      continue;
    }
    merged.push(p);
  }
  confirmByNeighbours(merged);
  return stops.length > 0 ? { matches: merged, saturatedAt: Math.min(...stops) } : { matches: merged };
}

/** Labels of personal-record fields (other than the name): "DOB:", "Address:", "Phone:", "SSN:", … */
const RECORD_LABELS = [
  'date of birth',
  'dob',
  'birth date',
  'birthdate',
  'born',
  'ssn',
  'social security number',
  'passport',
  "driver's license",
  'license number',
  'licence number',
  'national id',
  'id number',
  'insurance number',
  'policy number',
  'diagnosis',
  'medical record',
  'mrn',
  'account number',
  'iban',
  'phone',
  'mobile',
  'tel',
  'telephone',
  'e-mail',
  'email',
  'address',
  'home address',
  'geburtsdatum',
  'date de naissance',
  'fecha de nacimiento',
  'data di nascita',
  'adresse',
  'anschrift',
  'dirección',
  'indirizzo',
  'endereço',
  'telefon',
  'téléphone',
  'teléfono',
  'telefono',
];

/** Labels (lower case) that introduce a name in a record ("Name:", "Patient:", "Nom :"). */
const NAME_LABELS = [
  'name',
  'full name',
  'first name',
  'last name',
  'patient',
  'customer',
  'client',
  'employee',
  'applicant',
  'holder',
  'tenant',
  'nom',
  'nombre',
  'vorname',
  'nachname',
];

/**
 * Field labels before the colons of text: how many personal-record labels there are, and whether a
 * name label is among them. Work per colon, not per label: prose has few colons.
 */
function fieldLabels(text: string): { record: number; name: boolean } {
  let record = 0;
  let name = false;
  let k = text.indexOf(':');
  for (let seen = 0; k >= 0 && seen < 256; seen++) {
    let e = k;
    while (e > 0 && (text[e - 1] === ' ' || text[e - 1] === '"' || text[e - 1] === "'" || text[e - 1] === '*')) e--;
    const head = text.slice(Math.max(0, e - 24), e).toLowerCase();
    if (RECORD_LABELS.some((l) => head.endsWith(l) && !isLetterCode(head.charCodeAt(head.length - l.length - 1))))
      record++;
    if (!name && NAME_LABELS.some((l) => head.endsWith(l))) name = true;
    k = text.indexOf(':', k + 1);
  }
  return { record, name };
}

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** How close (characters) other personal data must be to confirm a weak name or street. */
const NEIGHBOUR_WINDOW = 120;
const CONFIRMING: ReadonlySet<PiiKind> = new Set([
  'payment_card',
  'iban',
  'us_ssn',
  'email',
  'phone',
  'street_address',
]);

/**
 * A name found only by an honorific or the gazetteer, or a street without postal code, is personal data when other
 * personal data sits next to it: "Mr. Okafor, 0151 2345678" or "Priya Raman, 42 Oak Street". Two passes over the
 * sorted list with a moving window: linear.
 */
function confirmByNeighbours(items: PiiMatch[]): void {
  const weak = (p: PiiMatch) => !p.real && (p.kind === 'person_name' || p.kind === 'street_address');
  let lastEnd = -Infinity;
  for (const p of items) {
    if (weak(p) && p.start - lastEnd <= NEIGHBOUR_WINDOW) p.real = true;
    if (p.real && CONFIRMING.has(p.kind)) lastEnd = p.end;
  }
  let nextStart = Infinity;
  for (let i = items.length - 1; i >= 0; i--) {
    const p = items[i];
    if (weak(p) && nextStart - p.end <= NEIGHBOUR_WINDOW) p.real = true;
    if (p.real && CONFIRMING.has(p.kind)) nextStart = p.start;
  }
}

export const PII_LABEL: Record<PiiKind, string> = {
  payment_card: 'payment card number',
  iban: 'IBAN',
  us_ssn: 'US social security number',
  email: 'e-mail address',
  phone: 'phone number',
  ip_address: 'IP address',
  person_name: 'person name',
  street_address: 'street address',
};
