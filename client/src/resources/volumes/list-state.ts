// The volumes list's state lives in the URL (deep links, reload, back button): page size, position, sort, filters.
// Position is a Cinder marker: `marker` = the last row of the previous page (going forward), `before` = the first
// row of the next page (going back, read with the sort reversed).
//
// The filters are the ones Cinder lets a project use (its resource_filters for volumes: name, status, bootable,
// availability_zone...). It has no volume type filter for non-admins and no "attached" filter: a volume attached to
// an instance is `in-use`, a detached one `available`, so attachment is filtered through the status.
import type { RequestOptions } from '../../lib/api/client';
import { bigPageSizes, listUrlState, type ListUrlState } from '../../lib/api/page-window';
import type { VolumeStatus } from './types';

/** The columns Cinder can sort by (its `sort` keys: any column of the volume; `name` is its display name). */
export const sortColumns = ['name', 'size', 'status', 'bootable', 'availability_zone', 'created_at'] as const;
export type SortColumn = (typeof sortColumns)[number];

export const statuses: readonly VolumeStatus[] = [
  'available',
  'in-use',
  'creating',
  'attaching',
  'detaching',
  'extending',
  'retyping',
  'uploading',
  'downloading',
  'reserved',
  'awaiting-transfer',
  'maintenance',
  'deleting',
  'error',
  'error_deleting',
  'error_extending',
];

/** Whether a volume is attached, as the status says it: Cinder's own "attached" filter. */
export const attachments = ['attached', 'detached'] as const;
export type AttachmentFilter = (typeof attachments)[number];
const attachmentStatus: Record<AttachmentFilter, VolumeStatus> = { attached: 'in-use', detached: 'available' };

export const filterNames = ['name', 'status', 'attached', 'bootable', 'availability_zone'] as const;
export type FilterName = (typeof filterNames)[number];

export type ListState = ListUrlState<SortColumn, FilterName>;

function isSortColumn(value: string): value is SortColumn {
  return (sortColumns as readonly string[]).includes(value);
}

export const listCodec = listUrlState<SortColumn, FilterName>({ isSortColumn, filterNames, defaultSort: 'created_at', pageSizes: bigPageSizes });

const isStatus = (value: string | undefined): value is VolumeStatus => (statuses as readonly (string | undefined)[]).includes(value);
const isAttachment = (value: string | undefined): value is AttachmentFilter => (attachments as readonly (string | undefined)[]).includes(value);

/**
 * Cinder's query for a state: one row more than the page, so the answer says whether another page follows. The name
 * matches exactly: Cinder's partial match (`name~`) is refused unless the cloud enables it in its resource_filters,
 * which the default file does not. An explicit status wins over "attached or not".
 */
export function volumeListParams(state: ListState): Record<string, string | number> {
  const reversed = state.before !== undefined;
  const direction = reversed ? (state.direction === 'asc' ? 'desc' : 'asc') : state.direction;
  const params: Record<string, string | number> = { limit: state.limit + 1, sort: `${state.sort}:${direction}` };
  const marker = state.marker ?? state.before;
  if (marker) params.marker = marker;
  const { name, status, attached, bootable, availability_zone } = state.filters;
  if (name) params.name = name;
  if (isStatus(status)) params.status = status;
  else if (isAttachment(attached)) params.status = attachmentStatus[attached];
  if (bootable === 'true' || bootable === 'false') params.bootable = bootable;
  if (availability_zone) params.availability_zone = availability_zone;
  return params;
}

/**
 * 3.31 checks list filters (a wrong one is refused, not ignored), 3.42 extends attached volumes, 3.63 adds `volume_type_id`, 3.65
 * `consumes_quota`. Asking for the newest this code was checked against is harmless: the client negotiates down.
 */
export const blockStorageMicroversion = '3.70';

export const volumesPath = '/api/os/block-storage/volumes';

/**
 * The one call a page of the list is: `volumes/detail` with the page's query. Free of React and the query library,
 * like the rest of this file: the app's early reads (app/early-reads.ts) build it before that code has loaded.
 */
export function volumePageRequest(state: ListState): { path: string; options: Pick<RequestOptions, 'params' | 'microversion'> } {
  return { path: `${volumesPath}/detail`, options: { params: volumeListParams(state), microversion: blockStorageMicroversion } };
}
