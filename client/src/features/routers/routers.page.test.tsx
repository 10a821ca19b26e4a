// @vitest-environment jsdom
import { describeListPage } from '../../testing/list-page-cases';
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
  action: {
    menuLabel: (router) => `Actions on router ${router.name}`,
    label: 'Delete',
    method: 'DELETE',
    path: (router) => `/api/os/network/v2.0/routers/${router.id}`,
  },
});
