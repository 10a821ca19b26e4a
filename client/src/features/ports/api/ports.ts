// The project's ports, by network and/or device (a server's interfaces, the free ports a server can be given).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchAllPages } from '../../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../../lib/api/query-keys';
import { useScope } from '../../../lib/scope';
import type { Port, PortFilters } from '../types';

export const portKeys = scopedQueryKeys('network', 'ports');

/** Always the scope's project (project_id, not tenant_id): an admin token would otherwise see every project's ports. */
export function fetchPorts(projectId: string, filters: PortFilters = {}, signal?: AbortSignal): Promise<Port[]> {
  return fetchAllPages<Port>({
    path: '/api/os/network/v2.0/ports',
    collection: 'ports',
    params: { project_id: projectId, network_id: filters.networkId, device_id: filters.deviceId },
    signal,
  });
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

export function usePorts(filters: PortFilters = {}, { enabled = true } = {}) {
  return useQuery({ ...portsQueryOptions(useScope(), filters), enabled });
}
