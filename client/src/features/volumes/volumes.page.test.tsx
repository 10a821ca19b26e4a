// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, heldAnswer } from '../../testing/fake-bff';
import { blockStorageVersions, cinderForbiddenError, servers, volumes } from '../../testing/fixtures';
import { byButton, byRowMenu, describeFormFailures } from '../../testing/form-failure-cases';
import { describeListPage } from '../../testing/list-page-cases';
import { exportCsv } from '../../testing/export-csv';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';

const volumesPath = '/api/os/block-storage/volumes/detail';
const [dataVolume, bootVolume] = volumes as [(typeof volumes)[number], (typeof volumes)[number]];

const answerBlockStorage = (bff: FakeBff) => bff.on('GET', '/api/versions/block-storage', blockStorageVersions).on('GET', '/api/os/block-storage/os-availability-zone', { availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true } }] });

describeListPage('volumes page', {
  page: '/volumes',
  listPath: volumesPath,
  answer: (rows) => ({ volumes: rows }),
  rows: volumes,
  rowText: (volume) => volume.name ?? volume.id,
  rowShows: (volume) => ['1 GiB', volume.volume_type ?? '', 'nova'],
  // The deleted volume is polled alone: Cinder's 404 takes its row out, the page is not read again.
  alsoAnswers: answerBlockStorage,
  emptyText: 'No volumes yet',
  forbidden: cinderForbiddenError,
  forbiddenMessage: "Policy doesn't allow",
  unavailable: 'Block storage (Cinder)',
  action: {
    menuLabel: (volume) => `Actions for ${volume.name}`,
    label: 'Delete',
    method: 'DELETE',
    path: (volume) => `/api/os/block-storage/volumes/${volume.id}`,
  },
});

