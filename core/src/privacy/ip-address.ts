/**
 * IP addresses in text: IPv4 dotted quads and IPv6 (full, compressed, with an embedded IPv4 tail), each validated
 * (octets ≤ 255, node:net for IPv6) and classified by range (RFC 6890 special-purpose registries: documentation,
 * loopback, private / unique-local, link-local, ...). Which ranges count as personal data is the caller's choice
 * (`IpRange`); redaction masks them all. Version numbers and OIDs that happen to be dotted quads are told apart by
 * their neighbours (a longer dotted run, a "v"/"version"/"build" cue) and by their shape (four single digits).
 */
import { isIPv6 } from 'node:net';
import { RE2 } from '../regex.js';

export type IpRange =
  'public' | 'private' | 'loopback' | 'documentation' | 'link_local' | 'multicast' | 'reserved' | 'unspecified';

export interface IpMatch {
  start: number;
  end: number;
  version: 4 | 6;
  range: IpRange;
}

/** Ranges that are not personal data unless the configuration says otherwise. */
export const DEFAULT_IP_EXCLUDED: readonly IpRange[] = [
  'documentation',
  'loopback',
  'unspecified',
  'multicast',
  'reserved',
  'link_local',
];

const OCTET = String.raw`(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])`;
const V4 = new RE2(String.raw`${OCTET}(?:\.${OCTET}){3}`, 'g');
/** Hex groups joined by colons (at least two colons), optionally ending in a dotted quad; validated afterwards. */
const V6 = new RE2(
  String.raw`(?:[0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{0,4}){2,8}(?:\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})?`,
  'g',
);
/** A version / build cue right before a dotted quad ("v1.2.3.4", "version 10.0.0.1", "build 4.1.12.7"). */
const VERSION_CUE = new RE2(String.raw`(?:\bv|version|ver\.?|release|build|firmware|rev\.?|revision)\s*$`, 'i');

const isDigit = (c: number) => c >= 48 && c <= 57;
const hasDigit = (s: string) => {
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) return true;
  return false;
};
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isWordChar = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

export function ipv4Range(o: readonly number[]): IpRange {
  const [a, b, c] = o;
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT (RFC 6598)
  if (a === 169 && b === 254) return 'link_local';
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113))
    return 'documentation';
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // benchmarking (RFC 2544)
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved';
  return 'public';
}

/** Expand a valid IPv6 text form into its 8 16-bit groups. */
function ipv6Groups(s: string): number[] {
  let text = s;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.indexOf('.', lastColon) > 0) {
    const q = text
      .slice(lastColon + 1)
      .split('.')
      .map(Number);
    tail.push((q[0] << 8) | q[1], (q[2] << 8) | q[3]);
    text = `${text.slice(0, lastColon + 1)}0`; // placeholder group, replaced below
  }
  const [head, rest] = text.split('::');
  const h = head ? head.split(':').map((g) => parseInt(g, 16)) : [];
  const r = rest !== undefined && rest !== '' ? rest.split(':').map((g) => parseInt(g, 16)) : [];
  if (tail.length > 0) (r.length > 0 ? r : h).pop();
  const fill = 8 - h.length - r.length - tail.length;
  return [...h, ...new Array<number>(rest !== undefined ? Math.max(0, fill) : 0).fill(0), ...r, ...tail];
}

export function ipv6Range(s: string): IpRange {
  const g = ipv6Groups(s);
  if (g.length !== 8) return 'reserved';
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return ipv4Range([g[6] >> 8, g[6] & 255, g[7] >> 8]);
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x3fff && g[1] <= 0x0fff) return 'documentation'; // RFC 9637
  if ((g[0] & 0xfe00) === 0xfc00) return 'private'; // unique local
  if ((g[0] & 0xffc0) === 0xfe80) return 'link_local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x0100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return 'reserved'; // discard-only
  return 'public';
}

/** Dotted quads that read as software versions: four single digits ("1.2.3.4", "2.0.0.1"). */
function versionShaped(octets: readonly number[]): boolean {
  return octets.every((o) => o <= 9);
}

/** Every IPv4 and IPv6 address in text, sorted by start, non-overlapping. Linear: two RE2 scans plus O(1) checks. */
export function findIpAddresses(text: string, max = 512): IpMatch[] {
  const out: IpMatch[] = [];
  if (text.indexOf('.') >= 0) {
    V4.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = V4.exec(text)) !== null && out.length < max) {
      const start = m.index;
      const end = start + m[0].length;
      const before = start > 0 ? text.charCodeAt(start - 1) : 0;
      const before2 = start > 1 ? text.charCodeAt(start - 2) : 0;
      const after = end < text.length ? text.charCodeAt(end) : 0;
      const after2 = end + 1 < text.length ? text.charCodeAt(end + 1) : 0;
      // Part of a longer dotted run (OIDs, 5-part versions) or glued to a word: not an address.
      if (isWordChar(before) || (before === 46 && isDigit(before2))) continue;
      if (isWordChar(after) || (after === 46 && isDigit(after2))) {
        // The regex is greedy per octet; "1.2.3.45" read as "1.2.3.4" + "5" is skipped by the next exec anyway.
        continue;
      }
      if (before === 45 && isDigit(before2)) continue; // a range like 1-2.3.4.5 or a dashed identifier
      const octets = m[0].split('.').map(Number);
      if (versionShaped(octets)) continue;
      if (VERSION_CUE.test(text.slice(Math.max(0, start - 12), start))) continue;
      out.push({ start, end, version: 4, range: ipv4Range(octets) });
    }
  }
  if (text.indexOf(':') >= 0) {
    V6.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = V6.exec(text)) !== null && out.length < max) {
      if (m[0].length === 0) {
        V6.lastIndex++;
        continue;
      }
      let s = m[0];
      let start = m.index;
      // Trailing ':' of prose ("address fe80::1:") is not part of the address.
      while (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
      // A leading ':' not part of '::' (e.g. "host:2001:db8::1") belongs to the text before.
      if (s.startsWith(':') && !s.startsWith('::')) {
        s = s.slice(1);
        start++;
      }
      const end = start + s.length;
      const before = start > 0 ? text.charCodeAt(start - 1) : 0;
      const after = end < text.length ? text.charCodeAt(end) : 0;
      if (isHex(before) || isWordChar(before) || isWordChar(after)) continue;
      if (s.length < 3 || !hasDigit(s) || !isIPv6(s)) continue; // "a::b", "dead:beef::" are words, not hosts
      // Time stamps and ratios are not IPv6, but they are not valid either; what remains needs real hex groups:
      // at least three groups, or "::" with at least one non-empty group.
      const groups = s.split(':').filter((g) => g.length > 0).length;
      if (groups < 3 && !(s.includes('::') && groups >= 1)) continue;
      out.push({ start, end, version: 6, range: ipv6Range(s) });
    }
  }
  out.sort((a, b) => a.start - b.start);
  const merged: IpMatch[] = [];
  for (const m of out) {
    const prev = merged[merged.length - 1];
    if (prev && m.start < prev.end) continue;
    merged.push(m);
  }
  return merged;
}
