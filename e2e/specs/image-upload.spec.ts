// Create an image by upload or by import from a URL on the real local cloud, with the openstack CLI as witness: a
// qcow2 made by qemu-img arrives with the same checksum, format and properties; a 1 GiB file streams through the
// BFF without its memory growing with the file; a cancelled upload and a refused one leave no image and keep the
// form's input; Glance's web-download fetches a qcow2 from a server this spec runs on 127.0.0.1, and its failure
// on a 404 is shown as Glance reports it.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { pidListeningOn, processMemory, sampleMemory, serveImageData } from '../support/image-upload';
import { screenshotBothThemes, signIn } from '../support/zenith';

const run = promisify(execFile);
const prefix = `e2e-upload-${randomBytes(3).toString('hex')}`;
const mebibyte = 1024 * 1024;
const bffPort = Number(process.env.ZENITH_E2E_PORT ?? 8181);

test.use({ viewport: { width: 1280, height: 2000 } });

interface ImageShow {
  id: string;
  name: string;
  checksum: string;
  disk_format: string;
  container_format: string;
  min_disk: number;
  min_ram: number;
  protected: boolean;
  visibility: string;
  properties: Record<string, unknown>;
}

let workDir: string;

test.beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), `${prefix}-`));
});

test.afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
  // Whatever a failed run left behind: unprotect, then delete.
  const leftovers = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['image', 'list', '--private']);
  for (const image of leftovers.filter((candidate) => candidate.Name.startsWith(prefix))) {
    await openstackDo('zenith-demo', ['image', 'set', '--unprotected', image.ID]);
    await openstackDo('zenith-demo', ['image', 'delete', image.ID]);
  }
});

async function md5Of(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function imagesNamed(name: string) {
  const images = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['image', 'list', '--name', name]);
  return images;
}

async function openUploadForm(page: Page) {
  await signIn(page, 'zenith-demo');
  await page.goto('/images/upload');
  await expect(page.getByRole('heading', { name: 'Upload an image' })).toBeVisible();
}

async function chooseFile(page: Page, path: string) {
  await page.getByLabel('File', { exact: true }).setInputFiles(path);
}

test('a qcow2 made by qemu-img arrives with the same checksum, format and properties', async ({ page, seenResponses }) => {
  const file = join(workDir, 'small-disk.qcow2');
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', file, '64M']);
  const name = `${prefix}-small`;
  await openUploadForm(page);
  await expectAccessible(page, 'upload form (empty)');
  await screenshotBothThemes(page, 'image-upload-empty');

  // Submitting empty: the file and the name are asked for, nothing is sent.
  await page.getByTestId('upload-submit').click();
  await expect(page.getByText('Choose the file to upload.')).toBeVisible();
  await expect(page.getByText('Give the image a name.')).toBeVisible();

  // The file is called .qcow2 but renamed .bin here would still read as qcow2: the guess reads the content.
  await chooseFile(page, file);
  await expect(page.getByTestId('disk-format-guess')).toHaveAttribute('data-basis', 'content');
  await expect(page.getByLabel('Disk format')).toHaveValue('qcow2');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('small-disk');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('OS type').selectOption('linux');
  await page.getByLabel('Architecture').fill('x86_64');
  await page.getByLabel('OS distribution').fill('cirros');
  await page.getByLabel('OS version').fill('0.6.2');
  await page.getByLabel('Minimum disk (GiB)').fill('1');
  await page.getByLabel('Minimum RAM (MiB)').fill('64');
  await page.getByLabel('Protected (cannot be deleted until unprotected)').check();

  // A reserved key is refused before anything is sent; a free-form one is taken.
  await page.getByTestId('add-property').click();
  await page.getByLabel('Key of property 1').fill('os_glance_import_task');
  await page.getByLabel('Value of property 1').fill('x');
  await page.getByTestId('upload-submit').click();
  await expect(page.getByTestId('field-error').filter({ hasText: 'reserved by the Image service' })).toBeVisible();
  await page.getByLabel('Key of property 1').fill('hw_disk_bus');
  await page.getByLabel('Value of property 1').fill('virtio');
  await page.getByTestId('add-property').click();
  await page.getByLabel('Key of property 2').fill('zenith_note');
  await page.getByLabel('Value of property 2').fill('uploaded by e2e');
  await expect(page.getByTestId('cli-command')).toContainText('--property hw_disk_bus=virtio');
  await expectAccessible(page, 'upload form (filled)');
  await screenshotBothThemes(page, 'image-upload-filled');

  await page.getByTestId('upload-submit').click();
  await page.waitForURL(/\/images\/[0-9a-f-]{36}$/);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');

  const image = await openstack<ImageShow>('zenith-demo', ['image', 'show', id]);
  expect(image.name).toBe(name);
  expect(image.checksum).toBe(await md5Of(file));
  expect(image.disk_format).toBe('qcow2');
  expect(image.container_format).toBe('bare');
  expect(image.min_disk).toBe(1);
  expect(image.min_ram).toBe(64);
  expect(image.protected).toBe(true);
  expect(image.visibility).toBe('private');
  expect(image.properties).toMatchObject({
    os_type: 'linux',
    architecture: 'x86_64',
    os_distro: 'cirros',
    os_version: '0.6.2',
    hw_disk_bus: 'virtio',
    zenith_note: 'uploaded by e2e',
  });
  await expectNoTokenInBrowser(page, seenResponses);

  await openstackDo('zenith-demo', ['image', 'set', '--unprotected', id]);
  await openstackDo('zenith-demo', ['image', 'delete', id]);
});

