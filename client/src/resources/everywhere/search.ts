// The search box's "all my projects": the reads the BFF fans out across projects and regions
// (contract/everywhere.ts) take a few filters, so only these types and kinds are searched there: servers by name
// (Nova's regular expression) and address (`ip`/`ip6`), volumes by exact name (`name`; the BFF does not pass Cinder's
// `name~`), floating IPs by address (`floating_ip_address`). Ids are not: no list there filters by id.
import type { ListParams } from '../../lib/api/openstack-list';
import { escapeRegex, matchesAddress, type SearchMethod, type SearchQuery } from '../../lib/search/query';
import { computeMicroversion } from '../servers/list-state';
import { novaAddressFilter, serverAddresses } from '../servers/search';
import type { Server } from '../servers/types';
import type { FloatingIp } from '../floating-ips/types';
import type { Volume } from '../volumes/types';
import { fetchEverywhere, type EverywhereState } from './everywhere';

export interface EverywhereAnswer<Item> {
  state: EverywhereState<Item>;
  method: SearchMethod;
}

export type EverywhereSearch<Item> = (query: SearchQuery, signal?: AbortSignal) => Promise<EverywhereAnswer<Item>> | null;

/** The state with only the rows `keep` accepts (a CIDR's members, after a filter on its whole octets). */
function keepRows<Item>(state: EverywhereState<Item>, keep: (item: Item) => boolean): EverywhereState<Item> {
  return { ...state, rows: state.rows.filter((row) => keep(row.item)) };
}

export const searchServersEverywhere: EverywhereSearch<Server> = (query, signal) => {
  const read = (params: ListParams) => fetchEverywhere<Server>('compute', 'servers/detail', params, { microversion: computeMicroversion, signal });
  if (query.kind === 'name') return read({ name: escapeRegex(query.text) }).then((state) => ({ state, method: 'filter' }));
  if (query.kind !== 'ip' && query.kind !== 'cidr') return null;
  return read(novaAddressFilter(query)).then((state) => ({
    state: keepRows(state, (server) => matchesAddress(query, serverAddresses(server))),
    method: 'filter',
  }));
};

export const searchVolumesEverywhere: EverywhereSearch<Volume> = (query, signal) =>
  query.kind === 'name' ? fetchEverywhere<Volume>('block-storage', 'volumes/detail', { name: query.text }, { signal }).then((state) => ({ state, method: 'exactName' })) : null;

export const searchFloatingIpsEverywhere: EverywhereSearch<FloatingIp> = (query, signal) =>
  query.kind === 'ip'
    ? fetchEverywhere<FloatingIp>('network', 'v2.0/floatingips', { floating_ip_address: query.address }, { signal }).then((state) => ({ state, method: 'filter' }))
    : null;
