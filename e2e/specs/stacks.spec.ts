// Heat stacks on the real local cloud, the openstack CLI as witness. The CLI makes three stacks from templates
// written here: one with a random string, a network and its subnet, a template resource (a nested stack) and a
// resource group (another), with outputs (one that Heat cannot resolve); one that fails on purpose (a subnet whose
// allocation pool lies outside its CIDR, refused by Neutron); a small one to act on. Zenith then lists, sorts and
// filters them, shows the nested stacks under their parent, every tab of a stack's page (outputs, resources linked
// to their pages, events, template, graph) and the failure with its failing resource; suspends, resumes and checks a
// stack, deletes one, abandons one and adopts its resources back, the CLI confirming each.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { showStack, waitForStackGone, waitForStackStatus } from '../support/stacks';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('stacks');
const names = { main: `${prefix}-main`, failing: `${prefix}-fail`, small: `${prefix}-small`, kept: `${prefix}-kept`, adopted: `${prefix}-adopted` };

const innerTemplate = `heat_template_version: 2018-08-31
parameters:
  size:
    type: number
resources:
  word:
    type: OS::Heat::RandomString
    properties:
      length: { get_param: size }
outputs:
  word:
    value: { get_attr: [word, value] }
`;

const mainTemplate = `heat_template_version: 2018-08-31
description: Zenith e2e stack with nested stacks
parameters:
  secret:
    type: string
    hidden: true
    default: s3cret
  length:
    type: number
    default: 12
resources:
  random:
    type: OS::Heat::RandomString
    properties:
      length: { get_param: length }
  net:
    type: OS::Neutron::Net
    properties:
      name: { list_join: ['-', [{ get_param: 'OS::stack_name' }, 'net']] }
  subnet:
    type: OS::Neutron::Subnet
    properties:
      network: { get_resource: net }
      cidr: 10.231.7.0/24
  inner:
    type: inner.yaml
    properties:
      size: 8
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: 2
      resource_def:
        type: OS::Heat::RandomString
        properties:
          length: 4
outputs:
  random:
    description: The random string
    value: { get_attr: [random, value] }
  network:
    value: { name: { get_attr: [net, name] }, id: { get_resource: net } }
  unresolvable:
    value: { str_split: [',', { get_attr: [random, value] }, 3] }
`;

const failingTemplate = `heat_template_version: 2018-08-31
description: A stack that fails on purpose
resources:
  net:
    type: OS::Neutron::Net
  subnet:
    type: OS::Neutron::Subnet
    properties:
      network: { get_resource: net }
      cidr: 10.231.8.0/24
      allocation_pools: [{ start: 10.99.0.10, end: 10.99.0.20 }]
`;

const smallTemplate = `heat_template_version: 2018-08-31
resources:
  random:
    type: OS::Heat::RandomString
  net:
    type: OS::Neutron::Net
    properties:
      name: { list_join: ['-', [{ get_param: 'OS::stack_name' }, 'net']] }
`;

const resourceOf = (stack: string, resource: string) => openstack<{ physical_resource_id: string }>('zenith-demo', ['stack', 'resource', 'show', stack, resource]);

/** Heat projects that abandoned stacks leave behind (only an admin deletes them). */
const leftUserProjects: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'zenith-stacks-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  file('inner.yaml', innerTemplate);
  const create = (name: string, template: string, extra: string[] = []) => openstackDo('zenith-demo', ['stack', 'create', '-t', template, ...extra, name]);
  await Promise.all([
    create(names.main, file('main.yaml', mainTemplate), ['--tags', 'zenith,e2e']),
    create(names.failing, file('failing.yaml', failingTemplate)),
    create(names.small, file('small.yaml', smallTemplate)),
    create(names.kept, file('kept.yaml', smallTemplate)),
  ]);
  await Promise.all([
    waitForStackStatus(names.main, 'CREATE_COMPLETE'),
    waitForStackStatus(names.failing, 'CREATE_FAILED'),
    waitForStackStatus(names.small, 'CREATE_COMPLETE'),
    waitForStackStatus(names.kept, 'CREATE_COMPLETE'),
  ]);
});

