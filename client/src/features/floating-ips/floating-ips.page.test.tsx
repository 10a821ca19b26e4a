// @vitest-environment jsdom
import { waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, heldAnswer } from '../../testing/fake-bff';
import { describeListPage } from '../../testing/list-page-cases';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';
import { floatingIps, networks, neutronForbiddenError, servers } from '../../testing/fixtures';

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
