// The project's per-volume-type quotas (Cinder's `volumes_<type>` and `gigabytes_<type>` in GET
// /os-quota-sets/{project_id}?usage=True, which a project member may read for its own project): the limits
// /limits does not carry. A type without its own quota answers -1 (unlimited).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';

interface QuotaUsageDetail {
  limit: number;
  in_use: number;
  reserved: number;
}

export interface TypeQuota {
  volumes?: { used: number; limit: number };
  gigabytes?: { used: number; limit: number };
}

export const volumeQuotaSetKeys = scopedQueryKeys('block-storage', 'quota-set');

/** The per-type figures of a quota set answer, by type name (a type name may itself contain underscores). */
export function typeQuotas(quotaSet: Record<string, unknown>): ReadonlyMap<string, TypeQuota> {
  const byType = new Map<string, TypeQuota>();
  for (const [key, value] of Object.entries(quotaSet)) {
    const match = /^(volumes|gigabytes)_(.+)$/.exec(key);
    if (!match || typeof value !== 'object' || value === null || !('limit' in value)) continue;
    const detail = value as QuotaUsageDetail;
    const resource = match[1] as 'volumes' | 'gigabytes';
    const type = match[2]!;
    byType.set(type, { ...byType.get(type), [resource]: { used: detail.in_use + detail.reserved, limit: detail.limit } });
  }
  return byType;
}

export async function fetchTypeQuotas(projectId: string, signal?: AbortSignal): Promise<ReadonlyMap<string, TypeQuota>> {
  const { quota_set } = await api.get<{ quota_set: Record<string, unknown> }>(
    `/api/os/block-storage/os-quota-sets/${encodeURIComponent(projectId)}`,
    { params: { usage: 'True' }, signal },
  );
  return typeQuotas(quota_set);
}

export const typeQuotasQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: volumeQuotaSetKeys.all(scope),
    queryFn: ({ signal }) => fetchTypeQuotas(scope.projectId, signal),
  });

export function useTypeQuotas() {
  return useQuery(typeQuotasQueryOptions(useScope()));
}
