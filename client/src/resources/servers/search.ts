// Servers the search box finds in the project, with Nova's own filters: `name`, a regular expression (the text,
// escaped, anywhere in the name), and `ip` / `ip6`. Nova hands those to Neutron as a substring
// (`fixed_ips=ip_address_substr=`, nova/compute/api.py) when Neutron has the ip-substring-filtering extension, and
// matches them as a regular expression from the start of each address otherwise: the plain address (or a CIDR's whole
// octets) works both ways, and the matches are then kept only when really that address or inside that CIDR. Nova
// lists no id filter to a project member: a full id is one GET, an id prefix is searched in the browser over the
// project's servers (the short list: ids and names).
import { fetchOrNone, searchByFilters, searchInBrowser } from '../../lib/search/collection';
import { cidrOctetPrefix, escapeRegex, matchesAddress, matchesIdOrName, type ResourceSearch, type SearchQuery } from '../../lib/search/query';
import { serverIps } from './addresses';
import { computeMicroversion, serversPath } from './list-state';
import { fetchServer } from './servers';
import type { Server } from './types';

export type ServerMatch = Pick<Server, 'id' | 'name'> & Partial<Pick<Server, 'addresses'>>;

/**
 * The address filter for an IP or CIDR: `ip` for IPv4, `ip6` for IPv6 (microversion 2.5 and later), never anchored
 * or escaped (see above). An IPv6 CIDR asks for every IPv6 address (all have a colon), then kept by its range.
 */
export function novaAddressFilter(query: Extract<SearchQuery, { kind: 'ip' | 'cidr' }>) {
  if (query.kind === 'ip') return { [query.ip.version === 4 ? 'ip' : 'ip6']: query.address };
  return query.cidr.version === 4 ? { ip: cidrOctetPrefix(query.cidr) || '.' } : { ip6: ':' };
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
