// The launch wizard on the real local cloud, with the openstack CLI as witness: a server launched with an image,
// a flavor, a network, a security group, a key pair created on the way and cloud-config user data is seen by the
// CLI exactly as chosen; invalid inputs are refused with a clear message and nothing typed is lost.
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = `e2e-launch-${randomBytes(3).toString('hex')}`;

// Tall enough for each step to fit whole in its screenshot.
test.use({ viewport: { width: 1280, height: 1200 } });

const userData = `#cloud-config
hostname: ${prefix}
package_update: true
packages:
  - curl
write_files:
  - path: /etc/motd
    content: |
      Launched by Zenith's end-to-end test
    permissions: '0644'
runcmd:
  - [sh, -c, 'echo "café ✓" > /tmp/zenith']
`;

interface ServerShow {
  id: string;
  name: string;
  status: string;
  flavor: string | { original_name: string };
  image: string | { id: string };
  addresses: string | Record<string, unknown>;
  key_name: string;
  security_groups: string | { name: string }[];
}

function currentStep(page: Page) {
  return page.getByTestId('launch-steps').locator('[aria-current="step"]');
}

async function next(page: Page) {
  await page.getByTestId('wizard-next').click();
}

async function expectStep(page: Page, name: string) {
  await expect(currentStep(page)).toHaveAttribute('data-testid', `step-${name}`);
}

/** Replaces the editor's text as one input (typing line by line would let the editor auto-indent). */
async function setEditorText(page: Page, text: string) {
  const editor = page.getByTestId('user-data-editor');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  if (text !== '') await page.keyboard.insertText(text);
}

async function editorText(page: Page) {
  return page.getByTestId('user-data-editor').evaluate((element) =>
    Array.from(element.querySelectorAll('.cm-line'), (line) => line.textContent).join('\n'),
  );
}

function row(page: Page, table: string, name: string) {
  return page.getByTestId(table).locator(`tr[data-row-name="${name}"]`);
}

