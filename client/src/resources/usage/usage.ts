// Nova's usage report for one project (any user, their own project) or for every project (admin). From
// microversion 2.40 Nova pages the report by server: every page is read and merged.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { nextMarkerOf } from '../../lib/api/openstack-list';
import { scopedQueryKeys } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { mergeTenantUsages, periodParams } from './report';
import type { TenantUsage, UsagePeriod } from './types';

export const usageKeys = scopedQueryKeys('compute', 'usage');

const microversion = '2.40';
/** Servers per page: large, since a report of a busy month can hold thousands. */
const pageSize = 1000;

async function readAllPages(path: string, collection: 'tenant_usage' | 'tenant_usages', params: Record<string, string | number>, signal?: AbortSignal) {
  const pages: TenantUsage[] = [];
  let marker: string | undefined;
  do {
    const body = await api.get<Record<string, unknown>>(path, { params: { ...params, limit: pageSize, ...(marker ? { marker } : {}) }, microversion, signal });
    const answer = body[collection] as TenantUsage | TenantUsage[] | undefined;
    // A project without any server in the period answers an empty object.
    if (Array.isArray(answer)) pages.push(...answer);
    else if (answer && 'tenant_id' in answer) pages.push(answer);
    marker = nextMarkerOf(body, collection);
  } while (marker);
  return mergeTenantUsages(pages);
}

export async function fetchProjectUsage(projectId: string, period: UsagePeriod, signal?: AbortSignal): Promise<TenantUsage | null> {
  const [usage] = await readAllPages(`/api/os/compute/os-simple-tenant-usage/${encodeURIComponent(projectId)}`, 'tenant_usage', { ...periodParams(period), detailed: 1 }, signal);
  return usage ?? null;
}

export function fetchAllProjectsUsage(period: UsagePeriod, signal?: AbortSignal): Promise<TenantUsage[]> {
  return readAllPages('/api/os/compute/os-simple-tenant-usage', 'tenant_usages', { ...periodParams(period), detailed: 0 }, signal);
}

export function useProjectUsage(period: UsagePeriod, enabled: boolean) {
  const scope = useScope();
  return useQuery({
    queryKey: usageKeys.list(scope, { period, project: scope.projectId }),
    queryFn: ({ signal }) => fetchProjectUsage(scope.projectId, period, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAllProjectsUsage(period: UsagePeriod, enabled: boolean) {
  const scope = useScope();
  return useQuery({
    queryKey: usageKeys.list(scope, { period, allProjects: true }),
    queryFn: ({ signal }) => fetchAllProjectsUsage(period, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
