// The project's security groups (with their rules, so a chooser can say what each one opens).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchAllPages } from '../../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../../lib/api/query-keys';
import { useScope } from '../../../lib/scope';
import type { SecurityGroup } from '../types';

export const securityGroupKeys = scopedQueryKeys('network', 'security-groups');

/** Always the scope's project (project_id, not tenant_id): an admin token would see every project's groups. */
export async function fetchSecurityGroups(projectId: string, signal?: AbortSignal): Promise<SecurityGroup[]> {
  const groups = await fetchAllPages<SecurityGroup>({
    path: '/api/os/network/v2.0/security-groups',
    collection: 'security_groups',
    params: { project_id: projectId },
    signal,
  });
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}

export const securityGroupsQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: securityGroupKeys.all(scope),
    queryFn: ({ signal }) => fetchSecurityGroups(scope.projectId, signal),
  });

export function useSecurityGroups() {
  return useQuery(securityGroupsQueryOptions(useScope()));
}
