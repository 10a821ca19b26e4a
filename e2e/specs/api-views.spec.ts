// "From the dashboard to the API" on the real local cloud: for a sample of actions across services (a server from the
// launch wizard, a network with its subnet, a security group rule, image properties, a volume, a stack), the command
// line Zenith shows is read from the page, parsed by a real POSIX shell, run with the local cloud's clouds.yaml
// (under another name where it creates something), and the CLI checks it did what the click did. Names carry spaces,
// quotes and `$` so the quoting is proven end to end. The HTTP view names the catalog's real endpoints, and the
// request log panel lists what the page sent, with screenshots of both in both themes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { cleanUpImages, createImage, showImage, submitImageDialog, chooseImageAction } from '../support/images';
import { cleanUp as cleanUpServers, showServer, uniquePrefix, type CliServer } from '../support/instances';
import { launchThroughWizard, wizardRow } from '../support/launch-wizard';
import { cliNetwork, cliSubnet, deleteNetworkResourcesWithPrefix } from '../support/networks';
import { cleanUpGroups, openAddRule, ruleLine, showGroup, submitDialog } from '../support/security-groups';
import { deleteStackIfExists, listStackResources, waitForStackStatus } from '../support/stacks';
import { cleanUpVolumes, showVolume, volumeIdByName, waitForVolumeStatus } from '../support/volumes';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('api');
/** A name with what a shell would otherwise take apart or expand. */
const tricky = (what: string) => `${prefix}-${what} it's "$HOME"`;

test.describe.configure({ mode: 'serial' });

test.afterAll(async () => {
  test.setTimeout(300_000);
  await Promise.all([cleanUpServers(prefix), deleteStackIfExists(`${prefix}-stack`), deleteStackIfExists(`${prefix}-stack-cli`)]);
  await Promise.all([deleteNetworkResourcesWithPrefix(prefix), cleanUpGroups(prefix), cleanUpImages(prefix), cleanUpVolumes(prefix)]);
});

/** The argv a POSIX shell makes of one command line Zenith shows. */
function shellArgv(line: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', 'eval "set -- $1"; printf "%s\\0" "$@"', 'sh', line], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

/** The commands of a CLI view (one per line; none of the names here has a newline), each as its argv without `openstack`. */
async function shownCommands(view: Locator): Promise<string[][]> {
  const text = (await view.textContent()) ?? '';
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [program, ...args] = shellArgv(line);
      expect(program).toBe('openstack');
      return args;
    });
}

/** The argv with every argument equal to `from` replaced by `to` (a name, an id, a file). */
const replaced = (argv: readonly string[], from: string, to: string) => argv.map((argument) => (argument === from ? to : argument));

/** The catalog's public endpoint for a service type in the region Zenith signs in to, as the CLI sees it. */
async function endpointOf(type: string, region = 'RegionOne'): Promise<string> {
  const catalog = await openstack<{ Type: string; Endpoints: { region: string; interface: string; url: string }[] }[]>('zenith-demo', ['catalog', 'list']);
  const url = catalog
    .find((entry) => entry.Type === type)
    ?.Endpoints.find((endpoint) => endpoint.interface === 'public' && endpoint.region === region)?.url;
  if (!url) throw new Error(`No public ${type} endpoint in ${region}`);
  return url.replace(/\/+$/, '');
}

async function openHttpTab(scope: Locator) {
  const disclosure = scope.getByTestId('action-cli');
  if (!(await disclosure.evaluate((element) => (element as HTMLDetailsElement).open))) await disclosure.locator('summary').click();
  await scope.getByTestId('action-http-tab').click();
  return scope.getByTestId('action-http');
}

