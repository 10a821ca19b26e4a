// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ActionDialog } from '../../lib/actions/action-dialog';
import { loadFeatureCatalog } from '../../lib/i18n';
import { runAction, runBulkAction } from '../../lib/actions/run-action';
import type { ActionDeclaration } from '../../lib/actions/types';
import { ScopeContext, type Scope } from '../../lib/scope';
import { openstackError, type CapturedError } from '../../testing/fake-bff';
import { attachVolumeRequest, detachVolumeRequest } from '../../resources/volumes/attachments';
import type { Volume, VolumeStatus } from '../../resources/volumes/types';
import { volumes as capturedVolumes } from '../../testing/fixtures';
import {
  acceptVolumeTransfer,
  advancedVolumeActions,
  attachVolume,
  cancelVolumeTransfer,
  detachVolume,
  retypeVolume,
  transferVolume,
  uploadToImage,
} from './advanced-actions';

/** Cinder's refusals as the local cloud (Zed) answered them, captured with curl as the demo user. */
const wrongKey: CapturedError = {
  status: 400,
  requestId: 'req-953f2b6b-384f-4335-84bb-493e941e665e',
  body: { badRequest: { code: 400, message: 'Invalid auth key: Attempt to transfer 8096024e-4401-48bb-9ca8-0f8b177fc0e4 with invalid auth key.' } },
};
const notAvailable: CapturedError = {
  status: 400,
  requestId: 'req-d983a3fb-e7c7-44e9-b487-198bc642cf7f',
  body: { badRequest: { code: 400, message: 'Invalid volume: status must be available' } },
};
/** The create answer, with the auth key Cinder never shows again. */
const createdTransfer = {
  transfer: {
    id: '8096024e-4401-48bb-9ca8-0f8b177fc0e4',
    created_at: '2026-12-07T02:57:24.220673',
    name: 'to demo-2',
    volume_id: 'vol-1',
    auth_key: 'c272d2be365f1207',
    no_snapshots: false,
  },
};

function volume(overrides: Partial<Volume> = {}): Volume {
  // A volume captured from the local cloud, made plain: available, unattached, the default type.
  return {
    ...capturedVolumes[0]!,
    id: 'vol-1',
    name: 'data',
    status: 'available',
    size: 1,
    availability_zone: 'nova',
    bootable: 'false',
    volume_type: '__DEFAULT__',
    multiattach: false,
    encrypted: false,
    attachments: [],
    description: null,
    created_at: '2026-12-07T02:50:00.000000',
    updated_at: null,
    snapshot_id: null,
    source_volid: null,
    ...overrides,
  };
}

const attachedTo = (serverId: string) => ({
  id: 'vol-1',
  attachment_id: `att-${serverId}`,
  volume_id: 'vol-1',
  server_id: serverId,
  device: '/dev/vdb',
  host_name: null,
});

const everyStatus: VolumeStatus[] = [
  'creating', 'available', 'reserved', 'attaching', 'detaching', 'in-use', 'maintenance', 'deleting', 'awaiting-transfer', 'error',
  'error_deleting', 'backing-up', 'restoring-backup', 'error_backing-up', 'error_restoring', 'error_extending', 'downloading',
  'uploading', 'retyping', 'extending',
];

/** The statuses cinder/volume/api.py and cinder/transfer/api.py accept for each action (a plain volume, one attachment when in-use). */
const allowedStatuses: Record<string, VolumeStatus[]> = {
  attach: ['available'],
  detach: ['in-use'],
  retype: ['available', 'in-use'],
  'upload-to-image': ['available', 'in-use'],
  transfer: ['available'],
};

/** A fetch standing in for the BFF: version documents, then `answer` for every other call (recorded). */
function stubBff(answer: (method: string, path: string, body: unknown) => Response) {
  const calls: { method: string; path: string; body: unknown; version?: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://spa');
      if (url.pathname.startsWith('/api/versions/')) return Response.json({ minMicroversion: '2.1', maxMicroversion: url.pathname.endsWith('compute') ? '2.95' : '3.70' });
      const method = init?.method ?? 'GET';
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ method, path: url.pathname, body, version: (init?.headers as Record<string, string>)['OpenStack-API-Version'] });
      return answer(method, url.pathname, body);
    }),
  );
  return calls;
}

