// The images list's state lives in the URL (deep links, reload, back button): page size, position, sort, filters.
// Position is a Glance marker: `marker` = the last row of the previous page (going forward), `before` = the first
// row of the next page (going back, read with the sort reversed).
import type { PagePosition } from '../../lib/api/page-window';
import type { ImageFilters, ImagePageRequest, ImageStatus, ImageVisibility } from './types';

export const pageSizes = [10, 20, 50, 100] as const;
export const defaultPageSize = 20;

/** The columns Glance can sort by (its `sort` keys). */
export const sortColumns = ['name', 'status', 'visibility', 'disk_format', 'size', 'min_disk', 'min_ram', 'created_at'] as const;
export type SortColumn = (typeof sortColumns)[number];

export const visibilities: readonly ImageVisibility[] = ['public', 'private', 'shared', 'community'];
export const statuses: readonly ImageStatus[] = ['active', 'queued', 'saving', 'importing', 'deactivated', 'killed', 'pending_delete'];
export const diskFormats = ['raw', 'qcow2', 'ami', 'ari', 'aki', 'vmdk', 'vhd', 'vhdx', 'vdi', 'iso', 'ploop'] as const;

export const filterNames = ['name', 'visibility', 'status', 'disk_format', 'mine'] as const;
export type FilterName = (typeof filterNames)[number];

export interface ListState extends PagePosition {
  sort: SortColumn;
  direction: 'asc' | 'desc';
  filters: Partial<Record<FilterName, string>>;
}

export const defaultListState: ListState = { limit: defaultPageSize, sort: 'created_at', direction: 'desc', filters: {} };

function isSortColumn(value: string | null): value is SortColumn {
  return value !== null && (sortColumns as readonly string[]).includes(value);
}

export function parseListState(search: URLSearchParams): ListState {
  const limit = Number(search.get('limit'));
  const sort = search.get('sort');
  const filters: ListState['filters'] = {};
  for (const name of filterNames) {
    const value = search.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const marker = search.get('marker') || undefined;
  return {
    limit: (pageSizes as readonly number[]).includes(limit) ? limit : defaultPageSize,
    marker,
    // A link can only go one way at a time.
    before: marker ? undefined : search.get('before') || undefined,
    sort: isSortColumn(sort) ? sort : defaultListState.sort,
    direction: search.get('dir') === 'asc' ? 'asc' : search.get('dir') === 'desc' ? 'desc' : defaultListState.direction,
    filters,
  };
}

/** The URL query of a state; defaults are left out so plain links stay plain. */
export function serializeListState(state: ListState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.limit !== defaultPageSize) search.set('limit', String(state.limit));
  if (state.sort !== defaultListState.sort || state.direction !== defaultListState.direction) {
    search.set('sort', state.sort);
    search.set('dir', state.direction);
  }
  for (const name of filterNames) {
    const value = state.filters[name];
    if (value) search.set(name, value);
  }
  if (state.marker) search.set('marker', state.marker);
  else if (state.before) search.set('before', state.before);
  return search;
}

function isVisibility(value: string | undefined): value is ImageVisibility {
  return (visibilities as readonly (string | undefined)[]).includes(value);
}

function isStatus(value: string | undefined): value is ImageStatus {
  return (statuses as readonly (string | undefined)[]).includes(value);
}

/**
 * Glance's query for a state: one row more than the page, so the answer says whether another page follows.
 * Without a visibility filter Glance lists what the project may use (public, its own, accepted shared); `all`
 * adds community images, as the "any visibility" choice promises.
 */
export function imagePageRequest(state: ListState, projectId: string): ImagePageRequest {
  const reversed = state.before !== undefined;
  const direction = reversed ? (state.direction === 'asc' ? 'desc' : 'asc') : state.direction;
  const { visibility, status, name, disk_format, mine } = state.filters;
  const filters: ImageFilters = {
    visibility: isVisibility(visibility) ? visibility : 'all',
    status: isStatus(status) ? status : undefined,
    name,
    disk_format,
    owner: mine ? projectId : undefined,
  };
  return { ...filters, sort: `${state.sort}:${direction}`, limit: state.limit + 1, marker: state.marker ?? state.before };
}
