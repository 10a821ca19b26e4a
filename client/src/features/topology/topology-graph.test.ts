import { describe, expect, it } from 'vitest';
import type { Network, Subnet } from '../../resources/networks/types';
import type { Port } from '../../resources/ports/types';
import type { Router } from '../../resources/routers/types';
import { findResources, groupLimits, layoutTopology, topologyModel, type TopologyDrawing, type TopologyResources } from './topology-graph';

const projectId = 'p-demo';
const network = (id: string, patch: Partial<Network> = {}) => ({ id, name: id, project_id: projectId, subnets: [], ...patch }) as Network;
const subnet = (networkId: string, cidr: string) => ({ id: `s-${networkId}`, network_id: networkId, cidr }) as Subnet;
const port = (id: string, networkId: string, deviceId: string, deviceOwner: string, ip: string) =>
  ({ id, network_id: networkId, device_id: deviceId, device_owner: deviceOwner, fixed_ips: [{ subnet_id: `s-${networkId}`, ip_address: ip }] }) as Port;
const router = {
  id: 'r1',
  name: 'demo-router',
  status: 'ACTIVE',
  external_gateway_info: { network_id: 'public', external_fixed_ips: [{ subnet_id: 's-public', ip_address: '203.0.113.10' }] },
} as Router;

/**
 * `counts[i]` instances on network `net-i`, each network on the router, the router's gateway on `public`. Instance
 * `vm-<i>-<n>` has the fixed IP 10.<i>.<n / 250>.<n % 250 + 2>.
 */
function project(counts: readonly number[]): TopologyResources {
  const internal = counts.map((_, index) => `net-${index}`);
  const servers = counts.flatMap((count, net) => Array.from({ length: count }, (_, index) => ({ id: `vm-${net}-${index}`, name: `vm-${net}-${index}`, status: index === 0 ? ('ERROR' as const) : ('ACTIVE' as const) })));
  const ipOf = (net: number, index: number) => `10.${net}.${Math.floor(index / 250)}.${(index % 250) + 2}`;
  return {
    projectId,
    networks: [network('public', { project_id: 'p-admin', 'router:external': true }), network('unrelated-shared', { project_id: 'p-admin', shared: true }), ...internal.map((id) => network(id))],
    subnets: [subnet('public', '203.0.113.0/24'), ...internal.map((id, index) => subnet(id, `10.${index}.0.0/16`))],
    routers: [router],
    ports: [
      ...internal.map((id, index) => port(`rif-${id}`, id, 'r1', 'network:router_interface', `10.${index}.0.1`)),
      ...counts.flatMap((count, net) => Array.from({ length: count }, (_, index) => port(`port-vm-${net}-${index}`, `net-${net}`, `vm-${net}-${index}`, 'compute:nova', ipOf(net, index)))),
      port('dhcp', 'net-0', 'dhcp-agent', 'network:dhcp', '10.0.0.2'),
    ],
    servers,
  };
}

