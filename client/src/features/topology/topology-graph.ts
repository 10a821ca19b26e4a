// The project's network topology as a graph, laid out: external networks, then routers, then networks, then
// instances, left to right (dagre ranks them along the links). Links are ports: a router's gateway on an external
// network, a router's interfaces on internal networks, an instance's ports. A pure function of the resources,
// so the layout is tested without a browser.
import { layoutGraph } from '../../lib/ui/graph-layout';
import type { Network, Subnet } from '../../resources/networks/types';
import type { Port } from '../../resources/ports/types';
import { isRouterInterface } from '../../resources/routers/routers';
import type { Router } from '../../resources/routers/types';
import type { Server } from '../../resources/servers/types';

export interface TopologyResources {
  projectId: string;
  /** The networks the project may use (its own, shared, external): only those linked or owned are drawn. */
  networks: readonly Network[];
  subnets: readonly Subnet[];
  routers: readonly Router[];
  /** The project's ports (a router's gateway port belongs to no project: external_gateway_info says it). */
  ports: readonly Port[];
  servers: readonly Pick<Server, 'id' | 'name' | 'status'>[];
}

export type TopologyNodeKind = 'external-network' | 'network' | 'router' | 'instance';

export interface TopologyNode {
  /** `<kind>:<resource id>`: unique across kinds. */
  id: string;
  kind: TopologyNodeKind;
  resourceId: string;
  name: string;
  /** CIDRs of a network, status of a router or an instance. */
  details: string[];
  /** Top-left corner, as React Flow places nodes. */
  position: { x: number; y: number };
  width: number;
  height: number;
}

export type TopologyEdgeKind = 'gateway' | 'interface' | 'instance-port';

export interface TopologyEdge {
  /** The port's id (a gateway: `gateway:<router id>`). */
  id: string;
  kind: TopologyEdgeKind;
  source: string;
  target: string;
  /** The fixed IPs of the port. */
  label: string;
}

export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

export const nodeSize = { width: 220, height: 64 } as const;
const networkNodeHeight = 80;

const nodeId = (kind: 'network' | 'router' | 'instance', id: string) => `${kind}:${id}`;
const fixedIps = (ips: readonly { ip_address: string }[]) => ips.map((ip) => ip.ip_address).join(', ');
const isInstancePort = (port: Port) => port.device_owner.startsWith('compute:');

export function buildTopology({ projectId, networks, subnets, routers, ports, servers }: TopologyResources): Topology {
  const networkById = new Map(networks.map((network) => [network.id, network]));
  const serverIds = new Set(servers.map((server) => server.id));
  const routerIds = new Set(routers.map((router) => router.id));
  const edges: TopologyEdge[] = [];

  for (const router of routers) {
    const gateway = router.external_gateway_info;
    if (gateway && networkById.has(gateway.network_id)) {
      edges.push({
        id: `gateway:${router.id}`,
        kind: 'gateway',
        source: nodeId('network', gateway.network_id),
        target: nodeId('router', router.id),
        label: fixedIps(gateway.external_fixed_ips ?? []),
      });
    }
  }
  for (const port of ports) {
    if (!networkById.has(port.network_id)) continue;
    if (isRouterInterface(port) && routerIds.has(port.device_id)) {
      edges.push({ id: port.id, kind: 'interface', source: nodeId('router', port.device_id), target: nodeId('network', port.network_id), label: fixedIps(port.fixed_ips) });
    } else if (isInstancePort(port) && serverIds.has(port.device_id)) {
      edges.push({ id: port.id, kind: 'instance-port', source: nodeId('network', port.network_id), target: nodeId('instance', port.device_id), label: fixedIps(port.fixed_ips) });
    }
  }

  const linkedNodeIds = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  const drawnNetworks = networks.filter((network) => network.project_id === projectId || linkedNodeIds.has(nodeId('network', network.id)));
  const cidrsOf = (networkId: string) => subnets.filter((subnet) => subnet.network_id === networkId).map((subnet) => subnet.cidr);

  const unplaced: Omit<TopologyNode, 'position'>[] = [
    ...drawnNetworks.map((network) => ({
      id: nodeId('network', network.id),
      kind: network['router:external'] ? ('external-network' as const) : ('network' as const),
      resourceId: network.id,
      name: network.name || network.id,
      details: cidrsOf(network.id),
      width: nodeSize.width,
      height: networkNodeHeight,
    })),
    ...routers.map((router) => ({
      id: nodeId('router', router.id),
      kind: 'router' as const,
      resourceId: router.id,
      name: router.name || router.id,
      details: [router.status],
      ...nodeSize,
    })),
    ...servers.map((server) => ({
      id: nodeId('instance', server.id),
      kind: 'instance' as const,
      resourceId: server.id,
      name: server.name || server.id,
      details: [server.status],
      ...nodeSize,
    })),
  ];

  // ranksep leaves room for the IP labels in the middle of the links.
  const nodes = layoutGraph(unplaced, edges, { rankdir: 'LR', nodesep: 20, ranksep: 160 });
  return { nodes, edges };
}
