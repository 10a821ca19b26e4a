// The images list's state lives in the URL (deep links, reload, back button): page size, position, sort, filters.
// Position is a Glance marker: `marker` = the last row of the previous page (going forward), `before` = the first
// row of the next page (going back, read with the sort reversed).
import { bigPageSizes, listUrlState, type ListUrlState } from '../../lib/api/page-window';
import type { ImageFilters, ImagePageRequest, ImageStatus, ImageVisibility } from './types';

/** The columns Glance can sort by (its `sort` keys). */
export const sortColumns = ['name', 'status', 'visibility', 'disk_format', 'size', 'min_disk', 'min_ram', 'created_at'] as const;
export type SortColumn = (typeof sortColumns)[number];

export const visibilities: readonly ImageVisibility[] = ['public', 'private', 'shared', 'community'];
export const statuses: readonly ImageStatus[] = ['active', 'queued', 'saving', 'importing', 'deactivated', 'killed', 'pending_delete'];
export const diskFormats = ['raw', 'qcow2', 'ami', 'ari', 'aki', 'vmdk', 'vhd', 'vhdx', 'vdi', 'iso', 'ploop'] as const;

export const filterNames = ['name', 'visibility', 'status', 'disk_format', 'mine'] as const;
export type FilterName = (typeof filterNames)[number];

export type ListState = ListUrlState<SortColumn, FilterName>;

function isSortColumn(value: string): value is SortColumn {
  return (sortColumns as readonly string[]).includes(value);
}

export const listCodec = listUrlState<SortColumn, FilterName>({ isSortColumn, filterNames, defaultSort: 'created_at', pageSizes: bigPageSizes });

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
