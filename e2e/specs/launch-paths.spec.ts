// Every launch path of the wizard that the main launch spec does not take, each launched through Zenith and checked
// with the openstack CLI: an existing bootable volume on an existing port; an image copied to a new volume deleted
// with the instance or kept (the instances deleted through Zenith, the CLI says which volume survives), with an
// availability zone, a server group, a config drive and metadata on the way; a Cinder volume snapshot on a new
// volume, preselected by the link the snapshots page uses.
import { expect, type Page } from '@playwright/test';
import { openstack, openstackDo } from '../support/cloud';
import { test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { launchThroughWizard, wizardRow } from '../support/launch-wizard';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('paths');
// Tall enough for the source step to fit whole in its screenshot.
test.use({ viewport: { width: 1280, height: 1200 } });

/** The CLI at a microversion that shows each attached volume's delete_on_termination. */
const compute = ['--os-compute-api-version', '2.79'];

interface CliServer {
  id: string;
  status: string;
  volumes_attached: { id: string; delete_on_termination: boolean }[];
  'OS-EXT-AZ:availability_zone': string;
  config_drive: string;
  properties: Record<string, string> | string;
}

interface CliVolume {
  id: string;
  status: string;
  size: number;
  bootable: string;
  snapshot_id: string | null;
}

const showServer = (id: string) => openstack<CliServer>('zenith-demo', [...compute, 'server', 'show', id]);
const showVolume = (id: string) => openstack<CliVolume>('zenith-demo', ['volume', 'show', id]);
const volumeGone = (id: string) => showVolume(id).then(() => false, () => true);

async function waitForStatus(kind: 'volume' | 'volume snapshot', id: string, status: string) {
  await expect
    .poll(async () => (await openstack<{ status: string }>('zenith-demo', [...kind.split(' '), 'show', id])).status, { timeout: 60_000 })
    .toBe(status);
}

async function createVolumeFromImage(name: string): Promise<string> {
  const volume = await openstack<{ id: string }>('zenith-demo', ['volume', 'create', '--image', 'cirros-tiny', '--size', '1', '--bootable', name]);
  await waitForStatus('volume', volume.id, 'available');
  return volume.id;
}

async function chooseSource(page: Page, kind: string) {
  await page.locator(`input[name="sourceKind"][value="${kind}"]`).check();
}

async function openWizard(page: Page, query = '') {
  await signIn(page, 'zenith-demo');
  await page.goto(`/instances/launch${query}`);
}

/** Deletes the server through its page in Zenith and waits until Nova no longer has it. */
async function deleteThroughZenith(page: Page, serverId: string) {
  await page.goto(`/instances/${serverId}`);
  await page.getByTestId('detail-actions').click();
  await page.getByTestId('menu-item-delete').click();
  const dialog = page.getByTestId('action-dialog-delete');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect
    .poll(async () => (await openstack<{ ID: string }[]>('zenith-demo', ['server', 'list', '--name', `^${prefix}`])).some((entry) => entry.ID === serverId), {
      timeout: 90_000,
    })
    .toBe(false);
}

/**
 * Everything the specs made, also after a failure: the servers (after reading the volumes Nova made for them, which
 * have no name), then volume snapshots, volumes, ports and server groups named with the prefix.
 */
async function cleanUpPaths(extraVolumes: Set<string>) {
  const servers = await openstack<{ ID: string }[]>('zenith-demo', ['server', 'list', '--name', `^${prefix}`]);
  for (const server of servers) {
    const shown = await showServer(server.ID).catch(() => undefined);
    for (const volume of shown?.volumes_attached ?? []) extraVolumes.add(volume.id);
  }
  if (servers.length > 0) await openstackDo('zenith-demo', ['server', 'delete', '--wait', ...servers.map((server) => server.ID)]).catch(() => undefined);
  const snapshots = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['volume', 'snapshot', 'list']);
  for (const snapshot of snapshots.filter((candidate) => candidate.Name?.startsWith(prefix))) {
    await openstackDo('zenith-demo', ['volume', 'snapshot', 'delete', snapshot.ID]).catch(() => undefined);
    await expect.poll(() => openstack('zenith-demo', ['volume', 'snapshot', 'show', snapshot.ID]).then(() => false, () => true), { timeout: 60_000 }).toBe(true);
  }
  const volumes = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['volume', 'list']);
  for (const volume of volumes.filter((candidate) => candidate.Name?.startsWith(prefix))) extraVolumes.add(volume.ID);
  for (const id of extraVolumes) await openstackDo('zenith-demo', ['volume', 'delete', id]).catch(() => undefined);
  const ports = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['port', 'list']);
  for (const port of ports.filter((candidate) => candidate.Name?.startsWith(prefix))) await openstackDo('zenith-demo', ['port', 'delete', port.ID]).catch(() => undefined);
  const groups = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['server', 'group', 'list']);
  for (const group of groups.filter((candidate) => candidate.Name.startsWith(prefix))) {
    await openstackDo('zenith-demo', ['server', 'group', 'delete', group.ID]).catch(() => undefined);
  }
}

