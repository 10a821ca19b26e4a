import { describe, expect, it } from 'vitest';
import type { EndpointGroupDraft, SiteConnectionDraft } from './inputs';
import { connectionSettingsProblem, endpointGroupProblem, isPeerAddress, lifetimeProblem, listOf, siteConnectionProblem } from './validation';

const connection: SiteConnectionDraft = {
  name: 'to-branch',
  description: '',
  vpnServiceId: 's1',
  ikePolicyId: 'ike1',
  ipsecPolicyId: 'ipsec1',
  peerAddress: '203.0.113.5',
  peerId: '203.0.113.5',
  localId: '',
  peerMode: 'groups',
  localEpGroupId: 'local',
  peerEpGroupId: 'peer',
  peerCidrs: '',
  psk: 'secret',
  mtu: '1500',
  initiator: 'bi-directional',
  dpdAction: 'hold',
  dpdInterval: '30',
  dpdTimeout: '120',
  adminStateUp: true,
};

const group = (type: EndpointGroupDraft['type'], endpoints: string, subnetIds: string[] = []): EndpointGroupDraft => ({ name: 'g', description: '', type, endpoints, subnetIds });

describe('VPN checks before sending', () => {
  it('takes a peer address that is an IP address or a host name, nothing else', () => {
    for (const address of ['203.0.113.5', '2001:db8::5', 'vpn.example.org', 'vpn.example.org.', 'a-b.example']) expect(isPeerAddress(address), address).toBe(true);
    for (const address of ['', 'localhost', '203.0.113', '203.0.113.256', '-vpn.example.org', 'vpn..example.org', 'a b.example', 'vpn_x.example.org', `${'a'.repeat(64)}.example`]) {
      expect(isPeerAddress(address), address).toBe(false);
    }
  });

  it('wants a DPD timeout longer than its interval, an MTU an IP version allows, and a lifetime of 60 s at least', () => {
    expect(connectionSettingsProblem(connection)).toBeNull();
    expect(connectionSettingsProblem({ ...connection, dpdTimeout: '30' })).toBe('dpdTimeoutNotLonger');
    expect(connectionSettingsProblem({ ...connection, dpdInterval: '0' })).toBe('dpdIntervalInvalid');
    expect(connectionSettingsProblem({ ...connection, dpdTimeout: 'soon' })).toBe('dpdTimeoutInvalid');
    expect(connectionSettingsProblem({ ...connection, mtu: '67' })).toBe('mtuInvalid');
    expect(connectionSettingsProblem({ ...connection, mtu: '65536' })).toBe('mtuInvalid');
    expect(connectionSettingsProblem({ ...connection, mtu: '68' })).toBeNull();
    expect(connectionSettingsProblem({ ...connection, peerAddress: '2001:db8::5', mtu: '1279' })).toBe('mtuTooSmallForIpv6');
    expect(connectionSettingsProblem({ ...connection, peerId: ' ' })).toBe('peerIdMissing');
    expect(lifetimeProblem('59')).toBe('lifetimeInvalid');
    expect(lifetimeProblem('3600')).toBeNull();
    expect(lifetimeProblem('1h')).toBe('lifetimeInvalid');
  });

  it('wants the objects a connection joins, its key, and its peers by groups or by CIDRs', () => {
    expect(siteConnectionProblem(connection)).toBeNull();
    expect(siteConnectionProblem({ ...connection, vpnServiceId: '' })).toBe('serviceMissing');
    expect(siteConnectionProblem({ ...connection, psk: ' ' })).toBe('pskMissing');
    expect(siteConnectionProblem({ ...connection, peerEpGroupId: '' })).toBe('peerGroupMissing');
    const byCidrs = { ...connection, peerMode: 'cidrs' as const, localEpGroupId: '', peerEpGroupId: '' };
    expect(siteConnectionProblem(byCidrs)).toBe('peerCidrsMissing');
    expect(siteConnectionProblem({ ...byCidrs, peerCidrs: '192.168.50.0/24\n192.168.51.0/24' })).toBeNull();
    expect(siteConnectionProblem({ ...byCidrs, peerCidrs: '192.168.50.7/24' })).toBe('peerCidrInvalid');
    expect(siteConnectionProblem({ ...byCidrs, peerCidrs: '192.168.50.0/24, 2001:db8::/64' })).toBe('peerCidrsMixed');
  });

  it('checks endpoints by their type', () => {
    expect(endpointGroupProblem(group('subnet', '', ['s1']))).toBeNull();
    expect(endpointGroupProblem(group('subnet', '10.0.0.0/24'))).toBe('endpointsMissing');
    expect(endpointGroupProblem(group('cidr', '10.1.0.0/16, 10.2.0.0/16'))).toBeNull();
    expect(endpointGroupProblem(group('cidr', '10.1.0.0/33'))).toBe('endpointCidrInvalid');
    expect(endpointGroupProblem(group('cidr', '10.1.0.0/16\nfd00::/64'))).toBe('endpointCidrsMixed');
    expect(endpointGroupProblem(group('vlan', '100\n4095'))).toBe('endpointInvalid');
    expect(endpointGroupProblem({ ...group('cidr', '10.1.0.0/16'), name: '' })).toBe('nameMissing');
    expect(listOf(' a,\n\nb , ')).toEqual(['a', 'b']);
  });
});
