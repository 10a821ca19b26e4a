// Networks, subnets, subnet pools and ports as the CLI witness sees them, and the clean-up of what a spec made
// (ports first, then subnets, networks and pools: Neutron refuses them in any other order).
import { openstack, openstackDo } from './cloud';

export interface CliNetwork {
  id: string;
  name: string;
  mtu: number;
  description: string;
  admin_state_up: boolean;
  port_security_enabled: boolean;
  subnets: string[];
}

export interface CliSubnet {
  id: string;
  name: string;
  cidr: string;
  ip_version: number;
  gateway_ip: string | null;
  enable_dhcp: boolean;
  allocation_pools: { start: string; end: string }[];
  dns_nameservers: string[];
  host_routes: { destination: string; nexthop: string }[];
  ipv6_address_mode: string | null;
  ipv6_ra_mode: string | null;
  subnetpool_id: string | null;
}

export interface CliPort {
  id: string;
  name: string;
  mac_address: string;
  fixed_ips: { subnet_id: string; ip_address: string }[];
  security_group_ids: string[];
  port_security_enabled: boolean;
}

const demo = 'zenith-demo' as const;

export const cliNetwork = (nameOrId: string) => openstack<CliNetwork>(demo, ['network', 'show', nameOrId]);
export const cliSubnet = (nameOrId: string) => openstack<CliSubnet>(demo, ['subnet', 'show', nameOrId]);
export const cliPort = (nameOrId: string) => openstack<CliPort>(demo, ['port', 'show', nameOrId]);

/** Names of the demo project's networks, subnets or ports (`openstack <kind> list`). */
export async function cliNames(kind: 'network' | 'subnet' | 'port' | 'subnet pool'): Promise<string[]> {
  const rows = await openstack<{ Name: string }[]>(demo, [...kind.split(' '), 'list']);
  return rows.map((row) => row.Name);
}

export async function createSubnetPool(name: string, prefix: string, defaultPrefixLength: number): Promise<string> {
  const pool = await openstack<{ id: string }>(demo, ['subnet', 'pool', 'create', '--pool-prefix', prefix, '--default-prefix-length', String(defaultPrefixLength), name]);
  return pool.id;
}

/** Deletes what carries the prefix, in dependency order; what is already gone is no failure. */
export async function deleteNetworkResourcesWithPrefix(prefix: string) {
  const quietly = (args: string[]) => openstackDo(demo, args).catch(() => undefined);
  const ports = await openstack<{ ID: string; Name: string }[]>(demo, ['port', 'list']);
  for (const port of ports) if (port.Name.startsWith(prefix)) await quietly(['port', 'delete', port.ID]);
  for (const name of await cliNames('subnet')) if (name.startsWith(prefix)) await quietly(['subnet', 'delete', name]);
  for (const name of await cliNames('network')) if (name.startsWith(prefix)) await quietly(['network', 'delete', name]);
  for (const name of await cliNames('subnet pool')) if (name.startsWith(prefix)) await quietly(['subnet', 'pool', 'delete', name]);
}
