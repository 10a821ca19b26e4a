// Ports the search box finds in the project: by exact name or id, by MAC (`mac_address`), by fixed IP
// (`fixed_ips=ip_address=`), and by IPv4 CIDR through Neutron's substring filter on the CIDR's whole octets
// (`fixed_ips=ip_address_substr=`, the ip-substring-filtering extension), then kept when really inside it. An IPv6
// CIDR and an id prefix are searched in the browser over the project's ports, read with only the fields a match needs.
import { searchExact } from '../../lib/search/collection';
import { cidrOctetPrefix, matchesAddress, type ResourceSearch } from '../../lib/search/query';
import { portsPath } from './ports';
import type { Port } from './types';

export type PortMatch = Pick<Port, 'id' | 'name' | 'mac_address' | 'fixed_ips' | 'network_id'>;

export const searchPorts: ResourceSearch<PortMatch> = (query, context) =>
  searchExact<PortMatch>(
    { path: portsPath, collection: 'ports', base: { project_id: context.projectId }, fields: ['id', 'name', 'mac_address', 'fixed_ips', 'network_id'] },
    query,
    context,
    (address) => {
      if (address.kind === 'mac') return { filterSets: [{ mac_address: address.mac }] };
      if (address.kind === 'ip') return { filterSets: [{ fixed_ips: `ip_address=${address.address}` }] };
      const inside = (port: PortMatch) => matchesAddress(address, port.fixed_ips.map((fixedIp) => fixedIp.ip_address));
      const prefix = cidrOctetPrefix(address.cidr);
      return prefix === '' ? { inBrowser: inside } : { filterSets: [{ fixed_ips: `ip_address_substr=${prefix}` }], keep: inside };
    },
  );
