// Server groups on the real local cloud, with the openstack CLI as witness: created through Zenith with a policy
// and a rule, an instance launched into it (by the CLI: the wizard's server group step is proved in
// launch-paths.spec) shown as a member linking to its page, then deleted, its member left running.
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('sgroup');

interface CliGroup {
  id: string;
  name: string;
  policy: string;
  rules: Record<string, number>;
  members: string[];
}

test('creates a group with a policy and rule, shows its member, deletes it and leaves the member running', async ({ page }) => {
  test.setTimeout(240_000);
  const groupName = `${prefix}-web`;
  const serverName = `${prefix}-member`;
  try {
    await signIn(page, 'zenith-demo');
    await page.goto('/server-groups');
    await page.getByTestId('create-server-group').click();
    const dialog = page.getByTestId('action-dialog-create');
    await dialog.getByTestId('server-group-name').fill(groupName);
    await dialog.getByTestId('server-group-policy-anti-affinity').check();
    await dialog.getByTestId('server-group-max-per-host').fill('0');
    await expect(dialog.getByText('Members per host must be a whole number of at least 1.').first()).toBeVisible();
    await dialog.getByTestId('server-group-max-per-host').fill('2');
    await expect(dialog).toContainText(/Server groups: \d+ of \d+ used, this adds 1/);
    await expect(dialog.getByTestId('action-cli')).toContainText(`openstack server group create --policy anti-affinity --rule max_server_per_host=2 ${groupName}`);
    await expectAccessible(page, 'server groups: create');
    await screenshotDialogBothThemes(page, 'server-groups-create');
    await dialog.getByTestId('action-submit').click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });

    const row = page.getByTestId('table-row').filter({ has: page.getByTestId('server-group-name').getByText(groupName, { exact: true }) });
    await expect(row.getByTestId('server-group-policy')).toHaveText('Anti-affinity');
    await expect(row.getByTestId('server-group-rules')).toHaveText('At most 2 members per host');
    const group = await openstack<CliGroup>('zenith-demo', ['server', 'group', 'show', groupName]);
    expect(group).toMatchObject({ policy: 'anti-affinity', rules: { max_server_per_host: 2 }, members: [] });

    // A member, launched into the group by the CLI.
    const server = await openstack<{ id: string }>('zenith-demo', [
      'server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros-tiny', '--network', 'demo-net', '--hint', `group=${group.id}`, '--wait', serverName,
    ]);
    await page.reload();
    await expect(row.getByTestId('server-group-members')).toHaveText('1');
    await expectAccessible(page, 'server groups: list');
    await screenshotBothThemes(page, 'server-groups-list');

    await row.getByTestId('server-group-name').click();
    await expect(page).toHaveURL(new RegExp(`/server-groups/${group.id}$`));
    const member = page.getByTestId('server-group-member');
    await expect(member).toHaveText(serverName);
    await expect(member).toHaveAttribute('href', `/instances/${server.id}`);
    await expectAccessible(page, 'server groups: detail');
    await screenshotBothThemes(page, 'server-groups-detail');

    // Nova deletes a group with members: the confirmation says what becomes of them.
    await page.getByTestId('detail-actions').click();
    await page.getByTestId('menu-item-delete').click();
    const confirmation = page.getByTestId('action-dialog-delete');
    await expect(confirmation).toContainText('Its member instances keep running where they are');
    await confirmation.getByTestId('action-submit').click();
    await expect(page).toHaveURL(/\/server-groups$/);
    await expect(row).toHaveCount(0);
    const groups = await openstack<{ ID: string }[]>('zenith-demo', ['server', 'group', 'list']);
    expect(groups.map((entry) => entry.ID)).not.toContain(group.id);
    expect((await openstack<{ status: string }>('zenith-demo', ['server', 'show', server.id])).status).toBe('ACTIVE');
  } finally {
    const servers = await openstack<{ ID: string }[]>('zenith-demo', ['server', 'list', '--name', `^${prefix}`]);
    if (servers.length > 0) await openstackDo('zenith-demo', ['server', 'delete', '--wait', ...servers.map((entry) => entry.ID)]);
    const groups = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['server', 'group', 'list']);
    for (const group of groups.filter((entry) => entry.Name.startsWith(prefix))) await openstackDo('zenith-demo', ['server', 'group', 'delete', group.ID]);
  }
});
