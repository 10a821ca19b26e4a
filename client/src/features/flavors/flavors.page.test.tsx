// @vitest-environment jsdom
import { FakeBff } from '../../testing/fake-bff';
import { byButton, byDetailMenu, describeFormFailures } from '../../testing/form-failure-cases';
import { describeListPage } from '../../testing/list-page-cases';
import sessionAdmin from '../../testing/fixtures/session-admin.json';
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

const flavor = flavors[0]!;
/** An admin: Nova lists the hypervisors, so the flavors can be managed. */
const adminBff = () =>
  new FakeBff(sessionAdmin)
    .on('GET', '/api/os/compute/flavors/detail', { flavors })
    .on('GET', '/api/os/compute/os-hypervisors', { hypervisors: [] })
    .on('GET', '/api/os/identity/projects', { projects: [{ id: 'p-demo', name: 'demo', domain_id: 'default', enabled: true }] })
    .on('GET', `/api/os/compute/flavors/${flavor.id}`, { flavor })
    .on('GET', `/api/os/compute/flavors/${flavor.id}/os-extra_specs`, { extra_specs: {} });

describeFormFailures('flavor forms refused by Nova', {
  create: {
    page: '/flavors',
    bff: adminBff,
    open: byButton('flavor-create-open'),
    fields: [
      ['Name', flavor.name],
      ['vCPUs', '2'],
      ['RAM (MiB)', '2048'],
      ['Root disk (GiB)', '20'],
    ],
    submit: 'flavor-create-submit',
    method: 'POST',
    path: '/api/os/compute/flavors',
    refusal: { status: 409, requestId: 'req-0d1e2f3a-4b5c-4d6e-9f7a-b8c9d0e1f266', body: { conflictingRequest: { code: 409, message: `Flavor with name ${flavor.name} already exists.` } } },
    message: `Flavor with name ${flavor.name} already exists.`,
    success: { flavor: { ...flavor, id: 'f-new', vcpus: 2, ram: 2048, disk: 20 } },
  },
  'set extra specs': {
    page: `/flavors/${flavor.id}`,
    bff: adminBff,
    open: byDetailMenu('Set extra specs'),
    fields: [
      ['Extra spec key 1', 'hw:cpu_policy'],
      ['Extra spec value 1', 'pinned'],
    ],
    method: 'POST',
    path: `/api/os/compute/flavors/${flavor.id}/os-extra_specs`,
    refusal: {
      status: 400,
      requestId: 'req-1e2f3a4b-5c6d-4e7f-8a9b-c0d1e2f3a477',
      body: { badRequest: { code: 400, message: "Validation failed; extra spec 'hw:cpu_policy' is not valid for this cloud: CPU pinning is not enabled on any host." } },
    },
    message: "Validation failed; extra spec 'hw:cpu_policy'",
    success: { extra_specs: { 'hw:cpu_policy': 'pinned' } },
  },
});
