// Key pairs on the real local cloud, the openstack CLI as witness: create (private key downloadable once),
// import a valid key by paste and by file, an invalid one refused before any request, detail, bulk delete.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { cliKeypair, cliKeypairs, deleteKeypairsWithPrefix, sshKeygen } from '../support/keypairs';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('kp');

test.describe.configure({ mode: 'serial' });
test.afterAll(async () => {
  await deleteKeypairsWithPrefix(prefix);
});

async function openForm(page: Page, mode: 'create' | 'import', name: string, type: 'ssh' | 'x509' = 'ssh') {
  await page.getByTestId(`keypair-${mode}-open`).click();
  await page.getByLabel('Key pair name').fill(name);
  await page.getByTestId(`keypair-${mode}-form`).getByLabel('Type').selectOption(type);
}

const row = (page: Page, name: string) => page.locator(`[data-row-id="${name}"]`);

test('create ssh and x509 key pairs: each private key is offered once, then gone', async ({ page, seenResponses }) => {
  await signIn(page, 'zenith-demo');
  await page.getByRole('link', { name: 'Key pairs' }).click();
  await expect(page.getByRole('heading', { name: 'Key pairs' })).toBeVisible();
  await expect(page.getByTestId('keypairs-table').getByTestId('table-row').or(page.getByText('No key pair yet.'))).not.toHaveCount(0);
  await expectAccessible(page, 'key pairs list');

  for (const type of ['ssh', 'x509'] as const) {
    const name = `${prefix}-${type}`;
    await openForm(page, 'create', name, type);
    if (type === 'ssh') await screenshotBothThemes(page, 'keypairs-create');
    await page.getByTestId('keypair-submit').click();
    await expect(page.getByTestId('private-key-download')).toContainText(`Key pair ${name} created.`);
    await expect(row(page, name).getByTestId('keypair-type')).toHaveText(type === 'ssh' ? 'SSH' : 'x509 certificate');
    if (type === 'ssh') {
      await expectAccessible(page, 'key pair created, private key offered');
      await screenshotBothThemes(page, 'keypairs-private-key');
    }
    const downloading = page.waitForEvent('download');
    await page.getByTestId('download-private-key').click();
    const download = await downloading;
    const file = `${name}.${type === 'ssh' ? 'pem' : 'p12'}`;
    expect(download.suggestedFilename()).toBe(file);
    const saved = await readFile(await download.path());
    // ssh: the PEM text; x509: Nova's base64 PKCS#12 decoded into the DER bundle (an ASN.1 SEQUENCE, 0x30).
    if (type === 'ssh') expect(saved.toString('utf8')).toMatch(/^-----BEGIN (OPENSSH|RSA) PRIVATE KEY-----/);
    else expect(saved[0]).toBe(0x30);
    // Offered once: the button is gone, nothing in the page can produce the key again.
    await expect(page.getByTestId('download-private-key')).toHaveCount(0);
    await expect(page.getByTestId('private-key-gone')).toContainText(`${file} was downloaded`);

    const witness = await cliKeypair(name);
    expect(witness.type).toBe(type);
    await expect(row(page, name).getByTestId('keypair-fingerprint')).toHaveText(witness.fingerprint);
  }
  // Each private key crossed the wire once, in Nova's answer to the create: no later response carried it again.
  const withPrivateKey = seenResponses.filter((response) => response.url.includes('/os-keypairs') && response.body.includes('"private_key"'));
  expect(withPrivateKey).toHaveLength(2);
  await expectNoTokenInBrowser(page, seenResponses);
});

