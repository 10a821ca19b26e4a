// Neutron stopped mid-session (e2e/cloud/stop): the overview's network card and the networks page say Networking
// (Neutron) is unavailable, with the BFF's words and a Retry, and nothing spins; compute keeps working where Nova does
// not need Neutron (limits, flavors; Nova's server list does: it answers 500); once Neutron is back (e2e/cloud/start),
// Retry shows the networks and the servers without a reload. The openstack CLI is the witness throughout.
// Neutron is started again in afterAll whatever happened, so the specs after this one find a whole cloud.
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { openstack, projectIdOf } from '../support/cloud';
import { cleanUp, createServer, uniquePrefix } from '../support/instances';
import { startService, stopService } from '../support/outage';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('down');
const serverName = `${prefix}-vm`;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(360_000);
  // Made while Neutron runs: a server being built when it stops would end in ERROR (no port).
  await createServer(serverName);
});
test.afterAll(async () => {
  test.setTimeout(240_000);
  const seconds = await startService('neutron');
  console.log(`service-down: start neutron in afterAll took ${seconds} s`);
  await cleanUp(prefix);
});

test('Neutron down mid-session: its card and pages say so, compute keeps working, Retry works once it is back', async ({ page, seenResponses }) => {
  test.setTimeout(240_000);
  await signIn(page, 'zenith-demo');
  await expect(page.getByTestId('gauge-network-networks')).toHaveAttribute('data-used', /\d+/);
  const networkCard = page.getByTestId('quota-card-network');
  const main = page.getByRole('main');

  const stopSeconds = await stopService('neutron');
  console.log(`service-down: stop neutron took ${stopSeconds} s`);
  await expect(openstack('zenith-demo', ['network', 'list'])).rejects.toThrow();

  // The overview read again (the same session): the network card says Neutron is away, the compute card is whole.
  await page.reload();
  await expect(page.getByTestId('gauge-compute-instances')).toHaveAttribute('data-used', /\d+/);
  const cardError = networkCard.getByTestId('error-notice');
  await expect(cardError.getByTestId('error-title')).toContainText('Networking (Neutron) is unavailable');
  await expect(cardError.getByTestId('error-message')).toContainText('The network service (127.0.0.1:9696) is unreachable: connection refused');
  await expect(cardError.getByTestId('error-zenith-request-id')).toHaveText(/^req-/);
  await expect(cardError.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(networkCard.locator('.animate-spin')).toHaveCount(0);
  await expectAccessible(page, 'overview with Neutron down');
  await screenshotBothThemes(page, 'service-down-overview');

  // Compute keeps working where Nova does not need Neutron: the flavors as the CLI lists them.
  await page.getByRole('link', { name: 'Flavors' }).click();
  const cliFlavors = (await openstack<{ Name: string }[]>('zenith-demo', ['flavor', 'list'])).map((flavor) => flavor.Name);
  const shownFlavors = page.getByTestId('flavors-table').getByTestId('flavor-name');
  await expect(shownFlavors).toHaveCount(cliFlavors.length);
  expect((await shownFlavors.allTextContents()).sort()).toEqual(cliFlavors.sort());

  // Nova's own server list does need it (it asks Neutron for each server's ports: the CLI fails the same way), so
  // the instances page shows Nova's answer, its request id and Retry; not a spinner, not a blank page.
  await expect(openstack('zenith-demo', ['server', 'list'])).rejects.toThrow(/500|Unexpected API Error/);
  await page.getByRole('link', { name: 'Instances', exact: true }).click();
  const instancesError = main.getByTestId('error-notice').first();
  await expect(instancesError.getByTestId('error-title')).toContainText('Compute 500');
  await expect(instancesError.getByTestId('error-request-id')).toHaveText(/^req-/);
  await expect(main.locator('.animate-spin')).toHaveCount(0);

  // The networks page: the same notice, in bounded time, and no spinner left.
  const shownAt = Date.now();
  await page.getByRole('link', { name: 'Networks' }).click();
  const listError = main.getByTestId('error-notice').first();
  await expect(listError.getByTestId('error-title')).toContainText('Networking (Neutron) is unavailable');
  const errorAfterMs = Date.now() - shownAt;
  console.log(`service-down: the networks page said so ${errorAfterMs} ms after the click`);
  await expect(main.locator('.animate-spin')).toHaveCount(0);
  await expectAccessible(page, 'networks page with Neutron down');
  await screenshotBothThemes(page, 'service-down-networks');

  // Neutron back: Retry lists the project's networks as the CLI does, without a reload.
  const startSeconds = await startService('neutron');
  console.log(`service-down: start neutron took ${startSeconds} s`);
  const demo = await projectIdOf('demo');
  let cliNetworks: string[] = [];
  await expect(async () => {
    cliNetworks = (await openstack<{ Name: string }[]>('zenith-demo', ['network', 'list', '--project', demo])).map((network) => network.Name);
  }).toPass({ timeout: 60_000 });
  await listError.getByRole('button', { name: 'Try again' }).click();
  const shownNetworks = page.getByTestId('networks-table').getByTestId('network-name');
  await expect(shownNetworks.first()).toBeVisible();
  expect((await shownNetworks.allTextContents()).sort()).toEqual(cliNetworks.sort());
  await expect(main.getByTestId('error-notice')).toHaveCount(0);

  // The instances page reads again when shown (a failed read is never kept as fresh): the server made before the
  // outage, as the CLI lists it.
  await page.getByRole('link', { name: 'Instances', exact: true }).click();
  await expect(page.getByTestId('instances-table').getByTestId('server-name').filter({ hasText: serverName })).toBeVisible();
  const cliServers = (await openstack<{ Name: string }[]>('zenith-demo', ['server', 'list'])).map((server) => server.Name);
  expect(cliServers).toContain(serverName);

  // And the overview's card reads again when shown (a failed read is never kept as fresh).
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByTestId('gauge-network-networks')).toHaveAttribute('data-used', String(cliNetworks.length));
  await expectNoTokenInBrowser(page, seenResponses);
});
