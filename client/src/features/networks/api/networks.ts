// The networks a server can be plugged into (the project's own, the shared ones, the external ones) and their subnets.
// Neutron lists are always filtered by project (project_id, not the deprecated tenant_id) where the project's own
// resources are meant: without it an admin token would list every project's networks.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchAllPages, type ListParams } from '../../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../../lib/api/query-keys';
import { useScope } from '../../../lib/scope';
import type { Network, Subnet } from '../types';

export const networkKeys = scopedQueryKeys('network', 'networks');
export const subnetKeys = scopedQueryKeys('network', 'subnets');

function fetchNetworkList(params: ListParams, signal?: AbortSignal) {
  return fetchAllPages<Network>({ path: '/api/os/network/v2.0/networks', collection: 'networks', params, signal });
}

/**
 * The project's networks, then the shared and the external ones of other projects, each once, by name.
 * Neutron filters combine with AND, hence three calls (in parallel) for the OR.
 */
export async function fetchUsableNetworks(projectId: string, signal?: AbortSignal): Promise<Network[]> {
  const lists = await Promise.all([
    fetchNetworkList({ project_id: projectId }, signal),
    fetchNetworkList({ shared: true }, signal),
    fetchNetworkList({ 'router:external': true }, signal),
  ]);
  const byId = new Map<string, Network>();
  for (const network of lists.flat()) byId.set(network.id, network);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function fetchExternalNetworks(signal?: AbortSignal): Promise<Network[]> {
  return fetchNetworkList({ 'router:external': true }, signal);
}

export function fetchSubnets(projectId: string, networkIds: readonly string[], signal?: AbortSignal) {
  // Subnets of shared and external networks belong to their network's project, so filter by network here.
  return fetchAllPages<Subnet>({
    path: '/api/os/network/v2.0/subnets',
    collection: 'subnets',
    params: networkIds.length > 0 ? { network_id: networkIds } : { project_id: projectId },
    signal,
  });
}

export const usableNetworksQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: networkKeys.list(scope, { view: 'usable' }),
    queryFn: ({ signal }) => fetchUsableNetworks(scope.projectId, signal),
  });

export const externalNetworksQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: networkKeys.list(scope, { view: 'external' }),
    queryFn: ({ signal }) => fetchExternalNetworks(signal),
  });

export const subnetsQueryOptions = (scope: QueryScope, networkIds: readonly string[]) => {
  const sorted = [...new Set(networkIds)].sort();
  return queryOptions({
    queryKey: subnetKeys.list(scope, { networkIds: sorted }),
    queryFn: ({ signal }) => fetchSubnets(scope.projectId, sorted, signal),
  });
};

/** Networks a server can use: `project_id === scope.projectId` (own), `shared`, `router:external`. */
export function useUsableNetworks() {
  return useQuery(usableNetworksQueryOptions(useScope()));
}

/** External networks: where floating IPs are allocated from. */
export function useExternalNetworks() {
  return useQuery(externalNetworksQueryOptions(useScope()));
}

/** Subnets of the given networks (or of the project when none are given), e.g. to check a fixed IP. */
export function useSubnets(networkIds: readonly string[] = []) {
  return useQuery(subnetsQueryOptions(useScope(), networkIds));
}
