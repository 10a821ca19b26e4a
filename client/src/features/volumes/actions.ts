// Every volume action, declared once (lib/actions): when Cinder's state allows it (cinder/volume/api.py), the API
// call, and the `openstack` command doing the same. The list's row menu and the detail page read the same list.
// Cinder answers most writes with 202 and works on: the page marks the volume pending and polls it until it settles.
// What Cinder refuses (attached, has snapshots, a status it does not expect) comes back in its words.
import type { ParseKeys } from 'i18next';
import type { ActionDeclaration, AnyActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { blockStorageQuotaOptions } from '../../resources/quotas/limits';
import { volumeSnapshotKeys } from '../../resources/volume-snapshots/volume-snapshots';
import { volumeMessageKeys } from '../../resources/volumes/messages';
import { blockStorageMicroversion, volumeActionPath, volumeKeys, volumePath } from '../../resources/volumes/volumes';
import type { Volume } from '../../resources/volumes/types';
import { advancedVolumeActions } from './advanced-actions';
import { EditVolumeForm, ExtendForm, MetadataForm } from './components/action-forms';
import { CreateVolumeForm } from './components/create-volume-form';
import type { ExtendInput, MetadataInput, NewVolume, VolumeSettings } from './inputs';
import {
  emptyNewVolume,
  metadataChanges,
  metadataProblem,
  metadataText,
  newVolumeCli,
  newVolumeCreateRequest,
  newVolumeProblem,
  parseSize,
  setBootableRequest,
  volumeSettingsChanges,
  volumeSettingsOf,
} from './volume-draft';

export type VolumeAction<Input = undefined> = ActionDeclaration<Volume, Input>;

/**
 * A write on one volume: that volume is read again (and then polled by the page), with its messages; not the
 * pages of the list, which the polled answer is patched into.
 */
const affectsVolume = (scope: QueryScope, volume: Volume) => [volumeKeys.detail(scope, volume.id), volumeMessageKeys.detail(scope, volume.id)];
/** Size and count change what the project uses of its quota. */
const affectsVolumeAndQuota = (scope: QueryScope, volume: Volume) => [...affectsVolume(scope, volume), blockStorageQuotaOptions(scope).queryKey];

const problemKey = (problem: string) => `volumes.problems.${problem}` as ParseKeys;

const isReadOnly = (volume: Volume) => volume.metadata?.readonly === 'True';
const isBootable = (volume: Volume) => volume.bootable === 'true';

const post = (volume: Volume, body: unknown) => [{ method: 'POST' as const, path: volumeActionPath(volume.id), body, microversion: blockStorageMicroversion }];

/** Cinder refuses every change to a volume under maintenance (volume/api.py update). */
const inMaintenance = (volume: Volume): ParseKeys | null => (volume.status === 'maintenance' ? 'volumes.unavailable.maintenance' : null);

export const createVolume: ActionDeclaration<ProjectTarget, NewVolume> = {
  id: 'create',
  label: 'volumes.actions.create.label',
  unavailableReason: () => null,
  // The new volume's row comes with the pages read again; the page then polls it while it is `creating`.
  affects: (scope) => [volumeKeys.all(scope), blockStorageQuotaOptions(scope).queryKey],
  request: (_project, input) => [{ ...newVolumeCreateRequest(input), microversion: blockStorageMicroversion }],
  cli: (_project, input) => newVolumeCli(input),
  input: {
    initial: emptyNewVolume,
    invalidReason: (input) => {
      const problem = newVolumeProblem(input);
      return problem ? problemKey(problem) : null;
    },
    quota: { service: 'block-storage', adds: (input) => ({ volumes: 1, gigabytes: parseSize(input.size) ?? 0 }) },
    Form: CreateVolumeForm,
  },
};

const edit: VolumeAction<VolumeSettings> = {
  id: 'edit',
  label: 'volumes.actions.edit.label',
  unavailableReason: inMaintenance,
  affects: affectsVolume,
  request: (volume, settings) => [
    { method: 'PUT', path: volumePath(volume.id), body: { volume: volumeSettingsChanges(volume, settings) }, microversion: blockStorageMicroversion },
  ],
  cli: (volume, settings) => {
    const changes = volumeSettingsChanges(volume, settings);
    return [
      [
        'volume',
        'set',
        ...(changes.name !== undefined ? ['--name', changes.name] : []),
        ...(changes.description !== undefined ? ['--description', changes.description] : []),
        volume.id,
      ],
    ];
  },
  input: {
    initial: volumeSettingsOf,
    invalidReason: (settings, volume) => (Object.keys(volumeSettingsChanges(volume, settings)).length === 0 ? problemKey('unchanged') : null),
    Form: EditVolumeForm,
  },
};

const editMetadata: VolumeAction<MetadataInput> = {
  id: 'metadata',
  label: 'volumes.actions.metadata.label',
  // Cinder refuses metadata changes while it uploads the volume to an image, and under maintenance.
  unavailableReason: (volume) => (volume.status === 'uploading' ? 'volumes.unavailable.uploading' : inMaintenance(volume)),
  affects: affectsVolume,
  request: (volume, { text }) => {
    const { set, unset } = metadataChanges(volume, text);
    return [
      ...(Object.keys(set).length ? [{ method: 'POST' as const, path: `${volumePath(volume.id)}/metadata`, body: { metadata: set } }] : []),
      ...unset.map((key) => ({ method: 'DELETE' as const, path: `${volumePath(volume.id)}/metadata/${encodeURIComponent(key)}` })),
    ];
  },
  cli: (volume, { text }) => {
    const { set, unset } = metadataChanges(volume, text);
    const property = (values: string[]) => values.flatMap((value) => ['--property', value]);
    return [
      ...(Object.keys(set).length ? [['volume', 'set', ...property(Object.entries(set).map(([key, value]) => `${key}=${value}`)), volume.id]] : []),
      ...(unset.length ? [['volume', 'unset', ...property(unset), volume.id]] : []),
    ];
  },
  input: {
    initial: (volume) => ({ text: metadataText(volume) }),
    invalidReason: ({ text }, volume) => {
      const problem = metadataProblem(volume, text);
      return problem ? problemKey(problem) : null;
    },
    Form: MetadataForm,
  },
};

const setBootable = (bootable: boolean): VolumeAction => ({
  id: bootable ? 'set-bootable' : 'set-non-bootable',
  label: bootable ? 'volumes.actions.set-bootable.label' : 'volumes.actions.set-non-bootable.label',
  unavailableReason: (volume) =>
    isBootable(volume) === bootable ? (bootable ? 'volumes.unavailable.bootable' : 'volumes.unavailable.notBootable') : inMaintenance(volume),
  affects: affectsVolume,
  request: (volume) => [{ ...setBootableRequest(volume.id, bootable), microversion: blockStorageMicroversion }],
  cli: (volume) => [['volume', 'set', bootable ? '--bootable' : '--non-bootable', volume.id]],
  // The flag changes without a transitional status: the page polls until it shows.
  done: (volume) => isBootable(volume) === bootable,
});

/** Cinder changes the read-only flag of an available volume only (volume/api.py update_readonly_flag). */
const setReadOnly = (readOnly: boolean): VolumeAction => ({
  id: readOnly ? 'set-read-only' : 'set-read-write',
  label: readOnly ? 'volumes.actions.set-read-only.label' : 'volumes.actions.set-read-write.label',
  unavailableReason: (volume) =>
    isReadOnly(volume) === readOnly
      ? readOnly
        ? 'volumes.unavailable.readOnly'
        : 'volumes.unavailable.readWrite'
      : volume.status === 'available'
        ? null
        : 'volumes.unavailable.notAvailable',
  affects: affectsVolume,
  request: (volume) => post(volume, { 'os-update_readonly_flag': { readonly: readOnly } }),
  cli: (volume) => [['volume', 'set', readOnly ? '--read-only' : '--read-write', volume.id]],
  done: (volume) => isReadOnly(volume) === readOnly,
});

/** Available volumes extend offline; attached ones online (microversion 3.42, which the client asks for). */
const extend: VolumeAction<ExtendInput> = {
  id: 'extend',
  label: 'volumes.actions.extend.label',
  unavailableReason: (volume) => (volume.status === 'available' || volume.status === 'in-use' ? null : 'volumes.unavailable.extend'),
  affects: affectsVolumeAndQuota,
  request: (volume, { size }) => post(volume, { 'os-extend': { new_size: parseSize(size) } }),
  cli: (volume, { size }) => [['volume', 'set', '--size', size.trim(), volume.id]],
  input: {
    initial: (volume) => ({ size: String(volume.size + 1) }),
    invalidReason: ({ size }, volume) => {
      const wanted = parseSize(size);
      if (wanted === null) return problemKey('sizeInvalid');
      return wanted > volume.size ? null : problemKey('extendNotLarger');
    },
    quota: { service: 'block-storage', adds: ({ size }, volume) => ({ gigabytes: Math.max((parseSize(size) ?? volume.size) - volume.size, 0) }) },
    Form: ExtendForm,
  },
};

/** Cinder deletes a volume in one of these statuses, and never an attached one (volume/api.py delete). */
const deletableStatuses = new Set(['available', 'error', 'error_restoring', 'error_extending', 'error_managing']);
const undeletableReason = (volume: Volume): ParseKeys | null =>
  volume.attachments.length > 0 ? 'volumes.unavailable.attached' : deletableStatuses.has(volume.status) ? null : 'volumes.unavailable.delete';

const deleteVolume: VolumeAction = {
  id: 'delete',
  removes: true,
  label: 'volumes.actions.delete.label',
  succeeded: 'volumes.actions.delete.succeeded',
  unavailableReason: undeletableReason,
  affects: affectsVolumeAndQuota,
  request: (volume) => [{ method: 'DELETE', path: volumePath(volume.id), microversion: blockStorageMicroversion }],
  cli: (volume) => [['volume', 'delete', volume.id]],
  confirmation: { message: 'volumes.actions.delete.confirm', destructive: true },
  bulk: true,
};

/** Cinder's cascade: the volume's snapshots are deleted first, then the volume. */
const deleteWithSnapshots: VolumeAction = {
  id: 'delete-cascade',
  removes: true,
  label: 'volumes.actions.delete-cascade.label',
  unavailableReason: undeletableReason,
  affects: (scope, volume) => [...affectsVolumeAndQuota(scope, volume), volumeSnapshotKeys.all(scope)],
  request: (volume) => [{ method: 'DELETE', path: volumePath(volume.id), params: { cascade: 'true' }, microversion: blockStorageMicroversion }],
  cli: (volume) => [['volume', 'delete', '--purge', volume.id]],
  confirmation: { message: 'volumes.actions.delete-cascade.confirm', destructive: true },
};

/** Actions on a volume, in menu order: settings, then what moves or changes it, then deletion. */
export const volumeActions: readonly AnyActionDeclaration<Volume>[] = [
  edit,
  editMetadata,
  setBootable(true),
  setBootable(false),
  setReadOnly(true),
  setReadOnly(false),
  extend,
  ...advancedVolumeActions,
  deleteVolume,
  deleteWithSnapshots,
];

export const bulkVolumeActions = volumeActions.filter((action) => action.bulk);

export const identifyVolume = (volume: Volume) => ({ id: volume.id, name: volume.name || volume.id, page: `/volumes/${encodeURIComponent(volume.id)}` });
