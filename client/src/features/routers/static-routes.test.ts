import { describe, expect, it } from 'vitest';
import { staticRouteProblem, suggestedDestination, type RouterConnections } from './static-routes';

const connections: RouterConnections = { cidrs: ['10.0.0.0/24', '203.0.113.0/24', 'fd00:1::/64'], addresses: ['10.0.0.1', '203.0.113.61', 'fd00:1::1'] };
const route = (destination: string, nexthop: string) => ({ destination, nexthop });

describe('suggestedDestination', () => {
  it('gives the network address a destination with host bits should have been', () => {
    expect(suggestedDestination('10.1.0.5/24')).toBe('10.1.0.0/24');
    expect(suggestedDestination('192.168.77.200/20')).toBe('192.168.64.0/20');
    expect(suggestedDestination('fd00:1:2::9/48')).toBe('fd00:1:2::/48');
  });

  it('says nothing of a destination that is already a network, or not a CIDR', () => {
    expect(suggestedDestination('10.1.0.0/24')).toBeUndefined();
    expect(suggestedDestination('0.0.0.0/0')).toBeUndefined();
    expect(suggestedDestination('nonsense')).toBeUndefined();
  });
});

describe('staticRouteProblem', () => {
  it('accepts a route through a connected next hop, IPv4 and IPv6', () => {
    expect(staticRouteProblem(route('192.168.50.0/24', '10.0.0.254'), [], connections)).toBeNull();
    expect(staticRouteProblem(route('0.0.0.0/0', '203.0.113.1'), [], connections)).toBeNull();
    expect(staticRouteProblem(route('fd99::/64', 'fd00:1::fe'), [], connections)).toBeNull();
  });

  it('refuses what Neutron would refuse, naming the mistake', () => {
    expect(staticRouteProblem(route('192.168.50/24', '10.0.0.254'), [], connections)).toBe('destinationInvalid');
    expect(staticRouteProblem(route('192.168.50.0', '10.0.0.254'), [], connections)).toBe('destinationInvalid');
    expect(staticRouteProblem(route('192.168.50.9/24', '10.0.0.254'), [], connections)).toBe('destinationHostBits');
    expect(staticRouteProblem(route('192.168.50.0/24', '10.0.0.300'), [], connections)).toBe('nexthopInvalid');
    expect(staticRouteProblem(route('192.168.50.0/24', 'fd00:1::fe'), [], connections)).toBe('familyMismatch');
    expect(staticRouteProblem(route('192.168.50.0/24', '10.0.0.1'), [], connections)).toBe('nexthopIsRouter');
    expect(staticRouteProblem(route('192.168.50.0/24', '10.9.0.1'), [], connections)).toBe('nexthopNotConnected');
  });

  it('sees a duplicate even written differently', () => {
    const existing = [route('192.168.50.0/24', '10.0.0.254'), route('fd99::/64', 'fd00:1::fe')];
    expect(staticRouteProblem(route(' 192.168.50.0/24 ', '10.0.0.254'), existing, connections)).toBe('duplicate');
    expect(staticRouteProblem(route('fd99:0::/64', 'fd00:1:0::fe'), existing, connections)).toBe('duplicate');
    expect(staticRouteProblem(route('192.168.50.0/24', '10.0.0.253'), existing, connections)).toBeNull();
  });

  it('leaves the connection check to Neutron when some of the router subnets are not visible', () => {
    expect(staticRouteProblem(route('192.168.50.0/24', '10.9.0.1'), [], { cidrs: undefined, addresses: [] })).toBeNull();
  });
});
