// Volume transfers (Cinder): a project offers one of its available volumes, Cinder answers an id and an auth key
// (readable in that answer only), and another project accepts with both and becomes the volume's owner. Until then the
// offering project sees the transfer as pending and may cancel it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ActionRequest, CliArgv } from '../../lib/actions/types';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';

/** A pending transfer, as GET /v3/{project_id}/volume-transfers/detail lists it (at 3.55). */
export interface VolumeTransfer {
  id: string;
  name: string | null;
  volume_id: string;
  created_at: string;
  /** 3.55: the volume's snapshots stay behind (true) or go with it. */
  no_snapshots?: boolean;
}

/** The create answer: the only one that carries the auth key. */
export interface CreatedVolumeTransfer extends VolumeTransfer {
  auth_key: string;
}

export const volumeTransferKeys = scopedQueryKeys('block-storage', 'volume-transfers');

/** 3.55 made `volume-transfers` the transfer API (it can leave the snapshots behind); Zed's Cinder goes to 3.70. */
export const transferMicroversion = '3.55';

export const transfersPath = '/api/os/block-storage/volume-transfers';
const transferPath = (id: string) => `${transfersPath}/${encodeURIComponent(id)}`;

export function fetchVolumeTransfers(signal?: AbortSignal): Promise<VolumeTransfer[]> {
  return fetchAllPages<VolumeTransfer>({ path: `${transfersPath}/detail`, collection: 'transfers', microversion: transferMicroversion, signal });
}

export const volumeTransfersQueryOptions = (scope: QueryScope) =>
  queryOptions({ queryKey: volumeTransferKeys.all(scope), queryFn: ({ signal }) => fetchVolumeTransfers(signal) });

/** The project's pending transfers (accepted ones are gone from Cinder's list). */
export function useVolumeTransfers() {
  return useQuery(volumeTransfersQueryOptions(useScope()));
}

export interface TransferOffer {
  volumeId: string;
  name: string;
  /** Leave the volume's snapshots behind instead of transferring them too. */
  noSnapshots: boolean;
}

export function createTransferRequest({ volumeId, name, noSnapshots }: TransferOffer): ActionRequest<{ transfer: CreatedVolumeTransfer }> {
  return {
    method: 'POST',
    path: transfersPath,
    body: { transfer: { volume_id: volumeId, name: name.trim() === '' ? null : name.trim(), no_snapshots: noSnapshots } },
    microversion: transferMicroversion,
  };
}

export function createTransferCli({ volumeId, name, noSnapshots }: TransferOffer): CliArgv {
  return [
    'volume',
    'transfer',
    'request',
    'create',
    ...(name.trim() ? ['--name', name.trim()] : []),
    ...(noSnapshots ? ['--no-snapshots'] : []),
    volumeId,
  ];
}

export function cancelTransferRequest(transferId: string): ActionRequest {
  return { method: 'DELETE', path: transferPath(transferId), microversion: transferMicroversion };
}

export const cancelTransferCli = (transferId: string): CliArgv => ['volume', 'transfer', 'request', 'delete', transferId];

export function acceptTransferRequest(transferId: string, authKey: string): ActionRequest {
  return {
    method: 'POST',
    path: `${transferPath(transferId)}/accept`,
    body: { accept: { auth_key: authKey } },
    microversion: transferMicroversion,
  };
}

export const acceptTransferCli = (transferId: string, authKey: string): CliArgv => [
  'volume',
  'transfer',
  'request',
  'accept',
  '--auth-key',
  authKey,
  transferId,
];
