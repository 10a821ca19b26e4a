// @vitest-environment jsdom
// The create form offers "shared" and "external" on Neutron's answer to their probes, never on a role's name.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, openstackError } from '../../testing/fake-bff';
import { networks, neutronForbiddenError, subnets } from '../../testing/fixtures';
import quotaDetails from '../../testing/fixtures/neutron-quota-details.json';
import { cleanupApp, renderApp } from '../../testing/render-app';

const networksPath = '/api/os/network/v2.0/networks';
const tooBigMtu = Response.json(
  { NeutronError: { type: 'InvalidInput', message: 'Invalid input for operation: Requested MTU is too big, maximum is 1450.', detail: '' } },
  { status: 400 },
);

const createRefused = Response.json(
  { NeutronError: { type: 'PolicyNotAuthorized', message: 'rule:create_network is disallowed by policy', detail: '' } },
  { status: 403, headers: { 'x-openstack-request-id': 'req-create-403' } },
);

function bffWhere(allowed: { shared: boolean; external: boolean; create?: boolean }) {
  return new FakeBff()
    .on('GET', networksPath, { networks })
    .on('GET', '/api/os/network/v2.0/subnets', { subnets })
    .on('GET', '/api/os/network/v2.0/quotas/adc28bd88afb4aefb5d562b627518fae/details', quotaDetails)
    .on('POST', networksPath, ({ body }) => {
      const { network } = body as { network: Record<string, unknown> };
      if (network.name !== 'zenith-policy-probe') return createRefused.clone();
      const option = network.shared ? 'shared' : 'external';
      return allowed[option] ? tooBigMtu.clone() : openstackError(neutronForbiddenError);
    });
}

/** Opens the create dialog and waits until both probes have answered. */
async function openCreateForm(bff: FakeBff) {
  const { queryClient } = renderApp('/networks', bff);
  fireEvent.click(await screen.findByTestId('create-network'));
  await screen.findByTestId('network-settings');
  const answered = () =>
    queryClient
      .getQueryCache()
      .findAll({ queryKey: ['capabilities'] })
      .filter((query) => String(query.queryKey.at(-1)).startsWith('networks.') && query.state.status === 'success');
  await waitFor(() => expect(answered().map((query) => query.queryKey.at(-1)).sort()).toEqual(['networks.create.external', 'networks.create.shared']));
}

afterEach(cleanupApp);

describe('the network form', () => {
  it('offers "shared" where the cloud lets the session create shared networks, and not "external" where it refuses', async () => {
    const bff = bffWhere({ shared: true, external: false });
    await openCreateForm(bff);
    expect(await screen.findByTestId('network-shared')).toBeDefined();
    expect(screen.queryByTestId('network-external')).toBeNull();
    // The probes asked past the policy check with an MTU no network has: nothing was made.
    expect(bff.calls('POST', networksPath).map(({ body }) => body)).toEqual([
      { network: { name: 'zenith-policy-probe', shared: true, mtu: 2_000_000_000 } },
      { network: { name: 'zenith-policy-probe', 'router:external': true, mtu: 2_000_000_000 } },
    ]);
  });

  it('offers neither where the cloud refuses both', async () => {
    const bff = bffWhere({ shared: false, external: false });
    await openCreateForm(bff);
    expect(screen.queryByTestId('network-shared')).toBeNull();
    expect(screen.queryByTestId('network-external')).toBeNull();
  });

  it("greys the create button once Neutron refused the create, with Neutron's reason", async () => {
    const bff = bffWhere({ shared: false, external: false });
    await openCreateForm(bff);
    const dialog = within(screen.getByTestId('create-network-dialog'));
    fireEvent.change(dialog.getByTestId('network-name'), { target: { value: 'net-x' } });
    fireEvent.click(dialog.getByTestId('create-with-subnet'));
    fireEvent.click(dialog.getByTestId('create-network-submit'));
    expect((await dialog.findByRole('alert')).textContent).toContain('rule:create_network is disallowed by policy');
    fireEvent.click(dialog.getByRole('button', { name: 'Cancel' }));

    const button = await screen.findByTestId('create-network');
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(true));
    expect(screen.getByTestId('action-refused').textContent).toBe('Not allowed here: rule:create_network is disallowed by policy');
  });
});