test('launches through the wizard, and the CLI sees exactly what was chosen', async ({ page, seenResponses }) => {
  test.setTimeout(300_000);
  const serverName = `${prefix}-vm`;
  const keyName = `${prefix}-key`;
  const [image, flavor, network] = await Promise.all([
    openstack<{ id: string }>('zenith-demo', ['image', 'show', 'cirros-tiny']),
    openstack<{ id: string }>('zenith-demo', ['flavor', 'show', 'm1.tiny']),
    openstack<{ id: string }>('zenith-demo', ['network', 'show', 'demo-net']),
  ]);
  const userDataFile = join(tmpdir(), `${prefix}-user-data.yaml`);
  await writeFile(userDataFile, userData);
  let serverId: string | undefined;

  try {
    await signIn(page, 'zenith-demo');
    await page.goto('/instances');
    await page.getByTestId('launch-instance').click();
    await expect(page).toHaveURL(/\/instances\/launch$/);

    // Details: the count is checked against the quota as it is typed.
    await expectStep(page, 'details');
    await expect(page.getByTestId('count-quota')).toContainText(/Quota left in this project: \d+ instances/);
    await page.getByLabel('Instance name').fill(serverName);
    await expectAccessible(page, 'launch: details');
    await screenshotBothThemes(page, 'launch-1-details');
    await next(page);

    // Source: boot from the image on local disk (the default kind), searched by name.
    await expectStep(page, 'source');
    await expect(page.locator('input[name="sourceKind"][value="image"]')).toBeChecked();
    await page.getByPlaceholder('Search by name or ID…').fill('cirros');
    await row(page, 'image-table', 'cirros-tiny').click();
    await expect(row(page, 'image-table', 'cirros-tiny').getByRole('radio')).toBeChecked();
    await expectAccessible(page, 'launch: source');
    await screenshotBothThemes(page, 'launch-2-source');
    await next(page);

    // Flavor: a table with the quota impact of each.
    await expectStep(page, 'flavor');
    await expect(row(page, 'flavor-table', 'm1.tiny')).toContainText(/uses 1 of [\d,]+ remaining vCPUs/);
    await row(page, 'flavor-table', 'm1.tiny').click();
    await expectAccessible(page, 'launch: flavor');
    await screenshotBothThemes(page, 'launch-3-flavor');
    await next(page);

    // Networks: none until one is added; a fixed IP outside the subnet is refused.
    await expectStep(page, 'networks');
    await next(page);
    await expectStep(page, 'networks');
    await expect(page.getByText('Add at least one network or port.', { exact: true })).toBeVisible();
    await page.getByTestId('add-network').click();
    await page.getByLabel('Network 1').selectOption({ label: 'demo-net' });
    await page.getByLabel('Fixed IP (optional)').fill('192.168.7.7');
    await expect(page.getByText("This address is outside the network's subnets (10.0.0.0/24).")).toBeVisible();
    await page.getByLabel('Fixed IP (optional)').fill('');
    await expectAccessible(page, 'launch: networks');
    await screenshotBothThemes(page, 'launch-4-networks');
    await next(page);

    // Security and access: default preselected; a key pair created inline, its private key downloadable once.
    await expectStep(page, 'access');
    await expect(page.getByTestId('security-groups').getByRole('checkbox', { name: /^default/ })).toBeChecked();
    await page.getByTestId('keypair-create-open').click();
    await page.getByLabel('Key pair name').fill(keyName);
    await page.getByTestId('keypair-submit').click();
    await expect(page.getByTestId('private-key-download')).toBeVisible();
    await expect(page.getByTestId('keypairs').getByRole('radio', { name: new RegExp(`^${keyName}`) })).toBeChecked();
    await expectAccessible(page, 'launch: access with a new key');
    await screenshotBothThemes(page, 'launch-5-access-key-created');
    const downloadPromise = page.waitForEvent('download');
    await page.getByTestId('download-private-key').click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`${keyName}.pem`);
    expect(await readFile(await download.path(), 'utf8')).toMatch(/-----BEGIN (OPENSSH|RSA) PRIVATE KEY-----/);
    // Offered once: the button is gone and the page says the key is no longer held.
    await expect(page.getByTestId('download-private-key')).toHaveCount(0);
    await expect(page.getByTestId('private-key-gone')).toContainText(`${keyName}.pem was downloaded`);
    await next(page);

    // Configuration: cloud-config loaded from a file, checked, no diagnostics.
    await expectStep(page, 'configuration');
    await page.getByTestId('user-data-file').setInputFiles(userDataFile);
    await expect(page.getByTestId('user-data-kind')).toHaveText('cloud-config');
    await expect.poll(() => editorText(page)).toBe(userData);
    await expect(page.getByTestId('user-data-diagnostics')).toHaveCount(0);
    await expectAccessible(page, 'launch: configuration');
    await screenshotBothThemes(page, 'launch-6-configuration');
    await next(page);

    // Summary, with the equivalent command line.
    await expectStep(page, 'summary');
    await expect(page.getByTestId('summary-name')).toHaveText(serverName);
    await expect(page.getByTestId('summary-image')).toHaveText('cirros-tiny');
    await expect(page.getByTestId('summary-flavor')).toHaveText('m1.tiny');
    await expect(page.getByTestId('summary-network')).toHaveText('demo-net');
    await expect(page.getByTestId('summary-keypair')).toHaveText(keyName);
    await expect(page.getByTestId('launch-cli')).toHaveText(
      `openstack server create --flavor ${flavor.id} --image ${image.id} --nic net-id=${network.id} --security-group default --key-name ${keyName} --user-data user-data.yaml ${serverName}`,
    );
    await expect(page.getByTestId('cli-note-userDataFile')).toBeVisible();
    await expectAccessible(page, 'launch: summary');
    await screenshotBothThemes(page, 'launch-7-summary');

    // Launch: the list shows the new server at once, then ACTIVE.
    await page.getByTestId('wizard-launch').click();
    await expect(page).toHaveURL(/\/instances(\?.*)?$/);
    const listRow = page.getByTestId('table-row').filter({ has: page.getByTestId('server-name').getByText(serverName, { exact: true }) });
    await expect(listRow).toHaveCount(1);
    await expect(listRow.getByTestId('server-status')).toHaveAttribute('data-status', 'ACTIVE', { timeout: 90_000 });
    serverId = (await listRow.getAttribute('data-row-id')) ?? undefined;
    expect(serverId).toMatch(/^[0-9a-f-]{36}$/);

    // The CLI sees the same flavor, image, network, key and security group...
    const server = await openstack<ServerShow>('zenith-demo', ['server', 'show', serverId!]);
    expect(server.name).toBe(serverName);
    expect(server.status).toBe('ACTIVE');
    expect(JSON.stringify(server.flavor)).toContain('m1.tiny');
    expect(JSON.stringify(server.image)).toContain(image.id);
    expect(JSON.stringify(server.addresses)).toContain('demo-net');
    expect(server.key_name).toBe(keyName);
    expect(JSON.stringify(server.security_groups)).toContain('default');
    // ... and, as the admin at microversion 2.3, exactly the user data sent.
    const adminView = await openstack<Record<string, string>>('zenith-admin', ['--os-compute-api-version', '2.3', 'server', 'show', serverId!]);
    expect(Buffer.from(adminView['OS-EXT-SRV-ATTR:user_data'] ?? '', 'base64').toString('utf8')).toBe(userData);

    await expectNoTokenInBrowser(page, seenResponses);
  } finally {
    await rm(userDataFile, { force: true });
    const leftovers = await openstack<{ ID: string }[]>('zenith-demo', ['server', 'list', '--name', `^${prefix}`]);
    if (leftovers.length > 0) await openstackDo('zenith-demo', ['server', 'delete', '--wait', ...leftovers.map((entry) => entry.ID)]);
    await openstackDo('zenith-demo', ['keypair', 'delete', keyName]).catch(() => undefined);
  }
});

