// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff } from '../../testing/fake-bff';
import { blockStorageVersions, cinderForbiddenError, snapshotVolumes, volumeSnapshots } from '../../testing/fixtures';
import limits from '../../testing/fixtures/cinder-limits.json';

import { byButton, byRowMenu, describeFormFailures } from '../../testing/form-failure-cases';
import { describeListPage } from '../../testing/list-page-cases';
import { cleanupApp, renderApp } from '../../testing/render-app';

const snapshotsPath = '/api/os/block-storage/snapshots';
const snapshot = volumeSnapshots[0]!;
const volume = snapshotVolumes[0]!;

function answerBlockStorage(bff: FakeBff, volumes = snapshotVolumes) {
  bff.on('GET', '/api/versions/block-storage', blockStorageVersions);
  bff.on('GET', '/api/os/block-storage/volumes/detail', { volumes });
  bff.on('GET', '/api/os/block-storage/limits', limits);
}

describeListPage('volume snapshots page', {
  page: '/volumes/snapshots',
  listPath: `${snapshotsPath}/detail`,
  answer: (rows) => ({ snapshots: rows }),
  rows: volumeSnapshots,
  rowText: (row) => row.name ?? row.id,
  // The volume's name comes from the one volumes list, not from a call per row.
  rowShows: () => [volume.name ?? ''],
  alsoAnswers: (bff) => answerBlockStorage(bff),
  emptyText: 'No snapshot yet.',
  forbidden: cinderForbiddenError,
  forbiddenMessage: "Policy doesn't allow volume_extension:type_create to be performed.",
  action: {
    menuLabel: (row) => `Actions on ${row.name ?? row.id}`,
    label: 'Delete',
    method: 'DELETE',
    path: (row) => `${snapshotsPath}/${row.id}`,
  },
});

describe('volume snapshots page, Cinder specifics', () => {
  afterEach(cleanupApp);

  it('asks Cinder for one page by the URL: filters, sort, one row more than the page', async () => {
    const bff = new FakeBff().on('GET', `${snapshotsPath}/detail`, { snapshots: volumeSnapshots });
    answerBlockStorage(bff);
    renderApp(`/volumes/snapshots?status=available&volume=${volume.id}&sort=name&dir=asc&limit=10`, bff);
    await waitFor(() => expect(bff.calls('GET', `${snapshotsPath}/detail`)).toHaveLength(1));
    const params = Object.fromEntries(bff.calls('GET', `${snapshotsPath}/detail`)[0]!.url.searchParams);
    expect(params).toEqual({ status: 'available', volume_id: volume.id, sort: 'name:asc', limit: '11' });
  });

  it('snapshots an in-use volume only with force, after saying what that means, and counts the quota', async () => {
    const inUse = { ...volume, status: 'in-use' as const };
    const bff = new FakeBff().on('GET', `${snapshotsPath}/detail`, { snapshots: [] });
    answerBlockStorage(bff, [inUse]);
    bff.on('POST', snapshotsPath, { snapshot: { ...snapshot, status: 'creating' } });
    renderApp('/volumes/snapshots', bff);

    fireEvent.click(await screen.findByTestId('create-snapshot'));
    const dialog = await screen.findByRole('dialog');
    const select = await within(dialog).findByLabelText('Volume');
    fireEvent.change(select, { target: { value: inUse.id } });
    expect(within(dialog).getByTestId('snapshot-force-warning').textContent).toContain('attached to an instance');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'nightly' } });
    await waitFor(() => expect(within(dialog).getByTestId('quota-impact').textContent).toContain('Snapshots'));
    expect(within(dialog).getByTestId('action-cli').textContent).toContain('--force');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create snapshot' }));

    await waitFor(() => expect(bff.calls('POST', snapshotsPath)).toHaveLength(1));
    expect(bff.calls('POST', snapshotsPath)[0]!.body).toEqual({ snapshot: { volume_id: inUse.id, name: 'nightly', force: true } });
  });

  it('shows every field, the volume as a link and the launch link on the detail page', async () => {
    const bff = new FakeBff().on('GET', `${snapshotsPath}/${snapshot.id}`, { snapshot });
    answerBlockStorage(bff);
    renderApp(`/volumes/snapshots/${snapshot.id}`, bff);
    expect((await screen.findByTestId('detail-name')).textContent).toBe(snapshot.name);
    expect(screen.getByTestId('detail-progress').textContent).toBe('100%');
    expect(screen.getByTestId('detail-description').textContent).toBe(snapshot.description);
    await waitFor(() => expect(screen.getByTestId('detail-volume').textContent).toBe(volume.name));
    expect(screen.getByTestId('detail-volume').getAttribute('href')).toBe(`/volumes/${volume.id}`);
    expect(screen.getByTestId('launch-from-snapshot').getAttribute('href')).toBe(`/instances/launch?volumeSnapshot=${snapshot.id}`);
  });

  it('polls a snapshot Cinder is still creating until it is available', async () => {
    const creating = { ...snapshot, status: 'creating' as const, 'os-extended-snapshot-attributes:progress': '0%' };
    const bff = new FakeBff().on('GET', `${snapshotsPath}/detail`, { snapshots: [creating] });
    answerBlockStorage(bff);
    bff.on('GET', `${snapshotsPath}/${snapshot.id}`, { snapshot: creating }, { snapshot });
    renderApp('/volumes/snapshots', bff);
    await waitFor(() => expect(screen.getByTestId('snapshot-status').getAttribute('data-status')).toBe('creating'));
    await waitFor(() => expect(screen.getByTestId('snapshot-status').getAttribute('data-status')).toBe('available'), { timeout: 6000 });
    expect(bff.calls('GET', `${snapshotsPath}/detail`)).toHaveLength(1);
  });
});