test.afterAll(async () => {
  test.setTimeout(240_000);
  const stacks = await openstack<{ 'Stack Name': string }[]>('zenith-demo', ['stack', 'list']);
  await Promise.all(
    stacks
      .filter((stack) => stack['Stack Name'].startsWith(prefix))
      .map((stack) => openstackDo('zenith-demo', ['stack', 'delete', '--yes', '--wait', stack['Stack Name']]).catch(() => undefined)),
  );
  // What an abandon leaves when the adopt did not take it back.
  const networks = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['network', 'list']);
  await Promise.all(networks.filter((network) => network.Name.startsWith(prefix)).map((network) => openstackDo('zenith-demo', ['network', 'delete', network.ID]).catch(() => undefined)));
  await Promise.all(leftUserProjects.map((id) => openstackDo('zenith-admin', ['project', 'delete', id]).catch(() => undefined)));
});

const stackRow = (page: Page, name: string) => page.getByTestId('stacks-table').getByTestId('table-row').filter({ has: page.getByRole('link', { name, exact: true }) });

async function openStack(page: Page, name: string) {
  const stack = (await showStack(name))!;
  await page.goto(`/stacks/${name}/${stack.id}`);
  await expect(page.getByTestId('detail-name')).toHaveText(name);
  return stack;
}

async function runDetailAction(page: Page, actionId: string) {
  await page.getByTestId('detail-actions').click();
  await page.getByTestId(`menu-item-${actionId}`).click();
}

test('the list sorts and filters as Heat does, and shows the nested stacks under their parent', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.getByRole('link', { name: 'Stacks' }).click();
  await expect(page).toHaveURL(/\/stacks$/);
  await expect(stackRow(page, names.main).getByTestId('stack-status')).toHaveAttribute('data-status', 'CREATE_COMPLETE');
  await expect(stackRow(page, names.main).getByTestId('stack-tags')).toHaveText('zenithe2e');
  await expect(stackRow(page, names.failing).getByTestId('stack-status-reason')).toContainText('spans beyond the subnet cidr 10.231.8.0/24');
  await expect(page.getByTestId('launch-stack')).toHaveAttribute('href', '/stacks/launch');
  await expect(page.getByTestId('export-template')).toHaveAttribute('href', '/stacks/export');

  // Sorted by name (Heat sorts): our four stacks in that order, or its reverse.
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(page).toHaveURL(/sort=stack_name&dir=(asc|desc)/);
  const byName = [names.failing, names.kept, names.main, names.small];
  const expected = new URL(page.url()).searchParams.get('dir') === 'asc' ? byName : byName.reverse();
  const ours = async () => (await page.getByTestId('stack-name').allTextContents()).filter((name) => name.startsWith(prefix));
  await expect.poll(ours).toEqual(expected);

  await page.getByTestId('filter-status').selectOption('CREATE_FAILED');
  await page.getByTestId('apply-filters').click();
  await expect(page).toHaveURL(/status=CREATE_FAILED/);
  await expect(stackRow(page, names.failing)).toBeVisible();
  await expect(stackRow(page, names.main)).toHaveCount(0);
  await page.getByTestId('filter-status').selectOption('');
  await page.getByTestId('filter-name').fill(names.main);
  await page.getByTestId('apply-filters').click();
  await expect(page.getByTestId('stack-name')).toHaveText([names.main]);

  // Heat names a nested stack after its parent and the resource holding it.
  await stackRow(page, names.main).getByTestId('stack-expand').click();
  await expect(page.getByTestId('stack-name')).toHaveText([names.main, new RegExp(`^${names.main}-group-`), new RegExp(`^${names.main}-inner-`)]);
  await expectAccessible(page, 'stacks list');
  await screenshotBothThemes(page, 'stacks');
});

