import { describe, expect, it } from 'vitest';
import { emptySubnetDraft, subnetChanges, subnetCreateBody, subnetCreateCli, subnetDraftOf, subnetIssues, subnetUpdateCli, type SubnetDraft } from './subnet-draft';
import type { Subnet } from '../../resources/networks/types';

const existing: Subnet = {
  id: 's1',
  name: 'first',
  network_id: 'n1',
  project_id: 'p1',
  ip_version: 4,
  cidr: '10.1.0.0/24',
  gateway_ip: '10.1.0.1',
  enable_dhcp: true,
  allocation_pools: [{ start: '10.1.0.2', end: '10.1.0.254' }],
  dns_nameservers: [],
  host_routes: [],
};

const draft = (changes: Partial<SubnetDraft>): SubnetDraft => ({ ...emptySubnetDraft(changes.ipVersion ?? 4), ...changes });
const problems = (changes: Partial<SubnetDraft>, siblings: Subnet[] = [existing]) =>
  subnetIssues(draft(changes), siblings).map((issue) => [issue.field, issue.problem, issue.detail]);

describe('subnetIssues', () => {
  it('accepts a complete IPv4 subnet', () => {
    expect(
      problems({
        cidr: '10.2.0.0/24',
        gatewayMode: 'custom',
        gatewayIp: '10.2.0.254',
        allocationPools: '10.2.0.10-10.2.0.100\n10.2.0.150 - 10.2.0.200',
        dnsNameservers: '192.0.2.53\n2001:db8::53',
        hostRoutes: '192.168.0.0/16,10.2.0.1',
      }),
    ).toEqual([]);
  });

  it('catches a missing, malformed, wrong-version, sloppy or overlapping CIDR', () => {
    expect(problems({ cidr: '' })).toEqual([['cidr', 'cidrMissing', undefined]]);
    expect(problems({ cidr: '10.2.0.0/33' })).toEqual([['cidr', 'cidrInvalid', undefined]]);
    expect(problems({ cidr: '2001:db8::/64' })).toEqual([['cidr', 'cidrVersion', undefined]]);
    expect(problems({ cidr: '10.2.0.9/24' })).toEqual([['cidr', 'cidrHostBits', '10.2.0.0/24']]);
    expect(problems({ cidr: '10.1.0.128/25' })).toEqual([['cidr', 'cidrOverlaps', 'first (10.1.0.0/24)']]);
    expect(problems({ cidr: '10.0.0.0/8' })).toEqual([['cidr', 'cidrOverlaps', 'first (10.1.0.0/24)']]);
    // IPv6 subnets never overlap IPv4 ones.
    expect(problems({ ipVersion: 6, cidr: 'fd00:1::/64' })).toEqual([]);
  });

  it('checks the gateway against the CIDR, the reserved addresses and the pools', () => {
    expect(problems({ cidr: '10.2.0.0/24', gatewayMode: 'custom', gatewayIp: '10.3.0.1' })).toEqual([['gatewayIp', 'gatewayOutside', undefined]]);
    expect(problems({ cidr: '10.2.0.0/24', gatewayMode: 'custom', gatewayIp: 'nope' })).toEqual([['gatewayIp', 'gatewayInvalid', undefined]]);
    expect(problems({ cidr: '10.2.0.0/24', gatewayMode: 'custom', gatewayIp: '10.2.0.255' })).toEqual([['gatewayIp', 'gatewayReserved', undefined]]);
    expect(problems({ cidr: '10.2.0.0/24', gatewayMode: 'custom', gatewayIp: '10.2.0.0' })).toEqual([['gatewayIp', 'gatewayReserved', undefined]]);
    expect(problems({ cidr: '10.2.0.0/24', gatewayMode: 'custom', gatewayIp: '10.2.0.20', allocationPools: '10.2.0.10-10.2.0.30' })).toEqual([
      ['gatewayIp', 'gatewayInPool', '10.2.0.10-10.2.0.30'],
    ]);
    // IPv6's first address is the subnet-router anycast address, Neutron's default IPv6 gateway.
    expect(problems({ ipVersion: 6, cidr: 'fd00:1::/64', gatewayMode: 'custom', gatewayIp: 'fd00:1::' })).toEqual([]);
    // No gateway: nothing to check, whatever was typed before switching.
    expect(problems({ cidr: '10.2.0.0/24', gatewayMode: 'none', gatewayIp: 'nope' })).toEqual([]);
  });

  it('checks each allocation pool', () => {
    const cidr = '10.2.0.0/24';
    expect(problems({ cidr, allocationPools: '10.2.0.50-10.2.0.10' })).toEqual([['allocationPools', 'allocationPoolReversed', '10.2.0.50-10.2.0.10']]);
    expect(problems({ cidr, allocationPools: '10.2.0.10-10.2.1.10' })).toEqual([['allocationPools', 'allocationPoolOutside', '10.2.0.10-10.2.1.10']]);
    expect(problems({ cidr, allocationPools: '10.2.0.10' })).toEqual([['allocationPools', 'allocationPoolInvalid', '10.2.0.10-']]);
    expect(problems({ cidr, allocationPools: '10.2.0.10-10.2.0.50\n10.2.0.40-10.2.0.60' })).toEqual([
      ['allocationPools', 'allocationPoolsOverlap', '10.2.0.10-10.2.0.50, 10.2.0.40-10.2.0.60'],
    ]);
  });

  it('checks DNS name servers and host routes', () => {
    const cidr = '10.2.0.0/24';
    expect(problems({ cidr, dnsNameservers: '8.8.8.8\nnot-an-ip' })).toEqual([['dnsNameservers', 'dnsInvalid', 'not-an-ip']]);
    expect(problems({ cidr, dnsNameservers: '8.8.8.8\n8.8.8.8' })).toEqual([['dnsNameservers', 'dnsDuplicate', '8.8.8.8']]);
    expect(problems({ cidr, dnsNameservers: '1.1.1.1\n1.1.1.2\n1.1.1.3\n1.1.1.4\n1.1.1.5\n1.1.1.6' })).toEqual([['dnsNameservers', 'dnsTooMany', '5']]);
    expect(problems({ cidr, hostRoutes: '192.168.0.0/16' })).toEqual([['hostRoutes', 'hostRouteInvalid', '192.168.0.0/16,']]);
    expect(problems({ cidr, hostRoutes: '192.168.0.1/16,10.2.0.1' })).toEqual([['hostRoutes', 'hostRouteInvalid', '192.168.0.1/16,10.2.0.1']]);
    expect(problems({ cidr, hostRoutes: '2001:db8::/64,10.2.0.1' })).toEqual([['hostRoutes', 'hostRouteVersion', '2001:db8::/64,10.2.0.1']]);
  });

  it('checks the IPv6 address and router advertisement modes', () => {
    const base = { ipVersion: 6 as const, cidr: 'fd00:2::/64' };
    expect(problems({ ...base, ipv6AddressMode: 'slaac', ipv6RaMode: 'slaac' })).toEqual([]);
    expect(problems({ ...base, ipv6AddressMode: 'slaac', ipv6RaMode: 'dhcpv6-stateful' })).toEqual([['ipv6Modes', 'ipv6ModesDiffer', undefined]]);
    expect(problems({ ...base, cidr: 'fd00:2::/80', ipv6AddressMode: 'dhcpv6-stateless' })).toEqual([['ipv6Modes', 'ipv6ModeNeeds64', undefined]]);
    expect(problems({ ...base, cidr: 'fd00:2::/80', ipv6AddressMode: 'dhcpv6-stateful' })).toEqual([]);
  });

  it('asks for a pool (and a sensible prefix length) when the CIDR comes from a subnet pool', () => {
    expect(problems({ source: 'pool' })).toEqual([['subnetPoolId', 'poolMissing', undefined]]);
    expect(problems({ source: 'pool', subnetPoolId: 'sp', prefixLength: '40' }, [])).toEqual([['prefixLength', 'prefixLengthInvalid', undefined]]);
    expect(problems({ source: 'pool', subnetPoolId: 'sp', prefixLength: '26' }, [])).toEqual([]);
  });

  it("keeps a network's subnets of one IP version on one subnet pool (or none), as Neutron requires", () => {
    const pooled = { ...existing, id: 's2', name: 'pooled', cidr: '10.99.0.0/26', subnetpool_id: 'sp' };
    expect(problems({ source: 'pool', subnetPoolId: 'sp' })).toEqual([['subnetPoolId', 'poolAffinity', 'first']]);
    expect(problems({ cidr: '10.3.0.0/24' }, [pooled])).toEqual([['cidr', 'poolAffinity', 'pooled']]);
    expect(problems({ source: 'pool', subnetPoolId: 'sp' }, [pooled])).toEqual([]);
    // Another IP version is free to differ.
    expect(problems({ ipVersion: 6, cidr: 'fd00:3::/64' }, [pooled])).toEqual([]);
  });
});

