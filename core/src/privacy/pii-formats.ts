/**
 * Personal data Tracehound recognizes, each confirmed by a validator so that arbitrary numbers do not count:
 * payment cards (Luhn + issuer ranges), IBAN (mod-97 + country length), US SSN (structure), e-mail addresses and
 * phone numbers (conservative formats only: E.164, NANP with separators, a few national layouts).
 */
import { RE2 } from '../regex.js';
import { cardBrand, ibanValid, isTestCard, luhnValid, ssnValid } from './validators.js';

export type PiiKind = 'payment_card' | 'iban' | 'us_ssn' | 'email' | 'phone';

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  /** Validated, and not a published test value (test cards, RFC 2606 example domains). */
  real: boolean;
  /** Short non-identifying hint kept by redaction: card last 4, IBAN country. */
  hint?: string;
}

const CARD = new RE2(String.raw`\b[0-9](?:[ \-]?[0-9]){11,18}\b`, 'g');
const IBAN = new RE2(String.raw`\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b`, 'g');
const SSN = new RE2(String.raw`\b([0-9]{3})-([0-9]{2})-([0-9]{4})\b`, 'g');
const EMAIL = new RE2(String.raw`\b[A-Za-z0-9._%+\-]{1,64}@(?:[A-Za-z0-9\-]{1,63}\.){1,8}[A-Za-z]{2,24}\b`, 'g');
const PHONE = new RE2(
  [
    String.raw`\+[1-9][0-9]{0,2}(?:[ .\-]?\(?[0-9]{1,4}\)?){2,5}[ .\-]?[0-9]{2,4}\b`, // E.164 / international
    String.raw`(?:\([2-9][0-9]{2}\) ?|\b[2-9][0-9]{2}[ .\-])[2-9][0-9]{2}[ .\-][0-9]{4}\b`, // NANP with separators
    String.raw`\b0[1-9](?:[ .][0-9]{2}){4}\b`, // FR 01 23 45 67 89
    String.raw`\b0[1-9][0-9]{2,3} ?[0-9]{3} ?[0-9]{4}\b`, // UK 020 7946 0958 / 01632 960 123
  ].join('|'),
  'g',
);

/** Domains reserved for documentation (RFC 2606 / 6761): addresses there are never real people. */
const RESERVED_DOMAINS = ['example.com', 'example.org', 'example.net', 'example.edu'];
const RESERVED_TLDS = ['.example', '.test', '.invalid', '.localhost', '.local'];

function isReservedEmail(addr: string): boolean {
  const domain = addr.slice(addr.lastIndexOf('@') + 1).toLowerCase();
  if (RESERVED_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`))) return true;
  return RESERVED_TLDS.some((t) => domain.endsWith(t));
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

export function findPii(text: string): PiiMatch[] {
  return scanPii(text).matches;
}

/** Every validated personal-data item in text, sorted by start, non-overlapping. */
export function scanPii(text: string): PiiScan {
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
  let digits = 0;
  for (let i = first; i < text.length && digits < NUMERIC_DIGITS; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
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
          out.push({ kind: 'us_ssn', start: m.index, end: m.index + m[0].length, real: true });
      }),
    );
  if (at)
    track(
      scan(EMAIL, text, (m) => {
        out.push({ kind: 'email', start: m.index, end: m.index + m[0].length, real: !isReservedEmail(m[0]) });
      }),
    );
  if (numeric)
    track(
      scan(PHONE, text, (m) => {
        const digits = digitsOnly(m[0]);
        if (digits.length < 9 || digits.length > 15) return;
        const before = m.index > 0 ? text.charCodeAt(m.index - 1) : 0;
        if (before >= 48 && before <= 57) return;
        // NANP fictional range 555-0100..0199 is reserved for fiction.
        const fictional = digits.length >= 10 && digits.slice(-7, -4) === '555' && digits.slice(-4, -2) === '01';
        out.push({ kind: 'phone', start: m.index, end: m.index + m[0].length, real: !fictional });
      }),
    );
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PiiMatch[] = [];
  for (const p of out) {
    const prev = merged[merged.length - 1];
    if (prev && p.start < prev.end) {
      // Cards and IBANs are validated by checksum: they win over a phone-shaped reading of the same digits.
      if (prev.kind === 'phone' && p.kind !== 'phone' && p.kind !== 'email') merged[merged.length - 1] = p;
      continue;
    }
    merged.push(p);
  }
  return stops.length > 0 ? { matches: merged, saturatedAt: Math.min(...stops) } : { matches: merged };
}

export const PII_LABEL: Record<PiiKind, string> = {
  payment_card: 'payment card number',
  iban: 'IBAN',
  us_ssn: 'US social security number',
  email: 'e-mail address',
  phone: 'phone number',
};
