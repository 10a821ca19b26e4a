// Whether the session may read the cloud's capacity: the hypervisor list the page starts from, one row long.
import type { CapabilityProbe } from '../../lib/capabilities/capability';

export const hypervisorsProbe: CapabilityProbe = {
  id: 'capacity.hypervisors',
  request: () => ({ method: 'GET', path: '/api/os/compute/os-hypervisors', params: { limit: 1 }, microversion: '2.88' }),
};
