// @vitest-environment jsdom
import { describeListPage } from '../../testing/list-page-cases';
import { floatingIps, networks, neutronForbiddenError, servers } from '../../testing/fixtures';

describeListPage('floating IPs page', {
  page: '/floating-ips',
  listPath: '/api/os/network/v2.0/floatingips',
  answer: (rows) => ({ floatingips: rows }),
  rows: floatingIps,
  rowText: (floatingIp) => floatingIp.floating_ip_address,
  alsoAnswers: (bff) => {
    bff.on('GET', '/api/os/network/v2.0/networks', { networks });
    bff.on('GET', '/api/os/compute/servers', { servers: servers.map(({ id, name }) => ({ id, name })) });
  },
  emptyText: 'No floating IP in this project yet',
  forbidden: neutronForbiddenError,
  forbiddenMessage: 'is disallowed by policy',
  action: {
    menuLabel: (floatingIp) => `Actions on floating IP ${floatingIp.floating_ip_address}`,
    label: 'Release',
    method: 'DELETE',
    path: (floatingIp) => `/api/os/network/v2.0/floatingips/${floatingIp.id}`,
  },
});
