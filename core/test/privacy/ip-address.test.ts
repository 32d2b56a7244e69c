import { describe, expect, it } from 'vitest';
import { findIpAddresses, ipv4Range, ipv6Range } from '../../src/privacy/ip-address.js';

const found = (t: string) => findIpAddresses(t).map((m) => t.slice(m.start, m.end));

describe('IP addresses', () => {
  it('finds IPv4 and IPv6 (full, compressed, IPv4-mapped) with their exact spans', () => {
    expect(found('login from 81.2.69.160 at 09:14')).toEqual(['81.2.69.160']);
    expect(found('client [2a02:8070:8a84:2d00:49e:1b2c:7c1d:f4a1] connected')).toEqual([
      '2a02:8070:8a84:2d00:49e:1b2c:7c1d:f4a1',
    ]);
    expect(found('peer 2a02:8070::1 and ::ffff:81.2.69.160 seen')).toEqual(['2a02:8070::1', '::ffff:81.2.69.160']);
  });

  it('classifies ranges (documentation, loopback, private, link-local, multicast, reserved, public)', () => {
    expect(ipv4Range([192, 0, 2, 1])).toBe('documentation');
    expect(ipv4Range([203, 0, 113, 9])).toBe('documentation');
    expect(ipv4Range([127, 0, 0, 1])).toBe('loopback');
    expect(ipv4Range([10, 1, 2, 3])).toBe('private');
    expect(ipv4Range([172, 20, 0, 1])).toBe('private');
    expect(ipv4Range([169, 254, 1, 1])).toBe('link_local');
    expect(ipv4Range([239, 1, 1, 1])).toBe('multicast');
    expect(ipv4Range([250, 1, 1, 1])).toBe('reserved');
    expect(ipv4Range([81, 2, 69, 160])).toBe('public');
    expect(ipv6Range('2001:db8::1')).toBe('documentation');
    expect(ipv6Range('::1')).toBe('loopback');
    expect(ipv6Range('fd12:3456::1')).toBe('private');
    expect(ipv6Range('fe80::1')).toBe('link_local');
    expect(ipv6Range('2a02:8070::1')).toBe('public');
  });

  it('rejects version numbers, OIDs, out-of-range octets, times and C++ scopes', () => {
    expect(found('upgrade to 1.2.3.4 or v10.0.0.12 (build 4.1.12.7)')).toEqual([]);
    expect(found('OID 1.3.6.1.4.1.311 and 10.0.19041.1')).toEqual([]);
    expect(found('999.1.1.1 and 1.2.3.256')).toEqual([]);
    expect(found('at 12:30:45, std::vector and a::b')).toEqual([]);
  });

  it('stays linear on long dotted and colon runs', () => {
    const t = '1.'.repeat(200_000) + ' ' + 'a:'.repeat(200_000);
    const t0 = Date.now();
    expect(findIpAddresses(t)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(5000); // a quadratic scan would take minutes
  });
});
