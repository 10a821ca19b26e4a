// The HOT template that re-creates a selection of existing resources (what the seed's course calls Flame): every
// resource of the selection's closure, wired to the others by get_resource/get_attr (never by the ids of the
// originals), what it only refers to (images, flavors, key pairs, networks of other projects) as parameters whose
// defaults are the current values, one comment per resource naming its original, and what cannot be expressed said
// in the description and returned beside the text. Pure: a snapshot and a selection in, the text and lists out.
import { Document, isMap, isScalar, visit } from 'yaml';
import type { TemplateExportSelection } from '../../lib/template-export';
import type { FloatingIp } from '../../resources/floating-ips/types';
import type { Network, Subnet } from '../../resources/networks/types';
import type { Port } from '../../resources/ports/types';
import type { Router } from '../../resources/routers/types';
import type { SecurityGroup, SecurityGroupRule } from '../../resources/security-groups/types';
import type { Server } from '../../resources/servers/types';
import type { Volume } from '../../resources/volumes/types';
import { exportClosure, type ExportClosure } from './closure';
import type {
  GeneratedTemplate,
  LeftOut,
  LeftOutReason,
  Origin,
  OriginKind,
  ProjectSnapshot,
  TemplateParameter,
  TemplateResource,
} from './snapshot';

/** Rocky's version: every function and resource property used here exists in it. */
export const heatTemplateVersion = '2018-08-31';

/** Heat refuses to create a security group named "default" (every project has its own). */
export const defaultGroupCopyName = 'default-copy';

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
type Properties = Record<string, Value>;

const getResource = (name: string): Value => ({ get_resource: name });
const getParam = (name: string): Value => ({ get_param: name });
const getAttr = (...path: string[]): Value => ({ get_attr: path });

const kindText: Record<OriginKind, string> = {
  server: 'server',
  port: 'port',
  network: 'network',
  subnet: 'subnet',
  router: 'router',
  securityGroup: 'security group',
  securityGroupRule: 'security group rule',
  floatingIp: 'floating IP',
  volume: 'volume',
  volumeAttachment: 'volume attachment',
  keypair: 'key pair',
  serverGroup: 'server group',
  image: 'image',
  flavor: 'flavor',
  availabilityZone: 'availability zone',
};

/** "server web-1 (3ad3…)": an original as the comments and the description name it. */
export function originText({ kind, name, id }: Origin): string {
  const label = name ? `${kindText[kind]} ${name}` : kindText[kind];
  return id && id !== name ? `${label} (${id})` : label;
}

const leftOutText: Record<LeftOutReason, (origin: string, detail: string) => string> = {
  notFound: (origin) => `${origin}: selected, but the project no longer has it`,
  imageContents: (origin, detail) => `${origin}: referred to by the parameter ${detail}; the image itself is not in the template`,
  volumeData: (origin, detail) => `${origin}: re-created ${detail ? `from the image ${detail}` : 'empty'}; its data is not copied`,
  serverDisk: (origin) => `${origin}: boots afresh; what was written on its disk and its user data are not in the template`,
  foreignNetwork: (origin, detail) =>
    `${origin} belongs to another project: not re-created${detail ? `, referred to by the parameter ${detail}` : ''}; addresses on it are allocated anew`,
  foreignPort: (origin, detail) => `${origin}, made by ${detail || 'another service'}: not re-created`,
  foreignInterface: (origin, detail) => `${origin}: interface of router ${detail} on a network that is not re-created`,
  attachment: (origin, detail) => `${origin}: its attachment to server ${detail} is left out (that server is not in the template)`,
  association: (origin, detail) => `${origin}: its association with port ${detail} is left out (that port is not in the template)`,
  floatingAddress: (origin, detail) => `${origin}: a new address is allocated from ${detail}`,
  serverGroupMembers: (origin, detail) => `${origin} also holds servers that are not in the template: ${detail}`,
  defaultGroup: (origin, detail) =>
    `${origin}: re-created as "${detail}" with the same rules; Heat refuses the name "default" (the new project has a default group of its own)`,
  defaultEgress: (origin) =>
    `${origin} has no egress rule of its own in the template: Heat keeps the allow-all egress rules Neutron gives a new group`,
  addressGroupRule: (origin, detail) => `${origin} of security group ${detail}: its remote is an address group, which Heat's rules cannot name`,
  unknownRemoteGroup: (origin, detail) => `${origin} of security group ${detail}: its remote group is not visible to the project`,
  anyProtocolRule: (origin, detail) =>
    `${origin} of security group ${detail}: written apart to break a cycle of groups, where Heat cannot say "any protocol"`,
  sharedNetwork: (origin) => `${origin} is shared with other projects: re-created unshared (sharing is granted by the cloud's admin or RBAC)`,
};

export function describeLeftOut(item: LeftOut): string {
  return leftOutText[item.reason](originText(item.origin), item.detail ?? '');
}

