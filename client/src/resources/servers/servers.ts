// Nova servers: one page of `servers/detail` (the list's only compute call), one server, and the patching of a
// polled server into the cached pages so a row updates without its page being read again.
import { keepPreviousData, queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../lib/api/client';
import { ApiError } from '../../lib/api/api-error';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { computeMicroversion, serverPageParams, serverPageRequest, serversPath, type ListState, type ServerListScope } from './list-state';
import { isPollingDone } from './server-state';
import type { Server, ServerPage } from './types';
import { longestWatch } from '../../lib/api/resource-watch';
import { unwatchServer, useWatch } from './server-watch';

export const serverKeys = scopedQueryKeys('compute', 'servers');
export { computeMicroversion, serversPath, type ServerListScope } from './list-state';
export const serverPath = (id: string) => `${serversPath}/${encodeURIComponent(id)}`;

export function fetchServerPage(state: ListState, signal?: AbortSignal, listScope: ServerListScope = 'project'): Promise<ServerPage> {
  const { path, options } = serverPageRequest(state, listScope);
  return api.get<ServerPage>(path, { ...options, signal });
}

/** One server, read in `scope` (its own project and region when a page lists several). */
export async function fetchServer(id: string, signal?: AbortSignal, scope?: QueryScope): Promise<Server> {
  const { server } = await api.get<{ server: Server }>(serverPath(id), { signal, microversion: computeMicroversion, scope });
  return server;
}

/**
 * Every server of the project with its details, as one page without a next link (Nova's largest page, 1000, then
 * its links): a polled server is patched into it like into any list page.
 */
export async function fetchAllServers(signal?: AbortSignal): Promise<ServerPage> {
  const servers = await fetchAllPages<Server>({ path: `${serversPath}/detail`, collection: 'servers', microversion: computeMicroversion, signal }, 1000);
  return { servers };
}

export const allServersQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: serverKeys.list(scope, { view: 'all' }),
    queryFn: ({ signal }) => fetchAllServers(signal),
  });

export const serverPageQueryOptions = (scope: QueryScope, state: ListState, listScope: ServerListScope = 'project') =>
  queryOptions({
    queryKey: serverKeys.list(scope, serverPageParams(state, listScope)),
    queryFn: ({ signal }) => fetchServerPage(state, signal, listScope),
    placeholderData: keepPreviousData,
  });

export const serverQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: serverKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchServer(id, signal, scope),
    // A deleted server stays deleted: no retries on 404.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

function isPageKey(key: readonly unknown[]): boolean {
  return key.length === 6 && key[4] === null;
}

/** Writes a polled server into every cached page that shows it (or removes it once Nova no longer knows it). */
export function patchServerInPages(queryClient: QueryClient, scope: QueryScope, id: string, server: Server | null) {
  for (const [key, page] of queryClient.getQueriesData<ServerPage>({ queryKey: serverKeys.all(scope) })) {
    if (!page || !isPageKey(key) || !page.servers.some((row) => row.id === id)) continue;
    queryClient.setQueryData<ServerPage>(key, {
      ...page,
      servers: server ? page.servers.map((row) => (row.id === id ? server : row)) : page.servers.filter((row) => row.id !== id),
    });
  }
}

export const pollInterval = 2000;

/**
 * Reads one server, and keeps reading it every 2 s while it changes (a task state, a transitional status, or an
 * action just sent): each answer is written into the cached list pages. Stops when the server has settled.
 */
export function useServerPolling(scope: QueryScope, id: string, { enabled = true, watchKey = id } = {}) {
  // A page listing the same server in several scopes watches each row under its own key (`watchKey`).
  const watch = useWatch(watchKey);
  const query = useQuery({
    ...serverQueryOptions(scope, id),
    enabled,
    refetchInterval: (current) => {
      const server = current.state.data;
      if (current.state.error) return false;
      if (!server) return pollInterval;
      return isPollingDone(server, current.state.dataUpdatedAt, watch) ? false : pollInterval;
    },
  });
  const { data, dataUpdatedAt, error } = query;
  const queryClient = useQueryClient();
  useEffect(() => {
    if (data) patchServerInPages(queryClient, scope, id, data);
    if (!watch || !data) return;
    if (isPollingDone(data, dataUpdatedAt, watch) || dataUpdatedAt - watch.since > longestWatch) unwatchServer(watchKey);
  }, [data, dataUpdatedAt, queryClient, scope, id, watch, watchKey]);
  useEffect(() => {
    if (error instanceof ApiError && error.status === 404) {
      patchServerInPages(queryClient, scope, id, null);
      unwatchServer(watchKey);
    }
  }, [error, queryClient, scope, id, watchKey]);
  return query;
}
