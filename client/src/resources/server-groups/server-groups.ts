// The project's server groups (placement policy for the servers launched into them).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { ServerGroup, ServerGroupPolicy } from './types';

export const serverGroupKeys = scopedQueryKeys('compute', 'server-groups');

// 2.64: one `policy` and its `rules` instead of a `policies` list.
export const serverGroupMicroversion = '2.64';

export const serverGroupsPath = '/api/os/compute/os-server-groups';
export const serverGroupPath = (id: string) => `${serverGroupsPath}/${encodeURIComponent(id)}`;

type ServerGroupBody = Omit<ServerGroup, 'policy'> & { policy?: ServerGroupPolicy; policies?: ServerGroupPolicy[] };

function fromBody({ policies, ...group }: ServerGroupBody): ServerGroup[] {
  // Before 2.64 the one policy came as a one-element list.
  const policy = group.policy ?? policies?.[0];
  return policy ? [{ ...group, policy }] : [];
}

/**
 * Server groups page by offset, not marker, and the project's quota allows 10 by default: one call with Nova's
 * own maximum page (1000) is the whole list.
 */
export async function fetchServerGroups(signal?: AbortSignal): Promise<ServerGroup[]> {
  const { server_groups } = await api.get<{ server_groups: ServerGroupBody[] }>(serverGroupsPath, {
    microversion: serverGroupMicroversion,
    params: { limit: 1000 },
    signal,
  });
  return server_groups.flatMap(fromBody).sort((a, b) => a.name.localeCompare(b.name));
}

export const serverGroupsQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: serverGroupKeys.all(scope),
    queryFn: ({ signal }) => fetchServerGroups(signal),
  });

export function useServerGroups() {
  return useQuery(serverGroupsQueryOptions(useScope()));
}

export async function fetchServerGroup(id: string, signal?: AbortSignal): Promise<ServerGroup> {
  const { server_group } = await api.get<{ server_group: ServerGroupBody }>(serverGroupPath(id), { microversion: serverGroupMicroversion, signal });
  const [group] = fromBody(server_group);
  if (!group) throw new Error(`Nova answered server group ${id} without a policy`);
  return group;
}

export const serverGroupQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: serverGroupKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchServerGroup(id, signal),
  });

export function useServerGroup(id: string) {
  return useQuery(serverGroupQueryOptions(useScope(), id));
}

