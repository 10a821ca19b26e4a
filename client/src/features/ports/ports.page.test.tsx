// @vitest-environment jsdom
import { waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, heldAnswer } from '../../testing/fake-bff';
import { describeListPage } from '../../testing/list-page-cases';
import { byButton, byRowMenu, describeFormFailures } from '../../testing/form-failure-cases';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';
import { networks, neutronForbiddenError, ports, servers } from '../../testing/fixtures';

// A router's port cannot be deleted from this list: the servers' ports come first, the one acted on.
const rows = [...ports].sort((a, b) => Number(a.device_owner.startsWith('network:')) - Number(b.device_owner.startsWith('network:')));
const shortId = (id: string) => id.slice(0, 8);

describeListPage('ports page', {
  page: '/ports',
  listPath: '/api/os/network/v2.0/ports',
  answer: (list) => ({ ports: list }),
  rows,
  rowText: (port) => shortId(port.id),
  rowShows: (port) => port.fixed_ips.map((ip) => ip.ip_address),
  alsoAnswers: (bff) => {
    bff.on('GET', '/api/os/network/v2.0/networks', { networks });
    bff.on('GET', '/api/os/compute/servers', { servers: servers.map(({ id, name }) => ({ id, name })) });
  },
  emptyText: 'This project has no port yet.',
  forbidden: neutronForbiddenError,
  forbiddenMessage: 'is disallowed by policy',
  unavailable: 'Networking (Neutron)',
  action: {
    menuLabel: (port) => `Actions for ${port.name || port.id}`,
    label: 'Delete port',
    method: 'DELETE',
    path: (port) => `/api/os/network/v2.0/ports/${port.id}`,
  },
});

describe('ports page, rows first', { timeout: 15_000 }, () => {
  afterEach(cleanupApp);

  it('shows the ports at once and fills in the networks’ and instances’ names as their reads answer, in the same cells', async () => {
    const held = ports.find((port) => port.device_owner.startsWith('compute:'))!;
    const server = servers[0]!;
    const port = { ...held, device_id: server.id };
    const network = networks.find((candidate) => candidate.id === port.network_id)!;
    // The usable networks are two reads (the project's, the shared ones), each answered once the test lets them.
    let releaseNetworks!: () => void;
    const networksReleased = new Promise<void>((resolve) => (releaseNetworks = resolve));
    const nova = heldAnswer();
    const bff = new FakeBff()
      .on('GET', '/api/os/network/v2.0/ports', { ports: [port] })
      .on('GET', '/api/os/network/v2.0/networks', () => networksReleased.then(() => Response.json({ networks })))
      .on('GET', '/api/os/compute/servers', nova.answer);
    renderApp('/ports', bff);
    const row = () => rowOf.now(shortId(port.id));
    await rowOf(shortId(port.id));
    const networkLink = () => within(row()).getByRole('link', { name: new RegExp(network.id) });
    expect(networkLink().querySelector('[data-lookup="pending"]')).toBeTruthy();
    expect(within(row()).getByTestId('port-instance').querySelector('[data-lookup="pending"]')).toBeTruthy();
    // The instances' names are read once the page shows a port an instance holds: after the ports.
    const order = bff.requests.map((request) => request.url.pathname);
    expect(order.indexOf('/api/os/compute/servers')).toBeGreaterThan(order.indexOf('/api/os/network/v2.0/ports'));

    nova.release(Response.json({ servers: [{ id: server.id, name: server.name }] }));
    await waitFor(() => expect(within(row()).getByTestId('port-instance').textContent).toBe(server.name));
    releaseNetworks();
    await waitFor(() => expect(within(row()).getByRole('link', { name: network.name }).getAttribute('href')).toBe(`/networks/${network.id}`));
  });

  it('reads no instance names when no port of the page belongs to an instance', async () => {
    const routerPort = ports.find((port) => port.device_owner.startsWith('network:'))!;
    const bff = new FakeBff().on('GET', '/api/os/network/v2.0/ports', { ports: [routerPort] }).on('GET', '/api/os/network/v2.0/networks', { networks });
    renderApp('/ports', bff);
    await rowOf(shortId(routerPort.id));
    expect(bff.calls('GET', '/api/os/compute/servers')).toHaveLength(0);
  });
});

const portsBff = () =>
  new FakeBff()
    .on('GET', '/api/os/network/v2.0/ports', { ports: rows })
    .on('GET', '/api/os/network/v2.0/networks', { networks })
    .on('GET', '/api/os/compute/servers', { servers: servers.map(({ id, name }) => ({ id, name })) });
const edited = rows[0]!;
const network = networks[0]!;

describeFormFailures('port forms refused by Neutron', {
  create: {
    page: '/ports',
    bff: portsBff,
    open: byButton('create-port'),
    fields: [
      ['Network', network.id],
      ['Name', 'vip'],
      ['Description', 'keepalived address'],
    ],
    method: 'POST',
    path: '/api/os/network/v2.0/ports',
    refusal: { status: 409, requestId: 'req-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c99', body: { NeutronError: { type: 'IpAddressGenerationFailure', message: `No more IP addresses available on network ${network.id}.`, detail: '' } } },
    message: `No more IP addresses available on network ${network.id}.`,
    success: Response.json({ port: { ...edited, id: 'new-port', name: 'vip' } }, { status: 201 }),
  },
  edit: {
    page: '/ports',
    bff: portsBff,
    open: byRowMenu(shortId(edited.id), `Actions for ${edited.name || edited.id}`, 'Edit port'),
    fields: [
      ['Name', 'renamed'],
      ['Description', 'kept after a refusal'],
    ],
    method: 'PUT',
    path: `/api/os/network/v2.0/ports/${edited.id}`,
    refusal: { status: 403, requestId: 'req-6f5e4d3c-2b1a-4f0e-9d8c-7b6a5f4e3daa', body: { NeutronError: { type: 'PolicyNotAuthorized', message: '(rule:update_port and rule:update_port:description) is disallowed by policy', detail: '' } } },
    message: '(rule:update_port and rule:update_port:description) is disallowed by policy',
    success: { port: { ...edited, name: 'renamed' } },
  },
});
