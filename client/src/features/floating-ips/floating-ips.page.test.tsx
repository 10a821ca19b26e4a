// @vitest-environment jsdom
import { waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, heldAnswer } from '../../testing/fake-bff';
import { byButton, byRowMenu, describeFormFailures } from '../../testing/form-failure-cases';
import { describeListPage } from '../../testing/list-page-cases';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';
import { floatingIps, networks, neutronForbiddenError, ports, servers } from '../../testing/fixtures';

describeListPage('floating IPs page', {
  page: '/floating-ips',
  listPath: '/api/os/network/v2.0/floatingips',
  answer: (rows) => ({ floatingips: rows }),
  rows: floatingIps,
  rowText: (floatingIp) => floatingIp.floating_ip_address,
  alsoAnswers: (bff) => {
    bff.on('GET', '/api/os/network/v2.0/networks', { networks });
    bff.on('GET', '/api/os/compute/servers', { servers: servers.map(({ id, name }) => ({ id, name })) });
  },
  emptyText: 'No floating IP in this project yet',
  forbidden: neutronForbiddenError,
  forbiddenMessage: 'is disallowed by policy',
  unavailable: 'Networking (Neutron)',
  action: {
    menuLabel: (floatingIp) => `Actions on floating IP ${floatingIp.floating_ip_address}`,
    label: 'Release',
    method: 'DELETE',
    path: (floatingIp) => `/api/os/network/v2.0/floatingips/${floatingIp.id}`,
  },
});

describe('floating IPs page, rows first', () => {
  afterEach(cleanupApp);

  it('shows the IPs at once and fills in the pool’s and the instance’s names as their reads answer', async () => {
    const server = servers[0]!;
    const pool = networks.find((network) => network['router:external'])!;
    const held = { ...floatingIps[0]!, port_id: 'p1', port_details: { name: '', network_id: 'n1', device_id: server.id, device_owner: 'compute:nova', status: 'ACTIVE' } };
    const neutron = heldAnswer();
    const nova = heldAnswer();
    const bff = new FakeBff()
      .on('GET', '/api/os/network/v2.0/floatingips', { floatingips: [held] })
      .on('GET', '/api/os/network/v2.0/networks', neutron.answer)
      .on('GET', '/api/os/compute/servers', nova.answer);
    renderApp('/floating-ips', bff);
    const row = () => rowOf.now(held.floating_ip_address);
    await rowOf(held.floating_ip_address);
    expect(within(row()).getByTestId('fip-holder').querySelector('[data-lookup="pending"]')).toBeTruthy();
    expect(row().querySelectorAll('[data-lookup="pending"]')).toHaveLength(2);

    neutron.release(Response.json({ networks: [pool] }));
    await waitFor(() => expect(row().textContent).toContain(pool.name));
    nova.release(Response.json({ servers: [{ id: server.id, name: server.name }] }));
    await waitFor(() => expect(within(row()).getByTestId('fip-holder').textContent).toBe(server.name));
  });
});

const fipsBff = () =>
  new FakeBff()
    .on('GET', '/api/os/network/v2.0/floatingips', { floatingips: floatingIps })
    .on('GET', '/api/os/network/v2.0/networks', { networks })
    .on('GET', '/api/os/network/v2.0/ports', { ports })
    .on('GET', '/api/os/compute/servers', { servers: servers.map(({ id, name }) => ({ id, name })) });
const free = floatingIps[0]!;
const pool = networks.find((network) => network['router:external'])!;
const serverPort = ports.find((port) => port.device_owner.startsWith('compute:'))!;

describeFormFailures('floating IP forms refused by Neutron', {
  allocate: {
    page: '/floating-ips',
    bff: fipsBff,
    open: byButton('allocate-floating-ip'),
    fields: [
      ['Pool (external network)', pool.id],
      ['Specific address (optional)', '203.0.113.200'],
      ['Description', 'for the VPN'],
    ],
    method: 'POST',
    path: '/api/os/network/v2.0/floatingips',
    refusal: {
      status: 409,
      requestId: 'req-3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6bb',
      body: { NeutronError: { type: 'IpAddressInUse', message: `Unable to complete operation for network ${pool.id}. The IP address 203.0.113.200 is in use.`, detail: '' } },
    },
    message: 'The IP address 203.0.113.200 is in use.',
    success: Response.json({ floatingip: { ...free, id: 'new-fip', floating_ip_address: '203.0.113.200' } }, { status: 201 }),
  },
  associate: {
    page: '/floating-ips',
    bff: fipsBff,
    open: byRowMenu(free.floating_ip_address, `Actions on floating IP ${free.floating_ip_address}`, 'Associate'),
    fields: [['Port', serverPort.id]],
    method: 'PUT',
    path: `/api/os/network/v2.0/floatingips/${free.id}`,
    refusal: {
      status: 404,
      requestId: 'req-8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0dcc',
      body: { NeutronError: { type: 'ExternalGatewayForFloatingIPNotFound', message: `External network ${pool.id} is not reachable from subnet 2d3e. Therefore, cannot associate Port ${serverPort.id} with a Floating IP.`, detail: '' } },
    },
    message: `External network ${pool.id} is not reachable from subnet 2d3e.`,
    success: { floatingip: { ...free, port_id: serverPort.id } },
  },
});