test('publishing is the Image service’s call: its refusal is shown, no image is left, the input is kept', async ({ page }) => {
  const file = join(workDir, 'refused.raw');
  await run('truncate', ['-s', '1M', file]);
  const name = `${prefix}-refused`;
  await openUploadForm(page);
  await chooseFile(page, file);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Visibility').selectOption('public');
  await page.getByTestId('upload-submit').click();

  const failure = page.getByTestId('upload-failure');
  await expect(failure).toHaveAttribute('data-outcome', 'notCreated');
  await expect(failure.getByTestId('error-notice')).toContainText('Images 403');
  await expect(failure.getByTestId('error-message')).toContainText(/publicize_image|not authorized/i);
  await expect(failure.getByTestId('error-request-id')).toHaveText(/^req-/);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(page.getByLabel('Visibility')).toHaveValue('public');
  expect(await imagesNamed(name)).toEqual([]);
  await expectAccessible(page, 'upload form (error)');
  await screenshotBothThemes(page, 'image-upload-error');
});

test('a 1 GiB upload streams through the BFF: progress, speed, and a bounded BFF memory', async ({ page }) => {
  test.setTimeout(240_000);
  const file = join(workDir, 'large.raw');
  await run('truncate', ['-s', '1G', file]);
  const name = `${prefix}-large`;
  await openUploadForm(page);
  await chooseFile(page, file);
  await expect(page.getByLabel('Disk format')).toHaveValue('raw');
  await page.getByLabel('Name', { exact: true }).fill(name);

  const pid = await pidListeningOn(bffPort);
  const before = await processMemory(pid);
  const sampler = sampleMemory(pid);
  await page.getByTestId('upload-submit').click();
  await expect(page.getByTestId('upload-speed')).toBeVisible();
  await expect(page.getByTestId('upload-eta')).toBeVisible();
  await expect(page.getByTestId('upload-progressbar')).toHaveAttribute('data-total', String(1024 * mebibyte));
  await page.waitForURL(/\/images\/[0-9a-f-]{36}$/, { timeout: 180_000 });
  const largest = await sampler.stop();
  const after = await processMemory(pid);
  const growth = largest - before.rss;
  console.log(
    `BFF pid ${pid}: RSS ${Math.round(before.rss / mebibyte)} MiB before, largest ${Math.round(largest / mebibyte)} MiB during ` +
      `(growth ${Math.round(growth / mebibyte)} MiB), VmHWM ${Math.round(before.peak / mebibyte)} → ${Math.round(after.peak / mebibyte)} MiB`,
  );
  expect(growth).toBeLessThan(200 * mebibyte);

  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
  const image = await openstack<ImageShow & { size: number; status: string }>('zenith-demo', ['image', 'show', id]);
  expect(image.status).toBe('active');
  expect(image.size).toBe(1024 * mebibyte);
  // MD5 of 1 GiB of zeros.
  expect(image.checksum).toBe('cd573cfaace07e7949bc0c46028904ff');
  await openstackDo('zenith-demo', ['image', 'delete', id]);
});