describe('volumes page, its own behaviour', () => {
  afterEach(cleanupApp);

  it('asks Cinder for the page, sort and filters the URL holds (status from "attached")', async () => {
    const bff = answerBlockStorage(new FakeBff()).on('GET', volumesPath, { volumes: [bootVolume] });
    renderApp('/volumes?sort=size&dir=asc&limit=10&bootable=true&attached=detached', bff);
    await rowOf(bootVolume.name!);
    const query = Object.fromEntries(bff.calls('GET', volumesPath)[0]!.url.searchParams);
    expect(query).toEqual({ limit: '11', sort: 'size:asc', bootable: 'true', status: 'available' });
    expect(within(await rowOf(bootVolume.name!)).getByTestId('volume-bootable').textContent).toBe('Yes');
  });

  it('shows its rows before the attached instances are named, then fills the names in; no names read when nothing is attached', async () => {
    const server = servers[0]!;
    const attached = { ...dataVolume, status: 'in-use', attachments: [{ id: dataVolume.id, attachment_id: 'a1', volume_id: dataVolume.id, server_id: server.id, device: '/dev/vdb', host_name: null }] };
    const nova = heldAnswer();
    const bff = answerBlockStorage(new FakeBff()).on('GET', volumesPath, { volumes: [attached, bootVolume] }).on('GET', '/api/os/compute/servers', nova.answer);
    renderApp('/volumes', bff);
    const cell = () => within(rowOf.now(dataVolume.name!)).getByTestId('volume-attached-server');
    await rowOf(dataVolume.name!);
    expect(cell().querySelector('[data-lookup="pending"]')).toBeTruthy();
    expect(cell().getAttribute('href')).toBe(`/instances/${server.id}`);
    // The names are read once the rows are known, never before.
    const order = bff.requests.map((request) => request.url.pathname);
    expect(order.indexOf('/api/os/compute/servers')).toBeGreaterThan(order.indexOf(volumesPath));
    nova.release(Response.json({ servers: [{ id: server.id, name: server.name }] }));
    await waitFor(() => expect(cell().textContent).toBe(server.name));
  });

  it('names the instance holding a volume of another page in the CSV, from one read of the server names', async () => {
    const server = servers[0]!;
    // 15 volumes, 10 a page: only the 13th is attached, so the page shown reads no names.
    const many = Array.from({ length: 15 }, (_, index) => ({ ...bootVolume, id: `vol-${String(index).padStart(2, '0')}`, name: `disk-${String(index).padStart(2, '0')}` }));
    many[12] = { ...many[12]!, status: 'in-use', attachments: [{ id: 'vol-12', attachment_id: 'a12', volume_id: 'vol-12', server_id: server.id, device: '/dev/vdc', host_name: null }] };
    const bff = answerBlockStorage(new FakeBff())
      .on('GET', volumesPath, ({ url }) => {
        const marker = url.searchParams.get('marker');
        const from = marker ? many.findIndex((volume) => volume.id === marker) + 1 : 0;
        return Response.json({ volumes: many.slice(from, from + Number(url.searchParams.get('limit'))) });
      })
      .on('GET', '/api/os/compute/servers', { servers: [{ id: server.id, name: server.name }] });
    renderApp('/volumes?limit=10', bff);
    await rowOf('disk-00');
    expect(screen.queryByText('disk-12')).toBeNull();
    expect(bff.calls('GET', '/api/os/compute/servers')).toHaveLength(0);

    const lines = (await exportCsv()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(16);
    const attached = lines.find((line) => line.startsWith('disk-12,')) ?? '';
    expect(attached).toContain(`${server.name} /dev/vdc`);
    expect(attached).not.toContain(server.id);
    // One read of the project's server names for every exported row.
    expect(bff.calls('GET', '/api/os/compute/servers')).toHaveLength(1);
  });

  it('reads no instance names for a page where nothing is attached', async () => {
    const bff = answerBlockStorage(new FakeBff()).on('GET', volumesPath, { volumes: [dataVolume, bootVolume] });
    renderApp('/volumes', bff);
    await rowOf(dataVolume.name!);
    expect(bff.calls('GET', '/api/os/compute/servers')).toHaveLength(0);
  });

  it('refuses a create over the Cinder quota before sending, with the numbers', async () => {
    const bff = answerBlockStorage(new FakeBff())
      .on('GET', volumesPath, { volumes })
      .on('GET', '/api/os/block-storage/limits', {
        limits: { absolute: { maxTotalVolumes: 2, totalVolumesUsed: 2, maxTotalSnapshots: 10, totalSnapshotsUsed: 0, maxTotalVolumeGigabytes: 1000, totalGigabytesUsed: 2 } },
      })
      .on('GET', '/api/os/block-storage/types', { volume_types: [{ id: 't1', name: '__DEFAULT__', description: null, is_public: true }] })
      .on('GET', '/api/os/block-storage/types/default', { volume_type: { id: 't1', name: '__DEFAULT__', description: null, is_public: true } })
      .on('GET', `/api/os/block-storage/os-quota-sets/${'adc28bd88afb4aefb5d562b627518fae'}`, { quota_set: {} });
    renderApp('/volumes', bff);
    await rowOf(dataVolume.name!);
    fireEvent.click(screen.getByTestId('create-volume'));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByTestId('quota-impact').textContent).toContain('2'));
    expect(dialog.querySelector('[data-quota="volumes"]')?.getAttribute('data-over')).toBe('true');
    const submit = within(dialog).getByTestId('action-submit');
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.click(submit);
    expect(bff.calls('POST', '/api/os/block-storage/volumes')).toHaveLength(0);
  });

  it("shows a volume's metadata, image metadata and Cinder's messages about it", async () => {
    const bff = answerBlockStorage(new FakeBff())
      .on('GET', `/api/os/block-storage/volumes/${bootVolume.id}`, { volume: { ...bootVolume, status: 'error' } })
      .on('GET', '/api/os/block-storage/snapshots/detail', { snapshots: [] })
      .on('GET', '/api/os/block-storage/messages', {
        messages: [
          {
            id: 'm1',
            event_id: 'VOLUME_VOLUME_001_002',
            user_message: 'schedule allocate volume: Could not find any available weighted backend.',
            message_level: 'ERROR',
            resource_type: 'VOLUME',
            resource_uuid: bootVolume.id,
            request_id: 'req-cinder-9',
            created_at: '2026-12-07T03:00:00.000000',
            guaranteed_until: '2026-01-06T03:00:00.000000',
          },
        ],
      });
    renderApp(`/volumes/${bootVolume.id}`, bff);
    expect((await screen.findByTestId('message-text')).textContent).toContain('Could not find any available weighted backend.');
    expect(screen.getByTestId('image-metadata-value-image_name').textContent).toBe('cirros-tiny');
    expect(bff.calls('GET', '/api/os/block-storage/messages')[0]!.url.searchParams.get('resource_uuid')).toBe(bootVolume.id);
    expect(screen.getAllByTestId('volume-status')[0]!.getAttribute('data-status')).toBe('error');
  });

  it("greys a bulk delete on the volumes Cinder refused it on (403), with Cinder's words, and leaves them out of the next one", async () => {
    const refused = Response.json(
      { forbidden: { code: 403, message: "Policy doesn't allow volume:delete to be performed." } },
      { status: 403, headers: { 'x-openstack-request-id': 'req-delete-403' } },
    );
    const bff = answerBlockStorage(new FakeBff())
      .on('GET', volumesPath, { volumes })
      // An attempted volume is read again alone: both still there.
      .on('GET', `/api/os/block-storage/volumes/${dataVolume.id}`, { volume: dataVolume })
      .on('GET', `/api/os/block-storage/volumes/${bootVolume.id}`, { volume: bootVolume })
      .on('DELETE', `/api/os/block-storage/volumes/${dataVolume.id}`, refused)
      // Not a refusal by policy: the volume's state. It stays offered.
      .on('DELETE', `/api/os/block-storage/volumes/${bootVolume.id}`, Response.json({ badRequest: { code: 400, message: 'Invalid volume: Volume status must be available or error.' } }, { status: 400 }));
    renderApp('/volumes', bff);
    const select = async (...names: string[]) => {
      for (const name of names) fireEvent.click(within(await rowOf(name)).getByRole('checkbox'));
    };

    await select(dataVolume.name!, bootVolume.name!);
    expect(screen.queryByTestId('bulk-refused-delete')).toBeNull();
    fireEvent.click(screen.getByTestId('bulk-delete'));
    let dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('action-submit'));
    await waitFor(() => expect(within(dialog).getAllByTestId('action-target-outcome').map((outcome) => outcome.textContent)).toEqual(['Failed', 'Failed']));
    // What was refused is the attempt's outcome, not a reason it was skipped.
    expect(within(dialog).queryByTestId('action-target-skipped')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));

    // Both selected again: Delete is still offered for the one Cinder did not refuse, and the bar says why not the other.
    await select(dataVolume.name!, bootVolume.name!);
    const bulkDelete = screen.getByTestId<HTMLButtonElement>('bulk-delete');
    expect(bulkDelete.disabled).toBe(false);
    expect(screen.getByTestId('bulk-refused-delete').textContent).toBe("Not allowed on 1 of the 2 selected: Policy doesn't allow volume:delete to be performed.");
    expect(bulkDelete.getAttribute('aria-describedby')).toBe(screen.getByTestId('bulk-refused-delete').id);
    fireEvent.click(bulkDelete);
    dialog = await screen.findByRole('dialog');
    const targets = within(dialog).getAllByTestId('action-target');
    expect(targets[0]!.textContent).toContain("Skipped: Not allowed here: Policy doesn't allow volume:delete to be performed.");
    expect(within(targets[1]!).queryByTestId('action-target-skipped')).toBeNull();
    expect(within(dialog).getByTestId('cli-command').textContent).toBe(`openstack volume delete ${bootVolume.id}`);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    // The refused one alone: nothing left to run, the button is greyed.
    await select(dataVolume.name!);
    expect(screen.getByTestId<HTMLButtonElement>('bulk-delete').disabled).toBe(true);
    expect(screen.getByTestId('bulk-refused-delete').textContent).toBe("Not allowed here: Policy doesn't allow volume:delete to be performed.");
    expect(bff.calls('DELETE', `/api/os/block-storage/volumes/${dataVolume.id}`)).toHaveLength(1);
  }, 20_000);
});