/** A template name from a resource's name: lower case, `_` for anything else, the id's start when nameless. */
function slug(text: string, fallback: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return cleaned || fallback.slice(0, 8).toLowerCase();
}

/** Hands out unique names: the second "web" is "web_2". */
class NameBook {
  private readonly taken = new Set<string>();
  take(base: string): string {
    let name = base;
    for (let count = 2; this.taken.has(name); count++) name = `${base}_${count}`;
    this.taken.add(name);
    return name;
  }
}

interface ResourceEntry {
  name: string;
  type: string;
  origin: Origin;
  /** The comment above it: where it comes from, and anything it does differently. */
  comment: string;
  properties: Properties;
}

interface ParameterEntry {
  name: string;
  label: string;
  /** Heat's custom constraint checking the value (`nova.flavor`...); none for values Heat has no constraint for. */
  constraint?: string;
  default: string;
  origin: Origin;
  /** The resources that use it, for its description. */
  users: Set<string>;
}

interface OutputEntry {
  name: string;
  description: string;
  value: Value;
}

const isDefaultEgress = (rule: SecurityGroupRule) =>
  rule.direction === 'egress' &&
  rule.protocol === null &&
  rule.port_range_min === null &&
  rule.port_range_max === null &&
  rule.remote_ip_prefix === null &&
  rule.remote_group_id === null &&
  !rule.remote_address_group_id;

/** The two egress rules Neutron gives every new group, and only them: a re-created group gets them anyway. */
function hasOnlyDefaultEgress(rules: readonly SecurityGroupRule[]): boolean {
  const egress = rules.filter((rule) => rule.direction === 'egress');
  return egress.length === 2 && egress.every(isDefaultEgress) && new Set(egress.map((rule) => rule.ethertype)).size === 2;
}

function ruleText(rule: SecurityGroupRule): string {
  const ports =
    rule.port_range_min === null ? '' : rule.port_range_min === rule.port_range_max ? ` ${rule.port_range_min}` : ` ${rule.port_range_min}-${rule.port_range_max ?? ''}`;
  return `${rule.direction} ${rule.ethertype} ${rule.protocol ?? 'any'}${ports}`;
}

/** The rules' fields Heat's inline rules and its rule resource share. */
function ruleProtocolFields(rule: SecurityGroupRule): Properties {
  const fields: Properties = { direction: rule.direction, ethertype: rule.ethertype };
  if (rule.protocol !== null) fields.protocol = rule.protocol;
  if (rule.port_range_min !== null) fields.port_range_min = rule.port_range_min;
  if (rule.port_range_max !== null) fields.port_range_max = rule.port_range_max;
  return fields;
}

/** Nova's own keys on a volume (read-only mode, attach mode) are not the user's metadata. */
const cinderOwnMetadata = new Set(['readonly', 'attached_mode']);

/** A volume a server boots from: its attachment to that server is the first disk (vda, sda, xvda...). */
function bootVolumeOf(server: Server, volumes: readonly Volume[]): Volume | undefined {
  const attached = volumes.filter((volume) => volume.attachments.some((attachment) => attachment.server_id === server.id));
  return (
    attached.find((volume) => volume.attachments.some((attachment) => attachment.server_id === server.id && /da$/.test(attachment.device))) ??
    attached.find((volume) => volume.bootable === 'true')
  );
}

/** Ports in the order Nova plugged them into the server (their creation), so the first NIC stays the first. */
const byCreation = (a: Port, b: Port) => (a.created_at ?? '').localeCompare(b.created_at ?? '') || a.id.localeCompare(b.id);

class TemplateBuilder {
  private readonly resourceNames = new NameBook();
  private readonly parameterNames = new NameBook();
  /** Template names of the re-created resources, by the original's id. */
  private readonly nameOf = new Map<string, string>();
  readonly resources: ResourceEntry[] = [];
  readonly parameters = new Map<string, ParameterEntry>();
  readonly outputs: OutputEntry[] = [];
  readonly leftOut: LeftOut[];
  private readonly networksById: Map<string, Network>;
  private readonly subnetsById: Map<string, Subnet>;

  constructor(
    private readonly snapshot: ProjectSnapshot,
    closure: ExportClosure,
  ) {
    this.leftOut = [...closure.leftOut];
    this.networksById = new Map(snapshot.networks.map((network) => [network.id, network]));
    this.subnetsById = new Map(snapshot.subnets.map((subnet) => [subnet.id, subnet]));
  }

  name(originalId: string, base: string): string {
    const name = this.resourceNames.take(base);
    this.nameOf.set(originalId, name);
    return name;
  }

  /** A name for a resource that stands for no original of its own (an interface, an attachment...). */
  resourceName(base: string): string {
    return this.resourceNames.take(base);
  }

  templateName(originalId: string): string | undefined {
    return this.nameOf.get(originalId);
  }

  add(entry: ResourceEntry) {
    this.resources.push(entry);
  }