test('a volume: the shown command makes the same volume, the HTTP view names Cinder’s endpoint, the request log lists the call', async ({
  page,
  seenResponses,
}) => {
  const name = tricky('vol');
  const description = 'made by `api-views` for $USER; "quoted"';
  await signIn(page, 'zenith-demo');
  await page.goto('/volumes');
  await page.getByTestId('create-volume').click();
  const dialog = page.getByTestId('action-dialog-create');
  await dialog.getByTestId('volume-name-input').fill(name);
  await dialog.getByTestId('volume-size-input').fill('1');
  await dialog.getByTestId('volume-description-input').fill(description);
  await dialog.getByTestId('volume-type').selectOption('__DEFAULT__');

  const [command] = await shownCommands(dialog.getByTestId('cli-command'));
  expect(command).toEqual(['volume', 'create', '--size', '1', '--type', '__DEFAULT__', '--description', description, name]);

  // The HTTP view: the real endpoint of the catalog, the token left to $OS_TOKEN, the body the click sends.
  const http = await openHttpTab(dialog);
  const blockStorage = await endpointOf('block-storage');
  await expect(http.getByTestId('http-exchange-url')).toHaveText(`${blockStorage}/volumes`);
  await expect(http.getByTestId('http-exchange-method')).toHaveText('POST');
  const text = http.getByTestId('http-exchange-text');
  await expect(text).toContainText('X-Auth-Token: $OS_TOKEN');
  await expect(text).toContainText('Content-Type: application/json');
  await expect(text).toContainText(`"description": ${JSON.stringify(description)}`);
  // The dialog scrolls: the capture shows the request, not the top of the form.
  await text.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  await expectAccessible(page, 'action dialog, HTTP view');
  await screenshotDialogBothThemes(page, 'api-views-action-http');

  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const clickedId = await volumeIdByName(name);

  const cliName = tricky('vol-cli');
  const created = await openstack<{ id: string }>('zenith-demo', replaced(command!, name, cliName));
  await Promise.all([waitForVolumeStatus(clickedId, 'available'), waitForVolumeStatus(created.id, 'available')]);
  const [clicked, typed] = await Promise.all([showVolume(clickedId), showVolume(created.id)]);
  expect(typed.name).toBe(cliName);
  const same = (volume: typeof clicked) => ({ size: volume.size, type: volume.type, bootable: volume.bootable, description: volume.description });
  expect(same(typed)).toEqual(same(clicked));
  expect(clicked.description).toBe(description);

  // The request log: the create and its answer, opened onto its HTTP view.
  await page.getByTestId('request-log-toggle').click();
  const panel = page.getByTestId('request-log-panel');
  await expect(page.getByTestId('request-log-filter')).toBeFocused();
  await page.getByTestId('request-log-filter').fill('POST');
  const row = panel.getByTestId('request-log-row').filter({ hasText: '/api/os/block-storage/volumes' }).first();
  await expect(row.getByTestId('request-log-status')).toHaveText('202');
  await row.getByRole('button').first().click();
  await expect(row.getByTestId('request-log-exchange-url')).toHaveText(`${blockStorage}/volumes`);
  await expect(row.getByTestId('request-log-exchange-text')).toContainText(`"name": ${JSON.stringify(name)}`);
  await page.getByTestId('request-log-filter').fill('');
  await expectAccessible(page, 'request log panel');
  await screenshotBothThemes(page, 'api-views-request-log', async () => {
    if (!(await panel.isVisible())) await page.keyboard.press('Alt+Shift+L');
  });
  // Escape closes it and the focus goes back to the page; the shortcut opens it again.
  await page.getByTestId('request-log-filter').press('Escape');
  await expect(panel).toBeHidden();
  await page.keyboard.press('Alt+Shift+L');
  await expect(panel).toBeVisible();
  await page.getByTestId('request-log-errors-only').check();
  await expect(panel.getByTestId('request-log-row').filter({ hasText: '/api/os/block-storage/volumes' })).toHaveCount(0);
  await expectNoTokenInBrowser(page, seenResponses);
});