test('boots from an existing bootable volume, on an existing port', async ({ page }) => {
  test.setTimeout(240_000);
  const made = new Set<string>();
  try {
    const volumeId = await createVolumeFromImage(`${prefix}-boot-volume`);
    const port = await openstack<{ id: string }>('zenith-demo', ['port', 'create', '--network', 'demo-net', `${prefix}-port`]);

    await openWizard(page);
    const serverId = await launchThroughWizard(page, {
      name: `${prefix}-from-volume`,
      source: async () => {
        await chooseSource(page, 'volume');
        await wizardRow(page, 'volume-table', `${prefix}-boot-volume`).click();
      },
      interfaces: [{ portId: port.id }],
      onSummary: async () => {
        await expect(page.getByTestId('launch-cli')).toContainText(`--volume ${volumeId} --nic port-id=${port.id}`);
      },
    });

    const server = await showServer(serverId);
    // The volume chosen existed before the server: attached as its root, never deleted with it.
    expect(server.volumes_attached).toEqual([{ id: volumeId, delete_on_termination: false }]);
    const portNow = await openstack<{ device_id: string }>('zenith-demo', ['port', 'show', port.id]);
    expect(portNow.device_id).toBe(serverId);
  } finally {
    await cleanUpPaths(made);
  }
});

test('an image on a new volume is deleted with the instance or kept, as chosen; zone, group, config drive and metadata reach Nova', async ({ page }) => {
  test.setTimeout(360_000);
  const made = new Set<string>();
  try {
    const group = await openstack<{ id: string }>('zenith-demo', ['server', 'group', 'create', '--policy', 'affinity', `${prefix}-group`]);
    const imageOnVolume = (deleteOnTermination: boolean) => async () => {
      await chooseSource(page, 'image-to-volume');
      await wizardRow(page, 'image-table', 'cirros-tiny').click();
      await expect(page.getByLabel('Volume size (GiB)')).toHaveValue('1');
      await page.getByLabel('Delete the volume when the instance is deleted').setChecked(deleteOnTermination);
    };

    await openWizard(page);
    const deletedWithIt = await launchThroughWizard(page, {
      name: `${prefix}-volume-deleted`,
      zone: 'nova',
      source: imageOnVolume(true),
      interfaces: ['demo-net'],
      serverGroupId: group.id,
      configDrive: true,
      metadata: { purpose: 'e2e', path: 'image-to-volume' },
      onSummary: async () => {
        await expect(page.getByTestId('launch-cli')).toContainText('--boot-from-volume 1');
        await expect(page.getByTestId('launch-cli')).toContainText(`--availability-zone nova --config-drive true --property purpose=e2e --property path=image-to-volume --hint group=${group.id}`);
        // The command line keeps the volume whatever is asked: the summary says so.
        await expect(page.getByTestId('cli-note-volumeKept')).toBeVisible();
      },
    });
    await page.goto('/instances/launch');
    const keptAfterIt = await launchThroughWizard(page, {
      name: `${prefix}-volume-kept`,
      source: imageOnVolume(false),
      interfaces: ['demo-net'],
      onSummary: async () => {
        await expect(page.getByTestId('cli-note-volumeKept')).toHaveCount(0);
      },
    });

    const [withIt, kept] = await Promise.all([showServer(deletedWithIt), showServer(keptAfterIt)]);
    expect(withIt.volumes_attached).toEqual([{ id: expect.any(String), delete_on_termination: true }]);
    expect(kept.volumes_attached).toEqual([{ id: expect.any(String), delete_on_termination: false }]);
    const deletedVolume = withIt.volumes_attached[0]!.id;
    const keptVolume = kept.volumes_attached[0]!.id;
    made.add(deletedVolume).add(keptVolume);
    expect(withIt['OS-EXT-AZ:availability_zone']).toBe('nova');
    expect(String(withIt.config_drive)).toMatch(/^(True|true)$/);
    expect(withIt.properties).toEqual(expect.objectContaining({ purpose: 'e2e', path: 'image-to-volume' }));
    const groupNow = await openstack<{ members: string[] | string }>('zenith-demo', ['server', 'group', 'show', group.id]);
    expect(JSON.stringify(groupNow.members)).toContain(deletedWithIt);

    // The seed's point: delete both instances (through Zenith), and only the volume not marked for deletion stays.
    await deleteThroughZenith(page, deletedWithIt);
    await deleteThroughZenith(page, keptAfterIt);
    await expect.poll(() => volumeGone(deletedVolume), { timeout: 60_000 }).toBe(true);
    await waitForStatus('volume', keptVolume, 'available');
    expect((await showVolume(keptVolume)).bootable).toBe('true');
  } finally {
    await cleanUpPaths(made);
  }
});

