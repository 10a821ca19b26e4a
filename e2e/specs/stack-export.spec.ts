// A template from existing resources (the seed's Flame) on the real local cloud, the openstack CLI as witness: a
// small topology built in project demo with the CLI (a network and subnet, a router to `public`, two security
// groups, one letting the other in, two servers on ports of their own, a volume attached, a floating IP) is
// exported through the instances list's "Export as template", explained, validated by Heat through the page,
// launched as a stack in project demo-2 through Zenith (the project switched, the launch page), and demo-2 is
// checked to hold the same topology: counts, CIDRs and pools, rules, the attachment, the floating IP.
import type { Page } from '@playwright/test';
import { openstack, openstackDo, projectIdOf } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { cleanUpNetworking } from '../support/routers';
import { cleanUpGroups, ruleLine, type CliGroup, type CliRule } from '../support/security-groups';
import { deleteStackIfExists, waitForStackStatus } from '../support/stacks';
import { cleanUpVolumes, waitForVolumeStatus } from '../support/volumes';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('export');
const stackName = `${prefix}-copy`;
const names = {
  network: `${prefix}-net`,
  subnet: `${prefix}-subnet`,
  router: `${prefix}-router`,
  web: `${prefix}-web`,
  db: `${prefix}-db`,
  volume: `${prefix}-data`,
};
const cidr = '10.241.0.0/24';
const ids = { web: '', db: '', volume: '' };
let demo2 = '';

test.describe.configure({ mode: 'serial' });

// --- The topology, through the CLI in demo, and what a project holds of it. ---

async function demo<T>(args: string[]) {
  return openstack<T>('zenith-demo', args);
}

/** Boots a server on its port; retried, as other specs share the instance quota. */
async function serverOnPort(name: string, portId: string): Promise<string> {
  let id = '';
  await expect(async () => {
    try {
      id = (await demo<{ id: string }>(['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros-tiny', '--port', portId, '--wait', name])).id;
    } catch (error) {
      await openstackDo('zenith-demo', ['server', 'delete', '--wait', name]).catch(() => undefined);
      throw error;
    }
  }).toPass({ timeout: 300_000, intervals: [5_000, 10_000, 20_000] });
  return id;
}

