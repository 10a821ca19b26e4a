// Security groups, their rules and the instances using them, on the real local cloud with the openstack CLI as
// witness of what Zenith did. Groups are made through the UI under a unique prefix; one server (made with the CLI)
// uses them. Everything is removed through the UI in dependency order; afterAll only sweeps what a failure left.
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { cleanUp, createServer, uniquePrefix, type CliServer } from '../support/instances';
import { cleanUpGroups, groupNames, openAddRule, ruleLine, showGroup, submitDialog } from '../support/security-groups';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('sg');
const webName = `${prefix}-web`;
const peerName = `${prefix}-peer`;

test.describe.configure({ mode: 'serial' });

let server: CliServer;

test.beforeAll(async () => {
  test.setTimeout(360_000);
  server = await createServer(`${prefix}-vm`);
});

test.afterAll(async () => {
  test.setTimeout(240_000);
  await cleanUp(prefix);
  await cleanUpGroups(prefix);
});

test('groups are created and renamed through the UI; rules from templates reach Neutron exactly as the CLI shows them', async ({ page, seenResponses }) => {
  await signIn(page, 'zenith-demo');
  await page.goto('/security-groups');
  await expect(page.getByTestId('group-name').filter({ hasText: /^default$/ })).toBeVisible();

  for (const name of [webName, peerName]) {
    await page.getByTestId('create-group').click();
    const dialog = page.getByTestId('action-dialog-create');
    await dialog.getByTestId('group-name').fill(name);
    await dialog.getByTestId('group-description').fill('made by the e2e spec');
    await dialog.locator('summary').click();
    await expect(dialog.getByTestId('action-cli')).toContainText(`openstack security group create --description 'made by the e2e spec' ${name}`);
    if (name === webName) await expectAccessible(page, 'create security group dialog');
    await submitDialog(page, 'create');
  }
  const web = await showGroup(webName);
  expect(web.description).toBe('made by the e2e spec');
  // Neutron gives a new group its two "everything out" rules.
  expect(web.rules.map(ruleLine).sort()).toEqual(['egress IPv4 any * * none', 'egress IPv6 any * * none']);

  // "default" is reserved: refused before sending.
  await page.getByTestId('create-group').click();
  const reserved = page.getByTestId('action-dialog-create');
  await reserved.getByTestId('group-name').fill('default');
  await expect(reserved.getByTestId('action-invalid')).toHaveText('"default" is reserved for the group Neutron makes for every project.');
  await expect(reserved.getByTestId('action-submit')).toBeDisabled();
  await reserved.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(`/security-groups?name=${peerName}`);
  const peerRow = page.getByTestId('table-row');
  await expect(peerRow).toHaveCount(1);
  await peerRow.getByTestId('row-actions').click();
  await page.getByTestId('menu-item-edit').click();
  const edit = page.getByTestId('action-dialog-edit');
  await edit.getByTestId('group-description').fill('peers of the web group');
  await submitDialog(page, 'edit');
  expect((await showGroup(peerName)).description).toBe('peers of the web group');

  await page.goto('/security-groups?sort=name&dir=asc');
  await expect(page.getByTestId('group-name').filter({ hasText: webName })).toBeVisible();
  await expectAccessible(page, 'security groups list');
  await screenshotBothThemes(page, 'security-groups-list');

  await page.getByTestId('group-name').filter({ hasText: webName }).click();
  await expect(page.getByTestId('detail-name')).toHaveText(webName);

  // SSH and ICMP from the templates.
  for (const template of ['ssh', 'icmp'] as const) {
    const dialog = await openAddRule(page);
    await dialog.getByTestId(`rule-template-${template}`).click();
    if (template === 'ssh') {
      await expect(dialog.getByTestId('rule-port-min')).toHaveValue('22');
      await dialog.locator('summary').click();
      await expect(dialog.getByTestId('action-cli')).toContainText(
        `openstack security group rule create --ingress --ethertype IPv4 --protocol tcp --dst-port 22:22 --remote-ip 0.0.0.0/0 ${web.id}`,
      );
      await expectAccessible(page, 'add rule dialog');
      await screenshotDialogBothThemes(page, 'security-groups-add-rule');
    }
    await submitDialog(page, 'add-rule');
  }

  // Everything from the peer group (remote group), then HTTPS out to one network (egress).
  let dialog = await openAddRule(page);
  await dialog.getByTestId('rule-protocol').selectOption('any');
  await dialog.getByTestId('rule-remote').selectOption('group');
  const peer = await showGroup(peerName);
  await dialog.getByTestId('rule-remote-group').selectOption(peer.id);
  await dialog.getByTestId('rule-description').fill('from the peers');
  await submitDialog(page, 'add-rule');

  dialog = await openAddRule(page);
  await dialog.getByTestId('rule-direction').selectOption('egress');
  await dialog.getByTestId('rule-port-min').fill('443');
  await dialog.getByTestId('rule-remote-cidr').fill('198.51.100.0/24');
  await submitDialog(page, 'add-rule');

  const rules = (await showGroup(web.id)).rules.map(ruleLine).sort();
  expect(rules).toEqual(
    [
      'egress IPv4 any * * none',
      'egress IPv4 tcp 443 443 198.51.100.0/24',
      'egress IPv6 any * * none',
      'ingress IPv4 any * * group:' + peer.id,
      'ingress IPv4 icmp * * 0.0.0.0/0',
      'ingress IPv4 tcp 22 22 0.0.0.0/0',
    ].sort(),
  );
  const table = page.getByTestId('rules-table');
  await expect(table.getByTestId('table-row')).toHaveCount(6);
  await expect(table.getByTestId('rule-remote-value').filter({ hasText: peerName })).toHaveCount(1);
  await expect(table.getByTestId('rule-ports-value').filter({ hasText: /^443$/ })).toHaveCount(1);
  await expectAccessible(page, 'security group detail');
  await screenshotBothThemes(page, 'security-groups-detail');
  await expectNoTokenInBrowser(page, seenResponses);
});