const createBff = () =>
  answerBlockStorage(new FakeBff())
    .on('GET', volumesPath, { volumes })
    .on('GET', '/api/os/block-storage/limits', { limits: { absolute: { maxTotalVolumes: 10, totalVolumesUsed: 2, maxTotalSnapshots: 10, totalSnapshotsUsed: 0, maxTotalVolumeGigabytes: 1000, totalGigabytesUsed: 2 } } })
    .on('GET', '/api/os/block-storage/types', { volume_types: [{ id: 't1', name: '__DEFAULT__', description: null, is_public: true }] })
    .on('GET', '/api/os/block-storage/types/default', { volume_type: { id: 't1', name: '__DEFAULT__', description: null, is_public: true } })
    .on('GET', '/api/os/block-storage/os-quota-sets/adc28bd88afb4aefb5d562b627518fae', { quota_set: {} });

describeFormFailures('volume forms refused by Cinder', {
  create: {
    page: '/volumes',
    bff: createBff,
    open: byButton('create-volume'),
    // Cinder counts what others used since the page read the quota.
    fields: [
      ['Name', 'scratch'],
      ['Size (GiB)', '50'],
      ['Description', 'build cache'],
    ],
    method: 'POST',
    path: '/api/os/block-storage/volumes',
    refusal: {
      status: 413,
      requestId: 'req-3c1e4a52-3b0f-4d4c-9d6e-6f0c2b9a1d11',
      body: { overLimit: { code: 413, message: 'VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 50G, quota is 1000G and 990G has been consumed.', retryAfter: '0' } },
    },
    message: 'Requested 50G, quota is 1000G and 990G has been consumed.',
    success: Response.json({ volume: { ...dataVolume, id: 'new', name: 'scratch', status: 'creating' } }, { status: 202 }),
  },
  'edit name and description': {
    page: '/volumes',
    bff: createBff,
    open: byRowMenu(dataVolume.name!, `Actions for ${dataVolume.name}`, 'Edit name and description'),
    fields: [
      ['Name', 'renamed'],
      ['Description', 'kept after a refusal'],
    ],
    method: 'PUT',
    path: `/api/os/block-storage/volumes/${dataVolume.id}`,
    refusal: { status: 400, requestId: 'req-8f0d2c7e-51aa-4c3b-a0c4-2b7d9e6f4a22', body: { badRequest: { code: 400, message: 'Invalid input for field/attribute name. Value: renamed. too long' } } },
    message: 'Invalid input for field/attribute name.',
    success: { volume: { ...dataVolume, name: 'renamed' } },
  },
});