  /** A parameter per referred value (one image, one flavor...), shared by every resource that uses it. */
  parameter(key: string, make: () => Omit<ParameterEntry, 'name' | 'users'> & { base: string }, user: string): string {
    let entry = this.parameters.get(key);
    if (!entry) {
      const { base, ...rest } = make();
      entry = { ...rest, name: this.parameterNames.take(base), users: new Set() };
      this.parameters.set(key, entry);
    }
    entry.users.add(user);
    return entry.name;
  }

  /** A network: the re-created one, or a parameter for a network of another project (shared, external). */
  networkRef(networkId: string, user: string): Value {
    const own = this.templateName(networkId);
    if (own) return getResource(own);
    const network = this.networksById.get(networkId);
    const name = network?.name || networkId;
    const external = network?.['router:external'] === true;
    const parameter = this.parameter(
      `network:${networkId}`,
      () => ({
        base: `${external ? 'external_network' : 'network'}_${slug(name, networkId)}`,
        label: external ? 'External network' : 'Network',
        constraint: 'neutron.network',
        default: networkId,
        origin: { kind: 'network', name: network?.name ?? '', id: networkId },
      }),
      user,
    );
    return getParam(parameter);
  }

  imageRef(imageId: string, user: string): Value {
    const imageName = this.snapshot.imageNames.get(imageId) ?? '';
    const parameter = this.parameter(
      `image:${imageId}`,
      () => ({
        base: `image_${slug(imageName, imageId)}`,
        label: 'Image',
        constraint: 'glance.image',
        default: imageId,
        origin: { kind: 'image', name: imageName, id: imageId },
      }),
      user,
    );
    return getParam(parameter);
  }

  /** Availability zones are the cloud's own names: a parameter each, defaulting to today's zone. */
  availabilityZoneRef(zone: string, user: string): Value {
    const parameter = this.parameter(
      `availability-zone:${zone}`,
      () => ({ base: `availability_zone_${slug(zone, zone)}`, label: 'Availability zone', default: zone, origin: { kind: 'availabilityZone', name: zone, id: '' } }),
      user,
    );
    return getParam(parameter);
  }

  subnet(subnetId: string): Subnet | undefined {
    return this.subnetsById.get(subnetId);
  }

  /** What the parameters stand for without re-creating it: said once each, with the parameter's name. */
  finish() {
    for (const entry of this.parameters.values()) {
      if (entry.origin.kind === 'image') this.leftOut.push({ reason: 'imageContents', origin: entry.origin, detail: entry.name });
      if (entry.origin.kind !== 'network') continue;
      // A network of another project selected itself is already said (by the closure): it gains its parameter.
      const said = this.leftOut.find((item) => item.reason === 'foreignNetwork' && item.origin.id === entry.origin.id);
      if (said) said.detail = entry.name;
      else this.leftOut.push({ reason: 'foreignNetwork', origin: entry.origin, detail: entry.name });
    }
  }
}

function addKeypairs(builder: TemplateBuilder, closure: ExportClosure) {
  for (const keypair of closure.keypairs) {
    const name = builder.name(`keypair:${keypair.name}`, `keypair_${slug(keypair.name, keypair.fingerprint)}`);
    const properties: Properties = { name: keypair.name, public_key: keypair.public_key };
    if (keypair.type !== 'ssh') properties.type = keypair.type;
    builder.add({
      name,
      type: 'OS::Nova::KeyPair',
      origin: { kind: 'keypair', name: keypair.name, id: '' },
      comment: `From key pair ${keypair.name} (${keypair.fingerprint}). Key pairs belong to the user: launched by the same user, it needs another name.`,
      properties,
    });
  }
}

function addServerGroups(builder: TemplateBuilder, closure: ExportClosure, snapshot: ProjectSnapshot) {
  const inTemplate = new Set(closure.servers.map((server) => server.id));
  const serverNames = new Map(snapshot.servers.map((server) => [server.id, server.name]));
  for (const group of closure.serverGroups) {
    const origin: Origin = { kind: 'serverGroup', name: group.name, id: group.id };
    const name = builder.name(group.id, `server_group_${slug(group.name, group.id)}`);
    const properties: Properties = { name: group.name, policies: [group.policy] };
    if (group.rules?.max_server_per_host !== undefined) properties.rules = { max_server_per_host: group.rules.max_server_per_host };
    builder.add({ name, type: 'OS::Nova::ServerGroup', origin, comment: `From ${originText(origin)}`, properties });
    const others = group.members.filter((member) => !inTemplate.has(member));
    if (others.length > 0) {
      builder.leftOut.push({ reason: 'serverGroupMembers', origin, detail: others.map((id) => serverNames.get(id) ?? id).join(', ') });
    }
  }
}

/**
 * Rules naming another group of the template are written inside their group (get_resource), unless the groups
 * name each other in a cycle, which Heat refuses: the rule closing a cycle is then a resource of its own.
 */
