// Servers the search box finds in the project, with Nova's own filters, which are regular expressions: `name` (the
// text, escaped, anywhere in the name), `ip` / `ip6` (anchored to the whole address, or a CIDR's whole octets, then
// kept when really inside it). Nova lists no id filter to a project member: a full id is one GET, an id prefix is
// searched in the browser over the project's servers (the short list: ids and names).
import { fetchOrNone, searchByFilters, searchInBrowser } from '../../lib/search/collection';
import { cidrOctetPrefix, escapeRegex, matchesAddress, matchesIdOrName, type ResourceSearch, type SearchQuery } from '../../lib/search/query';
import { serverIps } from './addresses';
import { computeMicroversion, serversPath } from './list-state';
import { fetchServer } from './servers';
import type { Server } from './types';

export type ServerMatch = Pick<Server, 'id' | 'name'> & Partial<Pick<Server, 'addresses'>>;

/** The address filter for an IP or CIDR: `ip` for IPv4, `ip6` for IPv6 (microversion 2.5 and later). */
export function novaAddressFilter(query: Extract<SearchQuery, { kind: 'ip' | 'cidr' }>) {
  const version = query.kind === 'ip' ? query.ip.version : query.cidr.version;
  const pattern = query.kind === 'ip' ? `^${escapeRegex(query.address)}$` : `^${escapeRegex(cidrOctetPrefix(query.cidr))}`;
  return { [version === 4 ? 'ip' : 'ip6']: pattern };
}

/** Every address of the server, fixed and floating. */
export const serverAddresses = (server: ServerMatch) => {
  const { fixed, floating } = serverIps(server.addresses ?? {});
  return [...fixed, ...floating];
};

export const searchServers: ResourceSearch<ServerMatch> = (query, { signal }) => {
  const detail = { path: `${serversPath}/detail`, collection: 'servers', microversion: computeMicroversion, signal };
  switch (query.kind) {
    case 'name':
      return searchByFilters<ServerMatch>(detail, [{ name: escapeRegex(query.text) }]).then((items) => ({ items, method: 'filter' }));
    case 'id':
      return fetchOrNone(() => fetchServer(query.id, signal)).then((items) => ({ items, method: 'filter' }));
    case 'idPrefix':
      return searchInBrowser<ServerMatch>({ path: serversPath, collection: 'servers', signal }, (server) => matchesIdOrName(query, server)).then(
        (items) => ({ items, method: 'client' }),
      );
    case 'ip':
    case 'cidr':
      return searchByFilters<ServerMatch>(detail, [novaAddressFilter(query)], (server) => matchesAddress(query, serverAddresses(server))).then((items) => ({
        items,
        method: 'filter',
      }));
    case 'mac':
      return null;
  }
};
