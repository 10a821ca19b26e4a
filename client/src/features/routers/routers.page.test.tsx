// @vitest-environment jsdom
import { describeListPage } from '../../testing/list-page-cases';
import { FakeBff } from '../../testing/fake-bff';
import { byButton, byRowMenu, describeFormFailures } from '../../testing/form-failure-cases';
import { neutronForbiddenError, networks, routers } from '../../testing/fixtures';

describeListPage('routers page', {
  page: '/routers',
  listPath: '/api/os/network/v2.0/routers',
  answer: (rows) => ({ routers: rows }),
  rows: routers,
  rowText: (router) => router.name,
  // The gateway's network, by name.
  rowShows: () => ['public'],
  alsoAnswers: (bff) => bff.on('GET', '/api/os/network/v2.0/networks', { networks }),
  emptyText: 'No router in this project yet',
  forbidden: neutronForbiddenError,
  forbiddenMessage: 'is disallowed by policy',
  unavailable: 'Networking (Neutron)',
  action: {
    menuLabel: (router) => `Actions on router ${router.name}`,
    label: 'Delete',
    method: 'DELETE',
    path: (router) => `/api/os/network/v2.0/routers/${router.id}`,
  },
});

const routersBff = () => new FakeBff().on('GET', '/api/os/network/v2.0/routers', { routers }).on('GET', '/api/os/network/v2.0/networks', { networks });
const router = routers[0]!;

describeFormFailures('router forms refused by Neutron', {
  create: {
    page: '/routers',
    bff: routersBff,
    open: byButton('create-router'),
    fields: [
      ['Name', 'edge'],
      ['Description', 'to the lab'],
    ],
    method: 'POST',
    path: '/api/os/network/v2.0/routers',
    refusal: { status: 409, requestId: 'req-2b7c4d1e-8f3a-4a6b-b5c2-d9e0f1a2b355', body: { NeutronError: { type: 'OverQuota', message: "Quota exceeded for resources: ['router'].", detail: '' } } },
    message: "Quota exceeded for resources: ['router'].",
    success: Response.json({ router: { ...router, id: 'new-router', name: 'edge' } }, { status: 201 }),
  },
  edit: {
    page: '/routers',
    bff: routersBff,
    open: byRowMenu(router.name, `Actions on router ${router.name}`, 'Edit'),
    fields: [
      ['Name', 'renamed'],
      ['Description', 'kept after a refusal'],
    ],
    method: 'PUT',
    path: `/api/os/network/v2.0/routers/${router.id}`,
    refusal: { status: 403, requestId: 'req-7a1b2c3d-4e5f-4a6b-8c7d-e8f9a0b1c266', body: { NeutronError: { type: 'PolicyNotAuthorized', message: '(rule:update_router and rule:update_router:name) is disallowed by policy', detail: '' } } },
    message: '(rule:update_router and rule:update_router:name) is disallowed by policy',
    success: { router: { ...router, name: 'renamed' } },
  },
});
