// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, heldAnswer } from '../../testing/fake-bff';
import { blockStorageVersions, keypairs } from '../../testing/fixtures';
import cinderLimits from '../../testing/fixtures/cinder-limits.json';
import neutronQuota from '../../testing/fixtures/neutron-quota-details.json';
import octaviaListeners from '../../testing/fixtures/octavia-listeners.json';
import octaviaLoadBalancers from '../../testing/fixtures/octavia-loadbalancers.json';
import octaviaPools from '../../testing/fixtures/octavia-pools.json';
import octaviaQuota from '../../testing/fixtures/octavia-quota.json';
import sessionDemo from '../../testing/fixtures/session-demo.json';
import { cleanupApp, renderApp } from '../../testing/render-app';

afterEach(cleanupApp);

const novaLimits = { limits: { absolute: { maxTotalInstances: 10, totalInstancesUsed: 2, maxTotalCores: 20, totalCoresUsed: 3, maxTotalRAMSize: 51200, totalRAMUsed: 1024, maxTotalKeypairs: 100, maxServerGroups: 10, totalServerGroupsUsed: 0 } } };

describe('overview page', () => {
  it('shows the compute gauges from Nova’s limits at once, and the key pairs’ count when its own read answers', async () => {
    const keypairList = heldAnswer();
    const bff = new FakeBff()
      .on('GET', '/api/versions/block-storage', blockStorageVersions)
      .on('GET', '/api/os/compute/limits', novaLimits)
      .on('GET', '/api/os/compute/os-keypairs', keypairList.answer)
      .on('GET', `/api/os/network/v2.0/quotas/${sessionDemo.project.id}/details`, neutronQuota)
      .on('GET', '/api/os/block-storage/limits', cinderLimits);
    renderApp('/', bff);
    await waitFor(() => expect(screen.getByTestId('gauge-compute-instances-used').textContent).toBe('2'));
    // The key pairs' gauge keeps its place, its count to come.
    const gauge = screen.getByTestId('gauge-compute-keypairs');
    expect(gauge.dataset.pending).toBe('true');
    expect(screen.queryByTestId('gauge-compute-keypairs-used')).toBeNull();

    keypairList.release(Response.json({ keypairs: keypairs.map((keypair) => ({ keypair })) }));
    await waitFor(() => expect(screen.getByTestId('gauge-compute-keypairs-used').textContent).toBe(String(keypairs.length)));
    expect(screen.getByTestId('gauge-compute-keypairs').dataset.pending).toBeUndefined();
  });
});

