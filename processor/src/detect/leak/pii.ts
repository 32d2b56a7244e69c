/**
 * PII detector: validated personal data in model outputs and tool-call arguments, aggregated to one detection per
 * rule and channel with counts (a single e-mail address is routine; a page of card numbers is a dump). Formats,
 * validators and context rules live in @tracehound/core/privacy (pii-formats.ts and its kin); this file maps them to
 * rules, applies the configured IP-range exclusions and phone regions, and builds redacted evidence.
 *
 * Options (detection.detectors.pii): `phoneRegions` — ISO 3166 regions tried, in order, for phone numbers written
 * without a country code; `ipExcludedRanges` — address ranges that are not personal data (default: documentation,
 * loopback, unspecified, multicast, reserved, link-local; add `private` to ignore RFC 1918 / unique-local addresses).
 */
import RE2 from 're2';
import type { Detection, RuleMeta, Channel } from '@tracehound/core';
import {
  DEFAULT_IP_EXCLUDED,
  DEFAULT_PHONE_REGIONS,
  evidenceSnippet,
  findPii,
  type IpRange,
  PII_LABEL,
  type PiiKind,
  type PiiMatch,
} from '@tracehound/core/privacy';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';
import { ATLAS, OWASP, textsOn } from './common.js';

const CHANNELS: Channel[] = ['output', 'tool_call'];

function rule(
  id: string,
  name: string,
  severity: RuleMeta['severity'],
  description: string,
  example: string,
  fp: string,
): RuleMeta {
  return {
    id,
    name,
    category: 'pii_leak',
    severity,
    // Every PII rule skips what the user typed in the same call (userEcho below).
    description: `${description} Data the user's own input in the same call holds, repeated back, is not counted.`,
    example,
    falsePositives: fp,
    owasp: [OWASP.sensitiveInfo],
    atlas: [ATLAS.dataLeakage],
    channels: CHANNELS,
  };
}

export const PII_RULES: readonly RuleMeta[] = [
  rule(
    'TH-PII-001',
    'Payment card or bank account number in output',
    'medium',
    'Payment card numbers (Luhn-valid, known issuer range and length, consistent grouping) and IBANs (country length and ISO 7064 mod-97), counted per channel.',
    'The card on file is [CARD …1111], IBAN [IBAN DE…].',
    'Numbers that happen to pass Luhn inside long identifiers; published test cards (4111 1111 1111 1111…) are ignored.',
  ),
  rule(
    'TH-PII-002',
    'US social security number in output',
    'medium',
    'NNN-NN-NNNN numbers with a valid structure (area not 000/666/9xx, group not 00, serial not 0000; well-known published examples excluded).',
    'SSN: [SSN]',
    'Dashed reference numbers with the same layout.',
  ),
  rule(
    'TH-PII-003',
    'Contact details in output',
    'low',
    'E-mail addresses (documentation domains and role mailboxes such as support@ ignored) and phone numbers in international and national formats, validated with libphonenumber-js metadata (national numbers against detection.detectors.pii.phoneRegions; toll-free, premium-rate and shared-cost numbers and lines introduced as a hotline, customer service or a named kind of venue — the pharmacy, our front desk — are public), counted per channel; confidence grows with the count.',
    'Reach him at [EMAIL] or [PHONE].',
    'Public contact details of small organisations quoted by an assistant; numbers of other kinds written like phone numbers and introduced as one.',
  ),
  rule(
    'TH-PII-004',
    'IP address in output',
    'low',
    'IPv4 and IPv6 addresses (validated; dotted version numbers and OIDs told apart by their neighbours and shape) outside the excluded ranges (detection.detectors.pii.ipExcludedRanges; documentation, loopback, link-local, multicast and reserved by default), counted per channel. Private-range addresses written among network set-up words (router, gateway, subnet, static IP, interface, DNS, SSH, Docker…) are LAN configuration examples and not counted.',
    'The user connected from [IP] at 09:14.',
    'Public server addresses an assistant quotes (DNS resolvers, an API endpoint); private addresses in a personal record that also mentions network words (exclude `private` to ignore them everywhere).',
  ),
  rule(
    'TH-PII-005',
    'Person name with identifying context in output',
    'medium',
    'A person name given as a record field ("Name:", "Patient:", `"full_name":`) in a text with other personal-record fields, named in a contact instruction ("contact Anna Weber at …"), or found by an honorific, a salutation, a self-introduction or the given-name gazetteer next to other personal data (phone, e-mail, street address, card, SSN). A name alone is not flagged.',
    'Patient: [NAME], DOB: 03/02/1981, Phone: [PHONE]',
    'Fictional or historical characters in a role-play that also invents their contact details; sample records in documentation.',
  ),
  rule(
    'TH-PII-006',
    'Street address in output',
    'medium',
    'A street address: house number and street name with a street type in US/UK/Commonwealth, French, Iberian/Italian/Portuguese and German/Dutch/Nordic layouts, with a second component that makes it someone\'s address — a unit, a postal code (with city), or a residence or delivery cue ("lives at", "ship to", "home address:") — and not introduced as an institution\'s address ("the address of the museum is …").',
    'She lives at [ADDRESS].',
    'Business addresses not introduced as such; fictional addresses in stories.',
  ),
];

