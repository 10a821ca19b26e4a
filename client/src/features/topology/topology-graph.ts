// The project's network topology, as a model and as a drawing. The model: every network drawn, router, load
// balancer and instance, the links between them (ports: a router's gateway on an external network, a router's
// interfaces on internal networks, an instance's ports; a load balancer's VIP on its network, and its members on
// the instances holding their addresses), and the instances grouped by the network of their first port. The
// drawing: external networks, routers, networks, then each network's instances, left to right. dagre ranks only
// the networks, routers and one box per group; a group's instances are placed without dagre: a few in a column,
// each linked by its own port (labelled with its fixed IPs), more wrapped into a grid, and beyond a threshold
// collapsed into one node with their count until it is expanded. Pure functions of the resources: the layout is
// tested without a browser, and stays a matter of milliseconds at thousands of instances.
import { gridFrame, gridLayout, layoutGraph } from '../../lib/ui/graph-layout';
import type { LoadBalancer, Member } from '../../resources/load-balancers/types';
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
  /**
   * The project's ports (a router's gateway port belongs to no project: external_gateway_info says it). Until
   * Neutron answers (a big project's port list is slow), the networks and routers are drawn without the links
   * between them, and without instances: an instance's place is its first port's network.
   */
  ports?: readonly Port[];
  /**
   * The project's servers; until Nova answers (its list is the slowest read of a big project), the instances are
   * those the ports name, by id, without status: the graph's shape is already theirs.
   */
  servers?: readonly Pick<Server, 'id' | 'name' | 'status'>[];
  /** The project's load balancers, drawn once Octavia answers; none where the catalog has no load-balancer service. */
  loadBalancers?: readonly TopologyLoadBalancer[];
}

/** A load balancer with the members of all its pools. */
export interface TopologyLoadBalancer extends Pick<LoadBalancer, 'id' | 'name' | 'vip_address' | 'vip_network_id' | 'vip_subnet_id' | 'provisioning_status'> {
  members: readonly Pick<Member, 'address' | 'subnet_id'>[];
}

export type TopologyNodeKind = 'external-network' | 'network' | 'router' | 'load-balancer' | 'instance';

export interface TopologyResource {
  /** `<network|router|load-balancer|instance>:<resource id>`: unique across kinds. */
  id: string;
  kind: TopologyNodeKind;
  resourceId: string;
  name: string;
  /** CIDRs of a network, status of a router or an instance, VIP and provisioning status of a load balancer. */
  details: string[];
  /** An instance's fixed IPs on the networks drawn (shown in a grid's cells), a load balancer's VIP: matched by the search. */
  addresses: string[];
}

export type TopologyLinkKind = 'gateway' | 'interface' | 'instance-port' | 'vip' | 'member';

export interface TopologyLink {
  /** The port's id (a gateway: `gateway:<router id>`, a VIP: `vip:<lb id>`, members: `member:<lb id>:<instance id>`). */
  id: string;
  kind: TopologyLinkKind;
  source: string;
  target: string;
  /** The fixed IPs of the port (a VIP's address, the members' addresses). */
  label: string;
}

/** A network's instances: those whose first port (as Neutron lists them) is on it; `network` is none for instances on no network drawn. */
export interface InstanceGroup {
  /** `group:<network id>`, or `group:unlinked`. */
  id: string;
  network?: TopologyResource;
  /** By name, as a grid reads. */
  members: TopologyResource[];
}

export interface TopologyModel {
  /** Networks, routers, load balancers, then instances. */
  resources: TopologyResource[];
  links: TopologyLink[];
  groups: InstanceGroup[];
  /** The group of each instance, by the instance's node id. */
  groupOf: ReadonlyMap<string, InstanceGroup>;
  /** The ports have not answered: no interface or instance link is known yet, and no instance is drawn. */
  portsPending: boolean;
}

