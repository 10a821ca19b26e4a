// @vitest-environment jsdom
import { describeListPage } from '../../testing/list-page-cases';
import { flavors, novaForbiddenError } from '../../testing/fixtures';

describeListPage('flavors page', {
  page: '/flavors',
  listPath: '/api/os/compute/flavors/detail',
  answer: (rows) => ({ flavors: rows }),
  rows: flavors,
  rowText: (flavor) => flavor.name,
  rowShows: (flavor) => [String(flavor.vcpus)],
  // The demo user may not manage flavors: Nova's refusal of the hypervisor list is the probe (see resources/flavors).
  alsoAnswers: (bff) => bff.on('GET', '/api/os/compute/os-hypervisors', Response.json(novaForbiddenError.body, { status: 403 })),
  emptyText: 'No flavor is available to this project.',
  forbidden: novaForbiddenError,
  forbiddenMessage: "Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.",
});
