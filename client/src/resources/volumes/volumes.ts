// The project's Cinder volumes (block-storage service; the endpoint already names the project): filtered lists for
// the launch source (bootable) and volume attach (available), and one volume.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { Volume, VolumeFilters } from './types';

export const volumeKeys = scopedQueryKeys('block-storage', 'volumes');

const volumesPath = '/api/os/block-storage/volumes';

export function fetchVolumes(filters: VolumeFilters = {}, signal?: AbortSignal): Promise<Volume[]> {
  return fetchAllPages<Volume>({
    path: `${volumesPath}/detail`,
    collection: 'volumes',
    params: { status: filters.status, bootable: filters.bootable, availability_zone: filters.availabilityZone },
    signal,
  });
}

export async function fetchVolume(id: string, signal?: AbortSignal): Promise<Volume> {
  const { volume } = await api.get<{ volume: Volume }>(`${volumesPath}/${encodeURIComponent(id)}`, { signal });
  return volume;
}

export const volumesQueryOptions = (scope: QueryScope, filters: VolumeFilters = {}) =>
  queryOptions({
    queryKey: volumeKeys.list(scope, { ...filters }),
    queryFn: ({ signal }) => fetchVolumes(filters, signal),
  });

export const volumeQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: volumeKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchVolume(id, signal),
  });

export function useVolumes(filters: VolumeFilters = {}) {
  return useQuery(volumesQueryOptions(useScope(), filters));
}

/** Volumes a server can be given now (attach): available ones. */
export function useAttachableVolumes() {
  return useVolumes({ status: 'available' });
}

/** Volumes a new server can boot from: bootable and available. */
export function useBootableVolumes() {
  return useVolumes({ status: 'available', bootable: true });
}

export function useVolume(id: string | undefined) {
  const scope = useScope();
  return useQuery({ ...volumeQueryOptions(scope, id ?? ''), enabled: id !== undefined && id !== '' });
}