type Box = { id: string; position: { x: number; y: number }; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.position.x < b.position.x + b.width && b.position.x < a.position.x + a.width && a.position.y < b.position.y + b.height && b.position.y < a.position.y + a.height;
const overlaps = (boxes: readonly Box[]) => boxes.flatMap((box, index) => boxes.slice(index + 1).flatMap((other) => (overlap(box, other) ? [`${box.id} × ${other.id}`] : [])));
const nodeOf = (drawing: TopologyDrawing, id: string) => drawing.nodes.find((node) => node.id === id)!;

describe('topologyModel', () => {
  const model = topologyModel(project([3, 20]));

  it('has the linked and the own networks, the router and every instance; not an unused shared network', () => {
    expect(model.resources.map((resource) => resource.id)).toEqual([
      'network:public',
      'network:net-0',
      'network:net-1',
      'router:r1',
      ...Array.from({ length: 3 }, (_, index) => `instance:vm-0-${index}`),
      ...Array.from({ length: 20 }, (_, index) => `instance:vm-1-${index}`),
    ]);
    const resource = (id: string) => model.resources.find((candidate) => candidate.id === id);
    expect(resource('network:public')).toMatchObject({ kind: 'external-network', details: ['203.0.113.0/24'] });
    expect(resource('network:net-1')).toMatchObject({ kind: 'network', name: 'net-1', details: ['10.1.0.0/16'] });
    expect(resource('router:r1')).toMatchObject({ kind: 'router', name: 'demo-router', details: ['ACTIVE'] });
    expect(resource('instance:vm-1-7')).toMatchObject({ kind: 'instance', details: ['ACTIVE'], addresses: ['10.1.0.9'] });
  });

  it('links the router to its networks and gateway, each instance to its network by its port; DHCP ports are not links', () => {
    expect(model.links.filter((link) => link.kind !== 'instance-port')).toEqual([
      { id: 'gateway:r1', kind: 'gateway', source: 'network:public', target: 'router:r1', label: '203.0.113.10' },
      { id: 'rif-net-0', kind: 'interface', source: 'router:r1', target: 'network:net-0', label: '10.0.0.1' },
      { id: 'rif-net-1', kind: 'interface', source: 'router:r1', target: 'network:net-1', label: '10.1.0.1' },
    ]);
    expect(model.links.filter((link) => link.target === 'instance:vm-1-4')).toEqual([
      { id: 'port-vm-1-4', kind: 'instance-port', source: 'network:net-1', target: 'instance:vm-1-4', label: '10.1.0.6' },
    ]);
    expect(model.links.some((link) => link.id === 'dhcp')).toBe(false);
  });

  it('groups the instances by the network of their first port, in natural name order', () => {
    expect(model.groups.map((group) => [group.id, group.network?.id, group.members.length])).toEqual([
      ['group:net-0', 'network:net-0', 3],
      ['group:net-1', 'network:net-1', 20],
    ]);
    expect(model.groups[1]!.members.slice(0, 3).map((member) => member.name)).toEqual(['vm-1-0', 'vm-1-1', 'vm-1-2']);
    expect(model.groupOf.get('instance:vm-1-10')?.id).toBe('group:net-1');
  });

  it('takes a router’s gateway network for external even when Neutron does not say so', () => {
    const resources = project([1]);
    resources.networks = resources.networks.map((candidate) => (candidate.id === 'public' ? { ...candidate, 'router:external': null as unknown as boolean } : candidate));
    expect(topologyModel(resources).resources.find((resource) => resource.id === 'network:public')?.kind).toBe('external-network');
  });

  it('before Nova answers, knows the instances from their ports: by id, without status, in the same groups', () => {
    const early = topologyModel({ ...project([3, 20]), servers: undefined });
    expect(early.resources.map((resource) => resource.id)).toEqual(model.resources.map((resource) => resource.id));
    expect(early.resources.find((resource) => resource.id === 'instance:vm-1-7')).toMatchObject({ name: 'vm-1-7', details: [], addresses: ['10.1.0.9'] });
    expect(early.groups.map((group) => [group.id, group.members.length])).toEqual(model.groups.map((group) => [group.id, group.members.length]));
    expect(early.links).toEqual(model.links);
  });

  it('before the ports answer, has the own networks, the routers and their gateways, and no instance yet', () => {
    const early = topologyModel({ ...project([3, 20]), ports: undefined });
    expect(early.portsPending).toBe(true);
    expect(model.portsPending).toBe(false);
    expect(early.resources.map((resource) => resource.id)).toEqual(['network:public', 'network:net-0', 'network:net-1', 'router:r1']);
    expect(early.links).toEqual([{ id: 'gateway:r1', kind: 'gateway', source: 'network:public', target: 'router:r1', label: '203.0.113.10' }]);
    expect(early.groups).toEqual([]);
  });

  it('puts an instance without ports in a group of its own, and ignores ports of servers it was not given', () => {
    const lonely = topologyModel({
      projectId,
      networks: [network('net-a')],
      subnets: [],
      routers: [],
      ports: [port('orphan', 'net-a', 'gone-vm', 'compute:nova', '10.0.0.9')],
      servers: [{ id: 'vm-error', name: '', status: 'ERROR' }],
    });
    expect(lonely.resources.map((resource) => [resource.id, resource.name])).toEqual([
      ['network:net-a', 'net-a'],
      ['instance:vm-error', 'vm-error'],
    ]);
    expect(lonely.links).toEqual([]);
    expect(lonely.groups).toEqual([{ id: 'group:unlinked', members: [lonely.resources[1]] }]);
  });
});

describe('layoutTopology', () => {
  // A few instances (a column), a middling number (a grid at once), many (collapsed), and more still.
  const counts = [groupLimits.column, groupLimits.column + 1, groupLimits.expanded, groupLimits.expanded + 1, 300];
  const model = topologyModel(project(counts));
  const drawing = layoutTopology(model);

  it('draws up to the column limit one by one, a grid up to the expanded limit, and one group node beyond', () => {
    expect([...drawing.shapes]).toEqual([
      ['group:net-0', 'column'],
      ['group:net-1', 'grid'],
      ['group:net-2', 'grid'],
      ['group:net-3', 'collapsed'],
      ['group:net-4', 'collapsed'],
    ]);
    const instanceNodes = drawing.nodes.filter((node) => node.type === 'resource' && node.resource.kind === 'instance');
    expect(instanceNodes.map((node) => node.id)).toEqual(Array.from({ length: groupLimits.column }, (_, index) => `instance:vm-0-${index}`));
    const grid = nodeOf(drawing, 'group:net-1');
    expect(grid.type === 'grid' && grid.cells.map((cell) => cell.resource.id)).toEqual(model.groups[1]!.members.map((member) => member.id));
    expect(nodeOf(drawing, 'group:net-4')).toMatchObject({ type: 'group', group: { members: expect.any(Array) } });
    // Networks, router, the column's instances, two grids, two groups: not one node per instance.
    expect(drawing.nodes).toHaveLength(6 + 1 + groupLimits.column + 2 + 2);
  });

  it('links a column’s instances one by one with their IPs, and a grid or a group once, with its count', () => {
    expect(drawing.edges.filter((edge) => edge.target === 'instance:vm-0-2')).toEqual([
      { id: 'port-vm-0-2', kind: 'instance-port', source: 'network:net-0', target: 'instance:vm-0-2', label: '10.0.0.4' },
    ]);
    expect(drawing.edges.filter((edge) => edge.kind === 'group')).toEqual([
      { id: 'network:net-1->group:net-1', kind: 'group', source: 'network:net-1', target: 'group:net-1', label: '', count: groupLimits.column + 1 },
      { id: 'network:net-2->group:net-2', kind: 'group', source: 'network:net-2', target: 'group:net-2', label: '', count: groupLimits.expanded },
      { id: 'network:net-3->group:net-3', kind: 'group', source: 'network:net-3', target: 'group:net-3', label: '', count: groupLimits.expanded + 1 },
      { id: 'network:net-4->group:net-4', kind: 'group', source: 'network:net-4', target: 'group:net-4', label: '', count: 300 },
    ]);
    expect(drawing.edges.filter((edge) => edge.kind === 'instance-port')).toHaveLength(groupLimits.column);
  });

  it('places no box over another, external network, router, networks and instances left to right', () => {
    expect(overlaps(drawing.nodes)).toEqual([]);
    const xOf = (id: string) => nodeOf(drawing, id).position.x;
    expect(xOf('network:public')).toBeLessThan(xOf('router:r1'));
    expect(xOf('router:r1')).toBeLessThan(xOf('network:net-0'));
    for (const group of ['instance:vm-0-0', 'group:net-1', 'group:net-4']) expect(xOf('network:net-0')).toBeLessThan(xOf(group));
  });

  it('opens and closes groups as asked, and knows where each instance is drawn', () => {
    const opened = layoutTopology(model, (groupId) => (groupId === 'group:net-4' ? true : groupId === 'group:net-1' ? false : undefined));
    expect(opened.shapes.get('group:net-4')).toBe('grid');
    expect(opened.shapes.get('group:net-1')).toBe('collapsed');
    // A column stays a column whatever is asked.
    expect(layoutTopology(model, () => false).shapes.get('group:net-0')).toBe('column');
    expect(overlaps(opened.nodes)).toEqual([]);

    const grid = nodeOf(opened, 'group:net-4');
    const cell = opened.places.get('instance:vm-4-123')!;
    expect(cell.position.x).toBeGreaterThan(grid.position.x);
    expect(cell.position.x + cell.width).toBeLessThan(grid.position.x + grid.width);
    expect(cell.position.y + cell.height).toBeLessThan(grid.position.y + grid.height);
    expect(opened.places.get('instance:vm-1-3')).toBe(nodeOf(opened, 'group:net-1'));
    expect(opened.places.get('instance:vm-0-3')).toBe(nodeOf(opened, 'instance:vm-0-3'));
    expect(opened.places.size).toBe(counts.reduce((sum, count) => sum + count, 0));
  });

  it('links an instance on two networks to both: its own node, or its group once per network', () => {
    const twoHomed = project([2, 50]);
    twoHomed.ports = [...twoHomed.ports!, port('second-0', 'net-1', 'vm-0-1', 'compute:nova', '10.1.9.9'), port('second-1', 'net-0', 'vm-1-7', 'compute:nova', '10.0.9.9'), port('second-2', 'net-0', 'vm-1-8', 'compute:nova', '10.0.9.10')];
    const twoModel = topologyModel(twoHomed);
    expect(twoModel.groupOf.get('instance:vm-1-7')?.id).toBe('group:net-1');
    expect(twoModel.resources.find((resource) => resource.id === 'instance:vm-1-7')?.addresses).toEqual(['10.1.0.9', '10.0.9.9']);
    const twoDrawing = layoutTopology(twoModel);
    expect(twoDrawing.edges.filter((edge) => edge.target === 'instance:vm-0-1').map((edge) => edge.source)).toEqual(['network:net-0', 'network:net-1']);
    expect(twoDrawing.edges.filter((edge) => edge.target === 'group:net-1').map((edge) => [edge.source, edge.count])).toEqual([
      ['network:net-1', 50],
      ['network:net-0', 2],
    ]);
  });

  it('before the ports answer, ranks the networks after the routers, where their interfaces will put them', () => {
    const early = layoutTopology(topologyModel({ ...project([3, 20]), ports: undefined }));
    expect(early.edges.map((edge) => edge.id)).toEqual(['gateway:r1']);
    const xOf = (drawing: TopologyDrawing, id: string) => nodeOf(drawing, id).position.x;
    const later = layoutTopology(topologyModel(project([3, 20])));
    expect(xOf(early, 'network:public')).toBeLessThan(xOf(early, 'router:r1'));
    for (const network of ['network:net-0', 'network:net-1']) expect(xOf(early, network)).toBe(xOf(later, network));
    expect(overlaps(early.nodes)).toEqual([]);
  });

  it('draws a thousand instances on one network as one node', () => {
    const big = layoutTopology(topologyModel(project([1000])));
    expect(big.nodes.map((node) => node.id)).toEqual(['network:public', 'network:net-0', 'router:r1', 'group:net-0']);
    const opened = layoutTopology(topologyModel(project([1000])), () => true);
    const grid = nodeOf(opened, 'group:net-0');
    expect(grid.type === 'grid' && grid.cells).toHaveLength(1000);
    expect(grid.width / grid.height).toBeGreaterThan(1);
  });
});

describe('findResources', () => {
  const model = topologyModel(project([3, 300]));

  it('finds instances by a part of their name (case aside), by a fixed IP, or by id; nothing for a blank query', () => {
    expect(findResources(model, 'VM-1-29').map((instance) => instance.id)).toEqual(['instance:vm-1-29', ...Array.from({ length: 10 }, (_, index) => `instance:vm-1-29${index}`)]);
    expect(findResources(model, '10.1.0.251').map((instance) => instance.id)).toEqual(['instance:vm-1-249']);
    expect(findResources(model, 'vm-0-2').map((instance) => instance.name)).toEqual(['vm-0-2']);
    expect(findResources(model, '  ')).toEqual([]);
    expect(findResources(model, 'net-0')).toEqual([]);
  });
});

describe('load balancers', () => {
  const loadBalancer = {
    id: 'lb1',
    name: 'web-lb',
    vip_address: '10.0.0.50',
    vip_network_id: 'net-0',
    vip_subnet_id: 's-net-0',
    provisioning_status: 'ACTIVE' as const,
    // vm-0-1 twice (two pools), vm-1-0 on its subnet, an address no instance holds, one on the wrong subnet.
    members: [
      { address: '10.0.0.3', subnet_id: null },
      { address: '10.0.0.3', subnet_id: 's-net-0' },
      { address: '10.1.0.2', subnet_id: 's-net-1' },
      { address: '10.0.0.99', subnet_id: 's-net-0' },
      { address: '10.1.0.3', subnet_id: 's-net-0' },
    ],
  };
  const model = topologyModel({ ...project([3, 20]), loadBalancers: [loadBalancer] });

  it('is a node on its VIP network, linked to the instances holding its members’ addresses on their subnet', () => {
    expect(model.resources.find((resource) => resource.kind === 'load-balancer')).toEqual({
      id: 'load-balancer:lb1',
      kind: 'load-balancer',
      resourceId: 'lb1',
      name: 'web-lb',
      details: ['10.0.0.50', 'ACTIVE'],
      addresses: ['10.0.0.50'],
    });
    expect(model.links.filter((link) => link.kind === 'vip' || link.kind === 'member')).toEqual([
      { id: 'vip:lb1', kind: 'vip', source: 'network:net-0', target: 'load-balancer:lb1', label: '10.0.0.50' },
      { id: 'member:lb1:vm-0-1', kind: 'member', source: 'load-balancer:lb1', target: 'instance:vm-0-1', label: '10.0.0.3' },
      { id: 'member:lb1:vm-1-0', kind: 'member', source: 'load-balancer:lb1', target: 'instance:vm-1-0', label: '10.1.0.2' },
    ]);
  });

  it('is drawn after its network, its members’ links to a grid drawn as one, without moving the instances', () => {
    const drawing = layoutTopology(model);
    const lb = nodeOf(drawing, 'load-balancer:lb1');
    expect(lb.position.x).toBeGreaterThan(nodeOf(drawing, 'network:net-0').position.x);
    expect(drawing.places.get('load-balancer:lb1')).toBe(lb);
    expect(drawing.edges.filter((edge) => edge.source === 'load-balancer:lb1')).toEqual([
      { id: 'member:lb1:vm-0-1', kind: 'member', source: 'load-balancer:lb1', target: 'instance:vm-0-1', label: '10.0.0.3' },
      { id: 'load-balancer:lb1->group:net-1', kind: 'group', source: 'load-balancer:lb1', target: 'group:net-1', label: '', count: 1 },
    ]);
    const without = layoutTopology(topologyModel(project([3, 20])));
    expect(nodeOf(drawing, 'group:net-1').position.x).toBe(nodeOf(without, 'group:net-1').position.x);
    expect(overlaps(drawing.nodes)).toEqual([]);
  });

  it('is found by name or VIP', () => {
    expect(findResources(model, 'WEB-LB').map((resource) => resource.id)).toEqual(['load-balancer:lb1']);
    expect(findResources(model, '10.0.0.50').map((resource) => resource.id)).toEqual(['load-balancer:lb1']);
  });
});
