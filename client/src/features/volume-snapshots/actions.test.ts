import { describe, expect, it } from 'vitest';
import type { ParseKeys } from 'i18next';
import { volumeSnapshots } from '../../testing/fixtures';
import type { VolumeSnapshot, VolumeSnapshotStatus } from '../../resources/volume-snapshots/types';
import { createSnapshot, snapshotActions } from './actions';
import type { SnapshotCreateInput } from './inputs';

const snapshot = volumeSnapshots[0]!;
const project = { id: 'p1', name: 'demo' };
const action = (id: string) => snapshotActions.find((candidate) => candidate.id === id)!;
const inStatus = (status: VolumeSnapshotStatus): VolumeSnapshot => ({ ...snapshot, status });
const createInput = (status: 'available' | 'in-use' | 'error'): SnapshotCreateInput => ({
  volume: { id: 'v1', name: 'data', size: 5, status },
  name: ' nightly ',
  description: '',
});

describe('snapshot action declarations', () => {
  it('offers delete on available and error snapshots only, as Cinder allows without force', () => {
    const reason = (status: VolumeSnapshotStatus): ParseKeys | null => action('delete').unavailableReason(inStatus(status));
    expect(reason('available')).toBeNull();
    expect(reason('error')).toBeNull();
    expect(reason('creating')).toBe('volume-snapshots.actions.delete.unavailable');
    expect(reason('deleting')).toBe('volume-snapshots.actions.delete.unavailable');
  });

  it('sends force (and --force) for an in-use volume only, and counts a snapshot and its gigabytes', () => {
    expect(createSnapshot.request(project, createInput('available'))[0]!.body).toEqual({ snapshot: { volume_id: 'v1', name: 'nightly' } });
    expect(createSnapshot.request(project, createInput('in-use'))[0]!.body).toEqual({ snapshot: { volume_id: 'v1', name: 'nightly', force: true } });
    expect(createSnapshot.cli(project, createInput('in-use'))).toEqual([['volume', 'snapshot', 'create', '--volume', 'v1', '--force', 'nightly']]);
    expect(createSnapshot.input!.quota!.adds(createInput('available'), project)).toEqual({ snapshots: 1, gigabytes: 5 });
    expect(createSnapshot.input!.invalidReason!(createInput('error'), project)).toBe('volume-snapshots.problems.volumeBusy');
  });

  it('makes a volume of at least the snapshot size from it', () => {
    const createVolume = action('create-volume');
    const input = { name: 'restored', size: String(snapshot.size + 1), description: '' };
    expect(createVolume.request(snapshot, input)[0]).toMatchObject({
      method: 'POST',
      path: '/api/os/block-storage/volumes',
      body: { volume: { snapshot_id: snapshot.id, size: snapshot.size + 1, name: 'restored' } },
    });
    expect(createVolume.cli(snapshot, input)).toEqual([['volume', 'create', '--snapshot', snapshot.id, '--size', String(snapshot.size + 1), 'restored']]);
    expect(createVolume.input!.invalidReason!({ ...input, size: '0' }, snapshot)).toBe('volume-snapshots.problems.sizeTooSmall');
    expect(createVolume.input!.quota!.adds(input, snapshot)).toEqual({ volumes: 1, gigabytes: snapshot.size + 1 });
    expect(createVolume.unavailableReason(inStatus('creating'))).toBe('volume-snapshots.actions.create-volume.unavailable');
  });

  it('renames with the name and description Cinder stores', () => {
    const edit = action('edit');
    expect(edit.request(snapshot, { name: 'b', description: 'why' })[0]).toMatchObject({ method: 'PUT', body: { snapshot: { name: 'b', description: 'why' } } });
    expect(edit.input!.invalidReason!(edit.input!.initial(snapshot), snapshot)).toBe('volume-snapshots.problems.unchanged');
  });
});
