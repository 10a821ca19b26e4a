// @vitest-environment jsdom
import { describeListPage } from '../../testing/list-page-cases';
import { networks, neutronForbiddenError, subnets } from '../../testing/fixtures';

// The default view lists the project's own networks (Neutron filters by project_id; the fake answers as told).
const own = networks.filter((network) => !network['router:external']);

describeListPage('networks page', {
  page: '/networks',
  listPath: '/api/os/network/v2.0/networks',
  answer: (rows) => ({ networks: rows }),
  rows: own,
  rowText: (network) => network.name,
  rowShows: (network) => subnets.filter((subnet) => subnet.network_id === network.id).map((subnet) => subnet.cidr),
  alsoAnswers: (bff) => bff.on('GET', '/api/os/network/v2.0/subnets', { subnets }),
  emptyText: 'This project has no network yet.',
  forbidden: neutronForbiddenError,
  forbiddenMessage: 'is disallowed by policy',
  action: {
    menuLabel: (network) => `Actions for ${network.name}`,
    label: 'Delete network',
    method: 'DELETE',
    path: (network) => `/api/os/network/v2.0/networks/${network.id}`,
  },
});
