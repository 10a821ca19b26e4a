// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, openstackError, type BffRequest, type CapturedError } from '../../testing/fake-bff';
import busyJson from '../../testing/fixtures/error-octavia-409-busy.json';
import forbiddenJson from '../../testing/fixtures/error-octavia-403.json';
import healthMonitorJson from '../../testing/fixtures/octavia-healthmonitor.json';
import l7PoliciesJson from '../../testing/fixtures/octavia-l7policies.json';
import l7RulesJson from '../../testing/fixtures/octavia-l7rules.json';
import listenersJson from '../../testing/fixtures/octavia-listeners.json';
import loadBalancersJson from '../../testing/fixtures/octavia-loadbalancers.json';
import membersJson from '../../testing/fixtures/octavia-members.json';
import poolsJson from '../../testing/fixtures/octavia-pools.json';
import statusJson from '../../testing/fixtures/octavia-status.json';
import sessionDemo from '../../testing/fixtures/session-demo.json';
import { describeListPage } from '../../testing/list-page-cases';
import { cleanupApp, renderApp } from '../../testing/render-app';
import { networks, subnets } from '../../testing/fixtures';
import type { LoadBalancer } from '../../resources/load-balancers/types';

const lbaas = '/api/os/load-balancer/v2/lbaas';
const loadBalancers = loadBalancersJson.loadbalancers as LoadBalancer[];
const lb = loadBalancers[0]!;
const pool = poolsJson.pools[0]!;
const policy = l7PoliciesJson.l7policies[0]!;
const rule = l7RulesJson.rules[0]!;
/** The demo session with Octavia in its catalog. */
const session = { ...sessionDemo, services: [...sessionDemo.services, { type: 'load-balancer', name: 'octavia' }] };
const busy: CapturedError = busyJson;

/** Answers every read of the load balancer's detail page, as captured. */
function detailBff(loadBalancer: object = lb) {
  return new FakeBff(session)
    .on('GET', `${lbaas}/loadbalancers`, loadBalancersJson)
    .on('GET', `${lbaas}/loadbalancers/${lb.id}`, { loadbalancer: loadBalancer })
    .on('GET', `${lbaas}/loadbalancers/${lb.id}/status`, statusJson)
    .on('GET', `${lbaas}/listeners`, listenersJson)
    .on('GET', `${lbaas}/pools`, poolsJson)
    .on('GET', `${lbaas}/pools/${pool.id}/members`, membersJson)
    .on('GET', `${lbaas}/healthmonitors/${pool.healthmonitor_id}`, healthMonitorJson)
    .on('GET', `${lbaas}/l7policies`, l7PoliciesJson)
    .on('GET', `${lbaas}/l7policies/${policy.id}/rules`, l7RulesJson)
    .on('GET', '/api/os/network/v2.0/subnets', { subnets: [] })
    .on('GET', '/api/os/network/v2.0/floatingips', { floatingips: [] });
}

describeListPage('load balancers page', {
  page: '/load-balancers',
  listPath: `${lbaas}/loadbalancers`,
  answer: (rows) => ({ loadbalancers: rows, loadbalancers_links: [] }),
  rows: loadBalancers,
  rowText: (row) => row.name,
  rowShows: (row) => [row.vip_address, 'Active', 'Offline'],
  session,
  // The cascade delete first reads the load balancer, to wait out a PENDING_* state.
  alsoAnswers: (bff) => bff.on('GET', `${lbaas}/loadbalancers/${lb.id}`, { loadbalancer: lb }),
  emptyText: 'No load balancer in this project yet',
  forbidden: forbiddenJson,
  forbiddenMessage: 'Policy does not allow this request to be performed.',
  action: {
    menuLabel: (row) => `Actions on load balancer ${row.name}`,
    label: 'Delete',
    method: 'DELETE',
    path: (row) => `${lbaas}/loadbalancers/${row.id}`,
  },
});