const nodeId = (kind: 'network' | 'router' | 'load-balancer' | 'instance', id: string) => `${kind}:${id}`;
const fixedIps = (ips: readonly { ip_address: string }[]) => ips.map((ip) => ip.ip_address);
const isInstancePort = (port: Port) => port.device_owner.startsWith('compute:');
// One collator for every comparison: localeCompare with options builds one per call, which sorting hundreds of names feels.
const names = new Intl.Collator(undefined, { numeric: true });
const byName = (a: TopologyResource, b: TopologyResource) => names.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function topologyModel({ projectId, networks, subnets, routers, ports: portList, servers: serverList, loadBalancers = [] }: TopologyResources): TopologyModel {
  const networkById = new Map(networks.map((network) => [network.id, network]));
  const ports = portList ?? [];
  const servers: readonly { id: string; name: string; status?: string }[] =
    portList === undefined ? [] : (serverList ?? [...new Set(ports.filter(isInstancePort).map((port) => port.device_id))].map((id) => ({ id, name: '' })));
  const serverIds = new Set(servers.map((server) => server.id));
  const routerIds = new Set(routers.map((router) => router.id));
  const links: TopologyLink[] = [];

  for (const router of routers) {
    const gateway = router.external_gateway_info;
    if (gateway && networkById.has(gateway.network_id)) {
      links.push({
        id: `gateway:${router.id}`,
        kind: 'gateway',
        source: nodeId('network', gateway.network_id),
        target: nodeId('router', router.id),
        label: fixedIps(gateway.external_fixed_ips ?? []).join(', '),
      });
    }
  }
  /** Each instance's addresses and the networks of its ports, in the order Neutron lists them. */
  const instancePorts = new Map<string, { addresses: string[]; networks: string[] }>();
  /** The instance holding each fixed IP, by `<subnet id> <address>`: where a load balancer's members are. */
  const instanceAt = new Map<string, string>();
  for (const port of ports) {
    if (!networkById.has(port.network_id)) continue;
    if (isRouterInterface(port) && routerIds.has(port.device_id)) {
      links.push({ id: port.id, kind: 'interface', source: nodeId('router', port.device_id), target: nodeId('network', port.network_id), label: fixedIps(port.fixed_ips).join(', ') });
    } else if (isInstancePort(port) && serverIds.has(port.device_id)) {
      const source = nodeId('network', port.network_id);
      links.push({ id: port.id, kind: 'instance-port', source, target: nodeId('instance', port.device_id), label: fixedIps(port.fixed_ips).join(', ') });
      const entry = instancePorts.get(port.device_id) ?? { addresses: [], networks: [] };
      entry.addresses.push(...fixedIps(port.fixed_ips));
      entry.networks.push(source);
      instancePorts.set(port.device_id, entry);
      for (const ip of port.fixed_ips) instanceAt.set(`${ip.subnet_id} ${ip.ip_address}`, port.device_id);
    }
  }
  for (const loadBalancer of loadBalancers) {
    const source = nodeId('load-balancer', loadBalancer.id);
    if (networkById.has(loadBalancer.vip_network_id)) {
      links.push({ id: `vip:${loadBalancer.id}`, kind: 'vip', source: nodeId('network', loadBalancer.vip_network_id), target: source, label: loadBalancer.vip_address });
    }
    // One link per instance, with every member address it holds (several pools, or ports, may name it). A member
    // given no subnet is on the VIP's (Octavia's own default).
    const addresses = new Map<string, string[]>();
    for (const member of loadBalancer.members) {
      const instance = instanceAt.get(`${member.subnet_id ?? loadBalancer.vip_subnet_id} ${member.address}`);
      if (instance === undefined) continue;
      const held = addresses.get(instance) ?? [];
      if (!held.includes(member.address)) addresses.set(instance, [...held, member.address]);
    }
    for (const [instance, held] of addresses) {
      links.push({ id: `member:${loadBalancer.id}:${instance}`, kind: 'member', source, target: nodeId('instance', instance), label: held.join(', ') });
    }
  }

  const linked = new Set(links.flatMap((link) => [link.source, link.target]));
  // A router's gateway network is external by definition: Neutron answers router:external null rather than true
  // to members on some clouds (an external network shared through an RBAC rule).
  const gatewayNetworks = new Set(routers.flatMap((router) => router.external_gateway_info?.network_id ?? []));
  const cidrs = new Map<string, string[]>();
  for (const subnet of subnets) cidrs.set(subnet.network_id, [...(cidrs.get(subnet.network_id) ?? []), subnet.cidr]);
  const networkResources = networks
    .filter((network) => network.project_id === projectId || linked.has(nodeId('network', network.id)))
    .map<TopologyResource>((network) => ({
      id: nodeId('network', network.id),
      kind: network['router:external'] || gatewayNetworks.has(network.id) ? 'external-network' : 'network',
      resourceId: network.id,
      name: network.name || network.id,
      details: cidrs.get(network.id) ?? [],
      addresses: [],
    }));
  const routerResources = routers.map<TopologyResource>((router) => ({
    id: nodeId('router', router.id),
    kind: 'router',
    resourceId: router.id,
    name: router.name || router.id,
    details: [router.status],
    addresses: [],
  }));
  const loadBalancerResources = loadBalancers.map<TopologyResource>((loadBalancer) => ({
    id: nodeId('load-balancer', loadBalancer.id),
    kind: 'load-balancer',
    resourceId: loadBalancer.id,
    name: loadBalancer.name || loadBalancer.id,
    details: [loadBalancer.vip_address, loadBalancer.provisioning_status],
    addresses: [loadBalancer.vip_address],
  }));
  const instanceResources = servers.map<TopologyResource>((server) => ({
    id: nodeId('instance', server.id),
    kind: 'instance',
    resourceId: server.id,
    name: server.name || server.id,
    details: server.status ? [server.status] : [],
    addresses: instancePorts.get(server.id)?.addresses ?? [],
  }));

  const groups = new Map<string, InstanceGroup>(networkResources.map((network) => [network.id, { id: `group:${network.resourceId}`, network, members: [] }]));
  const unlinked: InstanceGroup = { id: 'group:unlinked', members: [] };
  for (const instance of instanceResources) {
    const first = instancePorts.get(instance.resourceId)?.networks[0];
    (first === undefined ? unlinked : groups.get(first)!).members.push(instance);
  }
  const allGroups = [...groups.values(), unlinked].filter((group) => group.members.length > 0);
  for (const group of allGroups) group.members.sort(byName);
  const groupOf = new Map(allGroups.flatMap((group) => group.members.map((member) => [member.id, group] as const)));
  return { resources: [...networkResources, ...routerResources, ...loadBalancerResources, ...instanceResources], links, groups: allGroups, groupOf, portsPending: portList === undefined };
}

