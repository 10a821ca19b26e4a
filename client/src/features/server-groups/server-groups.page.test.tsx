// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff } from '../../testing/fake-bff';
import { novaForbiddenError, servers } from '../../testing/fixtures';
import { byButton, describeFormFailures } from '../../testing/form-failure-cases';
import { describeListPage } from '../../testing/list-page-cases';
import { cleanupApp, renderApp } from '../../testing/render-app';
import type { ServerGroup } from '../../resources/server-groups/types';

// Shaped as Nova answers GET /os-server-groups at 2.64; the members are servers of the captured server list.
const groups: ServerGroup[] = [
  { id: '5a3c2f5e-7d27-4a52-9f4e-1f0e3b0b6a01', name: 'web', policy: 'anti-affinity', rules: { max_server_per_host: 2 }, members: [servers[0]!.id] },
  { id: '5a3c2f5e-7d27-4a52-9f4e-1f0e3b0b6a02', name: 'db', policy: 'soft-affinity', rules: {}, members: [] },
];
const serverNames = { servers: servers.map(({ id, name }) => ({ id, name })) };

describeListPage('server groups page', {
  page: '/server-groups',
  listPath: '/api/os/compute/os-server-groups',
  answer: (rows) => ({ server_groups: rows }),
  rows: groups,
  rowText: (group) => group.name,
  rowShows: (group) => [group.policy === 'anti-affinity' ? 'At most 2 members per host' : 'Soft affinity', String(group.members.length)],
  emptyText: 'No server group yet.',
  forbidden: novaForbiddenError,
  forbiddenMessage: "Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.",
  action: {
    menuLabel: (group) => `Actions for ${group.name}`,
    label: 'Delete',
    method: 'DELETE',
    path: (group) => `/api/os/compute/os-server-groups/${group.id}`,
  },
});

function limits(used: number, max: number) {
  return { limits: { absolute: { maxServerGroups: max, totalServerGroupsUsed: used, maxTotalInstances: 10, totalInstancesUsed: 0, maxTotalCores: 20, totalCoresUsed: 0, maxTotalRAMSize: 51200, totalRAMUsed: 0, maxTotalKeypairs: 100 } } };
}

describe('server group create and detail', () => {
  afterEach(cleanupApp);

  const bffWith = (used: number, max: number) =>
    new FakeBff()
      .on('GET', '/api/os/compute/os-server-groups', { server_groups: groups })
      .on('GET', '/api/os/compute/limits', limits(used, max))
      .on('GET', '/api/os/compute/os-keypairs', { keypairs: [] })
      .on('POST', '/api/os/compute/os-server-groups', { server_group: { ...groups[0], id: 'new', name: 'cache' } });

  async function openCreate() {
    fireEvent.click(await screen.findByTestId('create-server-group'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('server-group-name'), { target: { value: 'cache' } });
    return dialog;
  }

  it('sends the policy with its rule at 2.64 and shows the same openstack command', async () => {
    const { bff } = renderApp('/server-groups', bffWith(2, 10));
    const dialog = await openCreate();
    fireEvent.change(within(dialog).getByTestId('server-group-max-per-host'), { target: { value: '3' } });
    await waitFor(() => expect(dialog.textContent).toContain('openstack server group create --policy anti-affinity --rule max_server_per_host=3 cache'));
    // A rule belongs to anti-affinity only: another policy hides it and leaves it out.
    fireEvent.click(within(dialog).getByTestId('server-group-policy-soft-anti-affinity'));
    expect(within(dialog).queryByTestId('server-group-max-per-host')).toBeNull();
    expect(dialog.textContent).toContain('openstack server group create --policy soft-anti-affinity cache');
    fireEvent.click(within(dialog).getByTestId('server-group-policy-anti-affinity'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create server group' }));
    await waitFor(() => expect(bff.calls('POST', '/api/os/compute/os-server-groups')).toHaveLength(1));
    expect(bff.calls('POST', '/api/os/compute/os-server-groups')[0]!.body).toEqual({
      server_group: { name: 'cache', policy: 'anti-affinity', rules: { max_server_per_host: 3 } },
    });
  });

  it('refuses before sending when the project has no server group left', async () => {
    const { bff } = renderApp('/server-groups', bffWith(10, 10));
    const dialog = await openCreate();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Create server group' }).hasAttribute('disabled')).toBe(true));
    expect(dialog.textContent).toContain('Server groups: 10 of 10 used, this adds 1: over the limit');
    expect(bff.calls('POST', '/api/os/compute/os-server-groups')).toHaveLength(0);
  });

  it('links each member to its instance, named from the one server list', async () => {
    const bff = new FakeBff()
      .on('GET', `/api/os/compute/os-server-groups/${groups[0]!.id}`, { server_group: groups[0] })
      .on('GET', '/api/os/compute/servers', serverNames);
    renderApp(`/server-groups/${groups[0]!.id}`, bff);
    const member = await screen.findByText(servers[0]!.name);
    expect(member.closest('a')?.getAttribute('href')).toBe(`/instances/${servers[0]!.id}`);
    expect(screen.getByTestId('detail-rules').textContent).toBe('At most 2 members per host');
    expect(bff.calls('GET', '/api/os/compute/servers')).toHaveLength(1);
  });
});

// Creating is the only form of this feature (a server group cannot be edited).
describeFormFailures('server group form refused by Nova', {
  create: {
    page: '/server-groups',
    bff: () => new FakeBff().on('GET', '/api/os/compute/os-server-groups', { server_groups: groups }).on('GET', '/api/os/compute/limits', limits(2, 10)).on('GET', '/api/os/compute/os-keypairs', { keypairs: [] }),
    open: byButton('create-server-group'),
    fields: [
      ['Name', 'cache'],
      ['Max members per host (optional)', '3'],
    ],
    method: 'POST',
    path: '/api/os/compute/os-server-groups',
    // Nova counts the groups made since the page read its limits.
    refusal: { status: 403, requestId: 'req-2c3d4e5f-6a7b-4c8d-9e0f-a1b2c3d4e5ff', body: { forbidden: { code: 403, message: 'Quota exceeded, too many server groups.' } } },
    message: 'Quota exceeded, too many server groups.',
    success: { server_group: { ...groups[0], id: 'new', name: 'cache' } },
  },
});
