// The project's Cinder volumes (block-storage service; the endpoint already names the project): one page for the
// volumes list (marker/limit, sort, filters), filtered lists for choosers (the available volumes a server can be
// given), one volume, and the polling of one volume after a write, patched into the cached pages so a row updates
// without its page being read again.
import { keepPreviousData, queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { blockStorageMicroversion, volumeListParams, volumePageRequest, volumesPath, type ListState } from './list-state';
import type { Volume, VolumeFilters, VolumePage } from './types';
import { isVolumePollingDone } from './volume-state';
import { longestWatch } from '../../lib/api/resource-watch';
import { unwatchVolume, useVolumeWatch } from './volume-watch';

export const volumeKeys = scopedQueryKeys('block-storage', 'volumes');

export { blockStorageMicroversion, volumesPath } from './list-state';
export const volumePath = (id: string) => `${volumesPath}/${encodeURIComponent(id)}`;
/** Cinder's volume actions (os-extend, os-set_bootable...) are all POSTed here. */
export const volumeActionPath = (id: string) => `${volumePath(id)}/action`;

export function fetchVolumes(filters: VolumeFilters = {}, signal?: AbortSignal): Promise<Volume[]> {
  return fetchAllPages<Volume>({
    path: `${volumesPath}/detail`,
    collection: 'volumes',
    params: { status: filters.status, bootable: filters.bootable, availability_zone: filters.availabilityZone },
    signal,
  });
}

export function fetchVolumePage(state: ListState, signal?: AbortSignal): Promise<VolumePage> {
  const { path, options } = volumePageRequest(state);
  return api.get<VolumePage>(path, { ...options, signal });
}

export async function fetchVolume(id: string, signal?: AbortSignal): Promise<Volume> {
  const { volume } = await api.get<{ volume: Volume }>(volumePath(id), { signal, microversion: blockStorageMicroversion });
  return volume;
}

export const volumesQueryOptions = (scope: QueryScope, filters: VolumeFilters = {}) =>
  queryOptions({
    queryKey: volumeKeys.list(scope, { ...filters }),
    queryFn: ({ signal }) => fetchVolumes(filters, signal),
  });

/** The volumes list page's read for its URL state: the page and its route loader both ask this. */
export const volumePageQueryOptions = (scope: QueryScope, state: ListState) =>
  queryOptions({
    queryKey: volumeKeys.list(scope, { view: 'page', ...volumeListParams(state) }),
    queryFn: ({ signal }) => fetchVolumePage(state, signal),
    placeholderData: keepPreviousData,
  });

export const volumeQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: volumeKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchVolume(id, signal),
    // A deleted volume stays deleted: no retries on 404.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

export function useVolumes(filters: VolumeFilters = {}) {
  return useQuery(volumesQueryOptions(useScope(), filters));
}

/** Volumes a server can be given now (attach): available ones. */
export function useAttachableVolumes() {
  return useVolumes({ status: 'available' });
}

function isVolumePage(value: unknown): value is VolumePage {
  return typeof value === 'object' && value !== null && Array.isArray((value as Partial<VolumePage>).volumes);
}

/** Writes a polled volume into every cached page that shows it (or removes it once Cinder no longer knows it). */
export function patchVolumeInPages(queryClient: QueryClient, scope: QueryScope, id: string, volume: Volume | null) {
  for (const [key, page] of queryClient.getQueriesData<unknown>({ queryKey: volumeKeys.all(scope) })) {
    if (!isVolumePage(page) || !page.volumes.some((row) => row.id === id)) continue;
    queryClient.setQueryData<VolumePage>(key, {
      ...page,
      volumes: volume ? page.volumes.map((row) => (row.id === id ? volume : row)) : page.volumes.filter((row) => row.id !== id),
    });
  }
}

export const volumePollInterval = 2000;

/**
 * Reads one volume, and keeps reading it every 2 s while it changes (a transitional status, or a write just sent):
 * each answer is written into the cached list pages. Stops when the volume has settled, or is gone.
 */
export function useVolumePolling(scope: QueryScope, id: string, { enabled = true } = {}) {
  const watch = useVolumeWatch(id);
  const query = useQuery({
    ...volumeQueryOptions(scope, id),
    enabled,
    refetchInterval: (current) => {
      const volume = current.state.data;
      if (current.state.error) return false;
      if (!volume) return volumePollInterval;
      return isVolumePollingDone(volume, current.state.dataUpdatedAt, watch) ? false : volumePollInterval;
    },
  });
  const { data, dataUpdatedAt, error } = query;
  const queryClient = useQueryClient();
  useEffect(() => {
    if (data) patchVolumeInPages(queryClient, scope, id, data);
    if (!watch || !data) return;
    if (isVolumePollingDone(data, dataUpdatedAt, watch) || dataUpdatedAt - watch.since > longestWatch) unwatchVolume(id);
  }, [data, dataUpdatedAt, queryClient, scope, id, watch]);
  useEffect(() => {
    if (error instanceof ApiError && error.status === 404) {
      patchVolumeInPages(queryClient, scope, id, null);
      unwatchVolume(id);
    }
  }, [error, queryClient, scope, id]);
  return query;
}