test('cancelling mid-upload deletes the record and keeps the input', async ({ page }) => {
  test.setTimeout(180_000);
  const file = join(workDir, 'cancelled.raw');
  await run('truncate', ['-s', '1G', file]);
  const name = `${prefix}-cancelled`;
  await openUploadForm(page);
  // Slow the upload down so the progress can be captured and cancelled well before the end.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 8 * mebibyte,
  });
  await chooseFile(page, file);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('OS distribution').fill('debian');
  await page.getByTestId('upload-submit').click();
  const bar = page.getByTestId('upload-progressbar');
  await expect(page.getByTestId('upload-speed')).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('data-loaded'))).toBeGreaterThan(0);
  expect(await imagesNamed(name)).toHaveLength(1);
  await screenshotBothThemes(page, 'image-upload-progress');
  await expectAccessible(page, 'upload form (uploading)');

  await page.getByTestId('cancel-upload').click();
  await expect(page.getByTestId('upload-failure')).toHaveAttribute('data-outcome', 'cancelled');
  await expect(page.getByTestId('upload-outcome')).toContainText('Upload cancelled');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(page.getByLabel('OS distribution')).toHaveValue('debian');
  await expect.poll(() => imagesNamed(name), { timeout: 30_000 }).toEqual([]);
  await screenshotBothThemes(page, 'image-upload-cancelled');
});

async function openImportForm(page: Page) {
  await signIn(page, 'zenith-demo');
  // Offered on the images page because this cloud lists web-download in GET /v2/info/import.
  await page.goto('/images');
  await page.getByTestId('import-image').click();
  await expect(page.getByRole('heading', { name: 'Import an image from a URL' })).toBeVisible();
}

