// Every snapshot action, declared once (lib/actions): when Cinder's state allows it (cinder/volume/api.py), the API
// call, and the `openstack` command doing the same. Policy refusals come back from Cinder and are shown as they are.
import type { ParseKeys } from 'i18next';
import type { ActionDeclaration, AnyActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { volumeSnapshotKeys, volumeSnapshotPath, volumeSnapshotsPath } from '../../resources/volume-snapshots/volume-snapshots';
import type { VolumeSnapshot } from '../../resources/volume-snapshots/types';
import { volumeKeys, volumesPath } from '../../resources/volumes/volumes';
import { CreateSnapshotForm, EditSnapshotForm, VolumeFromSnapshotForm } from './components/action-forms';
import { needsForce, snapshotableStatuses, type SnapshotCreateInput, type SnapshotEditInput, type VolumeFromSnapshotInput } from './inputs';

export type SnapshotAction<Input = undefined> = ActionDeclaration<VolumeSnapshot, Input>;

const problem = (key: string) => `volume-snapshots.problems.${key}` as ParseKeys;

/** Snapshots (and the volumes they are counted with) are read again after every action. */
const affectsSnapshots = (scope: QueryScope) => [volumeSnapshotKeys.all(scope), volumeKeys.all(scope)];

const trimmed = (value: string) => value.trim() || undefined;

export const createSnapshot: ActionDeclaration<ProjectTarget, SnapshotCreateInput> = {
  id: 'create',
  label: 'volume-snapshots.actions.create.label',
  unavailableReason: () => null,
  affects: affectsSnapshots,
  request: (_project, input) => [
    {
      method: 'POST',
      path: volumeSnapshotsPath,
      body: {
        snapshot: {
          volume_id: input.volume?.id,
          name: trimmed(input.name),
          description: trimmed(input.description),
          ...(needsForce(input) ? { force: true } : {}),
        },
      },
    },
  ],
  cli: (_project, input) => [
    [
      'volume', 'snapshot', 'create',
      '--volume', input.volume?.id ?? '',
      ...(trimmed(input.description) ? ['--description', input.description.trim()] : []),
      ...(needsForce(input) ? ['--force'] : []),
      input.name.trim(),
    ],
  ],
  input: {
    initial: () => ({ volume: null, name: '', description: '' }),
    invalidReason: (input) => {
      if (!input.volume) return problem('volumeMissing');
      if (!snapshotableStatuses.includes(input.volume.status)) return problem('volumeBusy');
      // The CLI names the snapshot as its positional argument: Zenith asks for one too.
      if (input.name.trim() === '') return problem('nameMissing');
      return null;
    },
    quota: { service: 'block-storage', adds: (input) => ({ snapshots: 1, gigabytes: input.volume?.size ?? 0 }) },
    Form: CreateSnapshotForm,
  },
};

const edit: SnapshotAction<SnapshotEditInput> = {
  id: 'edit',
  label: 'volume-snapshots.actions.edit.label',
  unavailableReason: (snapshot) => (snapshot.status === 'deleting' ? 'volume-snapshots.actions.edit.unavailable' : null),
  affects: affectsSnapshots,
  request: (snapshot, input) => [
    { method: 'PUT', path: volumeSnapshotPath(snapshot.id), body: { snapshot: { name: input.name.trim(), description: input.description.trim() } } },
  ],
  cli: (snapshot, input) => [['volume', 'snapshot', 'set', '--name', input.name.trim(), '--description', input.description.trim(), snapshot.id]],
  input: {
    initial: (snapshot) => ({ name: snapshot.name ?? '', description: snapshot.description ?? '' }),
    invalidReason: (input, snapshot) => {
      if (input.name.trim() === '') return problem('nameMissing');
      const same = input.name.trim() === (snapshot.name ?? '') && input.description.trim() === (snapshot.description ?? '');
      return same ? problem('unchanged') : null;
    },
    Form: EditSnapshotForm,
  },
};

/** A volume of at least the snapshot's size, made from it (POST /volumes with snapshot_id). */
export const parsedSize = (input: VolumeFromSnapshotInput) => (/^\d+$/.test(input.size.trim()) ? Number(input.size.trim()) : NaN);

const createVolume: SnapshotAction<VolumeFromSnapshotInput> = {
  id: 'create-volume',
  label: 'volume-snapshots.actions.create-volume.label',
  unavailableReason: (snapshot) => (snapshot.status === 'available' ? null : 'volume-snapshots.actions.create-volume.unavailable'),
  affects: affectsSnapshots,
  request: (snapshot, input) => [
    {
      method: 'POST',
      path: volumesPath,
      body: { volume: { snapshot_id: snapshot.id, size: parsedSize(input), name: trimmed(input.name), description: trimmed(input.description) } },
    },
  ],
  cli: (snapshot, input) => [
    [
      'volume', 'create',
      '--snapshot', snapshot.id,
      '--size', String(parsedSize(input)),
      ...(trimmed(input.description) ? ['--description', input.description.trim()] : []),
      input.name.trim(),
    ],
  ],
  input: {
    initial: (snapshot) => ({ name: '', size: String(snapshot.size), description: '' }),
    invalidReason: (input, snapshot) => {
      if (input.name.trim() === '') return problem('nameMissing');
      const size = parsedSize(input);
      if (!Number.isInteger(size) || size < snapshot.size) return problem('sizeTooSmall');
      return null;
    },
    quota: { service: 'block-storage', adds: (input) => ({ volumes: 1, gigabytes: Number.isInteger(parsedSize(input)) ? parsedSize(input) : 0 }) },
    Form: VolumeFromSnapshotForm,
  },
};

const deleteSnapshot: SnapshotAction = {
  id: 'delete',
  removes: true,
  label: 'volume-snapshots.actions.delete.label',
  // Cinder deletes an available snapshot or one in error (not forced; force is an admin's os-force_delete).
  unavailableReason: (snapshot) => (snapshot.status === 'available' || snapshot.status === 'error' ? null : 'volume-snapshots.actions.delete.unavailable'),
  affects: affectsSnapshots,
  request: (snapshot) => [{ method: 'DELETE', path: volumeSnapshotPath(snapshot.id) }],
  cli: (snapshot) => [['volume', 'snapshot', 'delete', snapshot.id]],
  confirmation: { message: 'volume-snapshots.actions.delete.confirm', destructive: true },
  bulk: true,
};

/** Actions on a snapshot, in menu order. */
export const snapshotActions: readonly AnyActionDeclaration<VolumeSnapshot>[] = [edit, createVolume, deleteSnapshot];

export const bulkSnapshotActions = snapshotActions.filter((action) => action.bulk);

export const identifySnapshot = (snapshot: VolumeSnapshot) => ({ id: snapshot.id, name: snapshot.name || snapshot.id, page: `/volumes/snapshots/${encodeURIComponent(snapshot.id)}` });

/** The launch wizard's volume-snapshot source, preselected. */
export const launchFromSnapshotHref = (snapshot: VolumeSnapshot) => `/instances/launch?volumeSnapshot=${encodeURIComponent(snapshot.id)}`;
