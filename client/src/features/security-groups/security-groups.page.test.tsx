// @vitest-environment jsdom
import { describeListPage } from '../../testing/list-page-cases';
import { FakeBff } from '../../testing/fake-bff';
import { byButton, byRowMenu, describeFormFailures } from '../../testing/form-failure-cases';
import { neutronForbiddenError, securityGroups } from '../../testing/fixtures';

// The captured project has its "default" group only, which cannot be deleted: a copy named otherwise is acted on.
const [captured] = securityGroups;
const rows = [{ ...captured!, id: `${captured!.id.slice(0, -4)}0001`, name: 'web' }, ...securityGroups];

describeListPage('security groups page', {
  page: '/security-groups',
  listPath: '/api/os/network/v2.0/security-groups',
  answer: (list) => ({ security_groups: list }),
  rows,
  rowText: (group) => group.name,
  emptyText: 'No security group yet.',
  forbidden: neutronForbiddenError,
  forbiddenMessage: 'is disallowed by policy',
  unavailable: 'Networking (Neutron)',
  action: {
    menuLabel: (group) => `Actions for ${group.name}`,
    label: 'Delete',
    method: 'DELETE',
    path: (group) => `/api/os/network/v2.0/security-groups/${group.id}`,
  },
});

const groupsBff = () => new FakeBff().on('GET', '/api/os/network/v2.0/security-groups', { security_groups: rows });
const web = rows[0]!;

describeFormFailures('security group forms refused by Neutron', {
  create: {
    page: '/security-groups',
    bff: groupsBff,
    open: byButton('create-group'),
    fields: [
      ['Name', 'db'],
      ['Description', 'postgres from the app tier'],
    ],
    method: 'POST',
    path: '/api/os/network/v2.0/security-groups',
    refusal: { status: 409, requestId: 'req-4c5d6e7f-8a9b-4c0d-9e1f-a2b3c4d5e677', body: { NeutronError: { type: 'OverQuota', message: "Quota exceeded for resources: ['security_group'].", detail: '' } } },
    message: "Quota exceeded for resources: ['security_group'].",
    success: Response.json({ security_group: { ...web, id: 'new-group', name: 'db' } }, { status: 201 }),
  },
  'rename or describe': {
    page: '/security-groups',
    bff: groupsBff,
    open: byRowMenu(web.name, `Actions for ${web.name}`, 'Rename or describe'),
    fields: [
      ['Name', 'web-tier'],
      ['Description', 'kept after a refusal'],
    ],
    method: 'PUT',
    path: `/api/os/network/v2.0/security-groups/${web.id}`,
    refusal: { status: 400, requestId: 'req-9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b88', body: { NeutronError: { type: 'HTTPBadRequest', message: "Invalid input for description. Reason: 'kept after a refusal' is not valid here.", detail: '' } } },
    message: "Invalid input for description. Reason: 'kept after a refusal' is not valid here.",
    success: { security_group: { ...web, name: 'web-tier' } },
  },
});