describeFormFailures('volume snapshot forms refused by Cinder', {
  create: {
    page: '/volumes/snapshots',
    bff: () => {
      const bff = new FakeBff().on('GET', `${snapshotsPath}/detail`, { snapshots: volumeSnapshots });
      answerBlockStorage(bff);
      return bff;
    },
    open: byButton('create-snapshot'),
    fields: [
      ['Volume', volume.id],
      ['Name', 'before-upgrade'],
      ['Description', 'taken by hand'],
    ],
    method: 'POST',
    path: snapshotsPath,
    // The volume went busy (attaching, backing up) between the page's read and the create.
    refusal: {
      status: 400,
      requestId: 'req-0e6b3f1a-7c2d-4e8b-9a51-c4d2f8e7a633',
      body: { badRequest: { code: 400, message: "Invalid volume: Volume 'aa67a2bc' status must be available or in-use, but current status is: backing-up." } },
    },
    message: 'current status is: backing-up.',
    success: Response.json({ snapshot: { ...snapshot, status: 'creating' } }, { status: 202 }),
  },
  'create a volume from a snapshot': {
    page: '/volumes/snapshots',
    bff: () => {
      const bff = new FakeBff().on('GET', `${snapshotsPath}/detail`, { snapshots: volumeSnapshots });
      answerBlockStorage(bff);
      return bff;
    },
    open: byRowMenu(snapshot.name ?? snapshot.id, `Actions on ${snapshot.name ?? snapshot.id}`, 'Create volume'),
    fields: [
      ['Name of the new volume', 'restored'],
      ['Size (GiB)', '3'],
      ['Description', 'from the snapshot'],
    ],
    method: 'POST',
    path: '/api/os/block-storage/volumes',
    refusal: {
      status: 413,
      requestId: 'req-5d2a9c84-1e3f-4b6a-8c7d-9f0e1a2b3c44',
      body: { overLimit: { code: 413, message: 'VolumeLimitExceeded: Maximum number of volumes allowed (10) exceeded for quota \'volumes\'.', retryAfter: '0' } },
    },
    message: "Maximum number of volumes allowed (10) exceeded for quota 'volumes'.",
    success: Response.json({ volume: { ...volume, id: 'restored-id', name: 'restored', status: 'creating' } }, { status: 202 }),
  },
});