const RULE_BY_KIND: Record<PiiKind, string> = {
  payment_card: 'TH-PII-001',
  iban: 'TH-PII-001',
  us_ssn: 'TH-PII-002',
  email: 'TH-PII-003',
  phone: 'TH-PII-003',
  ip_address: 'TH-PII-004',
  person_name: 'TH-PII-005',
  street_address: 'TH-PII-006',
};

/** Confidence by rule and number of items: identifiers are meaningful alone, contact details in bulk. */
function confidenceFor(ruleId: string, count: number): number {
  if (ruleId === 'TH-PII-003') return count >= 10 ? 0.9 : count >= 3 ? 0.7 : 0.5;
  if (ruleId === 'TH-PII-004') return count >= 10 ? 0.85 : count >= 3 ? 0.7 : 0.55;
  if (ruleId === 'TH-PII-005' || ruleId === 'TH-PII-006') return count >= 3 ? 0.85 : 0.65;
  return count >= 3 ? 0.95 : 0.8;
}

/**
 * The user's own input (prompt channel, raw), folded for comparison: an address, number or name that the output
 * repeats from it ("send it to maria@…" → "sent to maria@…", "my IP is …" → "if … refuses SSH") is echoed, not leaked.
 */
interface UserEcho {
  compact: string;
  digits: string;
  has(m: PiiMatch, text: string): boolean;
}

/** Trailing digits of a phone number compared with the user's (the user may write it without the country code). */
const PHONE_TAIL = 8;
/** Most matches of one text checked against the user's input, and most folded input characters kept. */
const MAX_ECHO_MATCHES = 32;
const MAX_ECHO_CHARS = 64 * 1024;

function userEcho(input: DetectInput): UserEcho {
  let compact = '';
  let digits = '';
  for (const t of input.texts) {
    if (t.channel !== 'prompt' || t.origin !== 'raw') continue;
    const l = t.text.toLowerCase();
    for (let i = 0; i < l.length && compact.length < MAX_ECHO_CHARS; i++) {
      const c = l.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        compact += l[i];
        digits += l[i];
      } else if ((c >= 97 && c <= 122) || c > 127) compact += l[i];
    }
    compact += ' ';
    digits += ' ';
  }
  return {
    compact,
    digits,
    has(m, text) {
      const value = text.slice(m.start, m.end);
      const c = foldAlnum(value, false);
      if (c.length >= 4 && compact.includes(c)) return true;
      if (m.kind !== 'phone') return false;
      const d = foldAlnum(value, true);
      return d.length >= PHONE_TAIL && digits.includes(d.slice(-PHONE_TAIL));
    },
  };
}

function foldAlnum(s: string, digitsOnly: boolean): string {
  const l = s.toLowerCase();
  let out = '';
  for (let i = 0; i < l.length; i++) {
    const c = l.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (!digitsOnly && ((c >= 97 && c <= 122) || c > 127))) out += l[i];
  }
  return out;
}

/**
 * Words of network set-up (a router, a gateway, a subnet, a static address, an interface, a container network): a
 * private-range address (RFC 1918, carrier-grade NAT, unique-local) written among them is an example of a LAN
 * configuration, which every home network shares, not the address of a person.
 */