function cycleClosingRules(groups: readonly SecurityGroup[]): Set<string> {
  const inTemplate = new Map(groups.map((group) => [group.id, group]));
  const state = new Map<string, 'open' | 'done'>();
  const closing = new Set<string>();
  const visitGroup = (group: SecurityGroup) => {
    state.set(group.id, 'open');
    for (const rule of group.security_group_rules) {
      const remote = rule.remote_group_id ? inTemplate.get(rule.remote_group_id) : undefined;
      if (!remote || remote.id === group.id) continue;
      const seen = state.get(remote.id);
      if (seen === 'open') closing.add(rule.id);
      else if (seen === undefined) visitGroup(remote);
    }
    state.set(group.id, 'done');
  };
  for (const group of groups) if (!state.has(group.id)) visitGroup(group);
  return closing;
}

function addSecurityGroups(builder: TemplateBuilder, closure: ExportClosure) {
  const groups = closure.securityGroups;
  for (const group of groups) builder.name(group.id, `security_group_${slug(group.name, group.id)}`);
  const closing = cycleClosingRules(groups);
  const apart: { group: SecurityGroup; rule: SecurityGroupRule }[] = [];

  for (const group of groups) {
    const origin: Origin = { kind: 'securityGroup', name: group.name, id: group.id };
    const isDefault = group.name === 'default';
    const omitEgress = hasOnlyDefaultEgress(group.security_group_rules);
    const inline: Value[] = [];
    let inlineEgress = false;
    for (const rule of group.security_group_rules) {
      const ruleOrigin: Origin = { kind: 'securityGroupRule', name: ruleText(rule), id: rule.id };
      if (rule.remote_address_group_id) {
        builder.leftOut.push({ reason: 'addressGroupRule', origin: ruleOrigin, detail: group.name });
        continue;
      }
      if (omitEgress && rule.direction === 'egress') continue;
      const fields = ruleProtocolFields(rule);
      if (rule.remote_group_id) {
        const remote = builder.templateName(rule.remote_group_id);
        if (!remote) {
          builder.leftOut.push({ reason: 'unknownRemoteGroup', origin: ruleOrigin, detail: group.name });
          continue;
        }
        if (closing.has(rule.id)) {
          apart.push({ group, rule });
          continue;
        }
        fields.remote_mode = 'remote_group_id';
        // A rule naming its own group leaves the id out: Heat then uses the group being made.
        if (rule.remote_group_id !== group.id) fields.remote_group_id = getResource(remote);
      } else if (rule.remote_ip_prefix !== null) {
        fields.remote_ip_prefix = rule.remote_ip_prefix;
      }
      inline.push(fields);
      inlineEgress ||= rule.direction === 'egress';
    }
    if (!omitEgress && !inlineEgress) builder.leftOut.push({ reason: 'defaultEgress', origin });
    if (isDefault) builder.leftOut.push({ reason: 'defaultGroup', origin, detail: defaultGroupCopyName });

    const properties: Properties = { name: isDefault ? defaultGroupCopyName : group.name };
    if (group.description) properties.description = group.description;
    properties.rules = inline;
    const notes = [`From ${originText(origin)}`];
    if (isDefault) notes.push(`Renamed ${defaultGroupCopyName}: Heat refuses the name "default", which the new project's own group has.`);
    if (omitEgress) notes.push('Its egress rules are the two Neutron gives every new group: not repeated.');
    builder.add({ name: builder.templateName(group.id)!, type: 'OS::Neutron::SecurityGroup', origin, comment: notes.join('\n'), properties });
  }

  for (const { group, rule } of apart) {
    const origin: Origin = { kind: 'securityGroupRule', name: ruleText(rule), id: rule.id };
    if (rule.protocol === null) {
      builder.leftOut.push({ reason: 'anyProtocolRule', origin, detail: group.name });
      continue;
    }
    const properties: Properties = {
      security_group: getResource(builder.templateName(group.id)!),
      ...ruleProtocolFields(rule),
      remote_group: getResource(builder.templateName(rule.remote_group_id!)!),
    };
    if (rule.description) properties.description = rule.description;
    builder.add({
      name: builder.resourceName(`${builder.templateName(group.id)!}_rule`),
      type: 'OS::Neutron::SecurityGroupRule',
      origin,
      comment: `From ${originText(origin)} of security group ${group.name}, apart from its group: the groups name each other.`,
      properties,
    });
  }
}

function subnetProperties(subnet: Subnet, network: string): Properties {
  const properties: Properties = {};
  if (subnet.name) properties.name = subnet.name;
  Object.assign(properties, {
    network: getResource(network),
    ip_version: subnet.ip_version,
    cidr: subnet.cidr,
    // null says "no gateway" to Heat; leaving it out would let Neutron pick one.
    gateway_ip: subnet.gateway_ip,
    enable_dhcp: subnet.enable_dhcp,
    allocation_pools: subnet.allocation_pools.map(({ start, end }) => ({ start, end })),
  });
  if (subnet.dns_nameservers && subnet.dns_nameservers.length > 0) properties.dns_nameservers = [...subnet.dns_nameservers];
  if (subnet.host_routes && subnet.host_routes.length > 0) {
    properties.host_routes = subnet.host_routes.map(({ destination, nexthop }) => ({ destination, nexthop }));
  }
  if (subnet.ipv6_address_mode) properties.ipv6_address_mode = subnet.ipv6_address_mode;
  if (subnet.ipv6_ra_mode) properties.ipv6_ra_mode = subnet.ipv6_ra_mode;
  withTags(properties, subnet.tags);
  return properties;
}