test('a network with its subnet: both shown commands make the same pair', async ({ page }) => {
  const networkName = tricky('net');
  const subnetName = `${prefix}-subnet`;
  await signIn(page, 'zenith-demo');
  await page.goto('/networks');
  await page.getByTestId('create-network').click();
  const dialog = page.getByTestId('create-network-dialog');
  await dialog.getByTestId('network-name').fill(networkName);
  await dialog.getByTestId('network-mtu').fill('1400');
  await dialog.getByTestId('subnet-name').fill(subnetName);
  await dialog.getByTestId('subnet-cidr').fill('10.61.0.0/24');
  await dialog.getByTestId('subnet-dns').fill('192.0.2.53');

  const commands = await shownCommands(dialog.getByTestId('cli-command'));
  expect(commands.map((argv) => argv.slice(0, 2))).toEqual([
    ['network', 'create'],
    ['subnet', 'create'],
  ]);
  // Two requests in order, the subnet's naming the network it waits for.
  const http = await openHttpTab(dialog);
  const network = await endpointOf('network');
  await expect(http.getByTestId('http-exchange-url')).toHaveText([`${network}/v2.0/networks`, `${network}/v2.0/subnets`]);
  await expect(http.getByTestId('http-exchange-text').nth(1)).toContainText('"network_id": "<id of the network created above>"');

  await dialog.getByTestId('create-network-submit').click();
  await expect(page.getByTestId('detail-name')).toHaveText(networkName);

  const cliNetworkName = tricky('net-cli');
  const cliSubnetName = `${prefix}-subnet-cli`;
  for (const argv of commands) {
    await openstackDo('zenith-demo', replaced(replaced(argv, networkName, cliNetworkName), subnetName, cliSubnetName));
  }
  const [clicked, typed] = await Promise.all([cliNetwork(networkName), cliNetwork(cliNetworkName)]);
  const sameNetwork = (value: typeof clicked) => ({ mtu: value.mtu, port_security_enabled: value.port_security_enabled });
  expect(sameNetwork(typed)).toEqual(sameNetwork(clicked));
  expect(clicked.mtu).toBe(1400);
  const [clickedSubnet, typedSubnet] = await Promise.all([cliSubnet(subnetName), cliSubnet(cliSubnetName)]);
  expect(typed.subnets).toEqual([typedSubnet.id]);
  const sameSubnet = ({ cidr, ip_version, gateway_ip, enable_dhcp, allocation_pools, dns_nameservers, host_routes }: typeof clickedSubnet) => ({
    cidr,
    ip_version,
    gateway_ip,
    enable_dhcp,
    allocation_pools,
    dns_nameservers,
    host_routes,
  });
  expect(sameSubnet(typedSubnet)).toEqual(sameSubnet(clickedSubnet));
});

test('a security group rule: the shown command adds the same rule to another group', async ({ page }) => {
  const [first, second] = await Promise.all(
    [`${prefix}-sg-a`, `${prefix}-sg-b`].map((name) => openstack<{ id: string }>('zenith-demo', ['security', 'group', 'create', name])),
  );
  await signIn(page, 'zenith-demo');
  await page.goto(`/security-groups/${first!.id}`);
  const dialog = await openAddRule(page);
  await dialog.getByTestId('rule-protocol').selectOption('tcp');
  await dialog.getByTestId('rule-port-min').fill('8080');
  await dialog.getByTestId('rule-port-max').fill('8090');
  await dialog.getByTestId('rule-remote-cidr').fill('10.0.0.0/8');
  await dialog.getByTestId('rule-description').fill(`app ports, "$PORT" isn't expanded`);
  const [command] = await shownCommands(dialog.getByTestId('cli-command'));
  expect(command!.at(-1)).toBe(first!.id);
  await submitDialog(page, 'add-rule');

  await openstack('zenith-demo', replaced(command!, first!.id, second!.id));
  const [clicked, typed] = await Promise.all([showGroup(first!.id), showGroup(second!.id)]);
  const added = (group: typeof clicked) =>
    group.rules.filter((rule) => rule.direction === 'ingress').map((rule) => `${ruleLine(rule)} ${rule.description ?? ''}`);
  expect(added(clicked)).toEqual(['ingress IPv4 tcp 8080 8090 10.0.0.0/8 app ports, "$PORT" isn\'t expanded']);
  expect(added(typed)).toEqual(added(clicked));
});

test('image properties: the shown command sets the same properties on another image', async ({ page }) => {
  const [first, second] = await Promise.all([createImage(`${prefix}-img-a`), createImage(`${prefix}-img-b`)]);
  await signIn(page, 'zenith-demo');
  await page.goto(`/images/${first.id}`);
  await expect(page.getByTestId('detail-name')).toHaveText(`${prefix}-img-a`);
  await chooseImageAction(page, 'edit');
  const dialog = page.getByTestId('action-dialog-edit');
  await dialog.getByTestId('property-os_distro').fill('debian');
  await dialog.getByTestId('property-min_ram').fill('128');
  await dialog.getByTestId('custom-add').click();
  await dialog.getByTestId('custom-key').last().fill('zenith_note');
  await dialog.getByTestId('custom-value').last().fill(`it's $(not run) & "kept"`);
  const [command] = await shownCommands(dialog.getByTestId('cli-command'));
  expect(command!.slice(0, 2)).toEqual(['image', 'set']);
  // Glance's JSON patch, with its own media type.
  const http = await openHttpTab(dialog);
  await expect(http.getByTestId('http-exchange-method')).toHaveText('PATCH');
  await expect(http.getByTestId('http-exchange-text')).toContainText('Content-Type: application/openstack-images-v2.1-json-patch');
  await submitImageDialog(page, 'edit');

  await openstackDo('zenith-demo', replaced(command!, first.id, second.id));
  const [clicked, typed] = await Promise.all([showImage(first.id), showImage(second.id)]);
  expect(clicked.properties).toMatchObject({ os_distro: 'debian', zenith_note: `it's $(not run) & "kept"` });
  expect(typed.min_ram).toBe(clicked.min_ram);
  expect(typed.properties).toMatchObject({ os_distro: clicked.properties.os_distro, zenith_note: clicked.properties.zenith_note });
});

