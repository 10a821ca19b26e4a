// The names of the project's servers, to say which instance holds a floating IP or a port. Nova filters servers by
// id for admins only, so the project's list is read (ids and names only: the plain, non-detail call).
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { readLookupSource, type LookupSource } from '../../lib/ui/lookup-cell';

interface ServerName {
  id: string;
  name: string;
}

export const serverNameKeys = scopedQueryKeys('compute', 'server-names');

// 1000 is Nova's default max_limit: one call for most projects.
const pageSize = 1000;

export async function fetchServerNames(signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const servers = await fetchAllPages<ServerName>({ path: '/api/os/compute/servers', collection: 'servers', signal }, pageSize);
  return new Map(servers.map((server) => [server.id, server.name]));
}

export const serverNamesQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: serverNameKeys.all(scope),
    queryFn: ({ signal }) => fetchServerNames(signal),
  });

/**
 * The names as a lookup for rows not shown (an export's): the same one read (or the cached answer), made only when
 * one of the rows is held by a server.
 */
export function readServerNamesLookup(queryClient: QueryClient, scope: QueryScope, needed: boolean): Promise<LookupSource<string, string>> {
  return needed ? readLookupSource(() => queryClient.ensureQueryData(serverNamesQueryOptions(scope))) : Promise.resolve({ isPending: false });
}

/** Server id → name for the scope's project. */
export function useServerNames() {
  return useQuery(serverNamesQueryOptions(useScope()));
}
