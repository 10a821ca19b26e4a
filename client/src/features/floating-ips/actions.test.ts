import { describe, expect, it } from 'vitest';
import { allocateFloatingIp, associate, disassociate, release } from './actions';
import type { FloatingIp } from '../../resources/floating-ips/types';
import { floatingIps } from '../../testing/fixtures';

const project = { id: 'p1', name: 'demo' };
// A free address as Neutron answered it (testing/fixtures), under a short id the expectations below can spell.
const free: FloatingIp = { ...floatingIps[0]!, id: 'fip1', floating_ip_address: '203.0.113.7', floating_network_id: 'public' };

describe('allocate', () => {
  it('asks for a specific address when given one, as `floating ip create --floating-ip-address` does', () => {
    const input = { networkId: 'public', address: ' 203.0.113.50 ', description: 'web' };
    expect(allocateFloatingIp.request(project, input)).toEqual([
      {
        method: 'POST',
        path: '/api/os/network/v2.0/floatingips',
        body: {
          floatingip: {
            floating_network_id: 'public',
            floating_ip_address: '203.0.113.50',
            port_id: undefined,
            fixed_ip_address: undefined,
            description: 'web',
          },
        },
      },
    ]);
    expect(allocateFloatingIp.cli(project, input)).toEqual([
      ['floating', 'ip', 'create', '--floating-ip-address', '203.0.113.50', '--description', 'web', 'public'],
    ]);
  });

  it('lets Neutron pick the address by default, and refuses what is not an IPv4 address', () => {
    const input = { networkId: 'public', address: '', description: '' };
    expect(allocateFloatingIp.cli(project, input)).toEqual([['floating', 'ip', 'create', 'public']]);
    const invalid = (address: string, networkId = 'public') => allocateFloatingIp.input!.invalidReason!({ ...input, address, networkId }, project);
    expect(invalid('')).toBeNull();
    expect(invalid('203.0.113')).toBe('floating-ips.problems.addressInvalid');
    expect(invalid('2001:db8::5')).toBe('floating-ips.problems.addressInvalid');
    expect(invalid('', '')).toBe('floating-ips.problems.networkMissing');
  });
});

describe('associate and disassociate', () => {
  it('associates with a port (and a fixed IP when chosen), as `floating ip set --port` does', () => {
    const input = { portId: 'port1', fixedIpAddress: '10.0.0.5' };
    expect(associate.request(free, input)).toEqual([
      { method: 'PUT', path: '/api/os/network/v2.0/floatingips/fip1', body: { floatingip: { port_id: 'port1', fixed_ip_address: '10.0.0.5' } } },
    ]);
    expect(associate.cli(free, input)).toEqual([['floating', 'ip', 'set', '--port', 'port1', '--fixed-ip-address', '10.0.0.5', 'fip1']]);
    expect(associate.cli(free, { portId: 'port1', fixedIpAddress: '' })).toEqual([['floating', 'ip', 'set', '--port', 'port1', 'fip1']]);
  });

  it('needs a port other than the current one', () => {
    const held = { ...free, port_id: 'port1', fixed_ip_address: '10.0.0.5' };
    expect(associate.input!.invalidReason!({ portId: '', fixedIpAddress: '' }, free)).toBe('floating-ips.problems.portMissing');
    expect(associate.input!.invalidReason!(associate.input!.initial(held), held)).toBe('floating-ips.problems.unchanged');
    expect(associate.input!.invalidReason!({ portId: 'port2', fixedIpAddress: '' }, held)).toBeNull();
  });

  it('disassociates only what is associated, with an explicit null port', () => {
    expect(disassociate.unavailableReason(free)).toBe('floating-ips.actions.disassociate.unavailable');
    const held = { ...free, port_id: 'port1' };
    expect(disassociate.unavailableReason(held)).toBeNull();
    expect(disassociate.request(held, undefined)[0]!.body).toEqual({ floatingip: { port_id: null } });
    expect(disassociate.cli(held, undefined)).toEqual([['floating', 'ip', 'unset', '--port', 'fip1']]);
  });
});

describe('release', () => {
  it('deletes the floating IP, in bulk, after a destructive confirmation', () => {
    expect(release.request(free, undefined)).toEqual([{ method: 'DELETE', path: '/api/os/network/v2.0/floatingips/fip1' }]);
    expect(release.cli(free, undefined)).toEqual([['floating', 'ip', 'delete', 'fip1']]);
    expect(release.bulk).toBe(true);
    expect(release.confirmation?.destructive).toBe(true);
  });
});
