// Whether the session may read who holds which role: the role assignments the page reads, on this project only.
import type { CapabilityProbe } from '../../lib/capabilities/capability';

export const roleAssignmentsProbe: CapabilityProbe = {
  id: 'identity.role-assignments',
  request: (scope) => ({ method: 'GET', path: '/api/os/identity/role_assignments', params: { 'scope.project.id': scope.projectId } }),
};
