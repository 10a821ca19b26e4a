// The volume types the project can create volumes of (block-storage service).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { VolumeType } from './types';

export const volumeTypeKeys = scopedQueryKeys('block-storage', 'types');

export const volumeTypesPath = '/api/os/block-storage/types';

/** Cinder lists types unpaged unless asked; a cloud has a handful. */
export async function fetchVolumeTypes(signal?: AbortSignal): Promise<VolumeType[]> {
  const { volume_types } = await api.get<{ volume_types: VolumeType[] }>(volumeTypesPath, { signal });
  return volume_types.sort((a, b) => a.name.localeCompare(b.name));
}

export const volumeTypesQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: volumeTypeKeys.all(scope),
    queryFn: ({ signal }) => fetchVolumeTypes(signal),
  });

export function useVolumeTypes() {
  return useQuery(volumeTypesQueryOptions(useScope()));
}
