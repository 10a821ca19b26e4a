// Whether the session may read every project's usage: the report the page reads, over an empty period, one row long.
import type { CapabilityProbe } from '../../lib/capabilities/capability';

export const allProjectsUsageProbe: CapabilityProbe = {
  id: 'usage.all-projects',
  request: () => {
    const now = new Date().toISOString().slice(0, 19);
    return { method: 'GET', path: '/api/os/compute/os-simple-tenant-usage', params: { start: now, end: now, detailed: 0, limit: 1 }, microversion: '2.40' };
  },
};
