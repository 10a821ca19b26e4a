// What the topology is drawn from, read through the features that own each resource: usable networks and their
// subnets, the project's routers and ports, and every server of the project (all pages: the graph shows them all).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchAllPages } from '../../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../../lib/api/query-keys';
import { useScope } from '../../../lib/scope';
import { computeMicroversion, serversPath } from '../../../resources/servers/servers';
import type { Server } from '../../../resources/servers/types';
import { useSubnets, useUsableNetworks } from '../../../resources/networks/networks';
import { usePorts } from '../../../resources/ports/ports';
import { useRouters } from '../../../resources/routers/routers';
import type { TopologyResources } from '../topology-graph';

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

/** One of the reads the topology waits for: how many items it brought, once it answered. */
export interface TopologyRead {
  id: 'networks' | 'subnets' | 'routers' | 'ports' | 'servers';
  count?: number;
}

/**
 * The resources once the networks and routers answered: the graph's first boxes (a router's gateway comes with it).
 * The ports (slow in a big project) add the links and the instances, the subnets (asked for once the networks are
 * known) the networks' CIDRs, the servers (Nova's list, the slowest read of a big project) the instances' names and
 * states, as each answers. Also the first error, what each read brought so far, and a
 * refetch of them all.
 */
export function useTopologyResources() {
  const scope = useScope();
  const networks = useUsableNetworks();
  const subnets = useSubnets(networks.data?.map((network) => network.id) ?? [], { enabled: networks.data !== undefined && networks.data.length > 0 });
  const routers = useRouters();
  const ports = usePorts();
  const servers = useAllServers();
  const queries = [networks, subnets, routers, ports, servers];
  const noNetworks = networks.data?.length === 0;
  const resources: TopologyResources | undefined =
    networks.data && routers.data
      ? { projectId: scope.projectId, networks: networks.data, subnets: subnets.data ?? [], routers: routers.data, ports: ports.data, servers: servers.data }
      : undefined;
  const progress: TopologyRead[] = [
    { id: 'networks', count: networks.data?.length },
    { id: 'subnets', count: noNetworks ? 0 : subnets.data?.length },
    { id: 'routers', count: routers.data?.length },
    { id: 'ports', count: ports.data?.length },
    { id: 'servers', count: servers.data?.length },
  ];
  return {
    resources,
    progress,
    error: queries.find((query) => query.error)?.error ?? null,
    isFetching: queries.some((query) => query.isFetching),
    refetch: () => Promise.all(queries.map((query) => query.refetch())),
  };
}
