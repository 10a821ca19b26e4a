import { describe, expect, it } from 'vitest';
import { allocateFloatingIpRequest, associateFloatingIpRequest, disassociateFloatingIpRequest, releaseFloatingIpRequest } from './floating-ips';

describe('floating IP writes', () => {
  it('allocates from an external network, associates with a port, disassociates, releases', () => {
    expect([
      allocateFloatingIpRequest({ networkId: 'public' }),
      associateFloatingIpRequest({ floatingIpId: 'fip1', portId: 'port1' }),
      disassociateFloatingIpRequest('fip1'),
      releaseFloatingIpRequest('fip1'),
    ]).toEqual([
      { method: 'POST', path: '/api/os/network/v2.0/floatingips', body: { floatingip: { floating_network_id: 'public' } } },
      { method: 'PUT', path: '/api/os/network/v2.0/floatingips/fip1', body: { floatingip: { port_id: 'port1' } } },
      // null, not absent: Neutron disassociates only on an explicit null.
      { method: 'PUT', path: '/api/os/network/v2.0/floatingips/fip1', body: { floatingip: { port_id: null } } },
      { method: 'DELETE', path: '/api/os/network/v2.0/floatingips/fip1' },
    ]);
  });
});