test('a stack: the shown command, given the template the page holds, makes the same stack', async ({ page }) => {
  test.setTimeout(240_000);
  const name = `${prefix}-stack`;
  const template = [
    'heat_template_version: 2018-08-31',
    'parameters:',
    '  length:',
    '    type: number',
    '    default: 8',
    'resources:',
    '  secret:',
    '    type: OS::Heat::RandomString',
    '    properties:',
    '      length: { get_param: length }',
    'outputs:',
    '  size:',
    '    value: { get_param: length }',
    '',
  ].join('\n');
  await signIn(page, 'zenith-demo');
  await page.goto('/stacks/launch');
  await page.getByTestId('template-file').setInputFiles({ name: 'random.yaml', mimeType: 'text/yaml', buffer: Buffer.from(template) });
  await expect(page.getByTestId('validation-ok')).toBeVisible();
  await page.getByTestId('parameters-form').getByTestId('parameter-length').fill('12');
  await page.getByTestId('stack-name').fill(name);
  await page.getByTestId('stack-tags').fill('e2e, api-views');
  const [command] = await shownCommands(page.getByTestId('cli-command'));
  expect(command!.slice(0, 2)).toEqual(['stack', 'create']);
  const templateFile = command![command!.indexOf('-t') + 1]!;
  await page.getByTestId('launch-stack').click();
  await expect(page).toHaveURL(new RegExp(`/stacks/${name}/[0-9a-f-]{36}$`));

  // The command names the template's file: the same text, saved where the CLI runs.
  const dir = mkdtempSync(join(tmpdir(), 'zenith-api-views-'));
  try {
    writeFileSync(join(dir, templateFile), template);
    await openstack('zenith-demo', replaced(replaced(command!, templateFile, join(dir, templateFile)), name, `${name}-cli`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [clicked, typed] = await Promise.all([waitForStackStatus(name, 'CREATE_COMPLETE'), waitForStackStatus(`${name}-cli`, 'CREATE_COMPLETE')]);
  expect(clicked.parameters.length).toBe('12');
  expect(typed.parameters.length).toBe(clicked.parameters.length);
  expect(typed.tags).toEqual(clicked.tags);
  const types = async (stack: string) => (await listStackResources(stack)).map((resource) => resource.resource_type).sort();
  expect(await types(`${name}-cli`)).toEqual(await types(name));
});

test('a server from the launch wizard: the summary’s command launches the same server', async ({ page }) => {
  test.setTimeout(240_000);
  const name = `${prefix}-vm`;
  let command: string[] = [];
  await signIn(page, 'zenith-demo');
  await page.goto('/instances/launch');
  const clickedId = await launchThroughWizard(page, {
    name,
    source: async () => {
      await page.locator('input[name="sourceKind"][value="image"]').check();
      await wizardRow(page, 'image-table', 'cirros-tiny').click();
    },
    interfaces: ['demo-net'],
    metadata: { role: `web "front" it's` },
    onSummary: async () => {
      [command = []] = await shownCommands(page.getByTestId('launch-cli'));
      await page.getByTestId('launch-http-tab').click();
      const compute = await endpointOf('compute');
      await expect(page.getByTestId('launch-http').getByTestId('http-exchange-url')).toHaveText(`${compute}/servers`);
      await expect(page.getByTestId('launch-http').getByTestId('http-exchange-text')).toContainText(/OpenStack-API-Version: compute 2\.\d+/);
    },
  });
  expect(command.slice(0, 2)).toEqual(['server', 'create']);
  const typedId = (await openstack<{ id: string }>('zenith-demo', [...replaced(command, name, `${name}-cli`), '--wait'])).id;
  const [clicked, typed] = await Promise.all([showServer(clickedId), showServer(typedId)]);
  const same = (server: CliServer) => ({
    status: server.status,
    flavor: server.flavor.original_name,
    image: server.image.replace(/^.*\(([^)]+)\)$/, '$1'),
    networks: Object.keys(server.addresses).sort(),
    properties: server.properties,
    securityGroups: server.security_groups.map((group) => group.name).sort(),
  });
  expect(same(typed)).toEqual(same(clicked));
  expect(clicked.properties).toEqual({ role: `web "front" it's` });
});
