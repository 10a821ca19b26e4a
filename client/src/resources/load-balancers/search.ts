// Load balancers the search box finds in the project: by exact name, id or VIP address (`vip_address`) with
// Octavia's filters; a CIDR or an id prefix in the browser over the project's load balancers (a few fields each).
import { searchExact } from '../../lib/search/collection';
import { matchesAddress, type ResourceSearch } from '../../lib/search/query';
import { loadBalancersPath } from './load-balancers';
import type { LoadBalancer } from './types';

export type LoadBalancerMatch = Pick<LoadBalancer, 'id' | 'name' | 'vip_address'>;

export const searchLoadBalancers: ResourceSearch<LoadBalancerMatch> = (query, context) =>
  searchExact<LoadBalancerMatch>(
    { path: loadBalancersPath, collection: 'loadbalancers', base: { project_id: context.projectId }, fields: ['id', 'name', 'vip_address'] },
    query,
    context,
    (address) => {
      if (address.kind === 'ip') return { filterSets: [{ vip_address: address.address }] };
      if (address.kind === 'cidr') return { inBrowser: (lb) => matchesAddress(address, [lb.vip_address]) };
      return null;
    },
  );
