import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseTemplateExportSelection, type TemplateExportSelection } from '../../lib/template-export';
import type { FloatingIp } from '../../resources/floating-ips/types';
import type { Network, Subnet } from '../../resources/networks/types';
import type { Port } from '../../resources/ports/types';
import type { SecurityGroup, SecurityGroupRule } from '../../resources/security-groups/types';
import type { ServerGroup } from '../../resources/server-groups/types';
import type { Server } from '../../resources/servers/types';
import type { Volume } from '../../resources/volumes/types';
import { defaultGroupCopyName, generateTemplate, heatTemplateVersion } from './generate-template';
import type { GeneratedTemplate, ProjectSnapshot } from './snapshot';

// A small project shaped as the services answered for the e2e topology (fields the generator does not read cut):
// net "app" (10.77.0.0/24) behind router "edge" to the external "public"; servers web (port in group "web", a
// floating IP) and db (port in group "db", volume "data" attached, server group "spread"); group "db" lets "web" in
// on 5432 and itself on 9000-9100. Around it, what a selection must not pull in: network "other", router "side".
const project = 'p-demo';
const ids = {
  public: 'net-public',
  publicSubnet: 'subnet-public',
  app: 'net-app',
  appSubnet: 'subnet-app',
  appSubnet6: 'subnet-app6',
  other: 'net-other',
  otherSubnet: 'subnet-other',
  shared: 'net-shared',
  sharedSubnet: 'subnet-shared',
  edge: 'router-edge',
  side: 'router-side',
  web: 'server-web',
  db: 'server-db',
  webPort: 'port-web',
  dbPort: 'port-db',
  edgePort: 'port-edge-if',
  sidePort: 'port-side-if',
  webGroup: 'sg-web',
  dbGroup: 'sg-db',
  defaultGroup: 'sg-default',
  fip: 'fip-1',
  data: 'vol-data',
  spread: 'sgroup-spread',
  image: 'img-cirros',
};

function network(id: string, name: string, extra: Partial<Network> = {}): Network {
  return { id, name, status: 'ACTIVE', admin_state_up: true, project_id: project, shared: false, subnets: [], port_security_enabled: true, ...extra };
}

function subnet(id: string, networkId: string, name: string, cidr: string, extra: Partial<Subnet> = {}): Subnet {
  const base = cidr.replace(/\.0\/24$/, '');
  return {
    id,
    name,
    network_id: networkId,
    project_id: project,
    ip_version: 4,
    cidr,
    gateway_ip: `${base}.1`,
    enable_dhcp: true,
    allocation_pools: [{ start: `${base}.2`, end: `${base}.254` }],
    dns_nameservers: [],
    host_routes: [],
    ...extra,
  };
}

function port(id: string, networkId: string, owner: string, deviceId: string, fixedIps: Port['fixed_ips'], extra: Partial<Port> = {}): Port {
  return {
    id,
    name: '',
    network_id: networkId,
    project_id: project,
    device_id: deviceId,
    device_owner: owner,
    mac_address: 'fa:16:3e:00:00:01',
    fixed_ips: fixedIps,
    security_groups: [],
    status: 'ACTIVE',
    admin_state_up: true,
    port_security_enabled: true,
    created_at: '2026-12-07T06:10:11Z',
    ...extra,
  };
}

let ruleCount = 0;
function rule(groupId: string, fields: Partial<SecurityGroupRule>): SecurityGroupRule {
  ruleCount += 1;
  return {
    id: `rule-${ruleCount}`,
    security_group_id: groupId,
    direction: 'ingress',
    ethertype: 'IPv4',
    protocol: null,
    port_range_min: null,
    port_range_max: null,
    remote_ip_prefix: null,
    remote_group_id: null,
    remote_address_group_id: null,
    description: null,
    ...fields,
  };
}

const defaultEgress = (groupId: string) => [rule(groupId, { direction: 'egress', ethertype: 'IPv4' }), rule(groupId, { direction: 'egress', ethertype: 'IPv6' })];

function group(id: string, name: string, rules: SecurityGroupRule[]): SecurityGroup {
  return { id, name, description: `${name} group`, project_id: project, security_group_rules: rules };
}

function server(id: string, name: string, extra: Partial<Server> = {}): Server {
  return {
    id,
    name,
    status: 'ACTIVE',
    tenant_id: project,
    user_id: 'u-demo',
    created: '2026-12-07T06:10:00Z',
    updated: '2026-12-07T06:10:30Z',
    image: { id: ids.image },
    flavor: { original_name: 'm1.tiny', vcpus: 1, ram: 512, disk: 1, ephemeral: 0, swap: 0 },
    addresses: {},
    metadata: {},
    key_name: null,
    locked: false,
    config_drive: '',
    'OS-EXT-STS:vm_state': 'active',
    'OS-EXT-STS:task_state': null,
    'OS-EXT-STS:power_state': 1,
    'OS-EXT-AZ:availability_zone': 'nova',
    'OS-SRV-USG:launched_at': '2026-12-07T06:10:20Z',
    'OS-SRV-USG:terminated_at': null,
    'os-extended-volumes:volumes_attached': [],
    ...extra,
  };
}

