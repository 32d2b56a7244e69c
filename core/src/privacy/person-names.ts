/**
 * Person names in text, by structure and context — precision first. A capitalized word sequence counts as a name
 * only when something says it is one:
 * - `field`: a record label ("Name:", "Patient:", "Cardholder:", `"full_name": "…"`, "Nom :", "Nombre:", …);
 * - `self`: a self-introduction ("my name is …", "je m'appelle …", "ich heiße …");
 * - `contact`: a contact instruction naming the person ("contact Anna Weber at …", "ask for Dr. Osei");
 * - `possessive`: a name owning personal data ("Maria Lopez's phone number", "… date of birth");
 * - `letter`: a salutation or sign-off with a full name ("Dear Ms. Kowalski,", "Best regards,\nJohn Miller");
 * - `honorific` / `gazetteer`: an honorific before a capitalized word ("Mr. Okafor") or a known given name followed by
 *   a surname-shaped word ("Priya Raman"). These two are found (redaction masks them) but are not `strong`: fiction,
 *   history and role-play are full of them. They become strong beside other personal data (the caller decides).
 * Linear: one RE2 scan per cue family, O(1) work per match.
 */
import { RE2 } from '../regex.js';
import { foldName, GIVEN_NAMES } from './name-gazetteer.js';

export type NameBasis = 'field' | 'self' | 'contact' | 'possessive' | 'letter' | 'honorific' | 'gazetteer';

export interface NameMatch {
  start: number;
  end: number;
  basis: NameBasis;
  /** The cue alone makes it personal data (field, self, contact, possessive, letter). */
  strong: boolean;
}