describe('subnet requests and CLI', () => {
  it('sends what the draft says, and leaves unset what Neutron should choose', () => {
    const body = subnetCreateBody('n1', draft({ name: 'v6', ipVersion: 6, cidr: 'fd00:2::/64', ipv6AddressMode: 'slaac', ipv6RaMode: 'slaac', gatewayMode: 'none' }));
    expect(body).toEqual({
      subnet: { network_id: 'n1', name: 'v6', ip_version: 6, cidr: 'fd00:2::/64', gateway_ip: null, enable_dhcp: true, ipv6_address_mode: 'slaac', ipv6_ra_mode: 'slaac' },
    });
    expect(JSON.parse(JSON.stringify(subnetCreateBody('n1', draft({ name: 'p', source: 'pool', subnetPoolId: 'sp', prefixLength: '26' }))))).toEqual({
      subnet: { network_id: 'n1', name: 'p', ip_version: 4, subnetpool_id: 'sp', prefixlen: 26, enable_dhcp: true },
    });
    expect(
      subnetCreateCli('net', draft({ name: 's', cidr: '10.2.0.0/24', enableDhcp: false, allocationPools: '10.2.0.10-10.2.0.20', hostRoutes: '0.0.0.0/0,10.2.0.5' })),
    ).toEqual([
      'subnet', 'create', '--network', 'net', '--subnet-range', '10.2.0.0/24', '--no-dhcp',
      '--allocation-pool', 'start=10.2.0.10,end=10.2.0.20', '--host-route', 'destination=0.0.0.0/0,gateway=10.2.0.5', 's',
    ]);
  });

  it('edits only what changed, and says so on the command line', () => {
    const unchanged = subnetChanges(existing, subnetDraftOf(existing));
    expect(Object.values(unchanged).every((value) => value === undefined)).toBe(true);
    const changes = subnetChanges(existing, { ...subnetDraftOf(existing), gatewayMode: 'none', dnsNameservers: '192.0.2.53' });
    expect(changes).toMatchObject({ gateway_ip: null, dns_nameservers: ['192.0.2.53'], allocation_pools: undefined });
    expect(subnetUpdateCli(existing, changes)).toEqual(['subnet', 'set', '--gateway', 'none', '--no-dns-nameservers', '--dns-nameserver', '192.0.2.53', 's1']);
  });
});
