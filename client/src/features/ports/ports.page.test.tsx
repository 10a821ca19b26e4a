// @vitest-environment jsdom
import { describeListPage } from '../../testing/list-page-cases';
import { networks, neutronForbiddenError, ports, servers } from '../../testing/fixtures';

// A router's port cannot be deleted from this list: the servers' ports come first, the one acted on.
const rows = [...ports].sort((a, b) => Number(a.device_owner.startsWith('network:')) - Number(b.device_owner.startsWith('network:')));
const shortId = (id: string) => id.slice(0, 8);

describeListPage('ports page', {
  page: '/ports',
  listPath: '/api/os/network/v2.0/ports',
  answer: (list) => ({ ports: list }),
  rows,
  rowText: (port) => shortId(port.id),
  rowShows: (port) => port.fixed_ips.map((ip) => ip.ip_address),
  alsoAnswers: (bff) => {
    bff.on('GET', '/api/os/network/v2.0/networks', { networks });
    bff.on('GET', '/api/os/compute/servers', { servers: servers.map(({ id, name }) => ({ id, name })) });
  },
  emptyText: 'This project has no port yet.',
  forbidden: neutronForbiddenError,
  forbiddenMessage: 'is disallowed by policy',
  action: {
    menuLabel: (port) => `Actions for ${port.name || port.id}`,
    label: 'Delete port',
    method: 'DELETE',
    path: (port) => `/api/os/network/v2.0/ports/${port.id}`,
  },
});
