// @vitest-environment jsdom
import { describeListPage } from '../../testing/list-page-cases';
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
  action: {
    menuLabel: (group) => `Actions for ${group.name}`,
    label: 'Delete',
    method: 'DELETE',
    path: (group) => `/api/os/network/v2.0/security-groups/${group.id}`,
  },
});
