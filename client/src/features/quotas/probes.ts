// Whether the session may review every project's quotas: the page starts from the cloud's domains, a list only
// those allowed to see the whole cloud may read.
import type { CapabilityProbe } from '../../lib/capabilities/capability';

export const domainsProbe: CapabilityProbe = {
  id: 'quotas.domains',
  request: () => ({ method: 'GET', path: '/api/os/identity/domains' }),
};