test('invalid inputs are refused with a clear message, and nothing typed is lost', async ({ page }) => {
  test.setTimeout(180_000);
  const bigImageName = `${prefix}-needs-4g`;
  const imageFile = join(tmpdir(), `${prefix}.img`);
  await writeFile(imageFile, Buffer.alloc(1024 * 1024));
  // An image whose minimums the seeded small flavors cannot meet.
  await openstackDo('zenith-demo', [
    'image', 'create', '--disk-format', 'raw', '--container-format', 'bare', '--private',
    '--min-disk', '30', '--min-ram', '4096', '--file', imageFile, bigImageName,
  ]);
  try {
    await signIn(page, 'zenith-demo');
    await page.goto('/instances/launch');
    const name = `${prefix}-never-launched`;
    await page.getByLabel('Instance name').fill(name);

    // Count over quota: refused as typed, and Next stays on the step.
    await page.getByLabel('Number of instances').fill('100000');
    await expect(page.getByText(/^Over quota: only [\d,]+ more instances can be launched in this project\.$/)).toBeVisible();
    await next(page);
    await expectStep(page, 'details');
    await expect(page.getByLabel('Number of instances')).toHaveValue('100000');
    await expect(page.getByLabel('Instance name')).toHaveValue(name);
    await screenshotBothThemes(page, 'launch-error-count-over-quota');
    await page.getByLabel('Number of instances').fill('1');
    await next(page);

    // Flavors too small for the image are disabled, each with its reason.
    await expectStep(page, 'source');
    await row(page, 'image-table', bigImageName).click();
    await next(page);
    await expectStep(page, 'flavor');
    await expect(page.getByTestId('flavor-requirement')).toHaveText(`${bigImageName} needs at least 30 GiB of disk and 4 GiB of RAM.`);
    for (const small of ['m1.tiny', 'm1.small']) {
      await expect(row(page, 'flavor-table', small).getByRole('radio')).toBeDisabled();
      await expect(row(page, 'flavor-table', small).getByTestId('unavailable-reason')).toHaveText('Too little RAM: the image needs 4096 MiB.');
    }
    await next(page);
    await expectStep(page, 'flavor');
    await expect(page.getByText('Choose a flavor.')).toBeVisible();
    await expectAccessible(page, 'launch: flavors too small');
    await screenshotBothThemes(page, 'launch-error-flavor-too-small');

    // A flavor chosen for one image, then another image it cannot boot: the flavor step says why.
    await page.getByTestId('wizard-back').click();
    await row(page, 'image-table', 'cirros-tiny').click();
    await next(page);
    await row(page, 'flavor-table', 'm1.tiny').click();
    await page.getByTestId('step-source').click();
    await row(page, 'image-table', bigImageName).click();
    await next(page);
    await next(page);
    await expectStep(page, 'flavor');
    await expect(page.getByTestId('field-error')).toHaveText('Too little RAM: the image needs 4096 MiB.');
    await page.getByTestId('step-source').click();
    await row(page, 'image-table', 'cirros-tiny').click();
    await next(page);
    await next(page);

    await expectStep(page, 'networks');
    await page.getByTestId('add-network').click();
    await page.getByLabel('Network 1').selectOption({ label: 'demo-net' });
    await next(page);
    await expectStep(page, 'access');
    await next(page);

    // Bad cloud-config YAML: the error is shown inline and listed with its line; the step cannot be left.
    await expectStep(page, 'configuration');
    const badYaml = '#cloud-config\npackages:\n  - vim\nruncmd: [echo hi\n';
    await setEditorText(page, badYaml);
    const diagnostics = page.getByTestId('user-data-diagnostics');
    await expect(diagnostics.locator('li[data-severity="error"]').first()).toContainText('YAML syntax error');
    await expect(diagnostics.locator('li[data-severity="error"]').first()).toContainText(/^[45]:\d+ /);
    await expect(page.locator('.cm-lint-marker-error').first()).toBeVisible();
    await next(page);
    await expectStep(page, 'configuration');
    await expect(page.locator('#user-data-error')).toHaveText(/The user data has an error \(line [45]\): fix it before launching\./);
    await expectAccessible(page, 'launch: bad cloud-config');
    await screenshotBothThemes(page, 'launch-error-bad-yaml');

    // A wrong type, with the hint to write a list.
    await setEditorText(page, '#cloud-config\npackages: vim\n');
    await expect(diagnostics).toContainText('2:11 Error: packages should be a list, not a string');
    // A misspelt module: a warning that names the module meant, which does not block.
    await setEditorText(page, '#cloud-config\nrun_cmd:\n  - ls\n');
    await expect(diagnostics).toContainText('cloud-init has no module “run_cmd”: did you mean “runcmd”?');
    await expect(page.locator('#user-data-error')).toHaveCount(0);

    // User data too large: one byte over Nova's limit is refused, exactly the limit is accepted.
    const script = (bytes: number) => `#!/bin/sh\n${'x'.repeat(bytes - 11)}\n`;
    await page.getByTestId('user-data-file').setInputFiles({ name: 'big.sh', mimeType: 'text/plain', buffer: Buffer.from(script(49150)) });
    await expect(page.locator('#user-data-error')).toHaveText(
      'User data too large: 65,536 characters once encoded in base64 (49,150 bytes), the cloud accepts at most 65,535.',
    );
    await expect(page.getByTestId('user-data-size')).toContainText('65,536 of at most 65,535');
    await next(page);
    await expectStep(page, 'configuration');
    await screenshotBothThemes(page, 'launch-error-user-data-too-large');
    await page.getByTestId('user-data-file').setInputFiles({ name: 'limit.sh', mimeType: 'text/plain', buffer: Buffer.from(script(49149)) });
    await expect(page.getByTestId('user-data-size')).toContainText('65,532 of at most 65,535');
    await expect(page.locator('#user-data-error')).toHaveCount(0);

    // Back to the start and forward again: everything typed is still there.
    await setEditorText(page, '#cloud-config\nhostname: kept\n');
    await page.getByTestId('step-details').click();
    await expect(page.getByLabel('Instance name')).toHaveValue(name);
    await expect(page.getByLabel('Number of instances')).toHaveValue('1');
    await page.getByTestId('step-configuration').click();
    await expectStep(page, 'configuration');
    await expect.poll(() => editorText(page)).toBe('#cloud-config\nhostname: kept\n');
  } finally {
    await rm(imageFile, { force: true });
    const images = await openstack<{ ID: string }[]>('zenith-demo', ['image', 'list', '--name', bigImageName]);
    for (const image of images) await openstackDo('zenith-demo', ['image', 'delete', image.ID]);
  }
});