test('boots from a volume snapshot on a new volume, preselected by ?volumeSnapshot=', async ({ page }) => {
  test.setTimeout(240_000);
  const made = new Set<string>();
  try {
    const sourceVolume = await createVolumeFromImage(`${prefix}-snapshot-source`);
    const snapshot = await openstack<{ id: string }>('zenith-demo', ['volume', 'snapshot', 'create', '--volume', sourceVolume, `${prefix}-snapshot`]);
    await waitForStatus('volume snapshot', snapshot.id, 'available');

    await openWizard(page, `?volumeSnapshot=${snapshot.id}`);
    const serverId = await launchThroughWizard(page, {
      name: `${prefix}-from-snapshot`,
      source: async () => {
        await expect(page.locator('input[name="sourceKind"][value="volume-snapshot"]')).toBeChecked();
        await expect(wizardRow(page, 'volume-snapshot-table', `${prefix}-snapshot`).getByRole('radio')).toBeChecked();
        await expect(page.getByLabel('Volume size (GiB)')).toHaveValue('1');
        // Smaller than the snapshot: refused before sending.
        await page.getByLabel('Volume size (GiB)').fill('0');
        await expect(page.getByText("The volume must be a whole number of GiB, at least 1 GiB, the snapshot's size.")).toBeVisible();
        await page.getByLabel('Volume size (GiB)').fill('2');
        await expect(page.getByLabel('Delete the volume when the instance is deleted')).toBeChecked();
        await screenshotBothThemes(page, 'launch-source-volume-snapshot');
      },
      interfaces: ['demo-net'],
      onSummary: async () => {
        await expect(page.getByTestId('summary-volume-snapshot')).toHaveText(`${prefix}-snapshot`);
        await expect(page.getByTestId('launch-cli')).toContainText(`--snapshot ${snapshot.id}`);
        await expect(page.getByTestId('cli-note-snapshotVolumeSize')).toContainText('not 2 GiB');
        await expect(page.getByTestId('cli-note-volumeKept')).toBeVisible();
      },
    });

    const server = await showServer(serverId);
    expect(server.volumes_attached).toEqual([{ id: expect.any(String), delete_on_termination: true }]);
    const root = await showVolume(server.volumes_attached[0]!.id);
    made.add(root.id);
    expect(root).toMatchObject({ size: 2, snapshot_id: snapshot.id, status: 'in-use' });
  } finally {
    await cleanUpPaths(made);
  }
});