function addNetworks(builder: TemplateBuilder, closure: ExportClosure) {
  for (const network of closure.networks) builder.name(network.id, `network_${slug(network.name, network.id)}`);
  for (const subnet of closure.subnets) builder.name(subnet.id, `subnet_${slug(subnet.name, subnet.id)}`);
  for (const network of closure.networks) {
    const origin: Origin = { kind: 'network', name: network.name, id: network.id };
    const properties: Properties = { name: network.name };
    if (!network.admin_state_up) properties.admin_state_up = false;
    if (network.port_security_enabled === false) properties.port_security_enabled = false;
    withTags(properties, network.tags);
    if (network.shared) builder.leftOut.push({ reason: 'sharedNetwork', origin });
    const name = builder.templateName(network.id)!;
    builder.add({ name, type: 'OS::Neutron::Net', origin, comment: `From ${originText(origin)}`, properties });
    for (const subnet of closure.subnets.filter((candidate) => candidate.network_id === network.id)) {
      const subnetOrigin: Origin = { kind: 'subnet', name: subnet.name, id: subnet.id };
      builder.add({
        name: builder.templateName(subnet.id)!,
        type: 'OS::Neutron::Subnet',
        origin: subnetOrigin,
        comment: `From ${originText(subnetOrigin)}, ${subnet.cidr}`,
        properties: subnetProperties(subnet, name),
      });
    }
  }
}

/** A port's fixed addresses on re-created subnets, kept as they are (the network is new: nothing else holds them). */
function fixedIps(builder: TemplateBuilder, port: Port): Value[] {
  return port.fixed_ips.flatMap((fixedIp) => {
    const subnet = builder.templateName(fixedIp.subnet_id);
    return subnet ? [{ subnet: getResource(subnet), ip_address: fixedIp.ip_address }] : [];
  });
}

function addRouters(builder: TemplateBuilder, closure: ExportClosure) {
  for (const router of closure.routers) builder.name(router.id, `router_${slug(router.name, router.id)}`);
  for (const router of closure.routers) {
    const origin: Origin = { kind: 'router', name: router.name, id: router.id };
    const name = builder.templateName(router.id)!;
    const properties: Properties = { name: router.name };
    const gateway = router.external_gateway_info;
    if (gateway) {
      const info: Properties = { network: builder.networkRef(gateway.network_id, name) };
      // Only a change from Neutron's default is written: setting it at all is an admin's right by default policy.
      if (gateway.enable_snat === false) info.enable_snat = false;
      properties.external_gateway_info = info;
    }
    if (!router.admin_state_up) properties.admin_state_up = false;
    withTags(properties, router.tags);
    builder.add({ name, type: 'OS::Neutron::Router', origin, comment: `From ${originText(origin)}`, properties });
    for (const port of closure.routerPorts.filter((candidate) => candidate.device_id === router.id)) addRouterInterface(builder, router, name, port);
    if (router.routes && router.routes.length > 0) {
      builder.add({
        name: builder.resourceName(`${name}_routes`),
        type: 'OS::Neutron::ExtraRouteSet',
        origin,
        comment: `The static routes of ${originText(origin)}`,
        properties: { router: getResource(name), routes: router.routes.map(({ destination, nexthop }) => ({ destination, nexthop })) },
      });
    }
  }
}

/**
 * An interface on its subnet's gateway address is made from the subnet; one on another address needs its port
 * (made first, with that address). An interface on a network that is not re-created cannot be made.
 */
function addRouterInterface(builder: TemplateBuilder, router: Router, routerName: string, port: Port) {
  const origin: Origin = { kind: 'port', name: port.name, id: port.id };
  const [only] = port.fixed_ips;
  const subnet = only ? builder.subnet(only.subnet_id) : undefined;
  if (!builder.templateName(port.network_id) || !only) {
    builder.leftOut.push({ reason: 'foreignInterface', origin, detail: router.name || router.id });
    return;
  }
  const subnetName = builder.templateName(only.subnet_id);
  if (port.fixed_ips.length === 1 && subnet && subnetName && subnet.gateway_ip === only.ip_address) {
    builder.add({
      name: builder.resourceName(`${routerName}_interface_${slug(subnet.name, subnet.id)}`),
      type: 'OS::Neutron::RouterInterface',
      origin,
      comment: `The interface of router ${router.name || router.id} on subnet ${subnet.name || subnet.id} (port ${port.id})`,
      properties: { router: getResource(routerName), subnet: getResource(subnetName) },
    });
    return;
  }
  const portName = builder.name(port.id, `${routerName}_port_${slug(port.name, port.id)}`);
  builder.add({
    name: portName,
    type: 'OS::Neutron::Port',
    origin,
    comment: `From ${originText(origin)}, interface of router ${router.name || router.id}`,
    properties: { network: builder.networkRef(port.network_id, portName), fixed_ips: fixedIps(builder, port) },
  });
  builder.add({
    name: builder.resourceName(`${routerName}_interface_${slug(port.name, port.id)}`),
    type: 'OS::Neutron::RouterInterface',
    origin,
    comment: `The interface of router ${router.name || router.id} on port ${port.id}`,
    properties: { router: getResource(routerName), port: getResource(portName) },
  });
}