function volume(id: string, name: string, extra: Partial<Volume> = {}): Volume {
  return {
    id,
    name,
    status: 'available',
    size: 1,
    availability_zone: 'nova',
    bootable: 'false',
    volume_type: '__DEFAULT__',
    multiattach: false,
    encrypted: false,
    attachments: [],
    description: null,
    created_at: '2026-12-07T06:10:00Z',
    updated_at: null,
    snapshot_id: null,
    source_volid: null,
    metadata: {},
    user_id: 'u-demo',
    links: [],
    replication_status: null,
    consistencygroup_id: null,
    ...extra,
  };
}

function attachment(volumeId: string, serverId: string, device: string) {
  return { id: volumeId, attachment_id: `att-${volumeId}-${serverId}`, volume_id: volumeId, server_id: serverId, device, host_name: null };
}

function baseSnapshot(): ProjectSnapshot {
  const webGroup = group(ids.webGroup, 'web', [
    rule(ids.webGroup, { protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' }),
    rule(ids.webGroup, { protocol: 'icmp' }),
    ...defaultEgress(ids.webGroup),
  ]);
  const dbGroup = group(ids.dbGroup, 'db', [
    rule(ids.dbGroup, { protocol: 'tcp', port_range_min: 5432, port_range_max: 5432, remote_group_id: ids.webGroup }),
    rule(ids.dbGroup, { protocol: 'tcp', port_range_min: 9000, port_range_max: 9100, remote_group_id: ids.dbGroup }),
    ...defaultEgress(ids.dbGroup),
  ]);
  const defaultGroup = group(ids.defaultGroup, 'default', [
    rule(ids.defaultGroup, { remote_group_id: ids.defaultGroup }),
    rule(ids.defaultGroup, { ethertype: 'IPv6', remote_group_id: ids.defaultGroup }),
    ...defaultEgress(ids.defaultGroup),
  ]);
  const floatingIp: FloatingIp = {
    id: ids.fip,
    floating_ip_address: '203.0.113.213',
    floating_network_id: ids.public,
    project_id: project,
    router_id: ids.edge,
    port_id: ids.webPort,
    fixed_ip_address: '10.77.0.184',
    status: 'ACTIVE',
  };
  const serverGroup: ServerGroup = { id: ids.spread, name: 'spread', policy: 'anti-affinity', members: [ids.db], rules: { max_server_per_host: 1 } };
  return {
    projectId: project,
    projectName: 'demo',
    servers: [
      server(ids.web, 'web', { key_name: 'demo-key', metadata: { role: 'front' } }),
      server(ids.db, 'db', { 'os-extended-volumes:volumes_attached': [{ id: ids.data, delete_on_termination: false }] }),
    ],
    ports: [
      port(ids.webPort, ids.app, 'compute:nova', ids.web, [{ subnet_id: ids.appSubnet, ip_address: '10.77.0.184' }], { name: 'web-port', security_groups: [ids.webGroup] }),
      port(ids.dbPort, ids.app, 'compute:nova', ids.db, [{ subnet_id: ids.appSubnet, ip_address: '10.77.0.58' }], { security_groups: [ids.dbGroup] }),
      port(ids.edgePort, ids.app, 'network:router_interface', ids.edge, [{ subnet_id: ids.appSubnet, ip_address: '10.77.0.1' }]),
      port('port-dhcp', ids.app, 'network:dhcp', 'dhcp-agent', [{ subnet_id: ids.appSubnet, ip_address: '10.77.0.2' }]),
      port(ids.sidePort, ids.other, 'network:router_interface', ids.side, [{ subnet_id: ids.otherSubnet, ip_address: '10.88.0.1' }]),
    ],
    networks: [
      network(ids.public, 'public', { project_id: 'p-admin', 'router:external': true, subnets: [ids.publicSubnet] }),
      network(ids.app, 'app', { subnets: [ids.appSubnet, ids.appSubnet6] }),
      network(ids.other, 'other', { subnets: [ids.otherSubnet] }),
      network(ids.shared, 'shared', { project_id: 'p-admin', shared: true, subnets: [ids.sharedSubnet] }),
    ],
    subnets: [
      subnet(ids.publicSubnet, ids.public, 'public-subnet', '203.0.113.0/24', { project_id: 'p-admin' }),
      subnet(ids.appSubnet, ids.app, 'app-subnet', '10.77.0.0/24', {
        allocation_pools: [{ start: '10.77.0.10', end: '10.77.0.200' }],
        dns_nameservers: ['9.9.9.9'],
        host_routes: [{ destination: '10.99.0.0/24', nexthop: '10.77.0.254' }],
      }),
      subnet(ids.appSubnet6, ids.app, 'app-v6', 'fd00:77::/64', {
        ip_version: 6,
        gateway_ip: null,
        allocation_pools: [{ start: 'fd00:77::2', end: 'fd00:77::ffff:ffff:ffff:ffff' }],
        ipv6_address_mode: 'slaac',
        ipv6_ra_mode: 'slaac',
      }),
      subnet(ids.otherSubnet, ids.other, 'other-subnet', '10.88.0.0/24'),
      subnet(ids.sharedSubnet, ids.shared, 'shared-subnet', '10.66.0.0/24', { project_id: 'p-admin' }),
    ],
    routers: [
      { id: ids.edge, name: 'edge', status: 'ACTIVE', admin_state_up: true, project_id: project, external_gateway_info: { network_id: ids.public, enable_snat: true } },
      { id: ids.side, name: 'side', status: 'ACTIVE', admin_state_up: true, project_id: project, external_gateway_info: null },
    ],
    securityGroups: [webGroup, dbGroup, defaultGroup],
    floatingIps: [floatingIp],
    volumes: [volume(ids.data, 'data', { status: 'in-use', attachments: [attachment(ids.data, ids.db, '/dev/sdb')], metadata: { purpose: 'pg', readonly: 'False' } })],
    keypairs: [{ name: 'demo-key', public_key: 'ssh-ed25519 AAAAC3Nza demo', fingerprint: 'aa:bb', type: 'ssh' }],
    serverGroups: [serverGroup],
    imageNames: new Map([[ids.image, 'cirros-tiny']]),
  };
}

const select = (query: string): TemplateExportSelection => parseTemplateExportSelection(new URLSearchParams(query));

interface Hot {
  heat_template_version: string;
  description: string;
  parameters?: Record<string, { type: string; default: string; constraints: { custom_constraint: string }[]; label: string }>;
  resources: Record<string, { type: string; properties: Record<string, unknown> }>;
  outputs?: Record<string, { value: unknown }>;
}

function hot(result: GeneratedTemplate): Hot {
  // Heat reads templates as YAML 1.1 (PyYAML).
  return parse(result.text, { version: '1.1' }) as Hot;
}

const typesOf = (template: Hot) => Object.values(template.resources).map((resource) => resource.type);
const ofType = (template: Hot, type: string) => Object.entries(template.resources).filter(([, resource]) => resource.type === type);
const reasons = (result: GeneratedTemplate) => result.leftOut.map((item) => `${item.reason} ${item.origin.name || item.origin.id}`);
const resourceNamed = (template: Hot, name: string) => {
  const resource = template.resources[name];
  if (!resource) throw new Error(`no resource ${name} in ${Object.keys(template.resources).join(', ')}`);
  return resource;
};

describe('a server and what it stands on', () => {
  const result = generateTemplate(baseSnapshot(), select(`server=${ids.web}&server=${ids.db}`));
  const template = hot(result);

  it('is a HOT template of the chosen version', () => {
    expect(template.heat_template_version).toBe(heatTemplateVersion);
    expect(template.heat_template_version).toBe('2018-08-31');
  });

  it('holds the closure: ports, network with all its subnets, groups, floating IP with its router, volume, server group', () => {
    expect(typesOf(template).sort()).toEqual(
      [
        'OS::Cinder::Volume',
        'OS::Cinder::VolumeAttachment',
        'OS::Neutron::FloatingIP',
        'OS::Neutron::FloatingIPAssociation',
        'OS::Neutron::Net',
        'OS::Neutron::Port',
        'OS::Neutron::Port',
        'OS::Neutron::Router',
        'OS::Neutron::RouterInterface',
        'OS::Neutron::SecurityGroup',
        'OS::Neutron::SecurityGroup',
        'OS::Neutron::Subnet',
        'OS::Neutron::Subnet',
        'OS::Nova::Server',
        'OS::Nova::Server',
        'OS::Nova::ServerGroup',
      ].sort(),
    );
    // Neither the unrelated network nor the router without a floating IP's traffic came along.
    expect(result.resources.map((resource) => resource.origin.id)).not.toContain(ids.other);
    expect(result.resources.map((resource) => resource.origin.id)).not.toContain(ids.side);
    // The project's default group is not used by these ports: it stays out.
    expect(result.resources.map((resource) => resource.origin.id)).not.toContain(ids.defaultGroup);
  });

  it('wires resources by get_resource and get_param, never by the originals’ ids', () => {
    const originalIds = [ids.app, ids.appSubnet, ids.webGroup, ids.dbGroup, ids.webPort, ids.dbPort, ids.web, ids.db, ids.data, ids.spread, ids.edge, ids.fip, ids.public, ids.image];
    const body = JSON.stringify(template.resources);
    for (const id of originalIds) expect(body).not.toContain(id);
    expect(resourceNamed(template, 'server_web').properties).toMatchObject({
      name: 'web',
      image: { get_param: 'image_cirros_tiny' },
      flavor: { get_param: 'flavor_m1_tiny' },
      key_name: { get_param: 'key_name_demo_key' },
      networks: [{ port: { get_resource: 'port_web_port' } }],
      metadata: { role: 'front' },
    });
    expect(resourceNamed(template, 'port_web_port').properties).toEqual({
      name: 'web-port',
      network: { get_resource: 'network_app' },
      fixed_ips: [{ subnet: { get_resource: 'subnet_app_subnet' }, ip_address: '10.77.0.184' }],
      security_groups: [{ get_resource: 'security_group_web' }],
    });
  });

  it('names an unnamed port after its server', () => {
    expect(resourceNamed(template, 'server_db').properties.networks).toEqual([{ port: { get_resource: 'server_db_port' } }]);
    expect(resourceNamed(template, 'server_db_port').properties.name).toBeUndefined();
  });

  it('makes images, flavors, key names, availability zones and external networks parameters, the current values as defaults', () => {
    expect(template.parameters).toEqual({
      // Heat has no custom constraint for a zone: a plain string.
      availability_zone_nova: { type: 'string', label: 'Availability zone', default: 'nova', description: expect.stringContaining('availability zone nova') as unknown },
      image_cirros_tiny: expect.objectContaining({ type: 'string', label: 'Image', default: ids.image, constraints: [{ custom_constraint: 'glance.image' }] }),
      flavor_m1_tiny: expect.objectContaining({ type: 'string', default: 'm1.tiny', constraints: [{ custom_constraint: 'nova.flavor' }] }),
      key_name_demo_key: expect.objectContaining({ type: 'string', default: 'demo-key', constraints: [{ custom_constraint: 'nova.keypair' }] }),
      external_network_public: expect.objectContaining({ type: 'string', default: ids.public, constraints: [{ custom_constraint: 'neutron.network' }] }),
    });
    expect(result.parameters.map((parameter) => parameter.name).sort()).toEqual(Object.keys(template.parameters ?? {}).sort());
  });

  it('keeps every subnet’s CIDR, pools, gateway, DNS servers and host routes (no gateway as null)', () => {
    expect(resourceNamed(template, 'subnet_app_subnet').properties).toEqual({
      name: 'app-subnet',
      network: { get_resource: 'network_app' },
      ip_version: 4,
      cidr: '10.77.0.0/24',
      gateway_ip: '10.77.0.1',
      enable_dhcp: true,
      allocation_pools: [{ start: '10.77.0.10', end: '10.77.0.200' }],
      dns_nameservers: ['9.9.9.9'],
      host_routes: [{ destination: '10.99.0.0/24', nexthop: '10.77.0.254' }],
    });
    expect(resourceNamed(template, 'subnet_app_v6').properties).toMatchObject({
      ip_version: 6,
      cidr: 'fd00:77::/64',
      gateway_ip: null,
      ipv6_address_mode: 'slaac',
      ipv6_ra_mode: 'slaac',
    });
    expect(result.text).toMatch(/gateway_ip: null/);
  });

  it('writes every rule, remote groups as get_resource, a group’s own as remote_mode alone, the default egress left to Neutron', () => {
    expect(resourceNamed(template, 'security_group_db').properties).toEqual({
      name: 'db',
      description: 'db group',
      rules: [
        { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 5432, port_range_max: 5432, remote_mode: 'remote_group_id', remote_group_id: { get_resource: 'security_group_web' } },
        { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 9000, port_range_max: 9100, remote_mode: 'remote_group_id' },
      ],
    });
    expect(resourceNamed(template, 'security_group_web').properties.rules).toEqual([
      { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' },
      { direction: 'ingress', ethertype: 'IPv4', protocol: 'icmp' },
    ]);
    expect(result.leftOut.filter((item) => item.reason === 'defaultEgress')).toEqual([]);
  });

  it('makes the router with its gateway as a parameter and its interface from the subnet', () => {
    expect(resourceNamed(template, 'router_edge').properties).toEqual({ name: 'edge', external_gateway_info: { network: { get_param: 'external_network_public' } } });
    expect(resourceNamed(template, 'router_edge_interface_app_subnet').properties).toEqual({
      router: { get_resource: 'router_edge' },
      subnet: { get_resource: 'subnet_app_subnet' },
    });
  });

  it('attaches the volume, keeping its size, type, zone and user metadata (not Cinder’s own)', () => {
    expect(resourceNamed(template, 'volume_data').properties).toEqual({
      name: 'data',
      size: 1,
      volume_type: '__DEFAULT__',
      availability_zone: { get_param: 'availability_zone_nova' },
      metadata: { purpose: 'pg' },
    });
    expect(resourceNamed(template, 'volume_data_attachment').properties).toEqual({
      instance_uuid: { get_resource: 'server_db' },
      volume_id: { get_resource: 'volume_data' },
      mountpoint: '/dev/sdb',
    });
  });

  it('re-creates the server group with its policy and rule, and puts its member in it', () => {
    expect(resourceNamed(template, 'server_group_spread').properties).toEqual({ name: 'spread', policies: ['anti-affinity'], rules: { max_server_per_host: 1 } });
    expect(resourceNamed(template, 'server_db').properties.scheduler_hints).toEqual({ group: { get_resource: 'server_group_spread' } });
    expect(resourceNamed(template, 'server_web').properties.scheduler_hints).toBeUndefined();
  });

  it('makes the floating IP on the external network parameter, associated with the re-created port', () => {
    expect(resourceNamed(template, 'floating_ip_203_0_113_213').properties).toEqual({ floating_network: { get_param: 'external_network_public' } });
    expect(resourceNamed(template, 'floating_ip_203_0_113_213_association').properties).toEqual({
      floatingip_id: { get_resource: 'floating_ip_203_0_113_213' },
      port_id: { get_resource: 'port_web_port' },
    });
  });

  it('outputs the servers’ addresses and the floating IP', () => {
    expect(template.outputs).toEqual({
      server_web_networks: expect.objectContaining({ value: { get_attr: ['server_web', 'networks'] } }),
      server_db_networks: expect.objectContaining({ value: { get_attr: ['server_db', 'networks'] } }),
      floating_ip_203_0_113_213_address: expect.objectContaining({ value: { get_attr: ['floating_ip_203_0_113_213', 'floating_ip_address'] } }),
    });
  });

  it('puts one comment above each resource naming its original’s name and id', () => {
    const lines = result.text.split('\n');
    const resourcesStart = lines.indexOf('resources:');
    for (const resource of result.resources) {
      const at = lines.indexOf(`  ${resource.name}:`, resourcesStart);
      expect(at, resource.name).toBeGreaterThan(resourcesStart);
      let start = at;
      while (lines[start - 1]?.startsWith('  # ')) start -= 1;
      const comment = lines.slice(start, at).join('\n');
      expect(comment, resource.name).toContain(resource.origin.id);
      if (resource.origin.name) expect(comment, resource.name).toContain(resource.origin.name.split(' on ')[0]);
    }
    expect(result.text).toContain(`  # From server web (${ids.web}), flavor m1.tiny\n  server_web:`);
    expect(result.text).toContain(`  # From subnet app-subnet (${ids.appSubnet}), 10.77.0.0/24\n  subnet_app_subnet:`);
  });

  it('says what it cannot express, in the description and the list', () => {
    expect(reasons(result).sort()).toEqual(
      [
        'floatingAddress 203.0.113.213',
        'foreignNetwork public',
        'imageContents cirros-tiny',
        'serverDisk db',
        'serverDisk web',
        'volumeData data',
      ].sort(),
    );
    expect(template.description).toContain('Re-creates 16 resources of project demo');
    expect(template.description).toContain(`- volume data (${ids.data}): re-created empty; its data is not copied`);
    expect(template.description).toContain('- floating IP 203.0.113.213 (fip-1): a new address is allocated from public');
    expect(template.description).toContain(`- image cirros-tiny (${ids.image}): referred to by the parameter image_cirros_tiny`);
    expect(template.description).toContain('referred to by the parameter external_network_public');
  });
});

describe('security groups', () => {
  it('follows the groups a selected group’s rules name, and writes a custom egress in full', () => {
    const snapshot = baseSnapshot();
    const db = snapshot.securityGroups.find((candidate) => candidate.id === ids.dbGroup)!;
    db.security_group_rules = [
      ...db.security_group_rules.filter((candidate) => candidate.direction === 'ingress'),
      rule(ids.dbGroup, { direction: 'egress', protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_ip_prefix: '10.0.0.0/8' }),
    ];
    const result = generateTemplate(snapshot, select(`securityGroup=${ids.dbGroup}`));
    const template = hot(result);
    expect(Object.keys(template.resources)).toEqual(['security_group_db', 'security_group_web']);
    // Heat drops Neutron's allow-all egress once a group has an egress rule: the only one left is the original's.
    expect(resourceNamed(template, 'security_group_db').properties.rules).toContainEqual({
      direction: 'egress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      port_range_min: 443,
      port_range_max: 443,
      remote_ip_prefix: '10.0.0.0/8',
    });
    expect(result.leftOut).toEqual([]);
  });

  it('says that a group without egress rules gets Neutron’s allow-all egress when Heat makes it', () => {
    const snapshot = baseSnapshot();
    const web = snapshot.securityGroups.find((candidate) => candidate.id === ids.webGroup)!;
    web.security_group_rules = web.security_group_rules.filter((candidate) => candidate.direction === 'ingress');
    const result = generateTemplate(snapshot, select(`securityGroup=${ids.webGroup}`));
    expect(reasons(result)).toEqual(['defaultEgress web']);
    expect(result.text).toContain('has no egress rule of its own in the template: Heat keeps the allow-all egress rules');
  });

  it('writes one egress rule of a pair Neutron gives (the IPv6 one removed) in full', () => {
    const snapshot = baseSnapshot();
    const web = snapshot.securityGroups.find((candidate) => candidate.id === ids.webGroup)!;
    web.security_group_rules = web.security_group_rules.filter((candidate) => !(candidate.direction === 'egress' && candidate.ethertype === 'IPv6'));
    const template = hot(generateTemplate(snapshot, select(`securityGroup=${ids.webGroup}`)));
    expect(resourceNamed(template, 'security_group_web').properties.rules).toContainEqual({ direction: 'egress', ethertype: 'IPv4' });
  });

  it('re-creates the project’s default group under another name, with its rules naming the copy, and says so', () => {
    const snapshot = baseSnapshot();
    snapshot.ports[0]!.security_groups = [ids.webGroup, ids.defaultGroup];
    const result = generateTemplate(snapshot, select(`server=${ids.web}`));
    const template = hot(result);
    expect(resourceNamed(template, 'security_group_default').properties).toEqual({
      name: defaultGroupCopyName,
      description: 'default group',
      rules: [
        { direction: 'ingress', ethertype: 'IPv4', remote_mode: 'remote_group_id' },
        { direction: 'ingress', ethertype: 'IPv6', remote_mode: 'remote_group_id' },
      ],
    });
    expect(resourceNamed(template, 'port_web_port').properties.security_groups).toEqual([
      { get_resource: 'security_group_web' },
      { get_resource: 'security_group_default' },
    ]);
    expect(reasons(result)).toContain('defaultGroup default');
    expect(result.text).toContain(`Renamed ${defaultGroupCopyName}: Heat refuses the name "default"`);
  });

  it('breaks a cycle of groups naming each other with a rule resource of its own', () => {
    const snapshot = baseSnapshot();
    const web = snapshot.securityGroups.find((candidate) => candidate.id === ids.webGroup)!;
    web.security_group_rules.push(rule(ids.webGroup, { protocol: 'tcp', port_range_min: 8080, port_range_max: 8080, remote_group_id: ids.dbGroup, description: 'callbacks' }));
    const result = generateTemplate(snapshot, select(`securityGroup=${ids.webGroup}`));
    const template = hot(result);
    const apart = ofType(template, 'OS::Neutron::SecurityGroupRule');
    expect(apart).toHaveLength(1);
    const [, ruleResource] = apart[0]!;
    // Either edge of the cycle may be the one written apart; the other stays inline.
    const inlineRefs = JSON.stringify([resourceNamed(template, 'security_group_web').properties.rules, resourceNamed(template, 'security_group_db').properties.rules]);
    expect(ruleResource.properties).toEqual({
      security_group: { get_resource: 'security_group_db' },
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      port_range_min: 5432,
      port_range_max: 5432,
      remote_group: { get_resource: 'security_group_web' },
    });
    expect(inlineRefs).toContain('"remote_group_id":{"get_resource":"security_group_db"}');
    expect(inlineRefs).not.toContain('"remote_group_id":{"get_resource":"security_group_web"}');
    expect(result.leftOut).toEqual([]);
  });

  it('leaves out, and says, a rule whose remote is an address group or a group the project cannot see', () => {
    const snapshot = baseSnapshot();
    const web = snapshot.securityGroups.find((candidate) => candidate.id === ids.webGroup)!;
    web.security_group_rules.push(rule(ids.webGroup, { protocol: 'udp', remote_address_group_id: 'ag-1' }), rule(ids.webGroup, { protocol: 'tcp', remote_group_id: 'sg-elsewhere' }));
    const result = generateTemplate(snapshot, select(`securityGroup=${ids.webGroup}`));
    expect(reasons(result)).toEqual(['addressGroupRule ingress IPv4 udp', 'unknownRemoteGroup ingress IPv4 tcp']);
    expect(resourceNamed(hot(result), 'security_group_web').properties.rules).toHaveLength(2);
  });
});

describe('routers', () => {
  it('brings its interfaces’ networks, keeps its static routes and a disabled SNAT', () => {
    const snapshot = baseSnapshot();
    const edge = snapshot.routers[0]!;
    edge.routes = [{ destination: '10.99.0.0/24', nexthop: '10.77.0.254' }];
    edge.external_gateway_info = { network_id: ids.public, enable_snat: false };
    const result = generateTemplate(snapshot, select(`router=${ids.edge}`));
    const template = hot(result);
    expect(typesOf(template)).toEqual([
      'OS::Neutron::Net',
      'OS::Neutron::Subnet',
      'OS::Neutron::Subnet',
      'OS::Neutron::Router',
      'OS::Neutron::RouterInterface',
      'OS::Neutron::ExtraRouteSet',
    ]);
    expect(resourceNamed(template, 'router_edge').properties.external_gateway_info).toEqual({ network: { get_param: 'external_network_public' }, enable_snat: false });
    expect(resourceNamed(template, 'router_edge_routes').properties).toEqual({
      router: { get_resource: 'router_edge' },
      routes: [{ destination: '10.99.0.0/24', nexthop: '10.77.0.254' }],
    });
  });

  it('makes an interface on an address other than the gateway from a port holding that address', () => {
    const snapshot = baseSnapshot();
    snapshot.ports.find((candidate) => candidate.id === ids.edgePort)!.fixed_ips = [{ subnet_id: ids.appSubnet, ip_address: '10.77.0.254' }];
    const template = hot(generateTemplate(snapshot, select(`router=${ids.edge}`)));
    const [[portName, portResource]] = ofType(template, 'OS::Neutron::Port') as [[string, Hot['resources'][string]]];
    expect(portResource.properties).toEqual({ network: { get_resource: 'network_app' }, fixed_ips: [{ subnet: { get_resource: 'subnet_app_subnet' }, ip_address: '10.77.0.254' }] });
    const [[, interfaceResource]] = ofType(template, 'OS::Neutron::RouterInterface') as [[string, Hot['resources'][string]]];
    expect(interfaceResource.properties).toEqual({ router: { get_resource: 'router_edge' }, port: { get_resource: portName } });
  });

  it('says an interface on a network of another project cannot be made', () => {
    const snapshot = baseSnapshot();
    snapshot.ports = [...snapshot.ports, port('port-edge-shared', ids.shared, 'network:router_interface', ids.edge, [{ subnet_id: ids.sharedSubnet, ip_address: '10.66.0.1' }])];
    const result = generateTemplate(snapshot, select(`router=${ids.edge}`));
    expect(reasons(result)).toContain('foreignInterface port-edge-shared');
    expect(ofType(hot(result), 'OS::Neutron::RouterInterface')).toHaveLength(1);
  });
});

describe('volumes and boot volumes', () => {
  it('boots a server from its re-created boot volume, made from the image it came from', () => {
    const snapshot = baseSnapshot();
    const boot = volume('vol-boot', 'boot', {
      bootable: 'true',
      size: 2,
      attachments: [attachment('vol-boot', ids.web, '/dev/vda')],
      volume_image_metadata: { image_id: ids.image, image_name: 'cirros-tiny' },
    });
    snapshot.volumes = [...snapshot.volumes, boot];
    snapshot.servers = snapshot.servers.map((candidate) =>
      candidate.id === ids.web ? { ...candidate, image: '', 'os-extended-volumes:volumes_attached': [{ id: 'vol-boot', delete_on_termination: true }] } : candidate,
    );
    const result = generateTemplate(snapshot, select(`server=${ids.web}`));
    const template = hot(result);
    expect(resourceNamed(template, 'server_web').properties.image).toBeUndefined();
    expect(resourceNamed(template, 'server_web').properties.block_device_mapping_v2).toEqual([{ boot_index: 0, volume_id: { get_resource: 'volume_boot' }, delete_on_termination: true }]);
    expect(resourceNamed(template, 'volume_boot').properties).toMatchObject({ size: 2, image: { get_param: 'image_cirros_tiny' } });
    expect(ofType(template, 'OS::Cinder::VolumeAttachment')).toEqual([]);
    expect(result.leftOut.find((item) => item.reason === 'volumeData')?.detail).toBe('cirros-tiny');
  });

  it('says a selected volume’s attachment to a server not in the template is left out', () => {
    const result = generateTemplate(baseSnapshot(), select(`volume=${ids.data}`));
    expect(typesOf(hot(result))).toEqual(['OS::Cinder::Volume']);
    expect(result.leftOut).toContainEqual({ reason: 'attachment', origin: { kind: 'volume', name: 'data', id: ids.data }, detail: 'db' });
  });
});

describe('what Neutron adds to networks and ports', () => {
  it('keeps allowed address pairs and tags, and says a shared network is re-created unshared', () => {
    const snapshot = baseSnapshot();
    snapshot.networks = snapshot.networks.map((candidate) => (candidate.id === ids.app ? { ...candidate, shared: true, tags: ['tier-app'] } : candidate));
    snapshot.ports = snapshot.ports.map((candidate) =>
      candidate.id === ids.webPort
        ? { ...candidate, tags: ['web'], allowed_address_pairs: [{ ip_address: '10.77.0.250' }, { ip_address: '10.77.0.0/28', mac_address: 'fa:16:3e:00:00:01' }] }
        : candidate,
    );
    const result = generateTemplate(snapshot, select(`server=${ids.web}`));
    const template = hot(result);
    expect(resourceNamed(template, 'network_app').properties.tags).toEqual(['tier-app']);
    expect(resourceNamed(template, 'network_app').properties.shared).toBeUndefined();
    const webPort = ofType(template, 'OS::Neutron::Port').find(([, resource]) => resource.properties.name === 'web-port');
    expect(webPort?.[1].properties).toMatchObject({
      tags: ['web'],
      allowed_address_pairs: [{ ip_address: '10.77.0.250' }, { ip_address: '10.77.0.0/28', mac_address: 'fa:16:3e:00:00:01' }],
    });
    expect(resourceNamed(template, 'server_web').properties.availability_zone).toEqual({ get_param: 'availability_zone_nova' });
    expect(reasons(result)).toContain('sharedNetwork app');
    expect(result.text).toContain('is shared with other projects: re-created unshared');
  });
});

describe('key pairs, networks and what is not found', () => {
  it('re-creates a selected key pair from its public key, and a server using it names it by get_resource', () => {
    const result = generateTemplate(baseSnapshot(), select(`keypair=demo-key&server=${ids.web}`));
    const template = hot(result);
    expect(resourceNamed(template, 'keypair_demo_key')).toEqual({ type: 'OS::Nova::KeyPair', properties: { name: 'demo-key', public_key: 'ssh-ed25519 AAAAC3Nza demo' } });
    expect(resourceNamed(template, 'server_web').properties.key_name).toEqual({ get_resource: 'keypair_demo_key' });
    expect(template.parameters?.key_name_demo_key).toBeUndefined();
  });

  it('re-creates a selected network with its subnets only', () => {
    const template = hot(generateTemplate(baseSnapshot(), select(`network=${ids.other}`)));
    expect(Object.keys(template.resources)).toEqual(['network_other', 'subnet_other_subnet']);
  });

  it('refers to a network of another project by a parameter, its addresses left to Neutron', () => {
    const snapshot = baseSnapshot();
    snapshot.ports = [...snapshot.ports, port('port-web-shared', ids.shared, 'compute:nova', ids.web, [{ subnet_id: ids.sharedSubnet, ip_address: '10.66.0.9' }], { created_at: '2026-12-07T06:10:12Z' })];
    const result = generateTemplate(snapshot, select(`server=${ids.web}`));
    const template = hot(result);
    expect(resourceNamed(template, 'server_web_port').properties).toEqual({ network: { get_param: 'network_shared' }, security_groups: [] });
    expect(resourceNamed(template, 'server_web').properties.networks).toEqual([{ port: { get_resource: 'port_web_port' } }, { port: { get_resource: 'server_web_port' } }]);
    expect(result.leftOut).toContainEqual({ reason: 'foreignNetwork', origin: { kind: 'network', name: 'shared', id: ids.shared }, detail: 'network_shared' });
  });

  it('says a selected resource the project no longer has', () => {
    const result = generateTemplate(baseSnapshot(), select('server=gone&volume=gone-too'));
    expect(result.resources).toEqual([]);
    expect(result.leftOut).toEqual([
      { reason: 'notFound', origin: { kind: 'server', name: '', id: 'gone' } },
      { reason: 'notFound', origin: { kind: 'volume', name: '', id: 'gone-too' } },
    ]);
  });

  it('keeps YAML 1.1 words as strings (Heat reads templates with PyYAML)', () => {
    const snapshot = baseSnapshot();
    snapshot.networks = snapshot.networks.map((candidate) => (candidate.id === ids.other ? { ...candidate, name: 'on' } : candidate));
    const result = generateTemplate(snapshot, select(`network=${ids.other}`));
    expect(result.text).toContain('name: "on"');
    expect(resourceNamed(hot(result), 'network_on').properties.name).toBe('on');
  });
});

describe('the whole project', () => {
  const snapshot = baseSnapshot();
  snapshot.ports = [
    ...snapshot.ports,
    port('port-free', ids.app, '', '', [{ subnet_id: ids.appSubnet, ip_address: '10.77.0.99' }], { name: 'spare', security_groups: [ids.defaultGroup] }),
    port('port-lb', ids.app, 'Octavia', 'lb-1', [{ subnet_id: ids.appSubnet, ip_address: '10.77.0.77' }], { name: 'lb-vip' }),
  ];
  const result = generateTemplate(snapshot, select('project=all'));
  const template = hot(result);

  it('holds every server, own network, router, group, floating IP, volume and server group, and the free ports', () => {
    const origins = new Set(result.resources.map((resource) => resource.origin.id));
    for (const id of [ids.web, ids.db, ids.app, ids.other, ids.edge, ids.side, ids.webGroup, ids.dbGroup, ids.fip, ids.data, ids.spread, 'port-free']) expect(origins).toContain(id);
    // Not the networks of other projects, nor the user's key pairs (only named), nor the ports Neutron makes itself.
    for (const id of [ids.public, ids.shared, 'port-dhcp']) expect(origins).not.toContain(id);
    expect(ofType(template, 'OS::Nova::KeyPair')).toEqual([]);
  });

  it('brings the default group only because a port uses it', () => {
    expect(result.resources.map((resource) => resource.origin.id)).toContain(ids.defaultGroup);
    const unused = generateTemplate(baseSnapshot(), select('project=all'));
    expect(unused.resources.map((resource) => resource.origin.id)).not.toContain(ids.defaultGroup);
  });

  it('says which ports another service made', () => {
    expect(result.leftOut).toContainEqual({ reason: 'foreignPort', origin: { kind: 'port', name: 'lb-vip', id: 'port-lb' }, detail: 'Octavia' });
  });

  it('gives each resource a unique name', () => {
    expect(new Set(result.resources.map((resource) => resource.name)).size).toBe(result.resources.length);
    expect(Object.keys(template.resources)).toHaveLength(result.resources.length);
  });
});

describe('what only part of can be re-created', () => {
  it('says a floating IP’s association with a port another service made is left out', () => {
    const snapshot = baseSnapshot();
    snapshot.ports = [...snapshot.ports, port('port-lb', ids.app, 'Octavia', 'lb-1', [{ subnet_id: ids.appSubnet, ip_address: '10.77.0.77' }], { name: 'lb-vip' })];
    snapshot.floatingIps = [{ ...snapshot.floatingIps[0]!, port_id: 'port-lb' }];
    const result = generateTemplate(snapshot, select('project=all'));
    expect(ofType(hot(result), 'OS::Neutron::FloatingIPAssociation')).toEqual([]);
    expect(result.leftOut).toContainEqual({ reason: 'association', origin: { kind: 'floatingIp', name: '203.0.113.213', id: ids.fip }, detail: 'lb-vip' });
  });

  it('says a server group holds servers the template does not', () => {
    const snapshot = baseSnapshot();
    snapshot.serverGroups[0]!.members = [ids.db, ids.web];
    const result = generateTemplate(snapshot, select(`server=${ids.db}`));
    expect(result.leftOut).toContainEqual({ reason: 'serverGroupMembers', origin: { kind: 'serverGroup', name: 'spread', id: ids.spread }, detail: 'web' });
  });

  it('says a rule written apart for any protocol cannot be made (Heat’s rule resource defaults to tcp)', () => {
    const snapshot = baseSnapshot();
    const db = snapshot.securityGroups.find((candidate) => candidate.id === ids.dbGroup)!;
    const web = snapshot.securityGroups.find((candidate) => candidate.id === ids.webGroup)!;
    // db names web on any protocol, web names db: starting from db, web's rule closes the cycle; make it the any-protocol one.
    db.security_group_rules = [rule(ids.dbGroup, { remote_group_id: ids.webGroup }), ...defaultEgress(ids.dbGroup)];
    web.security_group_rules = [rule(ids.webGroup, { remote_group_id: ids.dbGroup }), ...defaultEgress(ids.webGroup)];
    const result = generateTemplate(snapshot, select(`securityGroup=${ids.dbGroup}`));
    expect(reasons(result)).toEqual(['anyProtocolRule ingress IPv4 any']);
    expect(result.leftOut[0]!.detail).toBe('web');
    expect(ofType(hot(result), 'OS::Neutron::SecurityGroupRule')).toEqual([]);
  });
});
