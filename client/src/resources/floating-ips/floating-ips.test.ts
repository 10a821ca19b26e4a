import { afterEach, describe, expect, it, vi } from 'vitest';
import { allocateFloatingIp, associateFloatingIp, disassociateFloatingIp, releaseFloatingIp } from './floating-ips';

afterEach(() => vi.unstubAllGlobals());

function stubNeutron(response: (method: string) => Response) {
  const requests: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init?: RequestInit) => {
      requests.push({
        method: init?.method ?? 'GET',
        url: String(input),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      return response(init?.method ?? 'GET');
    }),
  );
  return requests;
}

const answered = { floatingip: { id: 'fip1', floating_ip_address: '203.0.113.7' } };

describe('floating IP writes', () => {
  it('allocates from an external network, associates with a port, disassociates, releases', async () => {
    const requests = stubNeutron((method) => (method === 'DELETE' ? new Response(null, { status: 204 }) : Response.json(answered)));
    expect(await allocateFloatingIp({ networkId: 'public' })).toEqual(answered.floatingip);
    await associateFloatingIp({ floatingIpId: 'fip1', portId: 'port1' });
    await disassociateFloatingIp('fip1');
    await releaseFloatingIp('fip1');
    expect(requests).toEqual([
      { method: 'POST', url: '/api/os/network/v2.0/floatingips', body: { floatingip: { floating_network_id: 'public' } } },
      { method: 'PUT', url: '/api/os/network/v2.0/floatingips/fip1', body: { floatingip: { port_id: 'port1' } } },
      // null, not absent: Neutron disassociates only on an explicit null.
      { method: 'PUT', url: '/api/os/network/v2.0/floatingips/fip1', body: { floatingip: { port_id: null } } },
      { method: 'DELETE', url: '/api/os/network/v2.0/floatingips/fip1', body: undefined },
    ]);
  });

  it("passes Neutron's refusal through with its message and request id (e.g. no router to the external network)", async () => {
    stubNeutron(
      () =>
        new Response(
          JSON.stringify({
            NeutronError: {
              type: 'ExternalGatewayForFloatingIPNotFound',
              message: 'External network public is not reachable from subnet demo-subnet.',
              detail: '',
            },
          }),
          { status: 404, headers: { 'content-type': 'application/json', 'x-openstack-request-id': 'req-neutron-1' } },
        ),
    );
    await expect(associateFloatingIp({ floatingIpId: 'fip1', portId: 'port1' })).rejects.toMatchObject({
      status: 404,
      service: 'network',
      message: 'External network public is not reachable from subnet demo-subnet.',
      requestId: 'req-neutron-1',
    });
  });
});