/** Up to `column` instances hang in a column, each on its own link; up to `expanded`, a grid shows at once; more start collapsed. */
export const groupLimits = { column: 6, expanded: 40 } as const;

export type GroupShape = 'column' | 'grid' | 'collapsed';

/** How a group is drawn: `expanded` says what the user chose (or the search needs), undefined for the default. */
export function groupShape(group: InstanceGroup, expanded: boolean | undefined): GroupShape {
  if (group.members.length <= groupLimits.column) return 'column';
  return (expanded ?? group.members.length <= groupLimits.expanded) ? 'grid' : 'collapsed';
}

export const nodeSize = { width: 220, height: 64 } as const;
const networkNodeHeight = 80;
export const groupNodeSize = { width: 220, height: 96 } as const;
const columnGap = 20;

export interface Placement {
  /** Top-left corner, as React Flow places nodes. */
  position: { x: number; y: number };
  width: number;
  height: number;
}

export type TopologyNode =
  | ({ type: 'resource'; id: string; resource: TopologyResource } & Placement)
  | ({ type: 'group'; id: string; group: InstanceGroup } & Placement)
  | ({ type: 'grid'; id: string; group: InstanceGroup; columns: number; cells: { resource: TopologyResource; position: { x: number; y: number } }[] } & Placement);

export interface TopologyEdge {
  id: string;
  /** `group`: a network's links to the instances of a group or grid, drawn as one. */
  kind: TopologyLinkKind | 'group';
  source: string;
  target: string;
  /** A port's fixed IPs; empty for `group`. */
  label: string;
  /** How many ports a `group` edge stands for. */
  count?: number;
}

export interface TopologyDrawing {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** The shape each group is drawn in, by group id. */
  shapes: ReadonlyMap<string, GroupShape>;
  /** Where each instance is drawn, in graph coordinates (its own node, its cell in a grid, or its collapsed group), and each load balancer. */
  places: ReadonlyMap<string, Placement>;
}

