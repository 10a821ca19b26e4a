// The volume type Cinder gives a volume created without one (GET /v3/{project_id}/types/default): a create form
// names it, and counts the new volume against that type's own quota.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { VolumeType } from '../volume-types/types';

const defaultTypeKeys = scopedQueryKeys('block-storage', 'default-type');

export async function fetchDefaultVolumeType(signal?: AbortSignal): Promise<VolumeType> {
  const { volume_type } = await api.get<{ volume_type: VolumeType }>('/api/os/block-storage/types/default', { signal });
  return volume_type;
}

export const defaultVolumeTypeQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: defaultTypeKeys.all(scope),
    queryFn: ({ signal }) => fetchDefaultVolumeType(signal),
    staleTime: 5 * 60_000,
  });

export function useDefaultVolumeType() {
  return useQuery(defaultVolumeTypeQueryOptions(useScope()));
}