test('mistakes are caught before sending; duplicates are shown as duplicates, client-side and from Neutron', async ({ page }) => {
  const web = await showGroup(webName);
  await signIn(page, 'zenith-demo');
  await page.goto(`/security-groups/${web.id}`);
  const dialog = await openAddRule(page);
  const submit = dialog.getByTestId('action-submit');
  const fieldError = (testId: string) => dialog.getByTestId(testId).locator('xpath=..').getByTestId('field-error');

  await dialog.getByTestId('rule-port-min').fill('8080');
  await dialog.getByTestId('rule-port-max').fill('8000');
  await expect(fieldError('rule-port-max')).toHaveText('The last port comes before the first one.');
  await expect(dialog.getByTestId('action-invalid')).toHaveText('Correct the fields marked in red.');
  await expect(submit).toBeDisabled();
  await dialog.getByTestId('rule-port-min').fill('0');
  await dialog.getByTestId('rule-port-max').fill('');
  await expect(fieldError('rule-port-min')).toHaveText('A port is a whole number from 1 to 65535.');

  await dialog.getByTestId('rule-protocol').selectOption('icmp');
  await dialog.getByTestId('rule-icmp-code').fill('0');
  await expect(fieldError('rule-icmp-code')).toHaveText('An ICMP code needs an ICMP type.');
  await expect(submit).toBeDisabled();
  await dialog.getByTestId('rule-icmp-type').fill('8');
  await expect(submit).toBeEnabled();

  await dialog.getByTestId('rule-remote-cidr').fill('10.0.0.300/24');
  await expect(fieldError('rule-remote-cidr')).toHaveText('Not an address or CIDR (e.g. 192.0.2.0/24 or 2001:db8::/32).');
  await dialog.getByTestId('rule-remote-cidr').fill('10.0.0.0/24');
  await dialog.getByTestId('rule-ethertype').selectOption('IPv6');
  await expect(fieldError('rule-remote-cidr')).toHaveText("The CIDR's IP version differs from the rule's.");
  // The ICMP choice followed the IP version.
  await expect(dialog.getByTestId('rule-protocol')).toHaveValue('ipv6-icmp');
  await expect(submit).toBeDisabled();
  await expectAccessible(page, 'add rule dialog with errors');

  // SSH again: the form names the rule it repeats.
  await dialog.getByTestId('rule-ethertype').selectOption('IPv4');
  await dialog.getByTestId('rule-template-ssh').click();
  await expect(dialog.getByTestId('rule-duplicate')).toContainText('This rule already exists:');
  await expect(dialog.getByTestId('rule-duplicate')).toContainText('TCP · 22 · 0.0.0.0/0');
  await expect(dialog.getByTestId('action-invalid')).toHaveText('This group already has this rule.');
  await expect(submit).toBeDisabled();

  // A rule someone else adds while the dialog is open: Neutron's 409 is shown, and the rule it repeats marked.
  await dialog.getByTestId('rule-port-min').fill('8443');
  await expect(submit).toBeEnabled();
  const added = await openstack<{ id: string }>('zenith-demo', [
    'security', 'group', 'rule', 'create', '--ingress', '--ethertype', 'IPv4', '--protocol', 'tcp', '--dst-port', '8443:8443', '--remote-ip', '0.0.0.0/0', web.id,
  ]);
  await submit.click();
  await expect(dialog.getByTestId('error-message')).toHaveText(`Security group rule already exists. Rule id is ${added.id}.`);
  await expect(dialog.getByTestId('error-request-id')).toHaveText(/^req-/);
  // The input is kept for correction.
  await expect(dialog.getByTestId('rule-port-min')).toHaveValue('8443');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator(`[data-row-id="${added.id}"]`).getByTestId('rule-duplicate-badge')).toHaveText('Duplicate');

  // Bulk delete of rules: the CLI's rule and the egress HTTPS one.
  const group = await showGroup(web.id);
  const https = group.rules.find((rule) => rule.direction === 'egress' && rule.port_range_min === 443)!;
  for (const id of [added.id, https.id]) await page.locator(`[data-row-id="${id}"]`).getByRole('checkbox').check();
  await page.getByTestId('bulk-delete-rule').click();
  const bulk = page.getByTestId('action-dialog-delete-rule');
  await bulk.getByTestId('action-submit').click();
  await expect(bulk.getByTestId('action-target-outcome')).toHaveText(['Done', 'Done']);
  await bulk.getByRole('button', { name: 'Close' }).click();
  const left = (await showGroup(web.id)).rules.map((rule) => rule.id);
  expect(left).not.toContain(added.id);
  expect(left).not.toContain(https.id);
  await expect(page.getByTestId('rules-table').getByTestId('table-row')).toHaveCount(5);
});

