// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, heldAnswer, openstackError } from '../../testing/fake-bff';
import { novaForbiddenError, servers } from '../../testing/fixtures';
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
