// Routers, floating IPs and the network under them, made and read with the openstack CLI (the witness), and the
// clean-up that leaves nothing of a spec on the cloud whatever step it failed at.
import { expect } from '@playwright/test';
import { openstack, openstackDo } from './cloud';

export interface CliRouter {
  id: string;
  name: string;
  admin_state_up: boolean;
  external_gateway_info: { network_id: string; external_fixed_ips: { subnet_id: string; ip_address: string }[] } | null;
  interfaces_info: { port_id: string; ip_address: string; subnet_id: string }[];
  routes: { destination: string; nexthop: string }[];
}

export interface CliFloatingIp {
  id: string;
  floating_ip_address: string;
  port_id: string | null;
  fixed_ip_address: string | null;
  description: string;
}

export const cliRouter = (name: string) => openstack<CliRouter>('zenith-demo', ['router', 'show', name]);

export async function cliRouterExists(name: string): Promise<boolean> {
  const routers = await openstack<{ Name: string }[]>('zenith-demo', ['router', 'list']);
  return routers.some((router) => router.Name === name);
}

export const cliFloatingIp = (id: string) => openstack<CliFloatingIp>('zenith-demo', ['floating', 'ip', 'show', id]);

/** The project's floating IPs whose description is the spec's prefix (how the spec marks the ones it allocates). */
export async function cliFloatingIpsMarked(prefix: string): Promise<CliFloatingIp[]> {
  const rows = await openstack<{ ID: string }[]>('zenith-demo', ['floating', 'ip', 'list']);
  const all = await Promise.all(rows.map((row) => openstack<CliFloatingIp>('zenith-demo', ['floating', 'ip', 'show', row.ID])));
  return all.filter((floatingIp) => floatingIp.description === prefix);
}

export const networkId = (name: string) => openstack<{ id: string }>('zenith-demo', ['network', 'show', name]).then((network) => network.id);

/** A network of the demo project and an IPv4 subnet on it, named `<name>` and `<name>-subnet`. */
export async function createNetworkWithSubnet(name: string, cidr: string) {
  const network = await openstack<{ id: string }>('zenith-demo', ['network', 'create', name]);
  const subnet = await openstack<{ id: string }>('zenith-demo', ['subnet', 'create', '--network', network.id, '--subnet-range', cidr, `${name}-subnet`]);
  return { networkId: network.id, subnetId: subnet.id };
}

/** A port of no device, with one fixed IP: what a router can take as an interface "by port". */
export async function createFreePort(name: string, networkId: string, subnetId: string, ipAddress: string) {
  const port = await openstack<{ id: string }>('zenith-demo', [
    'port', 'create', '--network', networkId, '--fixed-ip', `subnet=${subnetId},ip-address=${ipAddress}`, name,
  ]);
  return port.id;
}

/**
 * Boots a server on the network and waits for ACTIVE. Retried: other specs share the project's instance quota, so a
 * create may be refused (or end in ERROR) until they release theirs.
 */
export async function createServerOn(name: string, network: string): Promise<{ id: string }> {
  let server: { id: string } | undefined;
  await expect(async () => {
    try {
      server = await openstack<{ id: string }>('zenith-demo', [
        'server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros-tiny', '--network', network, '--wait', name,
      ]);
    } catch (error) {
      // A server left in ERROR would block the next try's name and the network's deletion.
      await openstackDo('zenith-demo', ['server', 'delete', '--wait', name]).catch(() => undefined);
      throw error;
    }
  }).toPass({ timeout: 300_000, intervals: [5_000, 10_000, 20_000] });
  return server!;
}

export async function serverPortId(serverId: string): Promise<string> {
  const ports = await openstack<{ ID: string }[]>('zenith-demo', ['port', 'list', '--device-id', serverId]);
  return ports[0]!.ID;
}

/** Removes, in dependency order, everything of the spec still on the cloud; ignores what is already gone. */
export async function cleanUpNetworking(prefix: string) {
  const ignore = () => undefined;
  for (const floatingIp of await cliFloatingIpsMarked(prefix).catch(() => [])) {
    await openstackDo('zenith-demo', ['floating', 'ip', 'delete', floatingIp.id]).catch(ignore);
  }
  const servers = await openstack<{ ID: string }[]>('zenith-demo', ['server', 'list', '--name', `^${prefix}`]).catch(() => []);
  for (const server of servers) await openstackDo('zenith-demo', ['server', 'delete', '--wait', server.ID]).catch(ignore);
  const routers = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['router', 'list']).catch(() => []);
  for (const router of routers.filter((candidate) => candidate.Name.startsWith(prefix))) {
    const shown = await openstack<CliRouter>('zenith-demo', ['router', 'show', router.ID]).catch(() => undefined);
    if (shown?.routes.length) await openstackDo('zenith-demo', ['router', 'set', '--no-route', router.ID]).catch(ignore);
    for (const port of shown?.interfaces_info ?? []) {
      await openstackDo('zenith-demo', ['router', 'remove', 'port', router.ID, port.port_id]).catch(ignore);
    }
    await openstackDo('zenith-demo', ['router', 'delete', router.ID]).catch(ignore);
  }
  const ports = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['port', 'list']).catch(() => []);
  for (const port of ports.filter((candidate) => candidate.Name.startsWith(prefix))) {
    await openstackDo('zenith-demo', ['port', 'delete', port.ID]).catch(ignore);
  }
  const networks = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['network', 'list']).catch(() => []);
  for (const network of networks.filter((candidate) => candidate.Name.startsWith(prefix))) {
    await openstackDo('zenith-demo', ['network', 'delete', network.ID]).catch(ignore);
  }
}
