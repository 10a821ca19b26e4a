// The project's Cinder volume snapshots (block-storage service; the endpoint already names the project): every
// snapshot (or a volume's), one page of the list as its URL says, one snapshot, and the polling of a snapshot that is
// changing, written into the cached pages so its row updates without the page being read again.
import { keepPreviousData, queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { fetchAllPages, fetchListPage, type ListPage } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { snapshotPageRequest, type ListState } from './list-state';
import type { VolumeSnapshot, VolumeSnapshotFilters, VolumeSnapshotPageRequest, VolumeSnapshotStatus } from './types';

export const volumeSnapshotKeys = scopedQueryKeys('block-storage', 'snapshots');

export const volumeSnapshotsPath = '/api/os/block-storage/snapshots';
export const volumeSnapshotPath = (id: string) => `${volumeSnapshotsPath}/${encodeURIComponent(id)}`;

/**
 * 3.30 sorts by name; 3.41 shows the user, 3.65 whether the snapshot counts against the quota. The client
 * negotiates down to what the cloud offers.
 */
const snapshotMicroversion = '3.65';

export function fetchVolumeSnapshots(filters: VolumeSnapshotFilters = {}, signal?: AbortSignal): Promise<VolumeSnapshot[]> {
  return fetchAllPages<VolumeSnapshot>({
    path: `${volumeSnapshotsPath}/detail`,
    collection: 'snapshots',
    params: { volume_id: filters.volumeId, status: filters.status },
    signal,
  });
}

export function fetchVolumeSnapshotPage(request: VolumeSnapshotPageRequest, signal?: AbortSignal): Promise<ListPage<VolumeSnapshot>> {
  return fetchListPage<VolumeSnapshot>({
    path: `${volumeSnapshotsPath}/detail`,
    collection: 'snapshots',
    params: { name: request.name, status: request.status, volume_id: request.volumeId, sort: request.sort, limit: request.limit, marker: request.marker },
    microversion: snapshotMicroversion,
    signal,
  });
}

export async function fetchVolumeSnapshot(id: string, signal?: AbortSignal): Promise<VolumeSnapshot> {
  const { snapshot } = await api.get<{ snapshot: VolumeSnapshot }>(volumeSnapshotPath(id), { signal, microversion: snapshotMicroversion });
  return snapshot;
}

export const volumeSnapshotsQueryOptions = (scope: QueryScope, filters: VolumeSnapshotFilters = {}) =>
  queryOptions({
    queryKey: volumeSnapshotKeys.list(scope, { ...filters }),
    queryFn: ({ signal }) => fetchVolumeSnapshots(filters, signal),
  });

/** The snapshots list page's read for its URL state: the page and its route loader both ask this. */
export const volumeSnapshotListPageQueryOptions = (scope: QueryScope, state: ListState) => {
  const request = snapshotPageRequest(state);
  return queryOptions({
    queryKey: volumeSnapshotKeys.list(scope, { view: 'page', ...request }),
    queryFn: ({ signal }) => fetchVolumeSnapshotPage(request, signal),
    placeholderData: keepPreviousData,
  });
};

export const volumeSnapshotQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: volumeSnapshotKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchVolumeSnapshot(id, signal),
    // A deleted snapshot stays deleted: no retries on 404.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

export function useVolumeSnapshots(filters: VolumeSnapshotFilters = {}) {
  return useQuery(volumeSnapshotsQueryOptions(useScope(), filters));
}

/** Statuses Cinder leaves on its own: a snapshot in one of them is read again until it settles. */
const changingStatuses: ReadonlySet<VolumeSnapshotStatus> = new Set(['creating', 'deleting', 'backing-up', 'restoring', 'unmanaging']);

export const isSnapshotChanging = (snapshot: Pick<VolumeSnapshot, 'status'>) => changingStatuses.has(snapshot.status);

export const snapshotPollInterval = 2000;

function isPageKey(key: readonly unknown[]): boolean {
  const params = key[5];
  return key.length === 6 && typeof params === 'object' && params !== null && 'view' in params && params.view === 'page';
}

/**
 * Writes a polled snapshot into every cached page that shows it (or removes it once Cinder no longer knows it), unless
 * the page was read after the answer: a cached answer from earlier never overwrites a newer page.
 */
export function patchSnapshotInPages(queryClient: QueryClient, scope: QueryScope, id: string, snapshot: VolumeSnapshot | null, readAt: number) {
  for (const [key, page] of queryClient.getQueriesData<ListPage<VolumeSnapshot>>({ queryKey: volumeSnapshotKeys.all(scope) })) {
    if (!page || !isPageKey(key) || !page.items.some((row) => row.id === id)) continue;
    if ((queryClient.getQueryState(key)?.dataUpdatedAt ?? 0) > readAt) continue;
    queryClient.setQueryData<ListPage<VolumeSnapshot>>(key, {
      ...page,
      items: snapshot ? page.items.map((row) => (row.id === id ? snapshot : row)) : page.items.filter((row) => row.id !== id),
    });
  }
}

/**
 * Reads one snapshot, every 2 s while its status is one Cinder moves on from by itself (creating, deleting...):
 * each answer is written into the cached list pages, and a 404 (deleted) removes its row. `fresh`: read again on
 * mount whatever the cache holds (a list row says the snapshot is changing: the cached answer is older than that).
 */
export function useVolumeSnapshot(id: string, { fresh = false } = {}) {
  const scope = useScope();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...volumeSnapshotQueryOptions(scope, id),
    enabled: id !== '',
    refetchOnMount: fresh ? 'always' : true,
    refetchInterval: (current) =>
      !current.state.error && current.state.data && isSnapshotChanging(current.state.data) ? snapshotPollInterval : false,
  });
  const { data, dataUpdatedAt, error, errorUpdatedAt } = query;
  useEffect(() => {
    if (data) patchSnapshotInPages(queryClient, scope, id, data, dataUpdatedAt);
  }, [data, dataUpdatedAt, queryClient, scope, id]);
  useEffect(() => {
    if (error instanceof ApiError && error.status === 404) patchSnapshotInPages(queryClient, scope, id, null, errorUpdatedAt);
  }, [error, errorUpdatedAt, queryClient, scope, id]);
  return query;
}
