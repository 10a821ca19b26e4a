// The volume actions that involve another resource: attach to a server and detach (Nova's calls, shared with the
// instance page), retype, upload to an image, transfer to another project; and the transfer's own actions (cancel,
// accept as the receiving project). When Cinder's state allows each one comes from cinder/volume/api.py (the
// `expected` status of its conditional update) and cinder/transfer/api.py.
import type { ParseKeys } from 'i18next';
import type { ActionDeclaration, AnyActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { imageKeys } from '../../resources/images/images';
import { attachVolumeCli, attachVolumeRequest, attachmentCaches, detachVolumeCli, detachVolumeRequest } from '../../resources/volumes/attachments';
import {
  acceptTransferCli,
  acceptTransferRequest,
  cancelTransferCli,
  cancelTransferRequest,
  createTransferCli,
  createTransferRequest,
  volumeTransferKeys,
  type VolumeTransfer,
} from '../../resources/volumes/transfers';
import type { Volume, VolumeStatus } from '../../resources/volumes/types';
import { blockStorageMicroversion, volumeActionPath, volumeKeys } from '../../resources/volumes/volumes';
import {
  AcceptTransferForm,
  AttachToServerForm,
  DetachFromServerForm,
  RetypeForm,
  TransferForm,
  UploadImageForm,
  transferOffer,
  type AcceptTransferInput,
  type RetypeInput,
  type ServerChoice,
  type TransferInput,
  type UploadImageInput,
} from './components/advanced-forms';
import { TransferAnswer } from './components/advanced-transfer-answer';

/** The reason `id` is unavailable unless the volume's status is one of `statuses`. */
const unlessStatus =
  (id: string, ...statuses: VolumeStatus[]) =>
  (volume: Volume): ParseKeys | null =>
    statuses.includes(volume.status) ? null : (`volumes.actions.${id}.unavailable` as ParseKeys);

const affectsVolumes = (scope: QueryScope) => [volumeKeys.all(scope)];
const affectsTransfers = (scope: QueryScope) => [volumeKeys.all(scope), volumeTransferKeys.all(scope)];

// Cinder reserves a volume for an attachment when it is available, or in-use when it is multi-attach (reserve_volume).
export const attachVolume: ActionDeclaration<Volume, ServerChoice> = {
  id: 'attach',
  label: 'volumes.actions.attach.label',
  unavailableReason: (volume) =>
    volume.status === 'available' || (volume.multiattach && volume.status === 'in-use') ? null : 'volumes.actions.attach.unavailable',
  affects: attachmentCaches,
  request: (volume, { serverId }) => [attachVolumeRequest(serverId, volume.id)],
  cli: (volume, { serverId }) => [attachVolumeCli(serverId, volume.id)],
  input: {
    initial: () => ({ serverId: '' }),
    invalidReason: ({ serverId }) => (serverId ? null : 'volumes.actions.attach.chooseServer'),
    Form: AttachToServerForm,
  },
};

// Detaching starts from in-use only (begin_detaching), from one of the volume's attachments.
export const detachVolume: ActionDeclaration<Volume, ServerChoice> = {
  id: 'detach',
  label: 'volumes.actions.detach.label',
  unavailableReason: (volume) =>
    volume.status === 'in-use' && volume.attachments.length > 0 ? null : 'volumes.actions.detach.unavailable',
  affects: attachmentCaches,
  request: (volume, { serverId }) => [detachVolumeRequest(serverId, volume.id)],
  cli: (volume, { serverId }) => [detachVolumeCli(serverId, volume.id)],
  input: {
    initial: (volume) => ({ serverId: volume.attachments[0]?.server_id ?? '' }),
    invalidReason: ({ serverId }) => (serverId ? null : 'volumes.actions.detach.chooseAttachment'),
    Form: DetachFromServerForm,
  },
};

export const retypeVolume: ActionDeclaration<Volume, RetypeInput> = {
  id: 'retype',
  label: 'volumes.actions.retype.label',
  unavailableReason: unlessStatus('retype', 'available', 'in-use'),
  affects: affectsVolumes,
  request: (volume, { volumeType, migrationPolicy }) => [
    {
      method: 'POST',
      path: volumeActionPath(volume.id),
      microversion: blockStorageMicroversion,
      body: { 'os-retype': { new_type: volumeType, migration_policy: migrationPolicy } },
    },
  ],
  cli: (volume, { volumeType, migrationPolicy }) => [['volume', 'set', '--type', volumeType, '--retype-policy', migrationPolicy, volume.id]],
  input: {
    initial: () => ({ volumeType: '', migrationPolicy: 'never' }),
    invalidReason: ({ volumeType }, volume) =>
      volumeType === '' || volumeType === volume.volume_type ? 'volumes.actions.retype.chooseType' : null,
    Form: RetypeForm,
  },
};

// An in-use volume is uploaded only with `force`, which Cinder honours where the operator enabled it
// (enable_force_upload) and otherwise ignores, refusing with its "must be available" message.
export const uploadToImage: ActionDeclaration<Volume, UploadImageInput> = {
  id: 'upload-to-image',
  label: 'volumes.actions.upload-to-image.label',
  unavailableReason: unlessStatus('upload-to-image', 'available', 'in-use'),
  affects: (scope) => [volumeKeys.all(scope), imageKeys.all(scope)],
  request: (volume, { imageName, diskFormat, force }) => [
    {
      method: 'POST',
      path: volumeActionPath(volume.id),
      microversion: blockStorageMicroversion,
      body: {
        'os-volume_upload_image': {
          image_name: imageName.trim(),
          disk_format: diskFormat,
          container_format: 'bare',
          ...(volume.status === 'in-use' ? { force } : {}),
        },
      },
    },
  ],
  cli: (volume, { imageName, diskFormat, force }) => [
    [
      'image',
      'create',
      '--volume',
      volume.id,
      '--disk-format',
      diskFormat,
      '--container-format',
      'bare',
      ...(volume.status === 'in-use' && force ? ['--force'] : []),
      imageName.trim(),
    ],
  ],
  input: {
    initial: (volume) => ({ imageName: volume.name || volume.id, diskFormat: 'raw', force: false }),
    invalidReason: ({ imageName, diskFormat, force }, volume) => {
      if (imageName.trim() === '') return 'volumes.actions.upload-to-image.nameRequired';
      if (diskFormat === '') return 'volumes.actions.upload-to-image.chooseDiskFormat';
      return volume.status === 'in-use' && !force ? 'volumes.actions.upload-to-image.forceRequired' : null;
    },
    Form: UploadImageForm,
  },
};

// Cinder offers only an available volume (transfer create: "status must be available"); the answer carries the auth
// key, shown once.
export const transferVolume: ActionDeclaration<Volume, TransferInput> = {
  id: 'transfer',
  label: 'volumes.actions.transfer.label',
  unavailableReason: unlessStatus('transfer', 'available'),
  affects: affectsTransfers,
  request: (volume, input) => [createTransferRequest(transferOffer(volume, input))],
  cli: (volume, input) => [createTransferCli(transferOffer(volume, input))],
  input: {
    initial: (volume) => ({ name: volume.name ?? '', noSnapshots: false }),
    Form: TransferForm,
  },
  answer: { View: TransferAnswer },
};

/** In menu order, after the simple volume actions. */
export const advancedVolumeActions: readonly AnyActionDeclaration<Volume>[] = [
  attachVolume,
  detachVolume,
  retypeVolume,
  uploadToImage,
  transferVolume,
];

// Cancelling puts the volume back to available; Cinder allows it whatever the volume's state says.
export const cancelVolumeTransfer: ActionDeclaration<VolumeTransfer> = {
  id: 'cancel-transfer',
  label: 'volumes.actions.cancel-transfer.label',
  unavailableReason: () => null,
  affects: affectsTransfers,
  request: (transfer) => [cancelTransferRequest(transfer.id)],
  cli: (transfer) => [cancelTransferCli(transfer.id)],
  confirmation: { message: 'volumes.actions.cancel-transfer.confirm' },
};

export const identifyVolumeTransfer = (transfer: VolumeTransfer) => ({ id: transfer.id, name: transfer.name || transfer.id });

/** The receiving project's side: it becomes the volume's owner. */
export const acceptVolumeTransfer: ActionDeclaration<ProjectTarget, AcceptTransferInput> = {
  id: 'accept-transfer',
  label: 'volumes.actions.accept-transfer.label',
  unavailableReason: () => null,
  affects: affectsTransfers,
  request: (_project, { transferId, authKey }) => [acceptTransferRequest(transferId.trim(), authKey.trim())],
  cli: (_project, { transferId, authKey }) => [acceptTransferCli(transferId.trim(), authKey.trim())],
  input: {
    initial: () => ({ transferId: '', authKey: '' }),
    invalidReason: ({ transferId, authKey }) =>
      transferId.trim() === '' || authKey.trim() === '' ? 'volumes.actions.accept-transfer.idAndKeyRequired' : null,
    Form: AcceptTransferForm,
  },
};
