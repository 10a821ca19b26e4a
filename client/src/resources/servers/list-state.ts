// The list page's state lives in the URL (deep links, reload, back button): page size, position, sort, filters.
// Position is a Nova marker: `marker` = the last row of the previous page (going forward), `before` = the first
// row of the next page (going back, read with the sort reversed). Free of React and the query library: the app's
// early reads (app/early-reads.ts) build the page's request from it before that code has loaded.
import type { RequestOptions } from '../../lib/api/client';
import { bigPageSizes, listUrlState, type ListUrlState } from '../../lib/api/page-window';

/** The columns the API can sort by, with Nova's sort key for each. */
export const sortKeys = {
  name: 'display_name',
  status: 'vm_state',
  availability_zone: 'availability_zone',
  key_name: 'key_name',
  created: 'created_at',
} as const;
export type SortColumn = keyof typeof sortKeys;

export const filterNames = ['name', 'status', 'flavor', 'image', 'ip', 'availability_zone'] as const;
export type FilterName = (typeof filterNames)[number];

export type ListState = ListUrlState<SortColumn, FilterName>;

function isSortColumn(value: string): value is SortColumn {
  return Object.hasOwn(sortKeys, value);
}

export const listCodec = listUrlState<SortColumn, FilterName>({ isSortColumn, filterNames, defaultSort: 'created', pageSizes: bigPageSizes });

/** Nova's query for a state: one row more than the page, so the answer says whether another page follows. */
export function serverListParams(state: ListState): Record<string, string | number> {
  const reversed = state.before !== undefined;
  const direction = reversed ? (state.direction === 'asc' ? 'desc' : 'asc') : state.direction;
  const params: Record<string, string | number> = {
    limit: state.limit + 1,
    sort_key: sortKeys[state.sort],
    sort_dir: direction,
  };
  const marker = state.marker ?? state.before;
  if (marker) params.marker = marker;
  for (const name of filterNames) {
    const value = state.filters[name];
    if (!value) continue;
    // Nova's name and ip filters are regular expressions: what the user types is matched literally.
    params[name] = name === 'name' || name === 'ip' ? escapeRegExp(value) : name === 'status' ? value.toUpperCase() : value;
  }
  return params;
}

/**
 * 2.47 embeds the flavor in the server (no flavors call per page); 2.73 adds the lock reason. Asking for the newest
 * this code was checked against is harmless: the client negotiates down to what the cloud offers.
 */
export const computeMicroversion = '2.93';

export const serversPath = '/api/os/compute/servers';

/** Admins may ask for every project's servers (`all_tenants`); Nova refuses anyone else. */
export type ServerListScope = 'project' | 'all-projects';

export function serverPageParams(state: ListState, listScope: ServerListScope): Record<string, string | number> {
  return listScope === 'all-projects' ? { ...serverListParams(state), all_tenants: 1 } : serverListParams(state);
}

/** The one call a page of the list is: `servers/detail` with the page's query. */
export function serverPageRequest(state: ListState, listScope: ServerListScope = 'project'): { path: string; options: Pick<RequestOptions, 'params' | 'microversion'> } {
  return { path: `${serversPath}/detail`, options: { params: serverPageParams(state, listScope), microversion: computeMicroversion } };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

