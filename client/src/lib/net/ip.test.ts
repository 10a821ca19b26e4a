import { describe, expect, it } from 'vitest';
import { cidrContains, cidrsOverlap, formatIp, isNetworkAddress, normalizedCidr, parseCidr, parseIp } from './ip';

describe('parseIp', () => {
  it('reads IPv4 dotted quads and refuses what Neutron refuses', () => {
    expect(parseIp('10.0.0.1')).toEqual({ version: 4, value: 0x0a000001n });
    for (const bad of ['10.0.0', '10.0.0.256', '10.0.0.01', '1.2.3.4.5', 'a.b.c.d', '']) expect(parseIp(bad), bad).toBeNull();
  });

  it('reads IPv6 with "::" compression and embedded IPv4', () => {
    expect(parseIp('::1')).toEqual({ version: 6, value: 1n });
    expect(parseIp('2001:db8::')?.value).toBe(0x20010db8n << 96n);
    expect(parseIp('::ffff:192.0.2.1')?.value).toBe((0xffffn << 32n) | 0xc0000201n);
    expect(parseIp('1:2:3:4:5:6:7:8')?.value).toBe(0x00010002000300040005000600070008n);
    for (const bad of ['1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'fe80::g', '1:2:3:4:5:6:7']) expect(parseIp(bad), bad).toBeNull();
  });

  it('writes addresses back in their canonical form (RFC 5952)', () => {
    expect(formatIp(parseIp('2001:0db8:0000:0000:0000:0000:0000:0001')!)).toBe('2001:db8::1');
    expect(formatIp(parseIp('2001:db8:0:1:0:0:0:1')!)).toBe('2001:db8:0:1::1');
    expect(formatIp(parseIp('1:2:3:4:5:6:7:8')!)).toBe('1:2:3:4:5:6:7:8');
    expect(formatIp(parseIp('192.168.1.20')!)).toBe('192.168.1.20');
  });
});

describe('CIDRs', () => {
  it('give the range and say whether host bits are set', () => {
    const cidr = parseCidr('10.0.0.0/24')!;
    expect([cidr.first, cidr.last]).toEqual([0x0a000000n, 0x0a0000ffn]);
    expect(isNetworkAddress(cidr)).toBe(true);
    const sloppy = parseCidr('10.0.0.7/24')!;
    expect(isNetworkAddress(sloppy)).toBe(false);
    expect(normalizedCidr(sloppy)).toBe('10.0.0.0/24');
    expect(normalizedCidr(parseCidr('2001:db8:1:2::5/64')!)).toBe('2001:db8:1:2::/64');
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '2001:db8::/129', '10.0.0.0/-1', 'x/24']) expect(parseCidr(bad), bad).toBeNull();
  });

  it('overlap only within one IP version', () => {
    expect(cidrsOverlap(parseCidr('10.0.0.0/16')!, parseCidr('10.0.5.0/24')!)).toBe(true);
    expect(cidrsOverlap(parseCidr('10.0.0.0/24')!, parseCidr('10.0.1.0/24')!)).toBe(false);
    expect(cidrsOverlap(parseCidr('::/0')!, parseCidr('10.0.0.0/8')!)).toBe(false);
    expect(cidrContains(parseCidr('2001:db8::/64')!, parseIp('2001:db8::ffff')!)).toBe(true);
    expect(cidrContains(parseCidr('2001:db8::/64')!, parseIp('2001:db8:0:1::1')!)).toBe(false);
  });
});
