// What the topology is drawn from, read through the features that own each resource: usable networks and their
// subnets, the project's routers and ports, every server of the project (all pages: the graph shows them all), and
// the project's load balancers with their members where the catalog offers Octavia.
import { hasService } from '@contract/service-types';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchAllPages } from '../../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../../lib/api/query-keys';
import { useScope } from '../../../lib/scope';
import { computeMicroversion, serversPath } from '../../../resources/servers/servers';
import type { Server } from '../../../resources/servers/types';
import { useSubnets, useUsableNetworks } from '../../../resources/networks/networks';
import { usePorts } from '../../../resources/ports/ports';
import { useRouters } from '../../../resources/routers/routers';
import { fetchAll, loadBalancersPath, membersPath, poolsPath } from '../../../resources/load-balancers/load-balancers';
import type { LoadBalancer, Member, Pool } from '../../../resources/load-balancers/types';
import type { TopologyLoadBalancer, TopologyResources } from '../topology-graph';

// Its own resource name: the instances list's cached pages (servers/…) have another shape.
const topologyServerKeys = scopedQueryKeys('compute', 'topology-servers');

/** Every server of the project, all pages (the graph shows them all). */
export const topologyServersQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: topologyServerKeys.all(scope),
    queryFn: ({ signal }) =>
      fetchAllPages<Server>({ path: `${serversPath}/detail`, collection: 'servers', microversion: computeMicroversion, signal }),
  });

const useAllServers = () => useQuery(topologyServersQueryOptions(useScope()));

const topologyLoadBalancerKeys = scopedQueryKeys('load-balancer', 'topology-loadbalancers');
/** Pools whose members are read at once: a project with many pools does not send them all together. */
const memberReads = 4;

/**
 * The project's load balancers with their members: two lists filtered by project (load balancers, pools, in
 * parallel), then each pool's members (Octavia lists members per pool only), `memberReads` at a time: 2 + one call
 * per pool. The status tree (one call per load balancer) was not used: its members carry no subnet_id, and an
 * address alone may be on several networks.
 */
export async function fetchTopologyLoadBalancers(projectId: string, signal?: AbortSignal): Promise<TopologyLoadBalancer[]> {
  const [loadBalancers, pools] = await Promise.all([
    fetchAll<LoadBalancer>(loadBalancersPath, 'loadbalancers', { project_id: projectId }, signal),
    fetchAll<Pool>(poolsPath, 'pools', { project_id: projectId }, signal),
  ]);
  const withMembers = pools.filter((pool) => pool.members.length > 0);
  const members = new Map<string, Member[]>();
  let next = 0;
  const worker = async () => {
    while (next < withMembers.length) {
      const pool = withMembers[next++]!;
      const found = await fetchAll<Member>(membersPath(pool.id), 'members', {}, signal);
      for (const { id } of pool.loadbalancers) members.set(id, [...(members.get(id) ?? []), ...found]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(memberReads, withMembers.length) }, worker));
  return loadBalancers.map((loadBalancer) => ({ ...loadBalancer, members: members.get(loadBalancer.id) ?? [] }));
}

export const topologyLoadBalancersQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: topologyLoadBalancerKeys.all(scope),
    queryFn: ({ signal }) => fetchTopologyLoadBalancers(scope.projectId, signal),
  });

/** One of the reads the topology waits for: how many items it brought, once it answered. */
export interface TopologyRead {
  id: 'networks' | 'subnets' | 'routers' | 'ports' | 'servers' | 'loadBalancers';
  count?: number;
}

/**
 * The resources once the networks and routers answered: the graph's first boxes (a router's gateway comes with it).
 * The ports (slow in a big project) add the links and the instances, the subnets (asked for once the networks are
 * known) the networks' CIDRs, the servers (Nova's list, the slowest read of a big project) the instances' names and
 * states, the load balancers (where the catalog offers Octavia) theirs, as each answers. Also the first error (the
 * load balancers' apart), what each read brought so far, and a refetch of them all.
 */
export function useTopologyResources() {
  const scope = useScope();
  const networks = useUsableNetworks();
  const subnets = useSubnets(networks.data?.map((network) => network.id) ?? [], { enabled: networks.data !== undefined && networks.data.length > 0 });
  const routers = useRouters();
  const ports = usePorts();
  const servers = useAllServers();
  // Only where the catalog offers Octavia; drawn once it answers, like the ports and servers.
  const withLoadBalancers = hasService(scope.services, 'load-balancer');
  const loadBalancers = useQuery({ ...topologyLoadBalancersQueryOptions(scope), enabled: withLoadBalancers });
  const queries = [networks, subnets, routers, ports, servers];
  const noNetworks = networks.data?.length === 0;
  const resources: TopologyResources | undefined =
    networks.data && routers.data
      ? { projectId: scope.projectId, networks: networks.data, subnets: subnets.data ?? [], routers: routers.data, ports: ports.data, servers: servers.data, loadBalancers: loadBalancers.data }
      : undefined;
  const progress: TopologyRead[] = [
    { id: 'networks', count: networks.data?.length },
    { id: 'subnets', count: noNetworks ? 0 : subnets.data?.length },
    { id: 'routers', count: routers.data?.length },
    { id: 'ports', count: ports.data?.length },
    { id: 'servers', count: servers.data?.length },
    ...(withLoadBalancers ? [{ id: 'loadBalancers' as const, count: loadBalancers.data?.length }] : []),
  ];
  return {
    resources,
    progress,
    error: queries.find((query) => query.error)?.error ?? null,
    // Apart: a project may be refused Octavia (403) and still see its networks drawn.
    loadBalancersError: loadBalancers.error,
    isFetching: [...queries, loadBalancers].some((query) => query.isFetching),
    refetch: () => Promise.all([...queries, ...(withLoadBalancers ? [loadBalancers] : [])].map((query) => query.refetch())),
  };
}
