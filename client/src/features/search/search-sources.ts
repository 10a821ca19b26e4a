// The types the search box searches, in the order their groups show, each with the service it needs, its own
// resource's search (resources/<r>/search.ts) and where a match leads. Subnets and floating IPs have no page of their
// own: a subnet opens its network, a floating IP the floating IPs list.
import type { QueryScope } from '../../lib/api/query-keys';
import type { SearchAnswer, SearchContext, SearchMethod, SearchQuery } from '../../lib/search/query';
import { searchFloatingIpsEverywhere, searchServersEverywhere, searchVolumesEverywhere, type EverywhereSearch } from '../../resources/everywhere/search';
import { searchFloatingIps } from '../../resources/floating-ips/search';
import { searchImages } from '../../resources/images/search';
import { searchKeypairs } from '../../resources/keypairs/search';
import { searchLoadBalancers } from '../../resources/load-balancers/search';
import { searchNetworks, searchSubnets } from '../../resources/networks/search';
import { searchPorts } from '../../resources/ports/search';
import { searchRouters } from '../../resources/routers/search';
import { searchSecurityGroups } from '../../resources/security-groups/search';
import { searchServers, serverAddresses } from '../../resources/servers/search';
import { stackPagePath } from '../../resources/stacks/stacks';
import { searchStacks } from '../../resources/stacks/search';
import { searchVolumes } from '../../resources/volumes/search';

export const searchTypes = [
  'servers',
  'volumes',
  'images',
  'networks',
  'subnets',
  'ports',
  'routers',
  'floatingIps',
  'securityGroups',
  'keypairs',
  'stacks',
  'loadBalancers',
] as const;
export type SearchType = (typeof searchTypes)[number];

/** One match as the box and the results page show it. */
export interface SearchHit {
  type: SearchType;
  /** Unique among the results. */
  key: string;
  name: string;
  /** What else identifies it: its id, the address or MAC that matched... */
  detail: string;
  to: string;
  /** Where it lives, for a match of another project or region ("all my projects"). */
  elsewhere?: { projectId: string; projectName: string; region: string };
}

/** Matches of one type, and how they were found. */
export interface HitsAnswer {
  hits: SearchHit[];
  method: SearchMethod;
  /** Across projects: the project × region reads that failed. */
  notLoaded?: number;
}

interface Source {
  type: SearchType;
  serviceType: string;
  search: (query: SearchQuery, context: SearchContext) => Promise<HitsAnswer> | null;
  /** The same type across all the user's projects and regions, where the BFF's fan-out reads it with a filter. */
  everywhere?: (query: SearchQuery, here: QueryScope, signal?: AbortSignal) => Promise<HitsAnswer> | null;
}

const enc = encodeURIComponent;

/** A resource's search (and its search across projects, if any) whose items are turned into hits. */
function source<Item>(
  type: SearchType,
  serviceType: string,
  search: (query: SearchQuery, context: SearchContext) => Promise<SearchAnswer<Item>> | null,
  hit: (item: Item) => Omit<SearchHit, 'type' | 'key'>,
  everywhere?: EverywhereSearch<Item>,
): Source {
  const toHit = (item: Item, elsewhere?: SearchHit['elsewhere']): SearchHit => {
    const shown = hit(item);
    return { type, key: `${type}:${elsewhere ? `${elsewhere.projectId}@${elsewhere.region}:` : ''}${shown.to}:${shown.detail}`, ...shown, elsewhere };
  };
  return {
    type,
    serviceType,
    search: (query, context) => search(query, context)?.then(({ items, method }) => ({ method, hits: items.map((item) => toHit(item)) })) ?? null,
    everywhere:
      everywhere &&
      ((query, here, signal) =>
        everywhere(query, signal)?.then(({ state, method }) => ({
          method,
          notLoaded: state.failures.length,
          hits: state.rows.map(({ item, project, region }) =>
            toHit(item, project.id === here.projectId && region === here.region ? undefined : { projectId: project.id, projectName: project.name, region }),
          ),
        })) ?? null),
  };
}

const addresses = (list: readonly (string | null | undefined)[]) => list.filter(Boolean).join(', ');

export const searchSources: readonly Source[] = [
  source('servers', 'compute', searchServers, (server) => ({
    name: server.name,
    detail: addresses(serverAddresses(server)) || server.id,
    to: `/instances/${enc(server.id)}`,
  }), searchServersEverywhere),
  source('volumes', 'block-storage', searchVolumes, (volume) => ({ name: volume.name ?? '', detail: volume.id, to: `/volumes/${enc(volume.id)}` }), searchVolumesEverywhere),
  source('images', 'image', searchImages, (image) => ({ name: image.name ?? '', detail: image.id, to: `/images/${enc(image.id)}` })),
  source('networks', 'network', searchNetworks, (network) => ({ name: network.name, detail: network.id, to: `/networks/${enc(network.id)}` })),
  source('subnets', 'network', searchSubnets, (subnet) => ({ name: subnet.name, detail: `${subnet.cidr} · ${subnet.id}`, to: `/networks/${enc(subnet.network_id)}` })),
  source('ports', 'network', searchPorts, (port) => ({
    name: port.name,
    detail: [port.mac_address, addresses(port.fixed_ips.map((fixedIp) => fixedIp.ip_address))].filter(Boolean).join(' · '),
    to: `/ports/${enc(port.id)}`,
  })),
  source('routers', 'network', searchRouters, (router) => ({ name: router.name, detail: router.id, to: `/routers/${enc(router.id)}` })),
  source('floatingIps', 'network', searchFloatingIps, (ip) => ({
    name: ip.floating_ip_address,
    detail: ip.fixed_ip_address ? `→ ${ip.fixed_ip_address}` : ip.id,
    to: '/floating-ips',
  }), searchFloatingIpsEverywhere),
  source('securityGroups', 'network', searchSecurityGroups, (group) => ({ name: group.name, detail: group.id, to: `/security-groups/${enc(group.id)}` })),
  source('keypairs', 'compute', searchKeypairs, (keypair) => ({ name: keypair.name, detail: '', to: `/keypairs/${enc(keypair.name)}` })),
  source('stacks', 'orchestration', searchStacks, (stack) => ({
    name: stack.stack_name,
    detail: stack.id,
    to: stackPagePath({ name: stack.stack_name, id: stack.id }),
  })),
  source('loadBalancers', 'load-balancer', searchLoadBalancers, (lb) => ({ name: lb.name, detail: `${lb.vip_address} · ${lb.id}`, to: `/load-balancers/${enc(lb.id)}` })),
];