async function buildTopology() {
  const network = await demo<{ id: string }>(['network', 'create', names.network]);
  const subnet = await demo<{ id: string }>([
    'subnet', 'create', '--network', network.id, '--subnet-range', cidr, '--dns-nameserver', '9.9.9.9',
    '--allocation-pool', 'start=10.241.0.10,end=10.241.0.200', '--host-route', 'destination=10.99.0.0/24,gateway=10.241.0.254', names.subnet,
  ]);
  await demo(['router', 'create', '--external-gateway', 'public', names.router]);
  await openstackDo('zenith-demo', ['router', 'add', 'subnet', names.router, subnet.id]);
  const web = await demo<{ id: string }>(['security', 'group', 'create', `${prefix}-web`]);
  const db = await demo<{ id: string }>(['security', 'group', 'create', `${prefix}-db`]);
  await demo(['security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '22', '--remote-ip', '0.0.0.0/0', web.id]);
  await demo(['security', 'group', 'rule', 'create', '--protocol', 'icmp', web.id]);
  await demo(['security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '5432', '--remote-group', web.id, db.id]);
  await demo(['security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '9000:9100', '--remote-group', db.id, db.id]);
  const webPort = await demo<{ id: string }>(['port', 'create', '--network', network.id, '--security-group', web.id, `${prefix}-web-port`]);
  const dbPort = await demo<{ id: string }>(['port', 'create', '--network', network.id, '--security-group', db.id, `${prefix}-db-port`]);
  [ids.web, ids.db] = await Promise.all([serverOnPort(names.web, webPort.id), serverOnPort(names.db, dbPort.id)]);
  ids.volume = (await demo<{ id: string }>(['volume', 'create', '--size', '1', names.volume])).id;
  await waitForVolumeStatus(ids.volume, 'available');
  await openstackDo('zenith-demo', ['server', 'add', 'volume', ids.db, ids.volume]);
  await waitForVolumeStatus(ids.volume, 'in-use');
  // The description marks it for the clean-up (support/routers.ts).
  await demo(['floating', 'ip', 'create', '--port', webPort.id, '--description', prefix, 'public']);
}

interface Topology {
  networks: { name: string; subnets: { cidr: string; gateway_ip: string; allocation_pools: unknown; dns_nameservers: string[]; host_routes: unknown }[] }[];
  routers: { name: string; gateway: string | undefined; interfaces: string[] }[];
  groups: Record<string, string[]>;
  servers: { name: string; status: string; ports: number; volumes: string[]; floating: number }[];
  volumes: { name: string; size: number; status: string }[];
}

/** What a project holds of the spec's topology, without ids: comparable between the original and the copy. */
async function topologyIn(projectId: string): Promise<Topology> {
  const cli = <T>(args: string[]) => openstack<T>('zenith-demo', args, projectId);
  const publicId = (await cli<{ id: string }>(['network', 'show', 'public'])).id;
  const networks = (await cli<{ ID: string; Name: string }[]>(['network', 'list'])).filter((row) => row.Name.startsWith(prefix));
  const subnetRows = await cli<{ ID: string; Name: string; Network: string }[]>(['subnet', 'list']);
  const topology: Topology = { networks: [], routers: [], groups: {}, servers: [], volumes: [] };
  for (const network of networks) {
    const subnets = [];
    for (const row of subnetRows.filter((candidate) => candidate.Network === network.ID)) {
      const subnet = await cli<Topology['networks'][number]['subnets'][number]>(['subnet', 'show', row.ID]);
      subnets.push({ cidr: subnet.cidr, gateway_ip: subnet.gateway_ip, allocation_pools: subnet.allocation_pools, dns_nameservers: subnet.dns_nameservers, host_routes: subnet.host_routes });
    }
    topology.networks.push({ name: network.Name, subnets });
  }
  const subnetCidr = new Map(
    await Promise.all(subnetRows.map(async (row) => [row.ID, (await cli<{ cidr: string }>(['subnet', 'show', row.ID])).cidr] as const)),
  );
  for (const row of (await cli<{ ID: string; Name: string }[]>(['router', 'list'])).filter((candidate) => candidate.Name.startsWith(prefix))) {
    const router = await cli<{ external_gateway_info: { network_id: string } | null; interfaces_info: { subnet_id: string }[] }>(['router', 'show', row.ID]);
    topology.routers.push({
      name: row.Name,
      gateway: router.external_gateway_info?.network_id === publicId ? 'public' : router.external_gateway_info?.network_id,
      interfaces: router.interfaces_info.map((info) => subnetCidr.get(info.subnet_id) ?? info.subnet_id),
    });
  }
  const groups = (await cli<{ ID: string; Name: string }[]>(['security', 'group', 'list'])).filter((row) => row.Name.startsWith(prefix));
  const groupName = new Map(groups.map((group) => [group.ID, group.Name]));
  for (const row of groups) {
    const group = await cli<CliGroup>(['security', 'group', 'show', row.ID]);
    // Remote groups by name: the copy's ids differ, what they point to must not.
    const line = (rule: CliRule) => ruleLine({ ...rule, remote_group_id: rule.remote_group_id && (groupName.get(rule.remote_group_id) ?? rule.remote_group_id) });
    topology.groups[row.Name] = group.rules.map(line).sort();
  }
  const volumeName = new Map<string, string>();
  for (const row of (await cli<{ ID: string; Name: string }[]>(['volume', 'list'])).filter((candidate) => candidate.Name?.startsWith(prefix))) {
    const volume = await cli<{ name: string; size: number; status: string }>(['volume', 'show', row.ID]);
    volumeName.set(row.ID, volume.name);
    topology.volumes.push({ name: volume.name, size: volume.size, status: volume.status });
  }
  for (const row of await cli<{ ID: string; Name: string }[]>(['server', 'list', '--name', `^${prefix}`])) {
    const server = await cli<{ status: string; addresses: Record<string, string[]>; volumes_attached: { id: string }[] }>(['server', 'show', row.ID]);
    const ports = await cli<{ ID: string }[]>(['port', 'list', '--device-id', row.ID]);
    const floating = (await cli<{ 'Fixed IP Address': string | null; Port: string | null }[]>(['floating', 'ip', 'list'])).filter((fip) => ports.some((port) => port.ID === fip.Port));
    topology.servers.push({
      name: row.Name,
      status: server.status,
      ports: ports.length,
      volumes: server.volumes_attached.map((volume) => volumeName.get(volume.id) ?? volume.id),
      floating: floating.length,
    });
  }
  for (const list of [topology.networks, topology.routers, topology.servers, topology.volumes]) list.sort((a, b) => a.name.localeCompare(b.name));
  return topology;
}

async function selectRows(page: Page, rowNames: string[]) {
  for (const name of rowNames) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  demo2 = await projectIdOf('demo-2');
  await buildTopology();
});

test.afterAll(async () => {
  test.setTimeout(600_000);
  if (demo2) await deleteStackIfExists(stackName, demo2, 300_000).catch(() => undefined);
  await cleanUpNetworking(prefix);
  await cleanUpVolumes(prefix);
  await cleanUpGroups(prefix);
});

test('exported from the instances list: the template explained, Heat validates it, then launched as a stack in demo-2', async ({ page, seenResponses }) => {
  test.setTimeout(600_000);
  await signIn(page, 'zenith-demo');

  // A security group's closure, from its list: the group it lets in comes along (a rule's remote group).
  await page.goto('/security-groups');
  await selectRows(page, [`${prefix}-db`]);
  await page.getByTestId('bulk-export-template').click();
  await expect(page).toHaveURL(/\/stacks\/export\?securityGroup=[0-9a-f-]{36}$/);
  const groupsOnly = page.getByTestId('export-resources');
  await expect(groupsOnly).toContainText('What it re-creates (2 resources)');
  await expect(groupsOnly).toContainText(`from security group ${prefix}-web`);

  // The servers, from the instances list: their ports, network, groups, floating IP with its router, volume.
  await page.goto('/instances');
  await selectRows(page, [names.web, names.db]);
  await expect(page.getByTestId('bulk-bar')).toContainText('2 selected');
  await page.getByTestId('bulk-export-template').click();
  await expect(page).toHaveURL(new RegExp(`/stacks/export\\?server=(${ids.web}|${ids.db})&server=(${ids.web}|${ids.db})$`));
  const resources = page.getByTestId('export-resources');
  await expect(resources).toContainText('What it re-creates (14 resources)');
  for (const type of ['OS::Nova::Server', 'OS::Neutron::Port', 'OS::Neutron::Net', 'OS::Neutron::Subnet', 'OS::Neutron::Router', 'OS::Neutron::RouterInterface', 'OS::Neutron::SecurityGroup', 'OS::Neutron::FloatingIP', 'OS::Neutron::FloatingIPAssociation', 'OS::Cinder::Volume', 'OS::Cinder::VolumeAttachment']) {
    await expect(resources, type).toContainText(type);
  }
  await expect(resources).toContainText(`from instance ${names.web} (${ids.web})`);
  const leftOut = page.getByTestId('export-left-out');
  await expect(leftOut).toContainText(`volume ${names.volume} (${ids.volume}): re-created empty; its data is not copied.`);
  await expect(leftOut).toContainText(`instance ${names.db} (${ids.db}) boots afresh`);
  await expect(leftOut).toContainText('belongs to another project: not re-created, referred to by the parameter external_network_public');
  await expect(page.getByTestId('export-parameters')).toContainText('image_cirros_tiny');
  // Image, flavor, external network and the servers' and volume's availability zone.
  await expect(page.getByTestId('export-parameters')).toContainText('availability_zone_nova');

  // Heat's own check, through the page.
  await page.getByTestId('export-validate').click();
  await expect(page.getByTestId('export-validation')).toHaveText('Heat accepts the template; it has 4 parameters.');
  await expectAccessible(page, 'template export');
  await screenshotBothThemes(page, 'stack-export');

  // Launch in demo-2: Zenith switches project, the launch page gets the template.
  await page.getByTestId('export-project').selectOption({ label: 'demo-2' });
  await page.getByTestId('export-launch-button').click();
  await expect(page).toHaveURL(/\/stacks\/launch$/);
  await expect(page.getByTestId('current-project')).toHaveText('demo-2');
  await page.getByLabel('Stack name').fill(stackName);
  await page.getByRole('button', { name: 'Launch stack' }).click();
  await expect(page).toHaveURL(new RegExp(`/stacks/${stackName}/[0-9a-f-]{36}$`), { timeout: 60_000 });
  await waitForStackStatus(stackName, 'CREATE_COMPLETE', 300_000, demo2);
  await expectNoTokenInBrowser(page, seenResponses);
});

test('demo-2 now holds the same topology: counts, CIDRs and pools, rules, the attachment, the floating IP', async () => {
  test.setTimeout(300_000);
  const original = await topologyIn(await projectIdOf('demo'));
  const copy = await topologyIn(demo2);
  expect(original.servers).toHaveLength(2);
  expect(original.networks[0]?.subnets[0]?.cidr).toBe(cidr);
  expect(copy).toEqual(original);
  // What the copy must hold, said plainly (the comparison above would pass on two empty projects).
  expect(copy.servers).toEqual([
    { name: names.db, status: 'ACTIVE', ports: 1, volumes: [names.volume], floating: 0 },
    { name: names.web, status: 'ACTIVE', ports: 1, volumes: [], floating: 1 },
  ]);
  expect(copy.routers).toEqual([{ name: names.router, gateway: 'public', interfaces: [cidr] }]);
  expect(copy.groups[`${prefix}-db`]).toContain(`ingress IPv4 tcp 5432 5432 group:${prefix}-web`);
  expect(copy.groups[`${prefix}-db`]).toContain(`ingress IPv4 tcp 9000 9100 group:${prefix}-db`);
  expect(copy.volumes).toEqual([{ name: names.volume, size: 1, status: 'in-use' }]);
});