beforeAll(() => {
  // jsdom has <dialog> but no modal behaviour.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// Outside the app's routes, the feature's words load here.
beforeAll(() => loadFeatureCatalog('volumes'));

describe('unavailableReason', () => {
  for (const [id, allowed] of Object.entries(allowedStatuses)) {
    it(`${id} is offered exactly in ${allowed.join(', ')}`, () => {
      const action = advancedVolumeActions.find((candidate) => candidate.id === id)!;
      for (const status of everyStatus) {
        const reason = action.unavailableReason(volume({ status, attachments: status === 'in-use' ? [attachedTo('srv-1')] : [] }));
        if (allowed.includes(status)) expect(reason, status).toBeNull();
        else expect(reason, status).toBe(`volumes.actions.${id}.unavailable`);
      }
    });
  }

  it('attaches an in-use volume again only when it is multi-attach', () => {
    expect(attachVolume.unavailableReason(volume({ status: 'in-use', multiattach: true, attachments: [attachedTo('srv-1')] }))).toBeNull();
    expect(detachVolume.unavailableReason(volume({ status: 'in-use', attachments: [] }))).toBe('volumes.actions.detach.unavailable');
  });
});

describe('requests and CLI', () => {
  it("attaches and detaches with Nova's calls, the ones the instance page sends", () => {
    const inUse = volume({ status: 'in-use', attachments: [attachedTo('srv-2')] });
    expect(attachVolume.request(volume(), { serverId: 'srv-1' })).toEqual([attachVolumeRequest('srv-1', 'vol-1')]);
    expect(attachVolume.cli(volume(), { serverId: 'srv-1' })).toEqual([['server', 'add', 'volume', 'srv-1', 'vol-1']]);
    expect(detachVolume.input!.initial(inUse)).toEqual({ serverId: 'srv-2' });
    expect(detachVolume.request(inUse, { serverId: 'srv-2' })).toEqual([detachVolumeRequest('srv-2', 'vol-1')]);
    expect(detachVolume.cli(inUse, { serverId: 'srv-2' })).toEqual([['server', 'remove', 'volume', 'srv-2', 'vol-1']]);
    expect(attachVolume.affects!({ region: 'R', projectId: 'p' }, volume(), { serverId: 'srv-1' })).toEqual([
      ['compute', 'R', 'p', 'servers'],
      ['block-storage', 'R', 'p', 'volumes'],
    ]);
  });

  it('retypes with a migration policy, to another type only', () => {
    const input = { volumeType: 'fast', migrationPolicy: 'on-demand' as const };
    expect(retypeVolume.request(volume(), input)).toEqual([
      {
        method: 'POST',
        path: '/api/os/block-storage/volumes/vol-1/action',
        body: { 'os-retype': { new_type: 'fast', migration_policy: 'on-demand' } },
        microversion: '3.70',
      },
    ]);
    expect(retypeVolume.cli(volume(), input)).toEqual([['volume', 'set', '--type', 'fast', '--retype-policy', 'on-demand', 'vol-1']]);
    expect(retypeVolume.input!.invalidReason!({ volumeType: '__DEFAULT__', migrationPolicy: 'never' }, volume())).toBe('volumes.actions.retype.chooseType');
    expect(retypeVolume.input!.invalidReason!(input, volume())).toBeNull();
  });

  it('uploads to a bare image in the chosen format, forcing only an in-use volume, and only when asked', () => {
    const input = { imageName: ' data-image ', diskFormat: 'qcow2', force: true };
    expect(uploadToImage.request(volume(), input)[0]!.body).toEqual({
      'os-volume_upload_image': { image_name: 'data-image', disk_format: 'qcow2', container_format: 'bare' },
    });
    expect(uploadToImage.cli(volume(), input)).toEqual([
      ['image', 'create', '--volume', 'vol-1', '--disk-format', 'qcow2', '--container-format', 'bare', 'data-image'],
    ]);
    const inUse = volume({ status: 'in-use', attachments: [attachedTo('srv-1')] });
    expect(uploadToImage.request(inUse, input)[0]!.body).toMatchObject({ 'os-volume_upload_image': { force: true } });
    expect(uploadToImage.cli(inUse, input)[0]).toContain('--force');
    expect(uploadToImage.input!.invalidReason!({ ...input, force: false }, inUse)).toBe('volumes.actions.upload-to-image.forceRequired');
    expect(uploadToImage.input!.invalidReason!({ ...input, diskFormat: '' }, volume())).toBe('volumes.actions.upload-to-image.chooseDiskFormat');
    expect(uploadToImage.affects!({ region: 'R', projectId: 'p' }, volume(), input)).toContainEqual(['image', 'R', 'p', 'images']);
  });

  it('needs both the id and the key to accept a transfer', () => {
    expect(acceptVolumeTransfer.input!.invalidReason!({ transferId: 't1', authKey: ' ' }, { id: 'p2', name: 'demo-2' })).toBe(
      'volumes.actions.accept-transfer.idAndKeyRequired',
    );
    expect(acceptVolumeTransfer.request({ id: 'p2', name: 'demo-2' }, { transferId: ' t1 ', authKey: ' k ' })[0]).toMatchObject({
      path: '/api/os/block-storage/volume-transfers/t1/accept',
      body: { accept: { auth_key: 'k' } },
    });
  });
});

describe("Cinder's refusals", () => {
  it('come back with their own words and request id', async () => {
    stubBff(() => openstackError(notAvailable));
    const outcome = await runAction(transferVolume, volume(), { name: '', noSnapshots: false });
    expect(outcome).toMatchObject({
      status: 'failed',
      error: { status: 400, service: 'block-storage', message: 'Invalid volume: status must be available', requestId: notAvailable.requestId },
    });
  });
});

const scope: Scope = { region: 'RegionOne', projectId: 'p1', projectName: 'demo', services: [] };

function renderDialog<Resource, Input>(action: ActionDeclaration<Resource, Input>, resource: Resource, name: string, onClose = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ScopeContext.Provider value={scope}>
        <ActionDialog action={action} resources={[resource]} nameOf={() => name} run={runBulkAction} onClose={onClose} />
      </ScopeContext.Provider>
    </QueryClientProvider>,
  );
}

describe('transfer dialogs', () => {
  it('show the created transfer id and its auth key once, with a way to copy each', async () => {
    const calls = stubBff(() => Response.json(createdTransfer, { status: 202 }));
    const onClose = vi.fn();
    renderDialog(transferVolume, volume(), 'data', onClose);

    fireEvent.change(screen.getByTestId('transfer-name'), { target: { value: 'to demo-2' } });
    fireEvent.click(screen.getByTestId('action-submit'));

    await waitFor(() => expect(screen.getByTestId('transfer-auth-key').textContent).toBe('c272d2be365f1207'));
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/api/os/block-storage/volume-transfers',
        body: { transfer: { volume_id: 'vol-1', name: 'to demo-2', no_snapshots: false } },
        version: 'volume 3.55',
      },
    ]);
    expect(screen.getByTestId('transfer-id').textContent).toBe('8096024e-4401-48bb-9ca8-0f8b177fc0e4');
    expect(screen.getByTestId('transfer-shown-once').textContent).toContain('shown only now');
    expect(screen.getByRole('button', { name: 'Copy the Auth key' })).toBeTruthy();
    expect(screen.getByTestId('transfer-accept-cli').textContent).toBe(
      'openstack volume transfer request accept --auth-key c272d2be365f1207 8096024e-4401-48bb-9ca8-0f8b177fc0e4',
    );
    expect(onClose).not.toHaveBeenCalled();
  });

  it("keep the typed id and key after Cinder refuses a wrong key, and show Cinder's words and request id", async () => {
    stubBff(() => openstackError(wrongKey));
    renderDialog(acceptVolumeTransfer, { id: 'p2', name: 'demo-2' }, 'demo-2');

    fireEvent.change(screen.getByTestId('accept-transfer-id'), { target: { value: '8096024e-4401-48bb-9ca8-0f8b177fc0e4' } });
    fireEvent.change(screen.getByTestId('accept-transfer-key'), { target: { value: 'wrongkey' } });
    fireEvent.click(screen.getByTestId('action-submit'));

    await waitFor(() =>
      expect(screen.getByTestId('error-message').textContent).toBe(
        'Invalid auth key: Attempt to transfer 8096024e-4401-48bb-9ca8-0f8b177fc0e4 with invalid auth key.',
      ),
    );
    expect(screen.getByTestId('error-request-id').textContent).toBe(wrongKey.requestId);
    expect(screen.getByTestId<HTMLInputElement>('accept-transfer-key').value).toBe('wrongkey');
  });

  it('ask before cancelling a pending transfer', () => {
    expect(cancelVolumeTransfer.confirmation?.message).toBe('volumes.actions.cancel-transfer.confirm');
    expect(cancelVolumeTransfer.cli({ id: 't1', name: null, volume_id: 'vol-1', created_at: '' }, undefined)).toEqual([
      ['volume', 'transfer', 'request', 'delete', 't1'],
    ]);
  });
});
