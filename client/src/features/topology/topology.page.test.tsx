// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Port } from '../../resources/ports/types';
import type { Server } from '../../resources/servers/types';
import { FakeBff, heldAnswer, openstackError, type Responder } from '../../testing/fake-bff';
import octaviaForbidden from '../../testing/fixtures/error-octavia-403.json';
import networks from '../../testing/fixtures/neutron-networks.json';
import capturedPorts from '../../testing/fixtures/neutron-ports.json';
import routers from '../../testing/fixtures/neutron-routers.json';
import subnets from '../../testing/fixtures/neutron-subnets.json';
import capturedServers from '../../testing/fixtures/nova-servers-detail.json';
import octaviaLoadBalancers from '../../testing/fixtures/octavia-loadbalancers.json';
import octaviaMembers from '../../testing/fixtures/octavia-members.json';
import octaviaPools from '../../testing/fixtures/octavia-pools.json';
import sessionDemo from '../../testing/fixtures/session-demo.json';
import { cleanupApp, renderApp } from '../../testing/render-app';
import { groupLimits } from './topology-graph';

beforeAll(() => {
  // React Flow measures its pane and nodes, which jsdom does not lay out: sizes come from the style React Flow sets.
  globalThis.ResizeObserver = class {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      this.callback([{ target } as unknown as ResizeObserverEntry], this);
    }
    unobserve() {}
    disconnect() {}
  };
  globalThis.DOMMatrixReadOnly = class {
    readonly m22 = 1;
  } as unknown as typeof DOMMatrixReadOnly;
  // d3-zoom, which moves the view, reads clientWidth/clientHeight.
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: { configurable: true, get(this: HTMLElement) { return parseFloat(this.style.height) || 600; } },
    offsetWidth: { configurable: true, get(this: HTMLElement) { return parseFloat(this.style.width) || 1000; } },
    clientHeight: { configurable: true, get: () => 600 },
    clientWidth: { configurable: true, get: () => 1000 },
  });
});
afterEach(cleanupApp);

// The captured demo project: demo-net (10.0.0.0/24) behind demo-router, whose gateway is on public.
const routerInterface = capturedPorts.ports.find((port) => port.device_owner === 'network:router_interface')!;
const serverPort = capturedPorts.ports.find((port) => port.device_owner.startsWith('compute:'))!;
const template = capturedServers.servers[0]!;

/** `count` servers `web-<n>` shaped as Nova answered the captured one, each with one port on demo-net (10.0.<n / 200>.<n % 200 + 10>). */
function project(count: number) {
  const servers = Array.from({ length: count }, (_, index) => ({ ...template, id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, name: `web-${index}` }));
  const ports = servers.map((server, index) => ({
    ...serverPort,
    id: `port-${index}`,
    device_id: server.id,
    fixed_ips: [{ subnet_id: serverPort.fixed_ips[0]!.subnet_id, ip_address: `10.0.${Math.floor(index / 200)}.${(index % 200) + 10}` }],
  }));
  return { servers: servers as unknown as Server[], ports: [routerInterface, ...ports] as unknown as Port[] };
}

/**
 * The captured networks, subnets and router, these servers and ports; the project's server list answered by
 * `serversAnswer`, its port list by `portsAnswer`, if given; in the demo session unless another is given.
 */
function cloud({ servers, ports }: { servers: Server[]; ports: Port[] }, serversAnswer?: Responder, portsAnswer?: Responder, session?: unknown) {
  return new FakeBff(session)
    .on('GET', '/api/os/network/v2.0/networks', networks)
    .on('GET', '/api/os/network/v2.0/subnets', subnets)
    .on('GET', '/api/os/network/v2.0/routers', routers)
    .on('GET', '/api/os/network/v2.0/ports', portsAnswer ?? { ports })
    // The navigation's probe of the all-projects list reads the same path: it is not the page's read.
    .on('GET', '/api/os/compute/servers/detail', (request) =>
      serversAnswer && !request.url.searchParams.has('all_tenants') ? serversAnswer(request) : Response.json({ servers }),
    );
}

