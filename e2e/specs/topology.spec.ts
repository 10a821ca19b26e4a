// The network topology on the seeded cloud (public, demo-router, demo-net) plus an instance made by the CLI: the
// graph draws them linked by their ports with the fixed IPs the CLI reports, the search finds the instance by its
// IP, the list alternative says the same, and clicking a node opens the resource's page. (Hundreds of instances,
// grouped and expanded, are the page tests' and bench/topology.ts's.)
import { openstack } from '../support/cloud';
import { expect, expectAccessible, test } from '../support/fixtures';
import { cleanUp, createServer, uniquePrefix } from '../support/instances';
import { linkLabel, topologyNode } from '../support/topology';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('topology');

interface CliRouter {
  id: string;
  external_gateway_info: { network_id: string; external_fixed_ips: { ip_address: string }[] };
}

test.afterAll(async () => {
  await cleanUp(prefix);
});

test('the graph shows the seeded network, router, gateway network and a new instance, linked by their IPs', async ({ page }) => {
  test.setTimeout(420_000);
  const server = await createServer(`${prefix}-vm`);
  const [instanceIp] = server.addresses['demo-net'] ?? [];
  expect(instanceIp).toBeTruthy();
  const router = await openstack<CliRouter>('zenith-demo', ['router', 'show', 'demo-router']);
  const demoNet = await openstack<{ id: string }>('zenith-demo', ['network', 'show', 'demo-net']);
  const gatewayIp = router.external_gateway_info.external_fixed_ips[0]!.ip_address;
  const routerInterface = (await openstack<{ 'Fixed IP Addresses': { ip_address: string }[] }[]>('zenith-demo', ['port', 'list', '--router', router.id, '--network', demoNet.id, '--long']))[0]!;

  // The CSP allows style-src 'self' only: React Flow's stylesheet is bundled, its positions are style properties.
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  await signIn(page, 'zenith-demo');
  await page.getByRole('link', { name: 'Topology' }).click();
  await expect(page).toHaveURL(/\/topology$/);

  await expect(topologyNode(page, 'network', demoNet.id)).toContainText('demo-net');
  await expect(topologyNode(page, 'network', demoNet.id)).toContainText('10.0.0.0/24');
  await expect(topologyNode(page, 'external-network', router.external_gateway_info.network_id)).toContainText('public');
  await expect(topologyNode(page, 'router', router.id)).toContainText('demo-router');
  await expect(topologyNode(page, 'instance', server.id)).toContainText(`${prefix}-vm`);
  await expect(topologyNode(page, 'instance', server.id)).toContainText('ACTIVE');
  // Drawn on its own (its port a link labelled with the IP) or as a cell of demo-net's grid when other tests'
  // servers share the network: its IP is on the node either way.
  await expect(topologyNode(page, 'instance', server.id)).toContainText(instanceIp!);
  await expect(linkLabel(page, gatewayIp)).toHaveCount(1);
  await expect(linkLabel(page, routerInterface['Fixed IP Addresses'][0]!.ip_address)).toHaveCount(1);
  await expect(page.getByTestId('topology-legend')).toContainText('Router');
  await expect(page.getByTestId('topology-graph').locator('.react-flow__minimap')).toBeVisible();
  await expect(page.getByTestId('topology-graph').locator('.react-flow__controls')).toBeVisible();

  // The search finds it by its name and by its IP (a part of other IPs too, as 10.0.0.5 is of 10.0.0.51), and marks it.
  await page.getByLabel('Find an instance').fill(`${prefix}-vm`);
  await expect(page.getByTestId('topology-search-result')).toHaveText('1 match');
  await expect(topologyNode(page, 'instance', server.id)).toHaveAttribute('data-match', 'true');
  await page.getByLabel('Find an instance').fill(instanceIp!);
  await expect(topologyNode(page, 'instance', server.id)).toHaveAttribute('data-match', 'true');
  await page.getByLabel('Find an instance').fill('');
  await expect(topologyNode(page, 'instance', server.id)).not.toHaveAttribute('data-match');

  // The list alternative (read by screen readers even while hidden) names the same links.
  const instanceEntry = page.locator(`[data-testid="topology-list-node"][data-node-id="instance:${server.id}"]`);
  await expect(instanceEntry).toContainText(`linked to Network demo-net — ${instanceIp}`);
  await expectAccessible(page, 'topology graph');
  await screenshotBothThemes(page, 'topology');
  await page.getByTestId('topology-list-toggle').click();
  await expect(page.getByTestId('topology-list')).toBeVisible();
  await expectAccessible(page, 'topology with its list');
  await screenshotBothThemes(page, 'topology-list');

  expect(cspViolations).toEqual([]);
  // The search cleared, the whole graph is in view again: the router, left of the instance, can be clicked.
  await topologyNode(page, 'router', router.id).click({ timeout: 15_000 });
  await expect(page).toHaveURL(new RegExp(`/routers/${router.id}$`));
});
