// Neutron networks, subnets and subnet pools: one page for the networks list, the networks a server can be
// plugged into (the project's own, the shared ones, the external ones), one network, its subnets, and the ports
// that keep it (or one of its subnets) from being deleted. Lists of the project's own resources are filtered by
// project_id, never the deprecated tenant_id: without it an admin token would list every project's networks.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { neutronPageParams } from '../../lib/api/neutron-paging';
import { fetchAllPages, fetchListPage, type ListParams } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { fetchPorts, portKeys } from '../ports/ports';
import type { Port } from '../ports/types';
import { viewOf, type ListState } from './list-state';
import type { Network, Subnet, SubnetPool } from './types';

export const networkKeys = scopedQueryKeys('network', 'networks');
export const subnetKeys = scopedQueryKeys('network', 'subnets');
export const subnetPoolKeys = scopedQueryKeys('network', 'subnetpools');

export const networksPath = '/api/os/network/v2.0/networks';
export const networkPath = (id: string) => `${networksPath}/${encodeURIComponent(id)}`;
export const subnetsPath = '/api/os/network/v2.0/subnets';
export const subnetPath = (id: string) => `${subnetsPath}/${encodeURIComponent(id)}`;

/** Device owners of the ports Neutron deletes itself with their network (neutron/common/_constants.py). */
const autoDeletedPortOwners = ['network:dhcp', 'network:distributed', 'network:floatingip_agent_gateway'];

function fetchNetworkList(params: ListParams, signal?: AbortSignal) {
  return fetchAllPages<Network>({ path: networksPath, collection: 'networks', params, signal });
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

/** One page of the list's view: the project's own networks, or every shared one, or every external one. */
export function fetchNetworkPage(projectId: string, state: ListState, signal?: AbortSignal) {
  const view = viewOf(state);
  const filter: ListParams =
    view === 'mine' ? { project_id: projectId } : view === 'shared' ? { shared: true } : { 'router:external': true };
  return fetchListPage<Network>({ path: networksPath, collection: 'networks', params: { ...filter, ...neutronPageParams(state) }, signal });
}

export async function fetchNetwork(id: string, signal?: AbortSignal): Promise<Network> {
  const { network } = await api.get<{ network: Network }>(networkPath(id), { signal });
  return network;
}

export function fetchSubnets(projectId: string, networkIds: readonly string[], signal?: AbortSignal) {
  // Subnets of shared and external networks belong to their network's project, so filter by network here.
  return fetchAllPages<Subnet>({
    path: subnetsPath,
    collection: 'subnets',
    params: networkIds.length > 0 ? { network_id: networkIds } : { project_id: projectId },
    signal,
  });
}

/** The subnet pools the project may allocate from (its own and the shared ones); most clouds have none. */
export function fetchSubnetPools(signal?: AbortSignal) {
  return fetchAllPages<SubnetPool>({ path: '/api/os/network/v2.0/subnetpools', collection: 'subnetpools', signal });
}

/**
 * The ports that keep a network (or, given a subnet, that subnet) from being deleted: Neutron's 409 says "in
 * use" without naming them. Ports Neutron removes itself (DHCP...) do not count.
 */
export async function fetchBlockingPorts(projectId: string, networkId: string, subnetId?: string, signal?: AbortSignal): Promise<Port[]> {
  const ports = await fetchPorts(projectId, { networkId }, signal);
  return ports.filter(
    (port) =>
      !autoDeletedPortOwners.includes(port.device_owner) &&
      (subnetId === undefined || port.fixed_ips.some((fixedIp) => fixedIp.subnet_id === subnetId)),
  );
}

const noRetryOn404 = (count: number, error: unknown) => !(error instanceof ApiError && error.status === 404) && count < 2;

export const networkPageQueryOptions = (scope: QueryScope, state: ListState) =>
  queryOptions({
    queryKey: networkKeys.list(scope, { view: viewOf(state), ...neutronPageParams(state) }),
    queryFn: ({ signal }) => fetchNetworkPage(scope.projectId, state, signal),
    placeholderData: keepPreviousData,
  });

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

export const networkQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: networkKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchNetwork(id, signal),
    retry: noRetryOn404,
  });

export const subnetsQueryOptions = (scope: QueryScope, networkIds: readonly string[]) => {
  const sorted = [...new Set(networkIds)].sort();
  return queryOptions({
    queryKey: subnetKeys.list(scope, { networkIds: sorted }),
    queryFn: ({ signal }) => fetchSubnets(scope.projectId, sorted, signal),
  });
};

export const subnetPoolsQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: subnetPoolKeys.list(scope),
    queryFn: ({ signal }) => fetchSubnetPools(signal),
    // Pools change rarely; the subnet form asks each time it opens otherwise.
    staleTime: 5 * 60_000,
  });

export const blockingPortsQueryOptions = (scope: QueryScope, networkId: string, subnetId?: string) =>
  queryOptions({
    // Under the ports' key: any port change makes it stale.
    queryKey: portKeys.list(scope, { blocking: networkId, subnetId }),
    queryFn: ({ signal }) => fetchBlockingPorts(scope.projectId, networkId, subnetId, signal),
  });

/** Networks a server can use: `project_id === scope.projectId` (own), `shared`, `router:external`. */
export function useUsableNetworks() {
  return useQuery(usableNetworksQueryOptions(useScope()));
}

/** External networks: where floating IPs are allocated from. */
export function useExternalNetworks() {
  return useQuery(externalNetworksQueryOptions(useScope()));
}

export function useNetwork(id: string) {
  return useQuery({ ...networkQueryOptions(useScope(), id), enabled: id !== '' });
}

/** Subnets of the given networks (or of the project when none are given), e.g. to check a fixed IP. */
export function useSubnets(networkIds: readonly string[] = [], { enabled = true } = {}) {
  return useQuery({ ...subnetsQueryOptions(useScope(), networkIds), enabled });
}

export function useSubnetPools() {
  return useQuery(subnetPoolsQueryOptions(useScope()));
}

export function useBlockingPorts(networkId: string, subnetId?: string) {
  return useQuery(blockingPortsQueryOptions(useScope(), networkId, subnetId));
}
