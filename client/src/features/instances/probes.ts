// Whether the session may list every project's servers: the same list the page reads, one row long.
import type { CapabilityProbe } from '../../lib/capabilities/capability';
import { computeMicroversion } from '../../resources/servers/servers';

export const allProjectsServersProbe: CapabilityProbe = {
  id: 'instances.all-projects',
  request: () => ({
    method: 'GET',
    path: '/api/os/compute/servers/detail',
    params: { all_tenants: 1, limit: 1 },
    microversion: computeMicroversion,
  }),
};