/** The demo session with Octavia in its catalog. */
const session = { ...sessionDemo, services: [...sessionDemo.services, { type: 'load-balancer', name: 'octavia' }] };
const lbaas = '/api/os/load-balancer/v2/lbaas';

const graph = () => screen.getByTestId('topology-graph');
const instanceCells = () => graph().querySelectorAll('[data-testid="topology-node-instance"]');
const group = () => graph().querySelector<HTMLElement>('[data-testid="topology-group"]');

describe('topology page', () => {
  it('draws a few instances one by one, each linked to its network, and lists the same', async () => {
    renderApp('/topology', cloud(project(3)));
    const node = await waitFor(() => within(graph()).getByText('web-1').closest<HTMLElement>('[data-testid="topology-node-instance"]')!);
    await waitFor(() => expect(node.textContent).toContain('ACTIVE'));
    expect(instanceCells()).toHaveLength(3);
    expect(within(graph()).getByText('demo-net')).toBeTruthy();
    expect(within(graph()).getByText('demo-router')).toBeTruthy();
    expect(group()).toBeNull();
    // The list follows the graph, a few items per frame.
    const entry = () => screen.getByTestId('topology-list').querySelector(`[data-node-id="instance:${node.dataset.resourceId}"]`);
    await waitFor(() => expect(entry()?.textContent).toContain('linked to Network demo-net — 10.0.0.11'));
    // Shown, its lines are added again a batch per frame: all of them in the end.
    fireEvent.click(screen.getByTestId('topology-list-toggle'));
    await waitFor(() => expect(entry()?.textContent).toContain('linked to Network demo-net — 10.0.0.11'));
    expect(screen.getByTestId('topology-list').querySelectorAll('[data-node-id^="instance:"]')).toHaveLength(3);
  }, 20_000);

  it('collapses a network’s many instances into one node with their count (one line of the list), and shows each on asking', async () => {
    const count = groupLimits.expanded + 60;
    renderApp('/topology', cloud(project(count)));
    await waitFor(() => expect(group()).not.toBeNull());
    expect(group()!.dataset.count).toBe(String(count));
    expect(group()!.textContent).toContain(`${count} instances`);
    expect(group()!.textContent).toContain(`${count} ACTIVE`);
    expect(group()!.textContent).toContain('Instances on demo-net');
    expect(instanceCells()).toHaveLength(0);

    // The list says the same in one line, with the same button.
    const listGroup = await waitFor(() => within(screen.getByTestId('topology-list')).getByText(`${count} instances on demo-net`).closest('li')!);
    expect(screen.getByTestId('topology-list').querySelectorAll('[data-node-id^="instance:"]')).toHaveLength(0);

    fireEvent.click(within(listGroup).getByRole('button', { name: 'Show each' }));
    const grid = await waitFor(() => graph().querySelector<HTMLElement>('[data-testid="topology-grid"]')!);
    expect(grid.textContent).toContain(`${count} instances on demo-net`);
    // The cells arrive a batch per frame (the grid is drawn with the first), each a link to its instance with its status and IP.
    expect(instanceCells().length).toBeGreaterThan(0);
    expect(instanceCells().length).toBeLessThan(count);
    await waitFor(() => expect(instanceCells()).toHaveLength(count));
    const cell = within(grid).getByText('web-57').closest('a')!;
    expect(cell.getAttribute('href')).toBe('/instances/00000000-0000-4000-8000-000000000057');
    expect(cell.textContent).toContain('ACTIVE · 10.0.0.67');

    await waitFor(() => expect(screen.getByTestId('topology-list').querySelectorAll('[data-node-id^="instance:"]')).toHaveLength(count));

    fireEvent.click(within(grid).getByRole('button', { name: 'Collapse' }));
    await waitFor(() => expect(group()).not.toBeNull());
    expect(instanceCells()).toHaveLength(0);
  }, 20_000);

  it('finds an instance by name or IP: opens its group, marks it, says how many, and narrows the list', async () => {
    const count = 120;
    renderApp('/topology', cloud(project(count)));
    await waitFor(() => expect(group()).not.toBeNull());

    fireEvent.change(screen.getByLabelText('Find an instance or a load balancer'), { target: { value: 'WEB-11' } });
    expect(screen.getByTestId('topology-search-result').textContent).toBe('11 matches');
    await waitFor(() => expect(instanceCells()).toHaveLength(count));
    const marked = [...graph().querySelectorAll('[data-match]')].map((element) => element.querySelector('[data-testid="graph-node-name"]')?.textContent);
    expect(marked).toEqual(['web-11', ...Array.from({ length: 10 }, (_, index) => `web-11${index}`)]);
    const listed = [...screen.getByTestId('topology-list').querySelectorAll('[data-node-id^="instance:"]')];
    expect(listed).toHaveLength(11);

    fireEvent.change(screen.getByLabelText('Find an instance or a load balancer'), { target: { value: '10.0.0.75' } });
    expect(screen.getByTestId('topology-search-result').textContent).toBe('1 match');
    await waitFor(() => expect([...graph().querySelectorAll('[data-match] [data-testid="graph-node-name"]')].map((name) => name.textContent)).toEqual(['web-65']));

    fireEvent.change(screen.getByLabelText('Find an instance or a load balancer'), { target: { value: 'nothing-like-it' } });
    expect(screen.getByTestId('topology-search-result').textContent).toBe('No match');
    expect(graph().querySelectorAll('[data-match]')).toHaveLength(0);

    // Cleared, the graph is back as the user left it: the group collapsed again, one line of the list.
    fireEvent.change(screen.getByLabelText('Find an instance or a load balancer'), { target: { value: '' } });
    await waitFor(() => expect(group()).not.toBeNull());
    await waitFor(() => expect(screen.getByTestId('topology-list').querySelector('[data-testid="topology-list-group"]')?.textContent).toContain(`${count} instances on demo-net`));
    expect(screen.getByTestId('topology-list').querySelectorAll('[data-node-id^="instance:"]')).toHaveLength(0);
  }, 20_000);

  it('draws the networks and the instances’ group from the ports while Nova has not answered, then their states', async () => {
    const count = groupLimits.expanded + 10;
    const held = heldAnswer();
    const { servers, ports } = project(count);
    renderApp('/topology', cloud({ servers, ports }, held.answer));
    await waitFor(() => expect(group()).not.toBeNull());
    expect(group()!.dataset.count).toBe(String(count));
    expect(screen.getByTestId('topology-instances-pending').textContent).toContain('Reading the instances');
    expect(group()!.textContent).not.toContain('ACTIVE');

    held.release(Response.json({ servers }));
    await waitFor(() => expect(group()!.textContent).toContain(`${count} ACTIVE`));
    expect(screen.queryByTestId('topology-instances-pending')).toBeNull();
  }, 20_000);

  it('draws the networks and the router with its gateway while Neutron has not listed the ports, then the links and the instances', async () => {
    const count = groupLimits.expanded + 10;
    const held = heldAnswer();
    const { servers, ports } = project(count);
    renderApp('/topology', cloud({ servers, ports }, undefined, held.answer));
    await waitFor(() => expect(within(graph()).getByText('demo-router')).toBeTruthy());
    expect(within(graph()).getByText('demo-net')).toBeTruthy();
    expect(within(graph()).getByText('public')).toBeTruthy();
    expect(screen.getByTestId('topology-ports-pending').textContent).toContain('Reading the ports');
    expect(group()).toBeNull();
    expect(instanceCells()).toHaveLength(0);

    held.release(Response.json({ ports }));
    await waitFor(() => expect(group()).not.toBeNull());
    expect(group()!.dataset.count).toBe(String(count));
    await waitFor(() => expect(group()!.textContent).toContain(`${count} ACTIVE`));
    expect(screen.queryByTestId('topology-ports-pending')).toBeNull();
  }, 20_000);

  it('adds the load balancers once Octavia answers: on their VIP network, linked to their members’ instances, listed, found by VIP', async () => {
    const { servers, ports } = project(3);
    // The captured load balancer and members, moved onto demo-net: its members are web-0 and web-1 (10.0.0.10, 10.0.0.11).
    const subnetId = serverPort.fixed_ips[0]!.subnet_id;
    const loadBalancer = { ...octaviaLoadBalancers.loadbalancers[0]!, vip_network_id: serverPort.network_id, vip_subnet_id: subnetId, vip_address: '10.0.0.50' };
    const members = octaviaMembers.members.map((member, index) => ({ ...member, address: `10.0.0.${10 + index}`, subnet_id: subnetId }));
    const pool = octaviaPools.pools[0]!;
    const held = heldAnswer();
    const bff = cloud({ servers, ports }, undefined, undefined, session)
      .on('GET', `${lbaas}/loadbalancers`, held.answer)
      .on('GET', `${lbaas}/pools`, octaviaPools)
      .on('GET', `${lbaas}/pools/${pool.id}/members`, { members });
    const { router } = renderApp('/topology', bff);

    // Drawn without waiting for Octavia.
    await waitFor(() => expect(instanceCells()).toHaveLength(3));
    expect(graph().querySelector('[data-testid="topology-node-load-balancer"]')).toBeNull();

    held.release(Response.json({ loadbalancers: [loadBalancer] }));
    const lbNode = () => graph().querySelector<HTMLElement>('[data-testid="topology-node-load-balancer"]');
    await waitFor(() => expect(lbNode()).not.toBeNull());
    const node = lbNode()!;
    expect(node.textContent).toContain(loadBalancer.name);
    expect(node.textContent).toContain('10.0.0.50');
    expect(node.textContent).toContain('ACTIVE');
    // Two list calls filtered by project, then the pool's members.
    expect(bff.calls('GET', `${lbaas}/loadbalancers`)[0]!.url.searchParams.get('project_id')).toBe(session.project.id);
    expect(bff.calls('GET', `${lbaas}/pools`)[0]!.url.searchParams.get('project_id')).toBe(session.project.id);
    expect(bff.calls('GET', `${lbaas}/pools/${pool.id}/members`)).toHaveLength(1);

    const entry = () => screen.getByTestId('topology-list').querySelector(`[data-node-id="load-balancer:${loadBalancer.id}"]`);
    await waitFor(() => expect(entry()?.textContent).toContain('linked to Network demo-net — 10.0.0.50'));
    expect(entry()!.textContent).toContain('linked to Instance web-0 — 10.0.0.10');
    expect(entry()!.textContent).toContain('linked to Instance web-1 — 10.0.0.11');
    expect(entry()!.textContent).not.toContain('web-2');
    expect(entry()!.querySelector('a')!.getAttribute('href')).toBe(`/load-balancers/${loadBalancer.id}`);

    fireEvent.change(screen.getByLabelText('Find an instance or a load balancer'), { target: { value: '10.0.0.50' } });
    expect(screen.getByTestId('topology-search-result').textContent).toBe('1 match');

    fireEvent.click(node);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/load-balancers/${loadBalancer.id}`));
  }, 20_000);

  it('draws the rest when Octavia refuses the load balancers, and says so', async () => {
    const refused = () => openstackError(octaviaForbidden);
    renderApp('/topology', cloud(project(3), undefined, undefined, session).on('GET', `${lbaas}/loadbalancers`, refused).on('GET', `${lbaas}/pools`, refused));
    const notice = await waitFor(() => screen.getByTestId('error-notice'));
    expect(notice.textContent).toContain(octaviaForbidden.requestId);
    expect(instanceCells()).toHaveLength(3);
  }, 20_000);
});