/** One name word: capitalized (any script with case), with inner apostrophes/hyphens (O'Brien, Jean-Luc, McDonald). */
const WORD = String.raw`\p{Lu}[\p{Ll}\p{Lo}]+(?:['’\-]\p{Lu}?[\p{Ll}]+)?`;
/** Particles inside names (van der, de la, bin, al-). */
const PARTICLE = String.raw`(?:van|von|der|den|de|del|della|di|da|dos|das|du|la|le|bin|binti|ibn|al|el|ter|ten|zu|y)`;
const INITIAL = String.raw`\p{Lu}\.`;
/** A name of one to four words; inner particles and initials allowed. */
const NAME = String.raw`(?:${WORD}|${INITIAL})(?:[ \t](?:${PARTICLE}[ \t])?(?:${WORD}|${INITIAL})){0,3}`;
const HONORIFIC = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Herr|Frau|Mme|Mlle|Sr|Sra|Srta|Dña|Sig|Sig\.ra|Dott)`;
const HON_NAME = String.raw`(?:${HONORIFIC}\.?[ \t]+)?${NAME}`;

const FIELD = new RE2(
  String.raw`(?:^|[\n\r{,;|(\[])[ \t]*["']?(?i:(?:full[ _-]?name|first[ _-]?name|last[ _-]?name|given[ _-]?name|surname|family[ _-]?name|customer[ _-]?name|client[ _-]?name|patient[ _-]?name|contact[ _-]?name|user[ _-]?name|holder[ _-]?name|name|patient|customer|client|employee|applicant|account[ _-]?holder|card[ _-]?holder|cardholder|recipient|sender|passenger|guest|tenant|beneficiary|insured|policy[ _-]?holder|contact[ _-]?person|emergency[ _-]?contact|next[ _-]?of[ _-]?kin|nom|prénom|nombre|apellidos?|nome|cognome|vorname|nachname|naam|imię|nazwisko))["']?[ \t]*[:=][ \t]*["']?(${HON_NAME})`,
  'gu',
);
const SELF = new RE2(
  String.raw`(?i:\b(?:my (?:full )?name is|my name's|i am called|i'm called|je m'appelle|je suis|me llamo|mi nombre es|mi chiamo|ich heiße|ich heisse|mein name ist|o meu nome é|chamo-me|mijn naam is|ik heet))[ \t]+(${HON_NAME})`,
  'gu',
);
const CONTACT = new RE2(
  String.raw`(?i:\b(?:contact|reach|call|phone|e-?mail|text|message|ask for|speak (?:to|with)|talk to|write to|send (?:it|this|them) to|forward (?:it|this) to|assigned to|attention|attn\.?))[ \t:]+(${HON_NAME})(?i:[ \t]+(?:at|on|via|by)\b|[ \t]*[(<]|,[ \t]*(?:at|on)\b)`,
  'gu',
);
const POSSESSIVE = new RE2(
  String.raw`(${HON_NAME})['’]s[ \t]+(?i:(?:home |personal |private |mobile |cell |work |current |new |full |e-?mail |mailing |street |billing |shipping )?(?:phone|mobile|cell|number|telephone|address|home address|e-?mail|ssn|social security|date of birth|birth ?date|birthday|dob|passport|driver'?s licen[cs]e|licen[cs]e number|account|bank|iban|credit card|card number|salary|medical|diagnosis|prescription|password|pin|tax|national insurance|insurance number|id number|employee id|patient id))`,
  'gu',
);
const GREETING = new RE2(
  String.raw`(?:^|[\n\r>])[ \t]*(?:Dear|Hi|Hello|Hallo|Liebe|Lieber|Sehr geehrte|Sehr geehrter|Bonjour|Chère|Cher|Estimada|Estimado|Querida|Querido|Gentile|Caro|Cara|Beste)[ \t]+(${HON_NAME})[ \t]*[,!:]`,
  'gu',
);
const SIGNOFF = new RE2(
  String.raw`(?i:\b(?:sincerely|regards|best regards|kind regards|warm regards|best wishes|best|cheers|thanks|thank you|yours truly|yours faithfully|yours sincerely|respectfully|cordially|mit freundlichen grüßen|viele grüße|cordialement|bien à vous|atentamente|saludos|cordiali saluti|distinti saluti|met vriendelijke groet))[,.!]?[ \t]*\r?\n[ \t]*(${NAME})[ \t]*(?:\r?\n|$)`,
  'gu',
);
const HONORIFIC_ONLY = new RE2(String.raw`\b${HONORIFIC}\.?[ \t]+(${NAME})`, 'gu');
/**
 * Capitalized words that are not names though they follow cues ("Name: Unknown", "Dear Customer,", "Dear Sir or
 * Madam", "Patient: The …"): pronouns, determiners, roles, generic addressees, days, months.
 */
const NOT_NAME = new Set(
  `the a an this that these those it its he she they we you i me my our your his her their there here what which who
  unknown none n/a null anonymous redacted customer customers client clients user users guest guests patient patients
  sir sirs madam madame team all everyone everybody friend friends colleague colleagues valued member members
  applicant applicants student students parent parents reader readers hiring manager managers recruiter staff
  support service admin administrator owner holder recipient sender employee employer tenant landlord doctor nurse
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december today tomorrow yesterday mr mrs ms dr prof name first last full
  john doe jane doe`
    .split(' ')
    .flatMap((w) => w.split('\n'))
    .map((w) => w.trim())
    .filter(Boolean),
);

const nameWords = (name: string) => name.split('\t').join(' ').split(' ').filter(Boolean);
const stripDot = (w: string) => (w.endsWith('.') ? w.slice(0, -1) : w);

function plausible(name: string): boolean {
  let words = nameWords(name);
  // "Ms. Kowalski": judge the name after the honorific.
  if (words.length > 1 && HONORIFIC_CUES.includes(stripDot(words[0]))) words = words.slice(1);
  const first = foldName(stripDot(words[0]));
  if (NOT_NAME.has(first)) return false;
  // A single-word "name" after a weak cue must at least look like one (2+ letters, not all caps).
  if (words.length === 1 && (words[0].length < 2 || words[0] === words[0].toUpperCase())) return false;
  return true;
}

/** Placeholder names ("John Doe", "Jane Doe", "Max Mustermann", "Erika Musterfrau") are samples, not people. */
function placeholder(name: string): boolean {
  const f = foldName(name);
  return (
    f.endsWith(' doe') ||
    f.includes('mustermann') ||
    f.includes('musterfrau') ||
    f === 'john smith' ||
    f.includes('lorem') ||
    f.includes('ipsum')
  );
}

const MAX_NAMES = 512;

function scanGroup(
  re: RegExp,
  text: string,
  basis: NameBasis,
  strong: boolean,
  out: NameMatch[],
  check: (name: string) => boolean = plausible,
): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && out.length < MAX_NAMES) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const name = m[1];
    if (!name) continue;
    const start = m.index + m[0].indexOf(name);
    if (!check(name) || placeholder(name)) continue;
    out.push({ start, end: start + name.length, basis, strong });
  }
}

const isLower = (c: number) => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
/** Letters of a name word beyond Latin-1 (Ł, ő, ğ, ...): any non-ASCII letter-like unit outside punctuation blocks. */
const isWordUnit = (c: number) => isLower(c) || isUpper(c) || (c >= 0x100 && c < 0x2000) || c === 39 || c === 0x2019;

/**
 * Gazetteer pass without a regular expression: walk capitalized words once, and test each pair "Given Surname"
 * separated by one space. One table read per character; a Set lookup per capitalized word.
 */
function scanGazetteer(text: string, out: NameMatch[]): void {
  let prevGiven = -1; // start of the previous word when it was a given name directly before this one
  let prevEnd = -1;
  const n = text.length;
  let i = 0;
  while (i < n && out.length < MAX_NAMES) {
    const c = text.charCodeAt(i);
    if (!isWordUnit(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordUnit(text.charCodeAt(j))) j++;
    const upper = isUpper(c) || (c >= 0x100 && text[i].toLowerCase() !== text[i]);
    if (!upper || j - i < 2) {
      prevGiven = -1;
      i = j;
      continue;
    }
    const word = text.slice(i, j);
    if (prevGiven >= 0 && prevEnd === i - 1 && text.charCodeAt(i - 1) === 32 && surnameShaped(word)) {
      const whole = text.slice(prevGiven, j);
      if (!placeholder(whole)) out.push({ start: prevGiven, end: j, basis: 'gazetteer', strong: false });
      prevGiven = -1;
    } else {
      prevGiven = GIVEN_NAMES.has(fold(word)) ? i : -1;
      prevEnd = j;
    }
    i = j;
  }
}

/** Lower case; diacritics folded only when the word has any (the gazetteer is ASCII). */
function fold(word: string): string {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) > 127) return foldName(word);
  return word.toLowerCase();
}