test("a stack's page: outputs, resources linked to their pages, events, template and the dependency graph", async ({ page }) => {
  await signIn(page, 'zenith-demo');
  const stack = await openStack(page, names.main);
  await expect(page.getByTestId('stack-parameter-value-secret')).toHaveText('******');
  await expect(page.getByTestId('stack-tags')).toHaveText('zenith, e2e');

  await page.getByTestId('tab-outputs').click();
  const random = stack.outputs.find((output) => output.output_key === 'random')!.output_value as string;
  const output = (key: string) => page.locator(`[data-testid="stack-output"][data-key="${key}"]`);
  await expect(output('random').getByTestId('stack-output-value')).toHaveText(random);
  const net = await resourceOf(names.main, 'net');
  expect(JSON.parse((await output('network').getByTestId('stack-output-value').textContent())!)).toEqual({ name: `${names.main}-net`, id: net.physical_resource_id });
  await expect(output('unresolvable').getByTestId('stack-output-error')).toContainText('Incorrect index to "str_split"');

  await page.getByTestId('tab-resources').click();
  const resource = (name: string) => page.locator(`[data-testid="stack-resource"][data-name="${name}"]`);
  await expect(resource('net').getByTestId('resource-link')).toHaveAttribute('href', `/networks/${net.physical_resource_id}`);
  // A subnet shows on its network's page.
  await expect(resource('subnet').getByTestId('resource-link')).toHaveAttribute('href', `/networks/${net.physical_resource_id}`);
  const inner = await resourceOf(names.main, 'inner');
  await expect(resource('inner').getByTestId('resource-link')).toHaveAttribute('href', new RegExp(`^/stacks/${names.main}-inner-[a-z0-9]+/${inner.physical_resource_id}$`));
  await expect(resource('word')).toHaveAttribute('data-depth', '1');
  await expect(resource('0')).toHaveAttribute('data-depth', '1');
  await expectAccessible(page, 'stack resources');

  await page.getByTestId('tab-events').click();
  await expect(page.getByTestId('stack-event').first()).toHaveAttribute('data-status', 'CREATE_COMPLETE');
  await expect(page.getByTestId('stack-event').first()).toContainText('Stack CREATE completed successfully');
  await expect(page.getByTestId('stack-event').filter({ hasText: 'word' }).first()).toContainText(`in ${names.main}-inner-`);

  await page.getByTestId('tab-template').click();
  await expect(page.getByTestId('stack-template')).toContainText('type: OS::Heat::ResourceGroup');
  await expect(page.getByTestId('stack-template')).toHaveAttribute('aria-readonly', 'true');
  await expect(page.getByTestId('stack-environment')).toContainText('resource_registry:');

  await page.getByTestId('tab-graph').click();
  const node = (key: string) => page.getByTestId('stack-graph').locator(`[data-testid="stack-graph-node"][data-resource-id="${key}"]`);
  await expect(node(`${stack.id}/net`)).toContainText('OS::Neutron::Net');
  await expect(page.getByTestId('stack-graph').locator('[data-testid="stack-graph-node"]')).toHaveCount(8);
  await expect(page.getByTestId('stack-graph').locator('.stack-graph-depends')).toHaveCount(1);
  await expect(page.getByTestId('stack-graph').locator('.stack-graph-holds')).toHaveCount(3);
  await expectAccessible(page, 'stack graph');
  await screenshotBothThemes(page, 'stack-graph');
  await node(`${stack.id}/net`).click();
  await expect(page).toHaveURL(new RegExp(`/networks/${net.physical_resource_id}$`));

  // A nested stack's page links back to its parent; Heat changes it through the parent only.
  await page.goBack();
  await page.getByTestId('tab-resources').click();
  await resource('inner').getByTestId('resource-link').click();
  await expect(page.getByTestId('detail-name')).toHaveText(new RegExp(`^${names.main}-inner-`));
  await expect(page.getByTestId('stack-parent')).toHaveText(names.main);
  await page.getByTestId('detail-actions').click();
  await expect(page.getByTestId('menu-item-delete')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await page.getByTestId('stack-parent').click();
  await expect(page).toHaveURL(new RegExp(`/stacks/${names.main}/${stack.id}$`));
});

test("a failed stack shows Heat's reason and the resource that failed, first", async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await openStack(page, names.failing);
  const failure = page.getByTestId('stack-failure');
  await expect(failure.getByTestId('stack-failure-reason')).toContainText('The allocation pool 10.99.0.10-10.99.0.20 spans beyond the subnet cidr 10.231.8.0/24');
  await expect(failure.getByTestId('failed-resource')).toHaveAttribute('data-name', 'subnet');
  await expectAccessible(page, 'failed stack');
  await screenshotBothThemes(page, 'stack-failed');
});

