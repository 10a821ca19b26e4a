// The reads a search makes, the same for every service: the first page of matches for each filter set (services AND
// their filters, so several sets make an OR), the whole list only where the service has no filter for the query, and
// one resource by id where a list has no id filter.
import { ApiError } from '../api/api-error';
import { fetchAllPages, fetchListPage, type CollectionRequest, type ListParams } from '../api/openstack-list';
import { matchesIdOrName, type AddressQuery, type SearchAnswer, type SearchContext, type SearchMethod, type SearchQuery } from './query';

/** Matches shown per type: a search points at a few resources, the type's own list pages through the rest. */
export const searchPageSize = 20;

/** The first matches of each filter set, merged by id, kept when `keep` says so (a CIDR's members...). */
export async function searchByFilters<Item extends { id: string }>(
  request: Omit<CollectionRequest, 'params'>,
  filterSets: readonly ListParams[],
  keep: (item: Item) => boolean = () => true,
): Promise<Item[]> {
  const pages = await Promise.all(filterSets.map((params) => fetchListPage<Item>({ ...request, params: { ...params, limit: searchPageSize } })));
  const byId = new Map<string, Item>();
  for (const item of pages.flatMap((page) => page.items)) if (keep(item)) byId.set(item.id, item);
  return [...byId.values()].slice(0, searchPageSize);
}

/** Every item of the list (lightened with `fields` where the service takes it), searched in the browser. */
export async function searchInBrowser<Item>(request: CollectionRequest, keep: (item: Item) => boolean): Promise<Item[]> {
  return (await fetchAllPages<Item>(request)).filter(keep).slice(0, searchPageSize);
}

/** The one resource with that id, or none when the service answers 404 (another project's, or no such id). */
export async function fetchOrNone<Item>(read: () => Promise<Item>): Promise<Item[]> {
  try {
    return [await read()];
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}

/** How a type finds an address: filter sets for its service (then `keep`), or its list searched in the browser. */
export type AddressPlan<Item> = { filterSets: ListParams[]; keep?: (item: Item) => boolean } | { inBrowser: (item: Item) => boolean };

export interface ExactFilterList {
  path: string;
  collection: string;
  /** Parameters every read carries (Neutron's and Octavia's project_id, so an admin sees their project only). */
  base?: ListParams;
  /** The fields a read in the browser asks for, where the service takes `fields` (Neutron, Octavia). */
  fields?: readonly string[];
}

/**
 * Name, id and id prefix for a service whose list filters match exact values (Neutron, Octavia, Glance): the name
 * exactly, the id exactly, and an id prefix in the browser (no service has a prefix filter). Addresses as the type
 * says (`byAddress`), or not at all.
 */
export function searchExact<Item extends { id: string; name?: string | null }>(
  list: ExactFilterList,
  query: SearchQuery,
  { signal }: SearchContext,
  byAddress: (query: AddressQuery) => AddressPlan<Item> | null = () => null,
): Promise<SearchAnswer<Item>> | null {
  const request = { path: list.path, collection: list.collection, signal };
  const inBrowser = async (keep: (item: Item) => boolean): Promise<SearchAnswer<Item>> => ({
    items: await searchInBrowser<Item>({ ...request, params: { ...list.base, fields: list.fields } }, keep),
    method: 'client',
  });
  const filtered = async (filterSets: ListParams[], method: SearchMethod, keep?: (item: Item) => boolean): Promise<SearchAnswer<Item>> => ({
    items: await searchByFilters<Item>(request, filterSets.map((params) => ({ ...list.base, ...params })), keep),
    method,
  });
  switch (query.kind) {
    case 'name':
      return filtered([{ name: query.text }], 'exactName');
    case 'id':
      return filtered([{ id: query.id }], 'filter');
    case 'idPrefix':
      return inBrowser((item) => matchesIdOrName(query, item));
    default: {
      const plan = byAddress(query);
      if (!plan) return null;
      return 'inBrowser' in plan ? inBrowser(plan.inBrowser) : filtered(plan.filterSets, 'filter', plan.keep);
    }
  }
}