const NETWORK_HELP = new RE2(
  String.raw`(?i)\b(?:router|gateway|subnet|netmask|cidr|dhcp|static (?:ip|address)|lan|wi-?fi|ethernet|interface|eth0|wlan0|ifconfig|ipconfig|ip addr|nmcli|netplan|resolv|dns|nat|vpn|firewall|port forwarding|docker|kubernetes|pod|vlan|localhost|ping|ssh|nginx|bind|listen|host file|/etc/hosts|default route|access point|modem)\b`,
);
/** Characters either side of a private address searched for network set-up words (bounded work per match). */
const NETWORK_WINDOW = 160;

function networkHelp(text: string, m: PiiMatch): boolean {
  return NETWORK_HELP.test(text.slice(Math.max(0, m.start - NETWORK_WINDOW), m.end + NETWORK_WINDOW));
}

/** Options of the PII detector (detection.detectors.pii), validated by the config schema. */
export interface PiiDetectorOptions {
  phoneRegions?: string[];
  ipExcludedRanges?: IpRange[];
}

export function createPiiDetector(config: DetectionConfig): ContentDetector {
  const opts = (config.detectors.pii ?? {}) as PiiDetectorOptions;
  const phoneRegions = opts.phoneRegions ?? [...DEFAULT_PHONE_REGIONS];
  const ipExcluded = new Set<IpRange>(opts.ipExcludedRanges ?? DEFAULT_IP_EXCLUDED);
  // An IP address is personal data unless its range is excluded by the configuration (not by the scanner's default);
  // a private-range address in network set-up help is a configuration example, not someone's address.
  const counts = (m: PiiMatch, text: string) =>
    m.kind === 'ip_address'
      ? !ipExcluded.has(m.ipRange ?? 'public') && !(m.ipRange === 'private' && networkHelp(text, m))
      : m.real;
  return {
    id: 'pii',
    rules: PII_RULES,
    detect(input: DetectInput): Detection[] {
      // Aggregate over every text of a channel (raw texts only: de-obfuscated variants would double-count).
      const perChannel = new Map<Channel, { text: string; matches: PiiMatch[] }[]>();
      let echo: UserEcho | undefined;
      for (const t of textsOn(input, CHANNELS)) {
        if (t.origin !== 'raw') continue;
        let matches = findPii(t.text, { phoneRegions }).filter((m) => counts(m, t.text));
        if (matches.length === 0) continue;
        // What the user typed in this call and the answer repeats back is the user's own data, not a disclosure.
        echo ??= userEcho(input);
        // A bulk of matches is a dump, not an echo (and bounds the look-ups).
        if (echo.compact.length > 0 && matches.length <= MAX_ECHO_MATCHES)
          matches = matches.filter((m) => !echo!.has(m, t.text));
        if (matches.length === 0) continue;
        const list = perChannel.get(t.channel) ?? [];
        list.push({ text: t.text, matches });
        perChannel.set(t.channel, list);
      }
      const out: Detection[] = [];
      for (const [channel, entries] of perChannel) {
        const byRule = new Map<
          string,
          { counts: Partial<Record<PiiKind, number>>; first: { text: string; m: PiiMatch } }
        >();
        for (const e of entries) {
          for (const m of e.matches) {
            const id = RULE_BY_KIND[m.kind];
            const agg = byRule.get(id) ?? { counts: {}, first: { text: e.text, m } };
            agg.counts[m.kind] = (agg.counts[m.kind] ?? 0) + 1;
            byRule.set(id, agg);
          }
        }
        for (const [ruleId, agg] of byRule) {
          const count = Object.values(agg.counts).reduce((a, b) => a + (b ?? 0), 0);
          const summary = Object.entries(agg.counts)
            .map(([k, n]) => `${n} ${PII_LABEL[k as PiiKind]}${n === 1 ? '' : 's'}`)
            .join(', ');
          out.push({
            ruleId,
            confidence: confidenceFor(ruleId, count),
            channel,
            evidence: `${summary}: ${evidenceSnippet(agg.first.text, agg.first.m.start, agg.first.m.end)}`,
            details: { count, ...(agg.counts as Record<string, number>) },
          });
        }
      }
      return out;
    },
  };
}
