// Floating IPs the search box finds in the project: by id, or by address, floating (`floating_ip_address`) or the
// fixed one it maps to (`fixed_ip_address`), two reads for the OR. They have no name. Neutron has no CIDR filter for
// them: a CIDR, like an id prefix, is searched in the browser over the project's floating IPs (a few fields each).
import { searchExact } from '../../lib/search/collection';
import { matchesAddress, type ResourceSearch } from '../../lib/search/query';
import { floatingIpsPath } from './floating-ips';
import type { FloatingIp } from './types';

export type FloatingIpMatch = Pick<FloatingIp, 'id' | 'floating_ip_address' | 'fixed_ip_address' | 'port_id'>;

export const searchFloatingIps: ResourceSearch<FloatingIpMatch> = (query, context) =>
  query.kind === 'name'
    ? null
    : searchExact<FloatingIpMatch>(
        {
          path: floatingIpsPath,
          collection: 'floatingips',
          base: { project_id: context.projectId },
          fields: ['id', 'floating_ip_address', 'fixed_ip_address', 'port_id'],
        },
        query,
        context,
        (address) => {
          if (address.kind === 'ip') return { filterSets: [{ floating_ip_address: address.address }, { fixed_ip_address: address.address }] };
          if (address.kind === 'cidr') return { inBrowser: (ip) => matchesAddress(address, [ip.floating_ip_address, ip.fixed_ip_address]) };
          return null;
        },
      );
