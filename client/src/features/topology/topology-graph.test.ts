import { describe, expect, it } from 'vitest';
import type { Network, Subnet } from '../../resources/networks/types';
import type { Port } from '../../resources/ports/types';
import type { Router } from '../../resources/routers/types';
import { buildTopology, type TopologyNode, type TopologyResources } from './topology-graph';

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

/** 100 instances spread over 3 networks, each network on the router, the router's gateway on `public`. */
function hundredInstances(): TopologyResources {
  const internal = ['net-a', 'net-b', 'net-c'];
  const servers = Array.from({ length: 100 }, (_, index) => ({ id: `vm-${index}`, name: `vm-${index}`, status: 'ACTIVE' as const }));
  return {
    projectId,
    networks: [network('public', { project_id: 'p-admin', 'router:external': true }), network('unrelated-shared', { project_id: 'p-admin', shared: true }), ...internal.map((id) => network(id))],
    subnets: [subnet('public', '203.0.113.0/24'), ...internal.map((id, index) => subnet(id, `10.0.${index}.0/24`))],
    routers: [router],
    ports: [
      ...internal.map((id, index) => port(`rif-${id}`, id, 'r1', 'network:router_interface', `10.0.${index}.1`)),
      ...servers.map((server, index) => port(`port-${server.id}`, internal[index % 3]!, server.id, 'compute:nova', `10.0.${index % 3}.${index + 10}`)),
      port('dhcp', 'net-a', 'dhcp-agent', 'network:dhcp', '10.0.0.2'),
    ],
    servers,
  };
}

const overlap = (a: TopologyNode, b: TopologyNode) =>
  a.position.x < b.position.x + b.width && b.position.x < a.position.x + a.width && a.position.y < b.position.y + b.height && b.position.y < a.position.y + a.height;

describe('buildTopology', () => {
  const topology = buildTopology(hundredInstances());

  it('draws the linked and the own networks, the router and every instance; not an unused shared network', () => {
    expect(topology.nodes.map((node) => node.id).sort()).toEqual(
      ['network:public', 'network:net-a', 'network:net-b', 'network:net-c', 'router:r1', ...Array.from({ length: 100 }, (_, index) => `instance:vm-${index}`)].sort(),
    );
    expect(topology.nodes.find((node) => node.id === 'network:public')).toMatchObject({ kind: 'external-network', details: ['203.0.113.0/24'] });
    expect(topology.nodes.find((node) => node.id === 'network:net-b')).toMatchObject({ kind: 'network', name: 'net-b', details: ['10.0.1.0/24'] });
    expect(topology.nodes.find((node) => node.id === 'router:r1')).toMatchObject({ kind: 'router', name: 'demo-router', details: ['ACTIVE'] });
  });

  it('links each instance to its network by its port, labelled with the fixed IP; DHCP ports are not drawn', () => {
    for (let index = 0; index < 100; index += 1) {
      const links = topology.edges.filter((edge) => edge.target === `instance:vm-${index}`);
      expect(links).toEqual([
        { id: `port-vm-${index}`, kind: 'instance-port', source: `network:net-${'abc'[index % 3]}`, target: `instance:vm-${index}`, label: `10.0.${index % 3}.${index + 10}` },
      ]);
    }
    expect(topology.edges.some((edge) => edge.id === 'dhcp')).toBe(false);
  });

  it('links the router to its internal networks and to its gateway network', () => {
    expect(topology.edges.filter((edge) => edge.kind !== 'instance-port')).toEqual([
      { id: 'gateway:r1', kind: 'gateway', source: 'network:public', target: 'router:r1', label: '203.0.113.10' },
      { id: 'rif-net-a', kind: 'interface', source: 'router:r1', target: 'network:net-a', label: '10.0.0.1' },
      { id: 'rif-net-b', kind: 'interface', source: 'router:r1', target: 'network:net-b', label: '10.0.1.1' },
      { id: 'rif-net-c', kind: 'interface', source: 'router:r1', target: 'network:net-c', label: '10.0.2.1' },
    ]);
  });

  it('places no node box over another, and ranks external network, router, networks, instances left to right', () => {
    const overlaps = topology.nodes.flatMap((node, index) =>
      topology.nodes.slice(index + 1).flatMap((other) => (overlap(node, other) ? [`${node.id} × ${other.id}`] : [])),
    );
    expect(overlaps).toEqual([]);
    const xOf = (id: string) => topology.nodes.find((node) => node.id === id)!.position.x;
    expect(xOf('network:public')).toBeLessThan(xOf('router:r1'));
    expect(xOf('router:r1')).toBeLessThan(xOf('network:net-a'));
    expect(xOf('network:net-a')).toBeLessThan(xOf('instance:vm-0'));
  });

  it('still draws an instance without ports, unlinked, and ignores ports of servers it was not given', () => {
    const { nodes, edges } = buildTopology({
      projectId,
      networks: [network('net-a')],
      subnets: [],
      routers: [],
      ports: [port('orphan', 'net-a', 'gone-vm', 'compute:nova', '10.0.0.9')],
      servers: [{ id: 'vm-error', name: '', status: 'ERROR' }],
    });
    expect(nodes.map((node) => [node.id, node.name])).toEqual([
      ['network:net-a', 'net-a'],
      ['instance:vm-error', 'vm-error'],
    ]);
    expect(edges).toEqual([]);
  });
});
