// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeBff, openstackError, type Responder } from '../../testing/fake-bff';
import { keystoneForbiddenError } from '../../testing/fixtures';
import blockStorageQuotas from '../../testing/fixtures/cinder-quota-set-usage.json';
import domains from '../../testing/fixtures/keystone-domains.json';
import projectsAnswer from '../../testing/fixtures/keystone-projects.json';
import networkQuotas from '../../testing/fixtures/neutron-quota-details.json';
import computeQuotas from '../../testing/fixtures/nova-quota-set-detail.json';
import octaviaForbidden from '../../testing/fixtures/error-octavia-403.json';
import octaviaListeners from '../../testing/fixtures/octavia-listeners.json';
import octaviaLoadBalancers from '../../testing/fixtures/octavia-loadbalancers.json';
import octaviaPools from '../../testing/fixtures/octavia-pools.json';
import octaviaQuotaDefaults from '../../testing/fixtures/octavia-quota-defaults.json';
import octaviaQuotas from '../../testing/fixtures/octavia-quotas.json';
import adminSession from '../../testing/fixtures/session-admin.json';
import { describeFormFailures } from '../../testing/form-failure-cases';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';

const projects = projectsAnswer.projects;

beforeAll(() => {
  // The table is virtualized: jsdom lays nothing out, so the scroller is given a height for rows to be rendered.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
});
afterEach(cleanupApp);

/** Keystone lists the projects; every project's three quota reads answer the captured demo project's figures. */
function cloud(quotaAnswer: (answer: object) => Responder | object = (answer) => answer, session: object = adminSession) {
  const bff = new FakeBff(session)
    .on('GET', '/api/os/identity/projects', projectsAnswer)
    .on('GET', '/api/os/identity/domains', domains);
  for (const { id } of projects) {
    bff.on('GET', `/api/os/compute/os-quota-sets/${id}/detail`, quotaAnswer(computeQuotas));
    bff.on('GET', `/api/os/network/v2.0/quotas/${id}/details`, quotaAnswer(networkQuotas));
    bff.on('GET', `/api/os/block-storage/os-quota-sets/${id}`, quotaAnswer(blockStorageQuotas));
  }
  return bff;
}

describe('quota review page', () => {
  it('lists every project with how close it is to a limit', async () => {
    renderApp('/admin/quotas', cloud());
    expect(await screen.findByText(`${projects.length} projects read, ${projects.length} shown`)).toBeTruthy();
    for (const project of projects) expect(rowOf.now(project.name).textContent).toMatch(/\d+ %/);
  });

  it('reads no quota when Keystone lists no project', async () => {
    renderApp('/admin/quotas', cloud().on('GET', '/api/os/identity/projects', { projects: [], links: projectsAnswer.links }));
    expect(await screen.findByText('0 projects read, 0 shown')).toBeTruthy();
  });

  it('shows Keystone’s refusal with its request id', async () => {
    renderApp('/admin/quotas', cloud().on('GET', '/api/os/identity/projects', openstackError(keystoneForbiddenError)));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You are not authorized to perform the requested action: identity:list_projects.');
    expect(alert.textContent).toContain(keystoneForbiddenError.requestId);
  });

  it('shows the reading in progress until the services answer, then each project’s figures', async () => {
    let release!: () => void;
    const servicesAnswer = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Every quota read waits for the one release, then answers its own captured body.
    renderApp('/admin/quotas', cloud((answer) => async () => {
      await servicesAnswer;
      return Response.json(answer);
    }));
    expect(await screen.findByText(`Reading quotas: 0 of ${projects.length} projects`)).toBeTruthy();
    expect(rowOf.now('demo').textContent).toContain('…');

    release();
    expect(await screen.findByText(`${projects.length} projects read, ${projects.length} shown`)).toBeTruthy();
    expect(rowOf.now('demo').textContent).toMatch(/\d+ %/);
  });
});

const lbaas = '/api/os/load-balancer/v2/lbaas';
const projectId = (name: string) => projects.find((project) => project.name === name)!.id;
/** The admin session with Octavia in its catalog. */
const octaviaSession = { ...adminSession, services: [...adminSession.services, { type: 'load-balancer', name: 'octavia' }] };
/** The captured load balancer, owned twice by demo (its own limit: 2) and once by admin (no quota row: the default, 5). */
const [capturedLoadBalancer] = octaviaLoadBalancers.loadbalancers;
const everyLoadBalancer = {
  loadbalancers: [
    { ...capturedLoadBalancer, id: 'lb-1', project_id: projectId('demo') },
    { ...capturedLoadBalancer, id: 'lb-2', project_id: projectId('demo') },
    { ...capturedLoadBalancer, id: 'lb-3', project_id: projectId('admin') },
  ],
  loadbalancers_links: [],
};
/** The captured listener and pool, both demo's. */
const inDemo = <T extends object>(items: T[]) => items.map((item) => ({ ...item, project_id: projectId('demo') }));

