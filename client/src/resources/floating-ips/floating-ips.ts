// The project's floating IPs: one page for the list, all of them for choosers, allocate from an external network, associate with a port, disassociate, release.
// Writes are ActionRequests: the action declarations (lib/actions) send them.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { neutronPageParams } from '../../lib/api/neutron-paging';
import { fetchAllPages, fetchListPage } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import type { ActionRequest } from '../../lib/actions/types';
import { useScope } from '../../lib/scope';
import type { ListState } from './list-state';
import type { FloatingIp, FloatingIpAllocation, FloatingIpAssociation, FloatingIpFilters } from './types';

export const floatingIpKeys = scopedQueryKeys('network', 'floating-ips');

export const floatingIpsPath = '/api/os/network/v2.0/floatingips';
const floatingIpPath = (id: string) => `${floatingIpsPath}/${encodeURIComponent(id)}`;

/** Always the scope's project (project_id, not tenant_id): an admin token would otherwise see every project's. */
export async function fetchFloatingIps(projectId: string, filters: FloatingIpFilters = {}, signal?: AbortSignal) {
  // No port, no floating IP: without this an empty filter would be dropped and list them all.
  if (filters.portIds?.length === 0) return [];
  return fetchAllPages<FloatingIp>({
    path: floatingIpsPath,
    collection: 'floatingips',
    params: { project_id: projectId, port_id: filters.portIds },
    signal,
  });
}

export function allocateFloatingIpRequest(allocation: FloatingIpAllocation): ActionRequest {
  return {
    method: 'POST',
    path: floatingIpsPath,
    body: {
      floatingip: {
        floating_network_id: allocation.networkId,
        floating_ip_address: allocation.floatingIpAddress,
        port_id: allocation.portId,
        fixed_ip_address: allocation.fixedIpAddress,
        description: allocation.description,
      },
    },
  };
}

export function associateFloatingIpRequest(association: FloatingIpAssociation): ActionRequest {
  return {
    method: 'PUT',
    path: floatingIpPath(association.floatingIpId),
    body: { floatingip: { port_id: association.portId, fixed_ip_address: association.fixedIpAddress } },
  };
}

export function disassociateFloatingIpRequest(floatingIpId: string): ActionRequest {
  return { method: 'PUT', path: floatingIpPath(floatingIpId), body: { floatingip: { port_id: null } } };
}

export function releaseFloatingIpRequest(floatingIpId: string): ActionRequest {
  return { method: 'DELETE', path: floatingIpPath(floatingIpId) };
}

/** One page of the project's floating IPs, as the list's URL state says. */
export function fetchFloatingIpPage(projectId: string, state: ListState, signal?: AbortSignal) {
  return fetchListPage<FloatingIp>({
    path: floatingIpsPath,
    collection: 'floatingips',
    params: { project_id: projectId, ...neutronPageParams(state) },
    signal,
  });
}

export const floatingIpPageQueryOptions = (scope: QueryScope, state: ListState) =>
  queryOptions({
    queryKey: floatingIpKeys.list(scope, { view: 'page', ...neutronPageParams(state) }),
    queryFn: ({ signal }) => fetchFloatingIpPage(scope.projectId, state, signal),
    placeholderData: keepPreviousData,
  });

export function useFloatingIpPage(state: ListState) {
  return useQuery(floatingIpPageQueryOptions(useScope(), state));
}

export const floatingIpsQueryOptions = (scope: QueryScope, filters: FloatingIpFilters = {}) =>
  queryOptions({
    queryKey: floatingIpKeys.list(scope, { portIds: filters.portIds ? [...filters.portIds].sort() : undefined }),
    queryFn: ({ signal }) => fetchFloatingIps(scope.projectId, filters, signal),
  });

export function useFloatingIps(filters: FloatingIpFilters = {}, { enabled = true } = {}) {
  return useQuery({ ...floatingIpsQueryOptions(useScope(), filters), enabled });
}
