// What the search box understands, decided once so that every resource's search reads the same kinds: a full id,
// an id prefix (8 characters or more: shorter ones match too much to be worth a read), an IP address or CIDR, a MAC
// address, or else a name. Each resource then asks its service with that service's own filter for the kind, or
// says it could not (see SearchMethod).
import { cidrContains, parseCidr, parseIp, type Cidr, type IpAddress } from '../net/ip';

export type SearchQuery =
  | { kind: 'name'; text: string }
  | { kind: 'id'; id: string }
  | { kind: 'idPrefix'; prefix: string }
  | { kind: 'ip'; ip: IpAddress; address: string }
  | { kind: 'cidr'; cidr: Cidr; text: string }
  | { kind: 'mac'; mac: string };

export type SearchKind = SearchQuery['kind'];

/** Shortest id prefix searched: below this, a prefix matches most of a project. */
export const idPrefixLength = 8;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const macPattern = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i;
const idPrefixPattern = /^[0-9a-f][0-9a-f-]*$/i;

/** The query as typed, classified; null when there is nothing to search. */
export function parseSearchQuery(input: string): SearchQuery | null {
  const text = input.trim();
  if (text === '') return null;
  if (uuidPattern.test(text)) return { kind: 'id', id: text.toLowerCase() };
  // Neutron stores MACs lower case with colons and filters on the exact string.
  if (macPattern.test(text)) return { kind: 'mac', mac: text.toLowerCase().replaceAll('-', ':') };
  if (text.includes('/')) {
    const cidr = parseCidr(text);
    if (cidr) return { kind: 'cidr', cidr, text };
  }
  const ip = parseIp(text);
  if (ip) return { kind: 'ip', ip, address: text.toLowerCase() };
  if (idPrefixPattern.test(text) && text.replaceAll('-', '').length >= idPrefixLength) return { kind: 'idPrefix', prefix: text.toLowerCase() };
  return { kind: 'name', text };
}

/**
 * How a type was searched: with the service's own filter (`filter`), with a filter on the exact name only (Neutron,
 * Glance, Heat and Octavia match names exactly), or in the browser over the project's list (`client`), when the
 * service has no filter for the kind.
 */
export type SearchMethod = 'filter' | 'exactName' | 'client';

export interface SearchAnswer<Item> {
  items: Item[];
  method: SearchMethod;
}

/** Where a search runs: the session's project (Neutron and Octavia lists are filtered by it), and its cancellation. */
export interface SearchContext {
  projectId: string;
  signal?: AbortSignal;
}

/** A resource's search: null when the type has nothing that kind of query can match (a volume has no MAC). */
export type ResourceSearch<Item> = (query: SearchQuery, context: SearchContext) => Promise<SearchAnswer<Item>> | null;

export type AddressQuery = Extract<SearchQuery, { kind: 'ip' | 'cidr' | 'mac' }>;

const regexSpecials = /[.*+?^${}()|[\]\\]/g;

/** The text as a regular expression matching itself (Nova's name and ip filters are regular expressions). */
export function escapeRegex(text: string): string {
  return text.replace(regexSpecials, '\\$&');
}

/** The leading whole octets of an IPv4 CIDR as text ("10.0.0." for 10.0.0.0/24): a substring every member has. */
export function cidrOctetPrefix(cidr: Cidr): string {
  if (cidr.version !== 4) return '';
  const octets = [24n, 16n, 8n, 0n].map((shift) => String((cidr.first >> shift) & 0xffn));
  const whole = Math.floor(cidr.prefix / 8);
  return whole === 0 ? '' : `${octets.slice(0, whole).join('.')}${whole < 4 ? '.' : ''}`;
}

/** Whether any of the addresses is the query's IP, or lies in its CIDR. */
export function matchesAddress(query: Extract<SearchQuery, { kind: 'ip' | 'cidr' }>, addresses: readonly (string | null | undefined)[]): boolean {
  return addresses.some((text) => {
    const address = text ? parseIp(text) : null;
    if (!address) return false;
    return query.kind === 'ip' ? address.version === query.ip.version && address.value === query.ip.value : cidrContains(query.cidr, address);
  });
}

/** For a search in the browser: an id starting with the prefix, or a name containing the text (any case). */
export function matchesIdOrName(query: SearchQuery, item: { id?: string; name?: string | null }): boolean {
  const name = (item.name ?? '').toLowerCase();
  if (query.kind === 'idPrefix') return (item.id ?? '').toLowerCase().startsWith(query.prefix) || name.includes(query.prefix);
  if (query.kind === 'id') return item.id === query.id;
  if (query.kind === 'name') return name.includes(query.text.toLowerCase());
  return false;
}
