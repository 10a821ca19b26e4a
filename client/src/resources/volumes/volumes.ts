// The project's Cinder volumes (block-storage service; the endpoint already names the project): filtered lists, such
// as the available volumes a server can be given.
import { queryOptions, useQuery } from '@tanstack/react-query';
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

export const volumesQueryOptions = (scope: QueryScope, filters: VolumeFilters = {}) =>
  queryOptions({
    queryKey: volumeKeys.list(scope, { ...filters }),
    queryFn: ({ signal }) => fetchVolumes(filters, signal),
  });

export function useVolumes(filters: VolumeFilters = {}) {
  return useQuery(volumesQueryOptions(useScope(), filters));
}

/** Volumes a server can be given now (attach): available ones. */
export function useAttachableVolumes() {
  return useVolumes({ status: 'available' });
}
