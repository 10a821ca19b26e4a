// Servers for the instances specs, made and read with the openstack CLI (the witness), and page helpers for
// Zenith's instance pages written against their test ids.
import { expect, type Page } from '@playwright/test';
import { openstack, openstackDo } from './cloud';

/** The CLI asked for a microversion that shows `locked` and the embedded flavor. */
const compute = ['--os-compute-api-version', '2.79'];

export interface CliServer {
  id: string;
  name: string;
  status: string;
  locked: boolean;
  flavor: { original_name: string };
  image: string;
  addresses: Record<string, string[]>;
  volumes_attached: { id: string }[];
  'OS-EXT-STS:task_state': string | null;
  'OS-EXT-STS:vm_state': string;
  /** The server's metadata (`openstack server set --property`). */
  properties: Record<string, string>;
  security_groups: { name: string }[];
}

export function uniquePrefix(spec: string): string {
  return `e2e-${spec}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Creates a server and waits for ACTIVE (or, `wait: false`, only for Nova to accept it: it is listed from then on).
 * Retried: other specs and the benchmark share the project's instance quota, so a create may be refused (or end in
 * ERROR) until they release theirs.
 */
export async function createServer(name: string, { wait = true } = {}): Promise<CliServer> {
  let server: CliServer | undefined;
  await expect(async () => {
    server = await createServerOnce(name, wait);
  }).toPass({ timeout: 300_000, intervals: [5_000, 10_000, 20_000] });
  return server!;
}

function createServerOnce(name: string, wait: boolean): Promise<CliServer> {
  return openstack<CliServer>('zenith-demo', [
    ...compute,
    'server',
    'create',
    '--flavor',
    'm1.tiny',
    '--image',
    'cirros-tiny',
    '--network',
    'demo-net',
    ...(wait ? ['--wait'] : []),
    name,
  ]);
}

export function showServer(id: string): Promise<CliServer> {
  return openstack<CliServer>('zenith-demo', [...compute, 'server', 'show', id]);
}

/** The server a port is bound to ('' when free), as Neutron says. */
export async function portDeviceId(portId: string): Promise<string> {
  return (await openstack<{ device_id: string }>('zenith-demo', ['port', 'show', portId])).device_id;
}

/** How many times Nova recorded an action (`reboot`, `resize`...) on the server. */
export async function countServerEvents(serverId: string, action: string): Promise<number> {
  const events = await openstack<{ Action: string }[]>('zenith-demo', ['server', 'event', 'list', serverId]);
  return events.filter((event) => event.Action === action).length;
}

/** Deletes every server, image, volume and floating IP whose name starts with the prefix; ignores what is gone. */
export async function cleanUp(prefix: string) {
  const servers = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['server', 'list', '--name', `^${prefix}`]);
  await Promise.all(servers.map((server) => openstackDo('zenith-demo', ['server', 'delete', '--wait', server.ID]).catch(() => undefined)));
  const images = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['image', 'list', '--private']);
  for (const image of images.filter((candidate) => candidate.Name.startsWith(prefix))) {
    await openstackDo('zenith-demo', ['image', 'delete', image.ID]).catch(() => undefined);
  }
  const volumes = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['volume', 'list']);
  for (const volume of volumes.filter((candidate) => candidate.Name?.startsWith(prefix))) {
    await openstackDo('zenith-demo', ['volume', 'delete', volume.ID]).catch(() => undefined);
  }
}

/** The header status badge of the detail page, once Nova has settled and Zenith stopped polling. */
export async function expectSettled(page: Page, status: string) {
  const badge = page.getByTestId('server-status').first();
  await expect(badge).toHaveAttribute('data-status', status, { timeout: 60_000 });
  await expect(badge).toHaveAttribute('data-task-state', '', { timeout: 60_000 });
  await expect(badge).toHaveAttribute('data-pending', 'false', { timeout: 60_000 });
}

/**
 * The header badge shows the action as pending right after it was sent (Zenith polls the server from then on), and
 * later the settled status.
 */
export async function expectPendingThenSettled(page: Page, status: string) {
  await expect(page.getByTestId('server-status').first()).toHaveAttribute('data-pending', 'true');
  await expectSettled(page, status);
}

/** Opens the detail page's action menu and picks an action. */
export async function chooseAction(page: Page, actionId: string) {
  await page.getByTestId('detail-actions').click();
  await page.getByTestId(`menu-item-${actionId}`).click();
}

/** Picks an action whose dialog needs only a confirmation (or prepared input), then submits it. */
export async function submitActionDialog(page: Page, actionId: string) {
  const dialog = page.getByTestId(`action-dialog-${actionId}`);
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}