test("a launch Nova refuses shows its message and request id, and the wizard keeps every input", async ({ page }) => {
  const name = `${prefix}-refused`;
  try {
    const image = await openstack<{ id: string }>('zenith-demo', ['image', 'show', 'cirros-tiny']);
    await signIn(page, 'zenith-demo');
    // Images link to the wizard with the image preselected.
    await page.goto(`/instances/launch?image=${image.id}`);
    await page.getByLabel('Instance name').fill(name);
    await next(page);
    await expect(row(page, 'image-table', 'cirros-tiny').getByRole('radio')).toBeChecked();
    await next(page);
    await row(page, 'flavor-table', 'm1.tiny').click();
    await next(page);
    await page.getByTestId('add-network').click();
    await page.getByLabel('Network 1').selectOption({ label: 'demo-net' });
    // Inside the subnet, so the wizard accepts it; but the router's interface already has it.
    await page.getByLabel('Fixed IP (optional)').fill('10.0.0.1');
    await next(page);
    await next(page);
    await setEditorText(page, '#!/bin/sh\necho kept\n');
    await next(page);
    await expectStep(page, 'summary');
    await page.getByTestId('wizard-launch').click();

    const notice = page.getByTestId('error-notice');
    await expect(notice.getByTestId('error-message')).toContainText('10.0.0.1');
    await expect(notice.getByTestId('error-request-id')).toHaveText(/^req-[0-9a-f-]{36}$/);
    await expect(page).toHaveURL(/\/instances\/launch\?image=/);
    await expectStep(page, 'summary');
    await expect(page.getByTestId('summary-name')).toHaveText(name);
    await expect(page.getByTestId('summary-network')).toHaveText('demo-net · 10.0.0.1');
    await expectAccessible(page, 'launch: refused by Nova');
    await screenshotBothThemes(page, 'launch-error-refused-by-nova');
    await page.getByTestId('step-configuration').click();
    await expect.poll(() => editorText(page)).toBe('#!/bin/sh\necho kept\n');
  } finally {
    const leftovers = await openstack<{ ID: string }[]>('zenith-demo', ['server', 'list', '--name', `^${name}`]);
    if (leftovers.length > 0) await openstackDo('zenith-demo', ['server', 'delete', '--wait', ...leftovers.map((entry) => entry.ID)]);
  }
});
