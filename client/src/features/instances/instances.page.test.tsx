// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, heldAnswer, openstackError } from '../../testing/fake-bff';
import { novaForbiddenError, ports, servers } from '../../testing/fixtures';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';

afterEach(cleanupApp);

const listPath = '/api/os/compute/servers/detail';
const server = servers[0]!;

describe('instances page', () => {
  it('lists the project’s servers with their status and flavor', async () => {
    renderApp('/instances', new FakeBff().on('GET', listPath, { servers }));
    const row = await rowOf(server.name);
    expect(within(row).getByRole('link', { name: server.name }).getAttribute('href')).toBe(`/instances/${server.id}`);
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(within(row).getByText(server.flavor.original_name)).toBeTruthy();
    expect(await rowOf(servers[1]!.name)).toBeTruthy();
  });

  it('says so when the project has no server', async () => {
    renderApp('/instances', new FakeBff().on('GET', listPath, { servers: [] }));
    expect(await screen.findByText('No instances yet')).toBeTruthy();
  });

  it('shows Nova’s refusal with its request id', async () => {
    renderApp('/instances', new FakeBff().on('GET', listPath, openstackError(novaForbiddenError)));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.");
    expect(alert.textContent).toContain(novaForbiddenError.requestId);
  });

  it('shows a stopping server as pending until Nova reports it stopped', async () => {
    const read = heldAnswer();
    const bff = new FakeBff()
      .on('GET', listPath, { servers })
      .on('POST', `/api/os/compute/servers/${server.id}/action`, new Response(null, { status: 202 }))
      .on('GET', `/api/os/compute/servers/${server.id}`, read.answer);
    renderApp('/instances', bff);

    fireEvent.click(within(await rowOf(server.name)).getByRole('button', { name: `Actions for ${server.name}` }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Stop' }));

    await waitFor(() => expect(within(rowOf.now(server.name)).getByText('Working…')).toBeTruthy());
    expect(bff.calls('POST', `/api/os/compute/servers/${server.id}/action`)[0]?.body).toEqual({ 'os-stop': null });

    read.release(Response.json({ server: { ...server, status: 'SHUTOFF', 'OS-EXT-STS:vm_state': 'stopped', 'OS-EXT-STS:power_state': 4 } }));
    await waitFor(() => expect(within(rowOf.now(server.name)).getByText('Stopped')).toBeTruthy());
    expect(within(rowOf.now(server.name)).queryByText('Working…')).toBeNull();
  });
});

describe('instance detail page', () => {
  it('offers confirm and revert on a resized server, and stays pending after a revert until Nova leaves resized', async () => {
    const resized = { ...server, status: 'VERIFY_RESIZE', 'OS-EXT-STS:vm_state': 'resized', flavor: { ...server.flavor, original_name: 'm1.small' } };
    let reverted = false;
    const serverPath = `/api/os/compute/servers/${server.id}`;
    const bff = new FakeBff()
      .on('GET', serverPath, () => Response.json({ server: reverted ? server : resized }))
      .on('POST', `${serverPath}/action`, new Response(null, { status: 202 }))
      .on('GET', '/api/os/network/v2.0/ports', { ports: [] })
      .on('GET', '/api/os/network/v2.0/security-groups', { security_groups: [] });
    renderApp(`/instances/${server.id}`, bff);
    await waitFor(() => expect(screen.getByTestId('detail-flavor').textContent).toContain('m1.small'));

    fireEvent.click(screen.getByTestId('detail-actions'));
    expect(screen.getByTestId('menu-item-confirm-resize').getAttribute('aria-disabled')).toBeNull();
    expect(screen.getByTestId('menu-item-revert-resize').getAttribute('aria-disabled')).toBeNull();
    expect(screen.getByTestId('menu-item-resize').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByTestId('menu-item-revert-resize'));

    const badge = () => screen.getAllByTestId('server-status')[0]!;
    await waitFor(() => expect(badge().dataset.pending).toBe('true'));
    expect(bff.calls('POST', `${serverPath}/action`)[0]?.body).toEqual({ revertResize: null });
    // Nova accepts the revert without a task state: a read right after still shows the resized server.
    const readsBefore = bff.calls('GET', serverPath).length;
    await waitFor(() => expect(bff.calls('GET', serverPath).length).toBeGreaterThan(readsBefore), { timeout: 8000 });
    expect(badge().dataset.pending).toBe('true');

    reverted = true;
    await waitFor(() => expect(badge().dataset.pending).toBe('false'), { timeout: 8000 });
    expect(badge().dataset.status).toBe('ACTIVE');
    expect(screen.getByTestId('detail-flavor').textContent).toContain(server.flavor.original_name);
  }, 20_000);

  it('detaching an interface stays pending until Nova no longer reports it, then reads the ports again', async () => {
    // The server with a second interface, on a port of its own; Nova detaches it after answering the DELETE.
    const kept = { ...ports[1]!, device_id: server.id };
    const extra = { ...ports[2]!, device_id: server.id };
    const keptAddress = server.addresses['demo-net']![0]!;
    const extraAddress = { ...keptAddress, addr: extra.fixed_ips[0]!.ip_address, 'OS-EXT-IPS-MAC:mac_addr': extra.mac_address };
    const withExtra = { ...server, addresses: { 'demo-net': [keptAddress, extraAddress] } };
    const detached = { ...server, addresses: { 'demo-net': [keptAddress] } };
    // Nova answers the DELETE at once and finishes later: until then the server keeps the interface and Neutron the
    // port bound to it.
    let novaDone = false;
    const serverPath = `/api/os/compute/servers/${server.id}`;
    const bff = new FakeBff()
      .on('GET', serverPath, () => Response.json({ server: novaDone ? detached : withExtra }))
      .on('DELETE', `${serverPath}/os-interface/${extra.id}`, new Response(null, { status: 202 }))
      .on('GET', '/api/os/network/v2.0/ports', () => Response.json({ ports: novaDone ? [kept] : [kept, extra] }))
      .on('GET', '/api/os/network/v2.0/floatingips', { floatingips: [] })
      .on('GET', '/api/os/network/v2.0/security-groups', { security_groups: [] })
      .on('GET', '/api/os/network/v2.0/networks', { networks: [] });
    renderApp(`/instances/${server.id}?tab=interfaces`, bff);
    await waitFor(() => expect(screen.getAllByTestId('interface-row')).toHaveLength(2));

    fireEvent.click(screen.getByTestId('detail-actions'));
    fireEvent.click(screen.getByTestId('menu-item-detach-interface'));
    fireEvent.change(await screen.findByTestId('detach-interface-port'), { target: { value: extra.id } });
    fireEvent.click(screen.getByTestId('action-submit'));

    const badge = () => screen.getAllByTestId('server-status')[0]!;
    await waitFor(() => expect(badge().dataset.pending).toBe('true'));
    // Read again after the DELETE, the server still has the interface: still pending, the port still listed.
    const readsBefore = bff.calls('GET', serverPath).length;
    await waitFor(() => expect(bff.calls('GET', serverPath).length).toBeGreaterThan(readsBefore), { timeout: 8000 });
    expect(badge().dataset.pending).toBe('true');
    expect(screen.getAllByTestId('interface-row')).toHaveLength(2);

    novaDone = true;
    await waitFor(() => expect(badge().dataset.pending).toBe('false'), { timeout: 8000 });
    await waitFor(() => expect(screen.getAllByTestId('interface-row').map((row) => row.dataset.portId)).toEqual([kept.id]));
  }, 20_000);
});
