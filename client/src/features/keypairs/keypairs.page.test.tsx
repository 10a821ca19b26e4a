// @vitest-environment jsdom
import { describeListPage } from '../../testing/list-page-cases';
import { keypairs, novaForbiddenError } from '../../testing/fixtures';

describeListPage('key pairs page', {
  page: '/keypairs',
  listPath: '/api/os/compute/os-keypairs',
  answer: (rows) => ({ keypairs: rows.map((keypair) => ({ keypair })) }),
  rows: keypairs,
  rowText: (keypair) => keypair.name,
  rowShows: (keypair) => [keypair.fingerprint],
  emptyText: 'No key pair yet.',
  forbidden: novaForbiddenError,
  forbiddenMessage: "Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.",
  action: {
    menuLabel: (keypair) => `Actions for ${keypair.name}`,
    label: 'Delete',
    method: 'DELETE',
    path: (keypair) => `/api/os/compute/os-keypairs/${keypair.name}`,
  },
});
