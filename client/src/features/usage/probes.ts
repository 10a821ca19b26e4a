// Whether the session may read every project's usage: the report the page reads, over the last minute (Nova wants
// the start before the end), one row long.
import type { CapabilityProbe } from '../../lib/capabilities/capability';

const novaTime = (date: Date) => date.toISOString().slice(0, 19);

export const allProjectsUsageProbe: CapabilityProbe = {
  id: 'usage.all-projects',
  request: () => {
    const end = new Date();
    const start = new Date(end.getTime() - 60_000);
    return {
      method: 'GET',
      path: '/api/os/compute/os-simple-tenant-usage',
      params: { start: novaTime(start), end: novaTime(end), detailed: 0, limit: 1 },
      microversion: '2.40',
    };
  },
};
