// What a template must hold to re-create a selection: the selected resources and everything they stand on. A
// server brings its ports, their networks (with all their subnets) and security groups, its floating IPs (and the
// routers that make them reachable: Neutron refuses an association without one), its volumes, its server group;
// a router brings its interfaces' subnets; a security group the groups its rules name. Pure: the snapshot in, the
// sets out, with what could not be followed.
import type { TemplateExportSelection } from '../../lib/template-export';
import type { FloatingIp } from '../../resources/floating-ips/types';
import type { Keypair } from '../../resources/keypairs/types';
import type { Network, Subnet } from '../../resources/networks/types';
import type { Port } from '../../resources/ports/types';
import { isRouterInterface } from '../../resources/routers/routers';
import type { Router } from '../../resources/routers/types';
import type { SecurityGroup } from '../../resources/security-groups/types';
import type { ServerGroup } from '../../resources/server-groups/types';
import type { Server } from '../../resources/servers/types';
import type { Volume } from '../../resources/volumes/types';
import type { LeftOut, ProjectSnapshot } from './snapshot';

export interface ExportClosure {
  servers: Server[];
  /** The servers' ports, and (whole project) the free ports. */
  ports: Port[];
  /** The project's own networks to re-create; networks of other projects are referenced, not held. */
  networks: Network[];
  /** Every subnet of those networks. */
  subnets: Subnet[];
  routers: Router[];
  /** The routers' interface ports. */
  routerPorts: Port[];
  securityGroups: SecurityGroup[];
  floatingIps: FloatingIp[];
  volumes: Volume[];
  serverGroups: ServerGroup[];
  /** Key pairs selected themselves (a server's key pair is only named, by a parameter). */
  keypairs: Keypair[];
  leftOut: LeftOut[];
}

/**
 * Ports Neutron makes and removes itself (DHCP, a router's gateway, a floating IP's own port, HA and DVR plumbing):
 * re-creating their network, router or floating IP re-creates them.
 */
const neutronOwnedPorts = [
  'network:dhcp',
  'network:router_gateway',
  'network:floatingip',
  'network:router_ha_interface',
  'network:router_centralized_snat',
  'network:floatingip_agent_gateway',
  'network:distributed',
];

const isServerPort = (port: Port) => port.device_owner.startsWith('compute:');
const isFreePort = (port: Port) => port.device_owner === '' && port.device_id === '';

/** Insertion-ordered sets of resources by id: each resource once, in the order it was reached. */
class IdSet<T extends { id: string }> {
  private readonly items = new Map<string, T>();
  add(item: T): boolean {
    if (this.items.has(item.id)) return false;
    this.items.set(item.id, item);
    return true;
  }
  has(id: string): boolean {
    return this.items.has(id);
  }
  values(): T[] {
    return [...this.items.values()];
  }
}

