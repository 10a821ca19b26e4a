// Networks and subnets the search box finds in the project: by exact name or id with Neutron's filters, subnets also
// by CIDR (`cidr`, exact) and gateway address (`gateway_ip`); an id prefix is searched in the browser over the
// project's list, read with only the fields a match needs.
import { normalizedCidr } from '../../lib/net/ip';
import { searchExact } from '../../lib/search/collection';
import type { ResourceSearch } from '../../lib/search/query';
import { networksPath, subnetsPath } from './networks';
import type { Network, Subnet } from './types';

export type NetworkMatch = Pick<Network, 'id' | 'name'>;
export type SubnetMatch = Pick<Subnet, 'id' | 'name' | 'cidr' | 'network_id'>;

export const searchNetworks: ResourceSearch<NetworkMatch> = (query, context) =>
  searchExact<NetworkMatch>({ path: networksPath, collection: 'networks', base: { project_id: context.projectId }, fields: ['id', 'name'] }, query, context);

export const searchSubnets: ResourceSearch<SubnetMatch> = (query, context) =>
  searchExact<SubnetMatch>(
    { path: subnetsPath, collection: 'subnets', base: { project_id: context.projectId }, fields: ['id', 'name', 'cidr', 'network_id'] },
    query,
    context,
    (address) => {
      if (address.kind === 'ip') return { filterSets: [{ gateway_ip: address.address }] };
      if (address.kind === 'cidr') return { filterSets: [{ cidr: normalizedCidr(address.cidr) }] };
      return null;
    },
  );