/** The model placed: `expanded` tells, per group id, whether the user (or the search) opened or closed it. */
export function layoutTopology(model: TopologyModel, expanded: (groupId: string) => boolean | undefined = () => undefined): TopologyDrawing {
  const shapes = new Map(model.groups.map((group) => [group.id, groupShape(group, expanded(group.id))]));

  // Each group is one box for dagre; its instance links become one link per network for dagre, and one drawn edge
  // per network (or load balancer) for a grid or a collapsed group. A load balancer's member links are not ranked:
  // the instances keep their place when Octavia answers after Neutron and Nova.
  const edges: TopologyEdge[] = [];
  const groupLinks = new Map<string, TopologyEdge>();
  for (const link of model.links) {
    const group = link.kind === 'instance-port' || link.kind === 'member' ? model.groupOf.get(link.target) : undefined;
    if (!group) {
      edges.push(link);
      continue;
    }
    const key = `${link.source}->${group.id}`;
    const grouped = groupLinks.get(key) ?? { id: key, kind: 'group', source: link.source, target: group.id, label: '', count: 0 };
    grouped.count! += 1;
    groupLinks.set(key, grouped);
    if (shapes.get(group.id) === 'column') edges.push(link);
  }
  for (const grouped of groupLinks.values()) if (shapes.get(grouped.target) !== 'column') edges.push(grouped);
  const fromNetwork = (edge: TopologyEdge) => !edge.source.startsWith('load-balancer:');
  const ranked = [...edges.filter((edge) => edge.kind === 'gateway' || edge.kind === 'interface' || edge.kind === 'vip'), ...[...groupLinks.values()].filter(fromNetwork)];

  const grids = new Map(model.groups.filter((group) => shapes.get(group.id) === 'grid').map((group) => [group.id, gridLayout(group.members.length)]));
  const boxes = [
    ...model.resources
      .filter((resource) => resource.kind !== 'instance')
      .map((resource) => ({ id: resource.id, width: nodeSize.width, height: resource.kind === 'router' ? nodeSize.height : networkNodeHeight })),
    ...model.groups.map((group) => {
      const shape = shapes.get(group.id);
      if (shape === 'grid') return { id: group.id, width: grids.get(group.id)!.width, height: grids.get(group.id)!.height };
      if (shape === 'collapsed') return { id: group.id, ...groupNodeSize };
      return { id: group.id, width: nodeSize.width, height: group.members.length * (nodeSize.height + columnGap) - columnGap };
    }),
  ];
  // ranksep leaves room for the IP labels in the middle of the links.
  const placed = new Map(
    layoutGraph(boxes, [...ranked, ...pendingInterfaces(model)], { rankdir: 'LR', nodesep: 20, ranksep: 160 }).map((box) => [box.id, box]),
  );

  const resourceById = new Map(model.resources.map((resource) => [resource.id, resource]));
  const nodes: TopologyNode[] = [];
  const places = new Map<string, Placement>();
  for (const box of placed.values()) {
    const resource = resourceById.get(box.id);
    if (!resource) continue;
    const node = { type: 'resource', id: box.id, resource, position: box.position, width: box.width, height: box.height } as const;
    nodes.push(node);
    if (resource.kind === 'load-balancer') places.set(resource.id, node);
  }
  for (const group of model.groups) {
    const box = placed.get(group.id)!;
    const shape = shapes.get(group.id);
    if (shape === 'collapsed') {
      const node = { type: 'group', id: group.id, group, position: box.position, width: box.width, height: box.height } as const;
      nodes.push(node);
      for (const member of group.members) places.set(member.id, node);
    } else if (shape === 'grid') {
      const grid = grids.get(group.id)!;
      const cells = group.members.map((resource, index) => ({ resource, position: grid.cellPosition(index) }));
      nodes.push({ type: 'grid', id: group.id, group, columns: grid.columns, cells, position: box.position, width: box.width, height: box.height });
      for (const cell of cells) {
        const position = { x: box.position.x + cell.position.x, y: box.position.y + cell.position.y };
        places.set(cell.resource.id, { position, width: gridFrame.cellWidth, height: gridFrame.cellHeight });
      }
    } else {
      group.members.forEach((resource, index) => {
        const node = { type: 'resource', id: resource.id, resource, position: { x: box.position.x, y: box.position.y + index * (nodeSize.height + columnGap) }, ...nodeSize } as const;
        nodes.push(node);
        places.set(resource.id, node);
      });
    }
  }
  return { nodes, edges, shapes, places };
}

/**
 * While the ports are pending, which router serves which network is unknown: each internal network is ranked
 * after the routers (as its interface will most likely link it) by a link to the first router, for the layout only,
 * so the networks stay in their column when the ports answer instead of jumping across the graph.
 */
function pendingInterfaces(model: TopologyModel): { id: string; source: string; target: string }[] {
  const router = model.resources.find((resource) => resource.kind === 'router');
  if (!model.portsPending || !router) return [];
  return model.resources.filter((resource) => resource.kind === 'network').map((network) => ({ id: `pending:${network.id}`, source: router.id, target: network.id }));
}

/** The instances and load balancers whose name, id or one of whose addresses (fixed IPs, VIP) holds `query` (case aside); none for a blank query. */
export function findResources(model: TopologyModel, query: string): TopologyResource[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  return model.resources.filter(
    (resource) =>
      (resource.kind === 'instance' || resource.kind === 'load-balancer') &&
      (resource.name.toLowerCase().includes(needle) || resource.resourceId.includes(needle) || resource.addresses.some((address) => address.includes(needle))),
  );
}