export function exportClosure(snapshot: ProjectSnapshot, selection: TemplateExportSelection): ExportClosure {
  const leftOut: LeftOut[] = [];
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
  const serversById = byId(snapshot.servers);
  const networksById = byId(snapshot.networks);
  const routersById = byId(snapshot.routers);
  const groupsById = byId(snapshot.securityGroups);
  const volumesById = byId(snapshot.volumes);
  const portsById = byId(snapshot.ports);
  const isOwn = (network: Network) => network.project_id === snapshot.projectId;

  const servers = new IdSet<Server>();
  const ports = new IdSet<Port>();
  const networks = new IdSet<Network>();
  const routers = new IdSet<Router>();
  const groups = new IdSet<SecurityGroup>();
  const floatingIps = new IdSet<FloatingIp>();
  const volumes = new IdSet<Volume>();
  const keypairs: Keypair[] = [];

  /** Looks each selected id up; an id the project no longer has is said, not skipped silently. */
  const pick = <T>(ids: readonly string[], lookup: (id: string) => T | undefined, kind: LeftOut['origin']['kind']): T[] =>
    ids.flatMap((id) => {
      const found = lookup(id);
      if (found === undefined) leftOut.push({ reason: 'notFound', origin: { kind, name: '', id } });
      return found === undefined ? [] : [found];
    });

  const addNetwork = (networkId: string) => {
    const network = networksById.get(networkId);
    // Networks of other projects are referenced by a parameter where they are used (see the generator).
    if (network && isOwn(network)) networks.add(network);
  };

  const addGroup = (groupId: string) => {
    const group = groupsById.get(groupId);
    if (!group || !groups.add(group)) return;
    for (const rule of group.security_group_rules) if (rule.remote_group_id) addGroup(rule.remote_group_id);
  };

  const addPort = (port: Port) => {
    if (!ports.add(port)) return;
    addNetwork(port.network_id);
    port.security_groups.forEach(addGroup);
  };

  const addRouter = (router: Router) => {
    if (!routers.add(router)) return;
    for (const port of interfacesOf(router)) addNetwork(port.network_id);
  };
  const interfacesOf = (router: Router) => snapshot.ports.filter((port) => port.device_id === router.id && isRouterInterface(port));

  /** The routers that carry a floating IP's traffic: a gateway on its network and an interface on its port's. */
  const addRoutersFor = (floatingIp: FloatingIp, port: Port) => {
    for (const router of snapshot.routers) {
      if (router.external_gateway_info?.network_id !== floatingIp.floating_network_id) continue;
      if (interfacesOf(router).some((routerPort) => routerPort.network_id === port.network_id)) addRouter(router);
    }
  };

  const addFloatingIp = (floatingIp: FloatingIp) => {
    if (!floatingIps.add(floatingIp)) return;
    const port = floatingIp.port_id ? portsById.get(floatingIp.port_id) : undefined;
    if (port && ports.has(port.id)) addRoutersFor(floatingIp, port);
  };

  /** A port of a service other than Nova, a router or Neutron itself (a load balancer...), or of a server the project does not list. */
  const isMadeElsewhere = (port: Port) =>
    isServerPort(port) ? !serversById.has(port.device_id) : !isRouterInterface(port) && !neutronOwnedPorts.includes(port.device_owner);

  const addServer = (server: Server) => {
    if (!servers.add(server)) return;
    const own = snapshot.ports.filter((port) => port.device_id === server.id && isServerPort(port));
    own.forEach(addPort);
    for (const floatingIp of snapshot.floatingIps) if (own.some((port) => port.id === floatingIp.port_id)) addFloatingIp(floatingIp);
    for (const attached of server['os-extended-volumes:volumes_attached']) {
      const volume = volumesById.get(attached.id);
      if (volume) volumes.add(volume);
      else leftOut.push({ reason: 'notFound', origin: { kind: 'volume', name: '', id: attached.id }, detail: server.name });
    }
  };

  if (selection.wholeProject) {
    snapshot.servers.forEach(addServer);
    snapshot.networks.filter(isOwn).forEach((network) => networks.add(network));
    snapshot.routers.forEach(addRouter);
    // Every group but the project's "default", which every project has: it comes only where something uses it.
    snapshot.securityGroups.filter((group) => group.name !== 'default').forEach((group) => addGroup(group.id));
    for (const port of snapshot.ports) {
      if (isFreePort(port)) addPort(port);
      else if (isMadeElsewhere(port)) leftOut.push({ reason: 'foreignPort', origin: { kind: 'port', name: port.name, id: port.id }, detail: port.device_owner });
    }
    snapshot.floatingIps.forEach(addFloatingIp);
    snapshot.volumes.forEach((volume) => volumes.add(volume));
  } else {
    pick(selection.server, (id) => serversById.get(id), 'server').forEach(addServer);
    pick(selection.network, (id) => networksById.get(id), 'network').forEach((network) => {
      if (isOwn(network)) networks.add(network);
      else leftOut.push({ reason: 'foreignNetwork', origin: { kind: 'network', name: network.name, id: network.id } });
    });
    pick(selection.router, (id) => routersById.get(id), 'router').forEach(addRouter);
    pick(selection.securityGroup, (id) => groupsById.get(id), 'securityGroup').forEach((group) => addGroup(group.id));
    pick(selection.volume, (id) => volumesById.get(id), 'volume').forEach((volume) => volumes.add(volume));
    const keypairsByName = new Map(snapshot.keypairs.map((keypair) => [keypair.name, keypair]));
    keypairs.push(...pick(selection.keypair, (name) => keypairsByName.get(name), 'keypair'));
  }

  const chosenServers = servers.values();
  const serverGroups = snapshot.serverGroups.filter((group) =>
    selection.wholeProject ? true : group.members.some((member) => servers.has(member)),
  );
  const chosenNetworks = networks.values();
  const chosenRouters = routers.values();
  return {
    servers: chosenServers,
    ports: ports.values(),
    networks: chosenNetworks,
    subnets: snapshot.subnets.filter((subnet) => networks.has(subnet.network_id)),
    routers: chosenRouters,
    routerPorts: chosenRouters.flatMap(interfacesOf),
    securityGroups: groups.values(),
    floatingIps: floatingIps.values(),
    volumes: volumes.values(),
    serverGroups,
    keypairs,
    leftOut,
  };
}
