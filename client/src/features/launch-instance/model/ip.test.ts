import { describe, expect, it } from 'vitest';
import { ipInCidr, isIpAddress } from './ip';

describe('isIpAddress', () => {
  it('reads IPv4 and IPv6, and nothing else', () => {
    for (const good of ['10.0.0.7', '0.0.0.0', '255.255.255.255', 'fd00::5', '::', '::1', '2001:db8:0:0:0:0:0:1', '::ffff:192.0.2.1']) {
      expect(isIpAddress(good), good).toBe(true);
    }
    for (const bad of ['', '10.0.0', '10.0.0.256', '10.0.0.07', 'a.b.c.d', '1::2::3', '2001:db8:0:0:0:0:0:0:1', 'fd00::g', 'web-1']) {
      expect(isIpAddress(bad), bad).toBe(false);
    }
  });
});

describe('ipInCidr', () => {
  it('checks the prefix bits of the same family', () => {
    expect(ipInCidr('10.0.0.7', '10.0.0.0/24')).toBe(true);
    expect(ipInCidr('10.0.1.7', '10.0.0.0/24')).toBe(false);
    expect(ipInCidr('10.0.1.7', '10.0.0.0/16')).toBe(true);
    expect(ipInCidr('192.0.2.9', '0.0.0.0/0')).toBe(true);
    expect(ipInCidr('fd00::5', 'fd00::/64')).toBe(true);
    expect(ipInCidr('fd01::5', 'fd00::/64')).toBe(false);
    expect(ipInCidr('10.0.0.7', 'fd00::/64')).toBe(false);
    expect(ipInCidr('10.0.0.7', '10.0.0.0/33')).toBe(false);
    expect(ipInCidr('nonsense', '10.0.0.0/24')).toBe(false);
  });
});