/** Neutron's tags, which Heat's network, subnet, port and router resources all take. */
function withTags(properties: Properties, tags: readonly string[] | undefined) {
  if (tags && tags.length > 0) properties.tags = [...tags];
}

function portProperties(builder: TemplateBuilder, port: Port, name: string): Properties {
  const properties: Properties = {};
  if (port.name) properties.name = port.name;
  properties.network = builder.networkRef(port.network_id, name);
  // On a network of another project the addresses are not kept: the original port still holds them there.
  const ips = fixedIps(builder, port);
  if (ips.length > 0) properties.fixed_ips = ips;
  if (port.port_security_enabled === false) {
    properties.port_security_enabled = false;
  } else {
    // Written even when empty: a port without the property gets the project's default group.
    properties.security_groups = port.security_groups.flatMap((id) => {
      const group = builder.templateName(id);
      return group ? [getResource(group)] : [];
    });
  }
  if (port.allowed_address_pairs && port.allowed_address_pairs.length > 0) {
    properties.allowed_address_pairs = port.allowed_address_pairs.map(({ ip_address, mac_address }): Value => {
      const pair: Properties = { ip_address };
      if (mac_address) pair.mac_address = mac_address;
      return pair;
    });
  }
  if (!port.admin_state_up) properties.admin_state_up = false;
  withTags(properties, port.tags);
  return properties;
}

function addPort(builder: TemplateBuilder, port: Port, base: string, owner: string) {
  const origin: Origin = { kind: 'port', name: port.name, id: port.id };
  const name = builder.name(port.id, base);
  builder.add({
    name,
    type: 'OS::Neutron::Port',
    origin,
    comment: `From ${originText(origin)}${owner ? `, ${owner}` : ''}`,
    properties: portProperties(builder, port, name),
  });
}

function addVolumes(builder: TemplateBuilder, closure: ExportClosure) {
  for (const volume of closure.volumes) {
    const origin: Origin = { kind: 'volume', name: volume.name ?? '', id: volume.id };
    const name = builder.name(volume.id, `volume_${slug(volume.name ?? '', volume.id)}`);
    const properties: Properties = {};
    if (volume.name) properties.name = volume.name;
    properties.size = volume.size;
    if (volume.description) properties.description = volume.description;
    if (volume.volume_type) properties.volume_type = volume.volume_type;
    if (volume.availability_zone) properties.availability_zone = builder.availabilityZoneRef(volume.availability_zone, name);
    const imageId = volume.volume_image_metadata?.image_id;
    if (imageId) properties.image = builder.imageRef(imageId, name);
    const metadata = Object.fromEntries(Object.entries(volume.metadata).filter(([key]) => !cinderOwnMetadata.has(key)));
    if (Object.keys(metadata).length > 0) properties.metadata = metadata;
    builder.add({ name, type: 'OS::Cinder::Volume', origin, comment: `From ${originText(origin)}, ${volume.size} GiB`, properties });
    builder.leftOut.push({ reason: 'volumeData', origin, detail: imageId ? (volume.volume_image_metadata?.image_name ?? imageId) : '' });
  }
}

