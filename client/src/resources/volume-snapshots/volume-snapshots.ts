// The project's Cinder volume snapshots (block-storage service; the endpoint already names the project).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { VolumeSnapshot, VolumeSnapshotFilters } from './types';

export const volumeSnapshotKeys = scopedQueryKeys('block-storage', 'snapshots');

export const volumeSnapshotsPath = '/api/os/block-storage/snapshots';

export function fetchVolumeSnapshots(filters: VolumeSnapshotFilters = {}, signal?: AbortSignal): Promise<VolumeSnapshot[]> {
  return fetchAllPages<VolumeSnapshot>({
    path: `${volumeSnapshotsPath}/detail`,
    collection: 'snapshots',
    params: { volume_id: filters.volumeId, status: filters.status },
    signal,
  });
}

export const volumeSnapshotsQueryOptions = (scope: QueryScope, filters: VolumeSnapshotFilters = {}) =>
  queryOptions({
    queryKey: volumeSnapshotKeys.list(scope, { ...filters }),
    queryFn: ({ signal }) => fetchVolumeSnapshots(filters, signal),
  });

export function useVolumeSnapshots(filters: VolumeSnapshotFilters = {}) {
  return useQuery(volumeSnapshotsQueryOptions(useScope(), filters));
}