test("an instance's groups change from the group and from the instance; deleting a group in use is refused with the instance", async ({ page }) => {
  const web = await showGroup(webName);
  await signIn(page, 'zenith-demo');
  await page.goto(`/security-groups/${web.id}`);
  await expect(page.getByTestId('members-section')).toContainText('No instance uses this group.');

  await page.getByTestId('add-server').click();
  const add = page.getByTestId('action-dialog-add-server');
  await add.getByTestId('add-server-choice').selectOption(server.id);
  await add.locator('summary').click();
  await expect(add.getByTestId('cli-command')).toHaveText(`openstack server add security group ${server.id} ${web.id}`);
  await submitDialog(page, 'add-server');
  await expect(page.getByTestId('members-table').getByTestId('member-name')).toHaveText(`${prefix}-vm`);
  const shown = await openstack<{ security_groups: { name: string }[] }>('zenith-demo', ['server', 'show', server.id]);
  expect(shown.security_groups.map((group) => group.name).sort()).toEqual(['default', webName].sort());

  // In use: Neutron refuses, the page says by which instance.
  await page.getByTestId('detail-actions').click();
  await page.getByTestId('menu-item-delete').click();
  const remove = page.getByTestId('action-dialog-delete');
  await remove.getByTestId('action-submit').click();
  await expect(remove.getByTestId('error-message')).toHaveText(new RegExp(`Security Group ${web.id} in use`));
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('action-failure').getByTestId('error-message')).toContainText('in use');
  await expect(page.getByTestId('group-in-use')).toContainText('In use by 1 instance:');
  await expect(page.getByTestId('group-in-use').getByTestId('member-name')).toHaveText(`${prefix}-vm`);
  await expectAccessible(page, 'refused delete');
  await screenshotBothThemes(page, 'security-groups-in-use');
  expect(await groupNames()).toContain(webName);

  // From the instance: its groups link to their pages; removing the group there.
  await page.goto(`/instances/${server.id}`);
  const section = page.getByTestId('detail-security-groups');
  await expect(section.getByTestId('server-security-group')).toHaveCount(2);
  await expect(section.getByTestId('server-security-group').filter({ hasText: webName })).toHaveAttribute('href', `/security-groups/${web.id}`);
  await section.getByTestId('change-security-groups').click();
  const change = page.getByTestId('action-dialog-security-groups');
  await change.getByTestId(`security-group-${webName}`).uncheck();
  await change.locator('summary').click();
  await expect(change.getByTestId('cli-command')).toHaveText(`openstack server remove security group ${server.id} ${web.id}`);
  await expectAccessible(page, 'change security groups dialog');
  await submitDialog(page, 'security-groups');
  await expect(section.getByTestId('server-security-group')).toHaveText(['default']);
  const after = await openstack<{ security_groups: { name: string }[] }>('zenith-demo', ['server', 'show', server.id]);
  expect(after.security_groups.map((group) => group.name)).toEqual(['default']);
  await screenshotBothThemes(page, 'security-groups-instance-detail');
});