function addServers(builder: TemplateBuilder, closure: ExportClosure) {
  for (const server of closure.servers) builder.name(server.id, `server_${slug(server.name, server.id)}`);
  const groupOf = new Map(closure.serverGroups.flatMap((group) => group.members.map((member) => [member, group.id] as const)));
  const keypairsInTemplate = new Set(closure.keypairs.map((keypair) => keypair.name));

  for (const server of closure.servers) {
    const origin: Origin = { kind: 'server', name: server.name, id: server.id };
    const name = builder.templateName(server.id)!;
    const ports = closure.ports.filter((port) => port.device_id === server.id).sort(byCreation);
    for (const port of ports) addPort(builder, port, port.name ? `port_${slug(port.name, port.id)}` : `${name}_port`, `port of server ${server.name}`);

    const properties: Properties = { name: server.name };
    const bootVolume = server.image === '' ? bootVolumeOf(server, closure.volumes) : undefined;
    if (server.image !== '') properties.image = builder.imageRef(server.image.id, name);
    else if (bootVolume) {
      const attached = server['os-extended-volumes:volumes_attached'].find((volume) => volume.id === bootVolume.id);
      const mapping: Properties = { boot_index: 0, volume_id: getResource(builder.templateName(bootVolume.id)!) };
      if (attached?.delete_on_termination) mapping.delete_on_termination = true;
      properties.block_device_mapping_v2 = [mapping];
    }
    const flavor = server.flavor.original_name;
    properties.flavor = getParam(
      builder.parameter(
        `flavor:${flavor}`,
        () => ({ base: `flavor_${slug(flavor, flavor)}`, label: 'Flavor', constraint: 'nova.flavor', default: flavor, origin: { kind: 'flavor', name: flavor, id: '' } }),
        name,
      ),
    );
    if (server.key_name) {
      const keyName = server.key_name;
      properties.key_name = keypairsInTemplate.has(keyName)
        ? getResource(builder.templateName(`keypair:${keyName}`)!)
        : getParam(
            builder.parameter(
              `keypair:${keyName}`,
              () => ({ base: `key_name_${slug(keyName, keyName)}`, label: 'Key pair', constraint: 'nova.keypair', default: keyName, origin: { kind: 'keypair', name: keyName, id: '' } }),
              name,
            ),
          );
    }
    properties.networks = ports.map((port) => ({ port: getResource(builder.templateName(port.id)!) }));
    const group = groupOf.get(server.id);
    if (group) properties.scheduler_hints = { group: getResource(builder.templateName(group)!) };
    if (Object.keys(server.metadata).length > 0) properties.metadata = { ...server.metadata };
    if (server.config_drive === 'True' || server.config_drive === 'true') properties.config_drive = true;
    if (server.tags && server.tags.length > 0) properties.tags = [...server.tags];
    const zone = server['OS-EXT-AZ:availability_zone'];
    if (zone) properties.availability_zone = builder.availabilityZoneRef(zone, name);
    builder.add({ name, type: 'OS::Nova::Server', origin, comment: `From ${originText(origin)}, flavor ${flavor}`, properties });
    builder.leftOut.push({ reason: 'serverDisk', origin });
    builder.outputs.push({ name: `${name}_networks`, description: `Addresses of server ${server.name}, by network`, value: getAttr(name, 'networks') });

    for (const volume of closure.volumes) {
      if (volume.id === bootVolume?.id) continue;
      for (const attachment of volume.attachments.filter((candidate) => candidate.server_id === server.id)) {
        const volumeName = builder.templateName(volume.id)!;
        const attachmentOrigin: Origin = { kind: 'volumeAttachment', name: `${volume.name || volume.id} on ${server.name}`, id: attachment.attachment_id };
        const properties: Properties = { instance_uuid: getResource(name), volume_id: getResource(volumeName) };
        if (attachment.device) properties.mountpoint = attachment.device;
        builder.add({
          name: builder.resourceName(`${volumeName}_attachment`),
          type: 'OS::Cinder::VolumeAttachment',
          origin: attachmentOrigin,
          comment: `The attachment of volume ${volume.name || volume.id} to server ${server.name}${attachment.device ? ` as ${attachment.device}` : ''} (${attachment.attachment_id})`,
          properties,
        });
      }
    }
  }
}

function addLeftOutAttachments(builder: TemplateBuilder, closure: ExportClosure, snapshot: ProjectSnapshot) {
  const inTemplate = new Set(closure.servers.map((server) => server.id));
  const serverNames = new Map(snapshot.servers.map((server) => [server.id, server.name]));
  for (const volume of closure.volumes) {
    for (const attachment of volume.attachments.filter((candidate) => !inTemplate.has(candidate.server_id))) {
      builder.leftOut.push({
        reason: 'attachment',
        origin: { kind: 'volume', name: volume.name ?? '', id: volume.id },
        detail: serverNames.get(attachment.server_id) || attachment.server_id,
      });
    }
  }
}

function addFloatingIps(builder: TemplateBuilder, closure: ExportClosure, snapshot: ProjectSnapshot) {
  const portsById = new Map(snapshot.ports.map((port) => [port.id, port]));
  const networksById = new Map(snapshot.networks.map((network) => [network.id, network]));
  for (const floatingIp of closure.floatingIps) addFloatingIp(builder, floatingIp, portsById.get(floatingIp.port_id ?? ''), networksById.get(floatingIp.floating_network_id));
}