test('import from a URL: Glance downloads it, the progress is shown until active, the CLI sees the same image', async ({ page, seenResponses }) => {
  const file = join(workDir, 'imported-disk.qcow2');
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', file, '32M']);
  const server = await serveImageData({ '/disks/imported-disk.qcow2': { path: file, hold: true } });
  try {
    const name = `${prefix}-imported`;
    await openImportForm(page);
    await expectAccessible(page, 'import form (empty)');
    await screenshotBothThemes(page, 'image-import-empty');

    await page.getByTestId('import-submit').click();
    await expect(page.getByText('Give the URL of the image data.')).toBeVisible();
    await page.getByLabel('URL of the image data').fill('ftp://127.0.0.1/disk.qcow2');
    await page.getByTestId('import-submit').click();
    await expect(page.getByText('An absolute http:// or https:// URL.')).toBeVisible();

    // The URL's file name suggests the name and the disk format.
    await page.getByLabel('URL of the image data').fill(server.url('/disks/imported-disk.qcow2'));
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('imported-disk');
    await expect(page.getByLabel('Disk format')).toHaveValue('qcow2');
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('OS type').selectOption('linux');
    await page.getByLabel('Architecture').fill('x86_64');
    await page.getByLabel('OS distribution').fill('cirros');
    await page.getByLabel('OS version').fill('0.6.2');
    await page.getByLabel('Minimum disk (GiB)').fill('1');
    await page.getByLabel('Minimum RAM (MiB)').fill('64');
    await page.getByLabel('Protected (cannot be deleted until unprotected)').check();
    await page.getByTestId('add-property').click();
    await page.getByLabel('Key of property 1').fill('zenith_note');
    await page.getByLabel('Value of property 1').fill('imported by e2e');
    await expect(page.getByTestId('cli-command')).toContainText(
      `openstack image import --method web-download --uri ${server.url('/disks/imported-disk.qcow2')} ${name}`,
    );
    await expectAccessible(page, 'import form (filled)');
    await screenshotBothThemes(page, 'image-import-filled');

    // The server holds the second half of the file: the import stays in progress while it is looked at.
    await page.getByTestId('import-submit').click();
    const progress = page.getByTestId('import-progress');
    await expect(progress.getByTestId('import-image-status')).toHaveAttribute('data-status', 'importing');
    await expect(progress.getByTestId('import-task-status')).toHaveAttribute('data-status', 'processing');
    await expect(progress.getByTestId('import-step-starting')).toHaveAttribute('data-done', 'true');
    expect((await openstack<{ status: string }>('zenith-demo', ['image', 'show', name])).status).toBe('importing');
    await expectAccessible(page, 'import form (importing)');
    await screenshotBothThemes(page, 'image-import-progress');
    expect(server.requested).toEqual(['/disks/imported-disk.qcow2']);

    server.release();
    await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-outcome')).toHaveText(`${name} is imported and active.`);
    await screenshotBothThemes(page, 'image-import-done');
    const id = String(await page.getByTestId('import-done').getAttribute('data-image-id'));

    const image = await openstack<ImageShow & { status: string; size: number }>('zenith-demo', ['image', 'show', id]);
    expect(image.name).toBe(name);
    expect(image.status).toBe('active');
    expect(image.checksum).toBe(await md5Of(file));
    expect(image.disk_format).toBe('qcow2');
    expect(image.container_format).toBe('bare');
    expect(image.min_disk).toBe(1);
    expect(image.min_ram).toBe(64);
    expect(image.protected).toBe(true);
    expect(image.properties).toMatchObject({
      os_type: 'linux',
      architecture: 'x86_64',
      os_distro: 'cirros',
      os_version: '0.6.2',
      zenith_note: 'imported by e2e',
    });

    await page.getByTestId('import-open-image').click();
    await expect(page.getByTestId('detail-checksum')).toHaveText(image.checksum);
    await expectNoTokenInBrowser(page, seenResponses);
    await openstackDo('zenith-demo', ['image', 'set', '--unprotected', id]);
    await openstackDo('zenith-demo', ['image', 'delete', id]);
  } finally {
    await server.close();
  }
});

test('an import of a URL that answers 404 shows Glance’s failure, leaves no image and keeps the input', async ({ page }) => {
  const server = await serveImageData({});
  try {
    const name = `${prefix}-missing`;
    await openImportForm(page);
    await page.getByLabel('URL of the image data').fill(server.url('/disks/missing.qcow2'));
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('OS distribution').fill('debian');
    await page.getByTestId('import-submit').click();

    const failure = page.getByTestId('upload-failure');
    await expect(failure).toHaveAttribute('data-outcome', 'failed', { timeout: 30_000 });
    // Glance fetched the URL, got the 404, failed the task and put the record back to queued for store fs.
    expect(server.requested).toEqual(['/disks/missing.qcow2']);
    await expect(failure.getByTestId('import-task-message')).toHaveText('Task failed due to Internal Error');
    await expect(failure.getByTestId('import-request-id')).toHaveText(/^req-[0-9a-f-]{36}$/);
    await expect(failure.getByTestId('import-task-failure')).toContainText('Failed for store: fs');
    await expect(page.getByTestId('upload-outcome')).toContainText('The import failed. The image record');
    await expect(page.getByLabel('URL of the image data')).toHaveValue(server.url('/disks/missing.qcow2'));
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
    await expect(page.getByLabel('OS distribution')).toHaveValue('debian');
    await expect.poll(() => imagesNamed(name)).toEqual([]);
    await expectAccessible(page, 'import form (failed)');
    await screenshotBothThemes(page, 'image-import-failed');
  } finally {
    await server.close();
  }
});