test('cleanup through the UI: the server leaves the group, then both groups go in one bulk delete', async ({ page }) => {
  const peer = await showGroup(peerName);
  // The peer group is used by the server (added with the CLI) so the UI has to take it off first.
  await openstackDo('zenith-demo', ['server', 'add', 'security', 'group', server.id, peer.id]);
  await signIn(page, 'zenith-demo');
  await page.goto(`/security-groups/${peer.id}`);
  const member = page.getByTestId('members-table').getByTestId('table-row');
  await expect(member).toHaveCount(1);
  await member.getByTestId('member-actions').click();
  await page.getByTestId('menu-item-remove-server').click();
  await submitDialog(page, 'remove-server');
  await expect(page.getByTestId('members-section')).toContainText('No instance uses this group.');

  await page.goto('/security-groups');
  for (const name of [webName, peerName, 'default']) {
    await page.getByTestId('table-row').filter({ has: page.getByTestId('group-name').filter({ hasText: new RegExp(`^${name}$`) }) }).getByRole('checkbox').check();
  }
  await page.getByTestId('bulk-delete').click();
  const bulk = page.getByTestId('action-dialog-delete');
  await expect(bulk.getByTestId('action-target-skipped')).toHaveText("Skipped: The project's default group is kept.");
  await bulk.getByTestId('action-submit').click();
  await expect(bulk.getByTestId('action-target-outcome')).toHaveText(['Done', 'Done']);
  await bulk.getByRole('button', { name: 'Close' }).click();
  const left = await groupNames();
  expect(left).not.toContain(webName);
  expect(left).not.toContain(peerName);
  expect(left).toContain('default');
  await expect(page.getByTestId('group-name').filter({ hasText: prefix })).toHaveCount(0);
});
