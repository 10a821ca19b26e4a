// The snapshots list's state lives in the URL (deep links, reload, back button): page size, position, sort, filters.
// Position is a Cinder marker: `marker` = the last row of the previous page, `before` = the first row of the next
// page (read with the sort reversed).
import { listUrlState, type ListUrlState } from '../../lib/api/page-window';
import type { VolumeSnapshotPageRequest, VolumeSnapshotStatus } from './types';

/** Columns Cinder sorts snapshots by (`name` since microversion 3.30, which the list asks for). */
export const sortColumns = ['name', 'status', 'size', 'created_at'] as const;
export type SortColumn = (typeof sortColumns)[number];

/** The statuses a snapshot shows in a list (`deleted` ones are not listed). */
export const statuses: readonly VolumeSnapshotStatus[] = [
  'creating',
  'available',
  'backing-up',
  'deleting',
  'error',
  'error_deleting',
  'restoring',
  'unmanaging',
];

/** `volume` is the id of the volume the snapshots were taken of. */
export const filterNames = ['name', 'status', 'volume'] as const;
export type FilterName = (typeof filterNames)[number];

export type ListState = ListUrlState<SortColumn, FilterName>;

function isSortColumn(value: string): value is SortColumn {
  return (sortColumns as readonly string[]).includes(value);
}

function isStatus(value: string | undefined): value is VolumeSnapshotStatus {
  return (statuses as readonly (string | undefined)[]).includes(value);
}

export const listCodec = listUrlState<SortColumn, FilterName>({ isSortColumn, filterNames, defaultSort: 'created_at' });

/** Cinder's query for a state: one row more than the page (is there another?), the sort reversed going back. */
export function snapshotPageRequest(state: ListState): VolumeSnapshotPageRequest {
  const reversed = state.before !== undefined;
  const direction = reversed ? (state.direction === 'asc' ? 'desc' : 'asc') : state.direction;
  const { name, status, volume } = state.filters;
  return {
    name,
    status: isStatus(status) ? status : undefined,
    volumeId: volume,
    sort: `${state.sort}:${direction}`,
    limit: state.limit + 1,
    marker: state.marker ?? state.before,
  };
}