test('suspend, resume and check from the stack page, each polled with its events until Heat settles; the CLI agrees', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await openStack(page, names.small);
  await page.getByTestId('tab-events').click();
  const status = page.getByTestId('detail-name').locator('..').getByTestId('stack-status');
  for (const [action, done] of [
    ['suspend', 'SUSPEND_COMPLETE'],
    ['resume', 'RESUME_COMPLETE'],
    ['check', 'CHECK_COMPLETE'],
  ] as const) {
    await runDetailAction(page, action);
    await expect(status).toHaveAttribute('data-status', done, { timeout: 60_000 });
    await expect(status).not.toContainText('waiting for Heat');
    // The events asked for after the last one read: the action's own, newest first.
    await expect(page.getByTestId('stack-event').first()).toHaveAttribute('data-status', done);
    expect((await showStack(names.small))!.stack_status).toBe(done);
  }
  await runDetailAction(page, 'suspend');
  await expect(status).toHaveAttribute('data-status', 'SUSPEND_COMPLETE', { timeout: 60_000 });
  await page.getByTestId('detail-actions').click();
  await expect(page.getByTestId('menu-item-suspend')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
});

test('delete from the list, after a confirmation naming what it deletes; the CLI no longer has the stack', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.goto(`/stacks?name=${names.small}`);
  await stackRow(page, names.small).getByTestId('row-actions').click();
  await page.getByTestId('menu-item-delete').click();
  const dialog = page.getByTestId('action-dialog-delete');
  await expect(dialog.locator('[data-testid="deleted-resource-type"][data-type="OS::Neutron::Net"]')).toHaveText('OS::Neutron::Net net');
  await expect(dialog.locator('[data-testid="deleted-resource-type"][data-type="OS::Heat::RandomString"]')).toHaveText('OS::Heat::RandomString random');
  await expect(dialog.getByTestId('action-cli')).toContainText('openstack stack delete --yes');
  await screenshotDialogBothThemes(page, 'stack-delete');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden();
  await expect(stackRow(page, names.small)).toHaveCount(0, { timeout: 60_000 });
  await waitForStackGone(names.small);
  const networks = await openstack<{ Name: string }[]>('zenith-demo', ['network', 'list', '--name', `${names.small}-net`]);
  expect(networks).toEqual([]);
});

test("abandon keeps the resources and answers Heat's data once; adopting that file makes a stack of them again", async ({ page }) => {
  await signIn(page, 'zenith-demo');
  const kept = await openStack(page, names.kept);
  const net = await resourceOf(names.kept, 'net');
  await runDetailAction(page, 'abandon');
  const dialog = page.getByTestId('action-dialog-abandon');
  await expect(dialog).toContainText('leaves its resources in place');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog.getByTestId('abandon-shown-once')).toContainText('its 2 resources stay in place');
  const download = page.waitForEvent('download');
  await dialog.getByTestId('abandon-download').click();
  const file = await (await download).path();
  const data = JSON.parse(readFileSync(file, 'utf8')) as { id: string; resources: Record<string, { resource_id: string }> };
  expect(data.id).toBe(kept.id);
  expect(data.resources.net!.resource_id).toBe(net.physical_resource_id);
  leftUserProjects.push(kept.stack_user_project_id!);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('stack-deleted')).toBeVisible({ timeout: 60_000 });
  await waitForStackGone(names.kept);
  // The network Heat made is still there, in no stack.
  expect((await openstack<{ id: string }>('zenith-demo', ['network', 'show', net.physical_resource_id])).id).toBe(net.physical_resource_id);

  await page.goto('/stacks');
  await page.getByTestId('adopt-stack').click();
  const adopt = page.getByTestId('action-dialog-adopt');
  await adopt.getByTestId('adopt-file').setInputFiles({ name: `${names.kept}-abandon.json`, mimeType: 'application/json', buffer: readFileSync(file) });
  await expect(adopt.getByTestId('adopt-file-summary')).toHaveText(`Stack ${names.kept}, 2 resources.`);
  await adopt.getByTestId('adopt-name').fill(names.adopted);
  await expect(adopt.getByTestId('action-cli')).toContainText(`openstack stack adopt --adopt-file ${names.kept}-abandon.json ${names.adopted}`);
  await adopt.getByTestId('action-submit').click();
  await expect(adopt).toBeHidden();
  await expect(stackRow(page, names.adopted).getByTestId('stack-status')).toHaveAttribute('data-status', 'ADOPT_COMPLETE', { timeout: 60_000 });
  await waitForStackStatus(names.adopted, 'ADOPT_COMPLETE');
  expect((await resourceOf(names.adopted, 'net')).physical_resource_id).toBe(net.physical_resource_id);
});