function octaviaCloud() {
  return cloud(undefined, octaviaSession)
    .on('GET', `${lbaas}/quotas`, octaviaQuotas)
    .on('GET', `${lbaas}/quotas/defaults`, octaviaQuotaDefaults)
    .on('GET', `${lbaas}/loadbalancers`, everyLoadBalancer)
    .on('GET', `${lbaas}/listeners`, { listeners: inDemo(octaviaListeners.listeners), listeners_links: [] })
    .on('GET', `${lbaas}/pools`, { pools: inDemo(octaviaPools.pools), pools_links: [] });
}

const cellOf = (name: string, column: string) => rowOf.now(name).querySelector(`[data-testid="cell-${column}"]`);
const loadBalancerCell = (name: string) => cellOf(name, 'load-balancers');

describe('quota review page with Octavia', () => {
  it('reads every project’s load balancers once and shows them against each project’s limit or the default', async () => {
    const bff = octaviaCloud();
    renderApp('/admin/quotas', bff);
    expect(await screen.findByText(`${projects.length} projects read, ${projects.length} shown`)).toBeTruthy();
    await waitFor(() => expect(loadBalancerCell('demo')).toBeTruthy());
    // demo at its own limit (load_balancer: 2), which makes it the closest to a limit.
    expect(loadBalancerCell('demo')!.textContent).toBe('2 / 2');
    expect(rowOf.now('demo').querySelector('[data-testid="closest"]')!.textContent).toBe('100 %');
    // admin has no quota row, demo-2 a row left at null: both the default (5).
    expect(loadBalancerCell('admin')!.textContent).toBe('1 / 5');
    expect(loadBalancerCell('demo-2')!.textContent).toBe('0 / 5');
    expect(screen.getAllByTestId('quota-row')[0]!.dataset.project).toBe('demo');
    // Listeners and pools against the default (unlimited: -1).
    expect(cellOf('demo', 'listeners')!.textContent).toBe('1 / ∞');
    expect(cellOf('demo', 'pools')!.textContent).toBe('1 / ∞');
    expect(cellOf('admin', 'pools')!.textContent).toBe('0 / ∞');
    // One read of each, not one per project.
    for (const path of ['quotas', 'quotas/defaults', 'loadbalancers', 'listeners', 'pools']) expect(bff.calls('GET', `${lbaas}/${path}`)).toHaveLength(1);
    expect(bff.requests.filter(({ url }) => url.pathname.startsWith(`${lbaas}/quotas/`) && !url.pathname.endsWith('/defaults'))).toEqual([]);
  });

  it('shows Octavia’s refusal as a service that did not answer, with the other quotas still there', async () => {
    renderApp('/admin/quotas', octaviaCloud().on('GET', `${lbaas}/quotas`, openstackError(octaviaForbidden)));
    expect(await screen.findByText(`${projects.length} projects read, ${projects.length} shown`)).toBeTruthy();
    await waitFor(() => expect(rowOf.now('demo').textContent).toContain('some services did not answer'));
    expect(loadBalancerCell('demo')).toBeNull();
    expect(rowOf.now('demo').querySelector('[data-testid="cell-instances"]')).toBeTruthy();
  });

  it('has no load balancer column without Octavia in the catalog', async () => {
    const bff = cloud();
    renderApp('/admin/quotas', bff);
    expect(await screen.findByText(`${projects.length} projects read, ${projects.length} shown`)).toBeTruthy();
    expect(screen.queryByTestId('sort-load-balancers')).toBeNull();
    expect(bff.requests.filter(({ url }) => url.pathname.startsWith(lbaas))).toEqual([]);
  });
});