test('import: a valid key by paste and by file, an invalid one refused with a clear message before any request', async ({ page }) => {
  const pasted = await sshKeygen(`${prefix}-pasted`);
  const fromFile = await sshKeygen(`${prefix}-file`);
  try {
    await signIn(page, 'zenith-demo');
    await page.goto('/keypairs');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/os-keypairs')) posts.push(request.url());
    });

    // Invalid: a truncated key, then a private key pasted by mistake. Nothing leaves the browser.
    await openForm(page, 'import', `${prefix}-bad`);
    await page.getByLabel('Public key').fill(pasted.publicKey.slice(0, 40));
    await page.getByTestId('keypair-submit').click();
    await expect(page.getByTestId('field-error')).toContainText('incomplete or does not match');
    await page.getByLabel('Public key').fill('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----');
    await page.getByTestId('keypair-submit').click();
    await expect(page.getByTestId('field-error')).toHaveText('This is a private key: never share it. Import the .pub file instead.');
    await page.getByLabel('Public key').fill('hello world');
    await page.getByTestId('keypair-submit').click();
    await expect(page.getByTestId('field-error')).toContainText('This is not an OpenSSH public key');
    await expect(page.getByLabel('Public key')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'key pair import with an invalid key');
    await screenshotBothThemes(page, 'keypairs-import-invalid');
    expect(posts).toHaveLength(0);
    expect((await cliKeypairs()).map((keypair) => keypair.name)).not.toContain(`${prefix}-bad`);

    // Valid, pasted: the form keeps the name, only the key is corrected.
    await page.getByLabel('Public key').fill(pasted.publicKey);
    await page.getByLabel('Key pair name').fill(`${prefix}-pasted`);
    await page.getByTestId('keypair-submit').click();
    await expect(row(page, `${prefix}-pasted`).getByTestId('keypair-fingerprint')).toHaveText(pasted.fingerprint);
    expect((await cliKeypair(`${prefix}-pasted`)).fingerprint).toBe(pasted.fingerprint);

    // Valid, from a file.
    await openForm(page, 'import', `${prefix}-file`);
    await page.getByTestId('keypair-public-key-file').setInputFiles(fromFile.file);
    await expect(page.getByLabel('Public key')).toHaveValue(fromFile.publicKey);
    await page.getByTestId('keypair-submit').click();
    await expect(row(page, `${prefix}-file`).getByTestId('keypair-fingerprint')).toHaveText(fromFile.fingerprint);
    expect((await cliKeypair(`${prefix}-file`)).fingerprint).toBe(fromFile.fingerprint);

    // Nova's own refusal (a duplicate name) is shown with its message and request id.
    await openForm(page, 'import', `${prefix}-file`);
    await page.getByLabel('Public key').fill(fromFile.publicKey);
    await page.getByTestId('keypair-submit').click();
    await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toContainText(/req-[0-9a-f-]+/);
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Detail page: fingerprint, type, the public key as imported.
    await row(page, `${prefix}-pasted`).getByTestId('keypair-name').click();
    await expect(page.getByTestId('detail-name')).toHaveText(`${prefix}-pasted`);
    await expect(page.getByTestId('detail-fingerprint')).toHaveText(pasted.fingerprint);
    await expect(page.getByTestId('detail-type')).toHaveText('SSH');
    await expect(page.getByTestId('detail-public-key')).toHaveText(pasted.publicKey);
    await expect(page.getByTestId('cli-command')).toContainText(`openstack keypair delete ${prefix}-pasted`);
    await expectAccessible(page, 'key pair detail');
    await screenshotBothThemes(page, 'keypair-detail');
  } finally {
    await pasted.cleanUp();
    await fromFile.cleanUp();
  }
});

test('bulk delete: every key pair of this spec in one confirmation, the CLI sees them gone', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.goto('/keypairs');
  const mine = (await cliKeypairs()).filter((keypair) => keypair.name.startsWith(prefix)).map((keypair) => keypair.name);
  expect(mine.sort()).toEqual([`${prefix}-file`, `${prefix}-pasted`, `${prefix}-ssh`, `${prefix}-x509`]);
  for (const name of mine) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await expect(page.getByTestId('bulk-bar')).toContainText('4 selected');
  await expectAccessible(page, 'key pairs list with a selection');
  await screenshotBothThemes(page, 'keypairs-list');
  await page.getByTestId('bulk-delete').click();
  const dialog = page.getByTestId('action-dialog-delete');
  await expect(dialog).toContainText('Delete these 4 key pairs?');
  await dialog.getByTestId('action-cli').click();
  await expect(dialog.getByTestId('cli-command')).toContainText(`openstack keypair delete ${prefix}-ssh`);
  await expectAccessible(page, 'bulk delete confirmation');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog.getByTestId('action-target-outcome')).toHaveText(['Done', 'Done', 'Done', 'Done']);
  await dialog.getByRole('button', { name: 'Close' }).click();
  for (const name of mine) await expect(row(page, name)).toHaveCount(0);
  expect((await cliKeypairs()).filter((keypair) => keypair.name.startsWith(prefix))).toEqual([]);
});