function addFloatingIp(builder: TemplateBuilder, floatingIp: FloatingIp, port: Port | undefined, network: Network | undefined) {
  const origin: Origin = { kind: 'floatingIp', name: floatingIp.floating_ip_address, id: floatingIp.id };
  const name = builder.name(floatingIp.id, `floating_ip_${slug(floatingIp.floating_ip_address, floatingIp.id)}`);
  builder.add({
    name,
    type: 'OS::Neutron::FloatingIP',
    origin,
    comment: `From ${originText(origin)}`,
    properties: { floating_network: builder.networkRef(floatingIp.floating_network_id, name) },
  });
  builder.leftOut.push({ reason: 'floatingAddress', origin, detail: network?.name || floatingIp.floating_network_id });
  builder.outputs.push({ name: `${name}_address`, description: `The address that replaces ${floatingIp.floating_ip_address}`, value: getAttr(name, 'floating_ip_address') });
  if (!floatingIp.port_id) return;
  const portName = builder.templateName(floatingIp.port_id);
  if (!portName) {
    builder.leftOut.push({ reason: 'association', origin, detail: port?.name || floatingIp.port_id });
    return;
  }
  const properties: Properties = { floatingip_id: getResource(name), port_id: getResource(portName) };
  // The fixed address matters only when the port has several.
  if (port && port.fixed_ips.length > 1 && floatingIp.fixed_ip_address) properties.fixed_ip_address = floatingIp.fixed_ip_address;
  builder.add({
    name: builder.resourceName(`${name}_association`),
    type: 'OS::Neutron::FloatingIPAssociation',
    origin,
    comment: `The association of floating IP ${floatingIp.floating_ip_address} (${floatingIp.id}) with port ${port?.name || floatingIp.port_id}`,
    properties,
  });
}

function description(snapshot: ProjectSnapshot, resourceCount: number, leftOut: readonly LeftOut[]): string {
  const lines = [`Re-creates ${resourceCount} resources of project ${snapshot.projectName}, as Zenith read them (each resource's comment names its original).`];
  if (leftOut.length > 0) lines.push('Not re-created as they are:', ...leftOut.map((item) => `- ${describeLeftOut(item)}`));
  return `${lines.join('\n')}\n`;
}

const intrinsicFunctions = new Set(['get_resource', 'get_param', 'get_attr']);

function render(snapshot: ProjectSnapshot, builder: TemplateBuilder): string {
  const parameters = Object.fromEntries(
    [...builder.parameters.values()].map((entry) => [
      entry.name,
      {
        type: 'string',
        label: entry.label,
        description: `${originText(entry.origin)}, used by ${[...entry.users].join(', ')}`,
        default: entry.default,
        ...(entry.constraint === undefined ? {} : { constraints: [{ custom_constraint: entry.constraint }] }),
      },
    ]),
  );
  const resources = Object.fromEntries(builder.resources.map((entry) => [entry.name, { type: entry.type, properties: entry.properties }]));
  const outputs = Object.fromEntries(builder.outputs.map((entry) => [entry.name, { description: entry.description, value: entry.value }]));
  const template: Record<string, unknown> = {
    heat_template_version: heatTemplateVersion,
    description: description(snapshot, builder.resources.length, builder.leftOut),
  };
  if (builder.parameters.size > 0) template.parameters = parameters;
  template.resources = resources;
  if (builder.outputs.length > 0) template.outputs = outputs;

  // YAML 1.1, as Heat reads templates (PyYAML): "on", "no", "0777"... are quoted so they stay strings there.
  const doc = new Document(template, { version: '1.1' });
  visit(doc, {
    Map(_, node) {
      // { get_resource: x } on one line, as templates are written by hand.
      const [first] = node.items;
      if (node.items.length === 1 && isScalar(first?.key) && intrinsicFunctions.has(String(first.key.value))) node.flow = true;
    },
  });
  const resourceMap = doc.get('resources', true);
  if (isMap(resourceMap)) {
    // The resources' pairs are in the builder's order (their names are never integer-like, which objects reorder).
    resourceMap.items.forEach((pair, index) => {
      const entry = builder.resources[index];
      if (!entry || !isScalar(pair.key)) return;
      pair.key.commentBefore = entry.comment
        .split('\n')
        .map((line) => ` ${line}`)
        .join('\n');
      pair.key.spaceBefore = index > 0;
    });
  }
  return doc.toString({ lineWidth: 0 });
}

export function generateTemplate(snapshot: ProjectSnapshot, selection: TemplateExportSelection): GeneratedTemplate {
  const closure = exportClosure(snapshot, selection);
  const builder = new TemplateBuilder(snapshot, closure);
  addKeypairs(builder, closure);
  addServerGroups(builder, closure, snapshot);
  addSecurityGroups(builder, closure);
  addNetworks(builder, closure);
  addRouters(builder, closure);
  // Free ports (whole project) before the servers, whose ports come with them.
  for (const port of closure.ports.filter((candidate) => candidate.device_id === '')) addPort(builder, port, `port_${slug(port.name, port.id)}`, '');
  addVolumes(builder, closure);
  addServers(builder, closure);
  addLeftOutAttachments(builder, closure, snapshot);
  addFloatingIps(builder, closure, snapshot);
  builder.finish();

  const resources: TemplateResource[] = builder.resources.map(({ name, type, origin }) => ({ name, type, origin }));
  const parameters: TemplateParameter[] = [...builder.parameters.values()].map(({ name, default: value, origin }) => ({ name, default: value, origin }));
  return { text: render(snapshot, builder), resources, parameters, leftOut: builder.leftOut };
}