describe('quota edit page', () => {
  it('edits the quotas of a project Keystone knows', async () => {
    const [project] = projects as [(typeof projects)[number]];
    renderApp(`/admin/quotas/${project.id}`, cloud().on('GET', `/api/os/identity/projects/${project.id}`, { project }));
    expect(await screen.findByText(`Quotas of ${project.name}`)).toBeTruthy();
  });

  it('opened from the review while the review still reads that project: its own figures, not the review’s read cut short', async () => {
    const demo = projects.find(({ name }) => name === 'demo')!;
    let computeReads = 0;
    // The review's read of demo's Nova quotas is still out when the user opens demo; leaving the review aborts it.
    const bff = cloud()
      .on('GET', `/api/os/identity/projects/${demo.id}`, { project: demo })
      .on('GET', `/api/os/compute/os-quota-sets/${demo.id}/detail`, ({ signal }) =>
        ++computeReads === 1
          ? new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason as Error)))
          : Response.json(computeQuotas),
      );
    renderApp('/admin/quotas', bff);
    fireEvent.click(within(await rowOf(demo.name)).getByRole('link', { name: demo.name }));
    expect(await screen.findByText(`Quotas of ${demo.name}`)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('quota-compute-instances')).toHaveProperty('value', String(computeQuotas.quota_set.instances.limit)));
    expect(screen.queryByText(/aborted/)).toBeNull();
    expect(computeReads).toBe(2);
  });

  it('says not found, with the request id, for a project id Keystone does not know, and reads no quota for it', async () => {
    const missing = '0000000000000000000000000000dead';
    const bff = cloud()
      .on('GET', `/api/os/identity/projects/${missing}`, openstackError({ status: 404, requestId: 'req-keystone-404', body: { error: { code: 404, message: `Could not find project: ${missing}.`, title: 'Not Found' } } }))
      // Neutron and Cinder would answer their defaults for any id.
      .on('GET', `/api/os/network/v2.0/quotas/${missing}/details`, networkQuotas)
      .on('GET', `/api/os/block-storage/os-quota-sets/${missing}`, blockStorageQuotas);
    renderApp(`/admin/quotas/${missing}`, bff);
    expect((await screen.findByTestId('quota-project-missing')).textContent).toContain('There is no project with this id');
    expect(screen.getByTestId('error-request-id').textContent).toBe('req-keystone-404');
    expect(bff.requests.filter(({ url }) => url.pathname.includes('quota'))).toEqual([]);
  });
});

const [edited] = projects as [(typeof projects)[number]];
/** The quota forms are pages, not dialogs. */
const quotaForm = async () => (await screen.findByTestId('save-quotas')).closest('form')!;
const saved = () => screen.findByTestId('quota-saved');

describeFormFailures('quota forms refused by Nova', {
  "a project's quotas": {
    page: `/admin/quotas/${edited.id}`,
    bff: () => cloud().on('GET', `/api/os/identity/projects/${edited.id}`, { project: edited }),
    container: quotaForm,
    fields: [
      ['Instances', '150'],
      ['vCPUs', '200'],
    ],
    submit: 'save-quotas',
    method: 'PUT',
    path: `/api/os/compute/os-quota-sets/${edited.id}`,
    refusal: {
      status: 403,
      requestId: 'req-2f3a4b5c-6d7e-4f8a-9b0c-d1e2f3a4b588',
      body: { forbidden: { code: 403, message: "Policy doesn't allow os_compute_api:os-quota-sets:update to be performed." } },
    },
    message: "Policy doesn't allow os_compute_api:os-quota-sets:update to be performed.",
    success: { quota_set: { instances: 150, cores: 200 } },
    succeeded: saved,
  },
  'the default quotas': {
    page: '/admin/quotas/defaults',
    bff: () =>
      cloud()
        .on('GET', '/api/os/compute/os-quota-class-sets/default', { quota_class_set: { id: 'default', instances: 10, cores: 20, ram: 51200, key_pairs: 100, server_groups: 10, server_group_members: 10, metadata_items: 128 } })
        .on('GET', '/api/os/block-storage/os-quota-class-sets/default', { quota_class_set: { id: 'default', volumes: 10, gigabytes: 1000, snapshots: 10, backups: 10, backup_gigabytes: 1000, per_volume_gigabytes: -1 } })
        .on('GET', `/api/os/network/v2.0/quotas/${adminSession.project.id}/default`, { quota: { network: 100, subnet: 100, port: 500, router: 10, floatingip: 50, security_group: 10, security_group_rule: 100 } })
        .on('PUT', '/api/os/block-storage/os-quota-class-sets/default', { quota_class_set: { volumes: 25 } }),
    container: quotaForm,
    fields: [
      ['Instances', '20'],
      ['Volumes', '25'],
    ],
    submit: 'save-quotas',
    method: 'PUT',
    path: '/api/os/compute/os-quota-class-sets/default',
    // Cinder's default goes in its own call, after Nova's.
    notSent: ['Volumes'],
    refusal: {
      status: 403,
      requestId: 'req-3a4b5c6d-7e8f-4a9b-8c0d-e1f2a3b4c699',
      body: { forbidden: { code: 403, message: "Policy doesn't allow os_compute_api:os-quota-class-sets:update to be performed." } },
    },
    message: "Policy doesn't allow os_compute_api:os-quota-class-sets:update to be performed.",
    success: { quota_class_set: { instances: 20 } },
    succeeded: saved,
  },
});