describe('load balancers', { timeout: 30_000 }, () => {
  afterEach(() => {
    cleanupApp();
    localStorage.clear();
  });

  it('lists with Octavia paging, sorting and filters in the query, and only shows in the navigation with Octavia', async () => {
    const bff = new FakeBff(session).on('GET', `${lbaas}/loadbalancers`, loadBalancersJson);
    renderApp('/load-balancers?provisioning_status=ACTIVE&limit=10', bff);
    await screen.findByText(lb.name);
    const query = Object.fromEntries(bff.calls('GET', `${lbaas}/loadbalancers`)[0]!.url.searchParams);
    expect(query).toMatchObject({ project_id: session.project.id, provisioning_status: 'ACTIVE', limit: '11', sort: 'name:asc' });
    expect(screen.getByRole('link', { name: 'Load balancers' })).toBeDefined();
    cleanupApp();

    renderApp('/load-balancers', new FakeBff().on('GET', `${lbaas}/loadbalancers`, loadBalancersJson));
    await screen.findByRole('link', { name: 'Routers' });
    expect(screen.queryByRole('link', { name: 'Load balancers' })).toBeNull();
  });

  it('shows the tree: listener, its pool with members and monitor, its L7 policy and rule, each with its statuses', async () => {
    renderApp(`/load-balancers/${lb.id}`, detailBff());
    const listener = await screen.findByTestId('listener');
    expect(within(listener).getByTestId('listener-title').textContent).toContain('fixture-http HTTP:80');
    const poolView = within(listener).getByTestId('pool');
    expect(within(poolView).getByTestId('pool-summary').textContent).toContain('HTTP · Round robin');
    expect(within(poolView).getAllByTestId('member-address').map((cell) => cell.textContent).sort()).toEqual(['10.0.0.105:80', '10.0.0.45:80']);
    expect(within(poolView).getAllByTestId('member-operating').map((badge) => badge.dataset.status)).toEqual(['NO_MONITOR', 'NO_MONITOR']);
    expect(within(poolView).getByTestId('health-monitor').textContent).toContain('HTTP monitor every 5 s, timeout 3 s, 3 retries · GET /health → 200');
    const l7 = within(listener).getByTestId('l7policy');
    expect(within(l7).getByTestId('l7policy-action').textContent).toBe('Reject');
    expect(within(l7).getByTestId('l7rule').textContent).toContain('PATH STARTS_WITH /admin');
    expect(screen.getByTestId('detail-vip-address').textContent).toBe('198.51.100.1');
    expect(within(screen.getByTestId('lb-status')).getByTestId('lb-status-provisioning').dataset.status).toBe('ACTIVE');
  });

  it('deletes the whole load balancer in cascade after a warning naming what goes with it', async () => {
    const bff = detailBff().on('DELETE', `${lbaas}/loadbalancers/${lb.id}`, new Response(null, { status: 204 }));
    const view = renderApp(`/load-balancers/${lb.id}`, bff);
    fireEvent.click(await screen.findByTestId('detail-actions'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Its listeners, pools, members, health monitors and L7 policies are deleted too (cascade)');
    expect(within(dialog).getByTestId('cascade-delete-details').textContent).toContain('fixture-web: 1 listener(s) and 1 pool(s) go with it');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(bff.calls('DELETE', `${lbaas}/loadbalancers/${lb.id}`)).toHaveLength(1));
    expect(bff.calls('DELETE', `${lbaas}/loadbalancers/${lb.id}`)[0]!.url.searchParams.get('cascade')).toBe('true');
    await waitFor(() => expect(view.router.state.location.pathname).toBe('/load-balancers'));
  });

  it("edits a rule from its menu, sending only what changed; a refusal keeps the input and shows Octavia's words and request id", async () => {
    const rulePath = `${lbaas}/l7policies/${policy.id}/rules/${rule.id}`;
    const bff = detailBff().on('PUT', rulePath, openstackError(forbiddenJson), { rule: { ...rule, value: '/private' } });
    renderApp(`/load-balancers/${lb.id}`, bff);
    fireEvent.click(within(await screen.findByTestId('l7rule')).getByTestId('l7rule-actions'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Edit rule' }));
    const dialog = await screen.findByRole('dialog');
    const value = within(dialog).getByTestId<HTMLInputElement>('l7rule-value');
    expect(value.value).toBe('/admin');
    fireEvent.change(value, { target: { value: '/private' } });
    fireEvent.click(within(dialog).getByTestId('action-submit'));

    const refused = await waitFor(() => {
      const found = within(dialog).getAllByRole('alert').find((alert) => alert.textContent?.includes(forbiddenJson.requestId));
      if (!found) throw new Error(`no alert shows ${forbiddenJson.requestId}`);
      return found;
    });
    expect(refused.textContent).toContain('Policy does not allow this request to be performed.');
    expect(within(dialog).getByTestId<HTMLInputElement>('l7rule-value').value).toBe('/private');
    expect(bff.calls('PUT', rulePath)[0]!.body).toEqual({ rule: { value: '/private' } });

    fireEvent.click(within(dialog).getByTestId('action-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bff.calls('PUT', rulePath)[1]!.body).toEqual({ rule: { value: '/private' } });
  });

  it('reads in French', async () => {
    renderApp(`/load-balancers/${lb.id}`, detailBff());
    await screen.findByTestId('listener');
    fireEvent.change(screen.getByTestId('language-switcher'), { target: { value: 'fr' } });
    await screen.findByRole('heading', { name: 'Écouteurs, pools et membres' });
    const listener = screen.getByTestId('listener');
    expect(within(listener).getByTestId('pool-summary').textContent).toContain('HTTP · Tourniquet');
    expect(within(listener).getByTestId('health-monitor').textContent).toContain('Moniteur HTTP toutes les 5 s');
    // The next tests read English.
    fireEvent.change(screen.getByTestId('language-switcher'), { target: { value: 'en' } });
    await screen.findByRole('heading', { name: 'Listeners, pools and members' });
  });
});

describe('the guided create', { timeout: 60_000 }, () => {
  afterEach(cleanupApp);
  const subnet = subnets[0]!;
  const created = { ...lb, id: 'new-lb', name: 'web', provisioning_status: 'PENDING_CREATE', listeners: [], pools: [] };
  const next = () => fireEvent.click(screen.getByTestId('flow-next'));
  const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

  function createBff() {
    return new FakeBff(session)
      .on('GET', '/api/os/network/v2.0/networks', { networks })
      .on('GET', '/api/os/network/v2.0/subnets', { subnets })
      .on('GET', '/api/os/network/v2.0/ports', { ports: [] })
      .on('GET', '/api/os/compute/servers', { servers: [] })
      .on('GET', `${lbaas}/flavors`, { flavors: [] })
      .on('GET', `${lbaas}/availabilityzones`, { availability_zones: [] })
      .on('POST', `${lbaas}/loadbalancers`, Response.json({ loadbalancer: created }, { status: 201 }))
      // Pending at first, then settled after each write (the last answer repeats).
      .on('GET', `${lbaas}/loadbalancers/new-lb`, { loadbalancer: created }, { loadbalancer: { ...created, provisioning_status: 'ACTIVE' } })
      // Octavia refuses the listener once more while the load balancer is still busy: the flow waits and sends it again.
      .on('POST', `${lbaas}/listeners`, openstackError(busy), Response.json({ listener: { ...listenersJson.listeners[0], id: 'new-listener' } }, { status: 201 }))
      .on('POST', `${lbaas}/pools`, Response.json({ pool: { ...pool, id: 'new-pool' } }, { status: 201 }))
      .on('POST', `${lbaas}/pools/new-pool/members`, Response.json({ member: membersJson.members[0] }, { status: 201 }))
      .on('POST', `${lbaas}/healthmonitors`, Response.json({ healthmonitor: healthMonitorJson.healthmonitor }, { status: 201 }));
  }

  it('refuses each step until it is valid, then sends the parts in order, each once the load balancer left PENDING', async () => {
    const bff = createBff();
    const view = renderApp('/load-balancers/create', bff);
    await screen.findByRole('option', { name: `demo-net · ${subnet.name} (${subnet.cidr})` });

    next();
    expect((await screen.findByTestId('step-problems')).textContent).toContain('Correct the fields');
    expect(screen.getByText('Choose where the VIP comes from.')).toBeDefined();
    type('lb-name', 'web');
    type('lb-vip-subnet', subnet.id);
    type('lb-vip-address', '192.168.9.9');
    next();
    expect(await screen.findByText('This address is outside the chosen subnet.')).toBeDefined();
    type('lb-vip-address', '');
    next();

    type('listener-port', '70000');
    next();
    expect(await screen.findByText('A port is a whole number from 1 to 65535.')).toBeDefined();
    type('listener-protocol', 'TERMINATED_HTTPS');
    expect(screen.getByText(/TERMINATED_HTTPS needs a key manager \(Barbican\)/)).toBeDefined();
    type('listener-protocol', 'HTTP');
    type('listener-port', '80');
    next();

    await screen.findByTestId('pool-fields');
    next();

    fireEvent.click(await screen.findByTestId('add-member'));
    type('members.0.member-address', '172.16.0.9');
    next();
    expect(await screen.findByText("This address is outside the member's subnet.")).toBeDefined();
    type('members.0.member-address', '10.0.0.45');
    next();

    await screen.findByTestId('monitor-fields');
    type('monitor-timeout', '10');
    next();
    expect(await screen.findByText('A check cannot take longer than the delay between checks.')).toBeDefined();
    type('monitor-timeout', '3');
    next();

    const review = await screen.findByTestId('lb-review');
    expect(review.textContent).toContain('Listener HTTP on port 80');
    // Nothing was sent while the steps were refused.
    expect(bff.requests.filter((request) => request.method !== 'GET')).toEqual([]);

    fireEvent.click(screen.getByTestId('flow-create'));
    await waitFor(() => expect(view.router.state.location.pathname).toBe('/load-balancers/new-lb'), { timeout: 20_000 });

    // The writes, and the reads of the new load balancer's state between them.
    const flowCall = (request: BffRequest) => request.url.pathname.startsWith(lbaas) && (request.method !== 'GET' || request.url.pathname === `${lbaas}/loadbalancers/new-lb`);
    const sent = bff.requests.filter(flowCall).map((request) => `${request.method} ${request.url.pathname.slice(lbaas.length)}`);
    const writes = sent.filter((call) => !call.startsWith('GET'));
    expect(writes).toEqual(['POST /loadbalancers', 'POST /listeners', 'POST /listeners', 'POST /pools', 'POST /pools/new-pool/members', 'POST /healthmonitors']);
    // Before each write after the first, the load balancer was read until it was no longer pending.
    const firstListener = sent.indexOf('POST /listeners');
    expect(sent.slice(1, firstListener)).toEqual(['GET /loadbalancers/new-lb', 'GET /loadbalancers/new-lb']);
    expect(sent[firstListener + 1]).toBe('GET /loadbalancers/new-lb');
    expect(bff.calls('POST', `${lbaas}/listeners`)[1]!.body).toMatchObject({ listener: { loadbalancer_id: 'new-lb', protocol: 'HTTP', protocol_port: 80 } });
    expect(bff.calls('POST', `${lbaas}/pools`)[0]!.body).toMatchObject({ pool: { listener_id: 'new-listener', lb_algorithm: 'ROUND_ROBIN' } });
    expect(bff.calls('POST', `${lbaas}/pools/new-pool/members`)[0]!.body).toMatchObject({ member: { address: '10.0.0.45', protocol_port: 80, subnet_id: subnet.id } });
    expect(bff.calls('POST', `${lbaas}/healthmonitors`)[0]!.body).toMatchObject({ healthmonitor: { pool_id: 'new-pool', type: 'HTTP', delay: 5, timeout: 3 } });
  });

  it("keeps the input after Octavia's refusal, shows its words and request id, and resumes after what it accepted", async () => {
    const bff = createBff()
      .on('GET', `${lbaas}/loadbalancers/new-lb`, { loadbalancer: { ...created, provisioning_status: 'ACTIVE' } })
      .on('POST', `${lbaas}/pools`, openstackError(forbiddenJson), Response.json({ pool: { ...pool, id: 'new-pool' } }, { status: 201 }))
      .on('POST', `${lbaas}/listeners`, Response.json({ listener: { ...listenersJson.listeners[0], id: 'new-listener' } }, { status: 201 }));
    const view = renderApp('/load-balancers/create', bff);
    await screen.findByRole('option', { name: `demo-net · ${subnet.name} (${subnet.cidr})` });
    type('lb-name', 'web');
    type('lb-vip-subnet', subnet.id);
    fireEvent.click(screen.getByTestId('step-review'));
    fireEvent.click(await screen.findByTestId('flow-create'));

    const refused = await screen.findByTestId('create-refused', {}, { timeout: 10_000 });
    expect(refused.textContent).toContain('Policy does not allow this request to be performed.');
    expect(refused.textContent).toContain(forbiddenJson.requestId);
    expect(refused.textContent).toContain('The load balancer exists: trying again sends only what is left.');
    fireEvent.click(screen.getByTestId('step-loadBalancer'));
    expect(screen.getByTestId<HTMLInputElement>('lb-name').value).toBe('web');

    fireEvent.click(screen.getByTestId('step-review'));
    fireEvent.click(await screen.findByTestId('flow-create'));
    await waitFor(() => expect(view.router.state.location.pathname).toBe('/load-balancers/new-lb'), { timeout: 10_000 });
    expect(bff.calls('POST', `${lbaas}/loadbalancers`)).toHaveLength(1);
    expect(bff.calls('POST', `${lbaas}/listeners`)).toHaveLength(1);
    expect(bff.calls('POST', `${lbaas}/pools`)).toHaveLength(2);
  });
});