describe('overview page with a service away', () => {
  const neutronQuotaPath = `/api/os/network/v2.0/quotas/${sessionDemo.project.id}/details`;
  const refused = () =>
    Response.json(
      { error: { message: 'The network service (127.0.0.1:9696) is unreachable: connection refused', status: 502, code: 'upstream_unreachable' } },
      { status: 502, headers: { 'x-zenith-request-id': 'req-zenith-neutron-down' } },
    );

  it('says Networking (Neutron) is unavailable in its card, with the BFF’s words and request id, while compute shows; Retry reads it again', async () => {
    let neutronDown = true;
    const bff = new FakeBff()
      .on('GET', '/api/versions/block-storage', blockStorageVersions)
      .on('GET', '/api/os/compute/limits', novaLimits)
      .on('GET', '/api/os/compute/os-keypairs', { keypairs: [] })
      .on('GET', neutronQuotaPath, () => (neutronDown ? refused() : Response.json(neutronQuota)))
      .on('GET', '/api/os/block-storage/limits', cinderLimits);
    renderApp('/', bff);

    const card = await screen.findByTestId('quota-card-network');
    // The client tries twice more (1 s, then 2 s later) before it says so: bounded, never an endless spinner.
    const alert = await within(card).findByRole('alert', {}, { timeout: 8000 });
    expect(within(alert).getByTestId('error-title').textContent).toContain('Networking (Neutron) is unavailable');
    expect(within(alert).getByTestId('error-message').textContent).toBe('The network service (127.0.0.1:9696) is unreachable: connection refused');
    expect(within(alert).getByTestId('error-zenith-request-id').textContent).toBe('req-zenith-neutron-down');
    expect(card.querySelector('.animate-spin')).toBeNull();
    expect(bff.calls('GET', neutronQuotaPath)).toHaveLength(3);
    // The other cards are untouched.
    expect(screen.getByTestId('gauge-compute-instances-used').textContent).toBe('2');
    expect(within(screen.getByTestId('quota-card-block-storage')).queryByRole('alert')).toBeNull();

    neutronDown = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(card).queryByRole('alert')).toBeNull());
    expect(within(card).getAllByTestId(/^gauge-network-/).length).toBeGreaterThan(0);
  }, 15_000);

  it('says Block storage (Cinder) is unavailable when Cinder’s gateway answers 503, without the BFF’s code', async () => {
    const bff = new FakeBff()
      .on('GET', '/api/versions/block-storage', blockStorageVersions)
      .on('GET', '/api/os/compute/limits', novaLimits)
      .on('GET', '/api/os/compute/os-keypairs', { keypairs: [] })
      .on('GET', neutronQuotaPath, neutronQuota)
      .on('GET', '/api/os/block-storage/limits', new Response('<html><body>503 Service Unavailable</body></html>', { status: 503, headers: { 'content-type': 'text/html' } }));
    renderApp('/', bff);
    const card = await screen.findByTestId('quota-card-block-storage');
    const alert = await within(card).findByRole('alert', {}, { timeout: 8000 });
    expect(within(alert).getByTestId('error-title').textContent).toContain('Block storage (Cinder) is unavailable');
    expect(within(screen.getByTestId('quota-card-network')).queryByRole('alert')).toBeNull();
  }, 15_000);
});

describe('overview page with Octavia in the catalog', () => {
  it("shows the load balancing gauges: Octavia's limits, the usage counted from the project's lists", async () => {
    const lbaas = '/api/os/load-balancer/v2/lbaas';
    const session = { ...sessionDemo, services: [...sessionDemo.services, { type: 'load-balancer', name: 'octavia' }] };
    const bff = new FakeBff(session)
      .on('GET', '/api/versions/block-storage', blockStorageVersions)
      .on('GET', '/api/os/compute/limits', novaLimits)
      .on('GET', '/api/os/compute/os-keypairs', { keypairs: [] })
      .on('GET', `/api/os/network/v2.0/quotas/${sessionDemo.project.id}/details`, neutronQuota)
      .on('GET', '/api/os/block-storage/limits', cinderLimits)
      .on('GET', `${lbaas}/quotas/${sessionDemo.project.id}`, octaviaQuota)
      .on('GET', `${lbaas}/loadbalancers`, octaviaLoadBalancers)
      .on('GET', `${lbaas}/listeners`, octaviaListeners)
      .on('GET', `${lbaas}/pools`, octaviaPools)
      .on('GET', `${lbaas}/healthmonitors`, { healthmonitors: [{ id: 'hm' }] });
    renderApp('/', bff);
    await waitFor(() => expect(screen.getByTestId('gauge-load-balancer-members-used').textContent).toBe('2'));
    expect(screen.getByTestId('gauge-load-balancer-load-balancers-used').textContent).toBe('1');
    // The limit as this Octavia spells it (load_balancer, health_monitor).
    expect(screen.getByTestId('gauge-load-balancer-load-balancers').dataset.limit).toBe('10');
    expect(screen.getByTestId('gauge-load-balancer-health-monitors').dataset.limit).toBe('20');
    expect(bff.calls('GET', `${lbaas}/loadbalancers`)[0]!.url.searchParams.get('project_id')).toBe(sessionDemo.project.id);
  });
});
