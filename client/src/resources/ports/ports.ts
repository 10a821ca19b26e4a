// The project's ports: one page for the ports list (of the project, or of one network), all of them by network
// and/or device (a server's interfaces, the free ports a server can be given), and one port.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { neutronPageParams } from '../../lib/api/neutron-paging';
import { fetchAllPages, fetchListPage } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { ListState } from './list-state';
import type { Port, PortFilters } from './types';

export const portKeys = scopedQueryKeys('network', 'ports');

export const portsPath = '/api/os/network/v2.0/ports';
export const portPath = (id: string) => `${portsPath}/${encodeURIComponent(id)}`;

/** Always the scope's project (project_id, not tenant_id): an admin token would otherwise see every project's ports. */
export function fetchPorts(projectId: string, filters: PortFilters = {}, signal?: AbortSignal): Promise<Port[]> {
  return fetchAllPages<Port>({
    path: portsPath,
    collection: 'ports',
    params: { project_id: projectId, network_id: filters.networkId, device_id: filters.deviceId },
    signal,
  });
}

export function fetchPortPage(projectId: string, state: ListState, signal?: AbortSignal) {
  return fetchListPage<Port>({
    path: portsPath,
    collection: 'ports',
    params: { project_id: projectId, network_id: state.filters.network, ...neutronPageParams(state) },
    signal,
  });
}

export async function fetchPort(id: string, signal?: AbortSignal): Promise<Port> {
  const { port } = await api.get<{ port: Port }>(portPath(id), { signal });
  return port;
}

/** A port not bound to any server, router or service: one a new server (or an interface attach) can take. */
export function isFreePort(port: Port): boolean {
  return port.device_id === '' && port.device_owner === '';
}

export const portsQueryOptions = (scope: QueryScope, filters: PortFilters = {}) =>
  queryOptions({
    queryKey: portKeys.list(scope, { ...filters }),
    queryFn: ({ signal }) => fetchPorts(scope.projectId, filters, signal),
  });

export const portPageQueryOptions = (scope: QueryScope, state: ListState) =>
  queryOptions({
    queryKey: portKeys.list(scope, { view: 'page', network: state.filters.network, ...neutronPageParams(state) }),
    queryFn: ({ signal }) => fetchPortPage(scope.projectId, state, signal),
    placeholderData: keepPreviousData,
  });

export const portQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: portKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchPort(id, signal),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

export function usePorts(filters: PortFilters = {}, { enabled = true } = {}) {
  return useQuery({ ...portsQueryOptions(useScope(), filters), enabled });
}

export function usePort(id: string) {
  return useQuery({ ...portQueryOptions(useScope(), id), enabled: id !== '' });
}