function surnameShaped(word: string): boolean {
  const l = fold(word);
  return !NOT_NAME.has(l) && !GIVEN_NAMES.has(l);
}

/** Literal cues each pattern family needs (checked with indexOf on the lower-cased text before running it). */
const CUES = {
  field: [
    'name',
    'patient',
    'customer',
    'client',
    'employee',
    'applicant',
    'holder',
    'recipient',
    'sender',
    'passenger',
    'guest',
    'tenant',
    'beneficiary',
    'insured',
    'contact',
    'kin',
    'nom',
    'nombre',
    'apellido',
    'cognome',
    'naam',
    'imię',
    'nazwisko',
  ],
  self: ['name', 'called', "m'appelle", 'je suis', 'llamo', 'chiamo', 'heiße', 'heisse', 'chamo', 'heet'],
  contact: [
    'contact',
    'reach',
    'call',
    'phone',
    'mail',
    'text',
    'message',
    'ask for',
    'speak',
    'talk to',
    'write to',
    'send',
    'forward',
    'assigned',
    'attention',
    'attn',
  ],
  greeting: [
    'dear',
    'hi ',
    'hello',
    'hallo',
    'liebe',
    'geehrte',
    'bonjour',
    'cher',
    'estimad',
    'querid',
    'gentile',
    'caro',
    'cara',
    'beste',
  ],
  signoff: [
    'sincerely',
    'regards',
    'best',
    'cheers',
    'thank',
    'yours',
    'respectfully',
    'cordially',
    'grüße',
    'cordialement',
    'bien à vous',
    'atentamente',
    'saludos',
    'saluti',
    'groet',
  ],
};
const HONORIFIC_CUES = [
  'Mr',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
  'Prof',
  'Sir',
  'Dame',
  'Herr',
  'Frau',
  'Mme',
  'Mlle',
  'Sr',
  'Dña',
  'Sig',
  'Dott',
];

const any = (hay: string, needles: readonly string[]) => needles.some((w) => hay.includes(w));

/** Every person name in text with the basis that made it one, sorted by start, non-overlapping (strongest kept). */
export function findPersonNames(text: string, lowered?: string): NameMatch[] {
  const out: NameMatch[] = [];
  const lower = lowered ?? text.toLowerCase();
  const labelled = text.includes(':') || text.includes('=');
  if (labelled && any(lower, CUES.field)) scanGroup(FIELD, text, 'field', true, out);
  // Self-introductions are role-play as often as not: weak until personal data sits beside them.
  if (any(lower, CUES.self)) scanGroup(SELF, text, 'self', false, out);
  // A contact instruction is strong with a full name whose first word is a known given name or an honorific.
  if (any(lower, CUES.contact)) scanGroup(CONTACT, text, 'contact', true, out, (n) => plausible(n) && personLike(n));
  // "X's phone number" says whose data is discussed, not that it is here: weak until data sits beside it.
  if (lower.includes("'s ") || lower.includes('’s '))
    scanGroup(POSSESSIVE, text, 'possessive', false, out, (n) => plausible(n) && n.includes(' '));
  // Letters (salutation, sign-off) are written in fiction and role-play too: weak until personal data is near.
  if (any(lower, CUES.greeting))
    scanGroup(GREETING, text, 'letter', false, out, (n) => plausible(n) && (n.includes(' ') || personLike(n)));
  if (text.includes('\n') && any(lower, CUES.signoff))
    scanGroup(SIGNOFF, text, 'letter', false, out, (n) => plausible(n) && n.includes(' '));
  if (any(text, HONORIFIC_CUES)) scanGroup(HONORIFIC_ONLY, text, 'honorific', false, out);
  scanGazetteer(text, out);
  out.sort((a, b) => a.start - b.start || Number(b.strong) - Number(a.strong) || b.end - a.end);
  const merged: NameMatch[] = [];
  for (const n of out) {
    const prev = merged[merged.length - 1];
    if (prev && n.start < prev.end) {
      if (n.strong && !prev.strong) merged[merged.length - 1] = { ...n, end: Math.max(n.end, prev.end) };
      else prev.end = Math.max(prev.end, n.end);
      continue;
    }
    merged.push({ ...n });
  }
  return merged;
}

/** An honorific, or a first word the gazetteer knows as a given name. */
function personLike(name: string): boolean {
  const first = stripDot(nameWords(name)[0]);
  return HONORIFIC_CUES.some((h) => first === h || first === `${h}s`) || GIVEN_NAMES.has(foldName(first));
}
