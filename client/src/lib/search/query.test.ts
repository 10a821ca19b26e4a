import { describe, expect, it } from 'vitest';
import { parseCidr } from '../net/ip';
import { cidrOctetPrefix, escapeRegex, matchesAddress, matchesIdOrName, parseSearchQuery } from './query';

describe('search query', () => {
  it('tells a full id, an id prefix, an address, a CIDR, a MAC and a name apart', () => {
    expect(parseSearchQuery(' 8CB0EA02-FF64-46BD-A126-D87D1EC7AB95 ')).toEqual({ kind: 'id', id: '8cb0ea02-ff64-46bd-a126-d87d1ec7ab95' });
    expect(parseSearchQuery('8cb0ea02')).toEqual({ kind: 'idPrefix', prefix: '8cb0ea02' });
    expect(parseSearchQuery('8cb0ea02-ff6')).toEqual({ kind: 'idPrefix', prefix: '8cb0ea02-ff6' });
    // Seven hex digits are a name: a prefix that short matches too much.
    expect(parseSearchQuery('8cb0ea0')).toEqual({ kind: 'name', text: '8cb0ea0' });
    expect(parseSearchQuery('FA-16-3E-3C-D0-F0')).toEqual({ kind: 'mac', mac: 'fa:16:3e:3c:d0:f0' });
    expect(parseSearchQuery('10.0.0.5')).toMatchObject({ kind: 'ip', address: '10.0.0.5' });
    expect(parseSearchQuery('fd00::1')).toMatchObject({ kind: 'ip', address: 'fd00::1' });
    expect(parseSearchQuery('10.0.0.0/24')).toMatchObject({ kind: 'cidr', text: '10.0.0.0/24' });
    expect(parseSearchQuery('web/1')).toEqual({ kind: 'name', text: 'web/1' });
    expect(parseSearchQuery('   ')).toBeNull();
  });

  it('turns a CIDR into the whole octets its members share, and escapes regular expressions', () => {
    expect(cidrOctetPrefix(parseCidr('10.0.0.0/24')!)).toBe('10.0.0.');
    expect(cidrOctetPrefix(parseCidr('10.1.2.0/20')!)).toBe('10.1.');
    expect(cidrOctetPrefix(parseCidr('10.0.0.7/32')!)).toBe('10.0.0.7');
    expect(cidrOctetPrefix(parseCidr('0.0.0.0/0')!)).toBe('');
    expect(escapeRegex('web.1 (a)*')).toBe('web\\.1 \\(a\\)\\*');
  });

  it('matches addresses exactly or inside a CIDR, and ids by prefix or names by substring in the browser', () => {
    const ip = parseSearchQuery('10.0.0.5') as Parameters<typeof matchesAddress>[0];
    expect(matchesAddress(ip, ['10.0.0.50', null])).toBe(false);
    expect(matchesAddress(ip, ['10.0.0.5'])).toBe(true);
    const cidr = parseSearchQuery('10.0.0.0/28') as Parameters<typeof matchesAddress>[0];
    expect(matchesAddress(cidr, ['10.0.0.15'])).toBe(true);
    expect(matchesAddress(cidr, ['10.0.0.16', 'fd00::1'])).toBe(false);
    expect(matchesIdOrName(parseSearchQuery('8cb0ea02')!, { id: '8cb0ea02-ff64', name: 'x' })).toBe(true);
    expect(matchesIdOrName(parseSearchQuery('Demo')!, { name: 'my-demo-net' })).toBe(true);
  });
});
