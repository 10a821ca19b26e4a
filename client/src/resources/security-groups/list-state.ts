// The security groups list's state lives in the URL (deep links, reload, back button): page size, position, sort
// and the name filter (Neutron matches names exactly).
import { listUrlState, type ListUrlState } from '../../lib/api/page-window';

/** The group attributes Neutron sorts by (is_sort_key in its securitygroup API definition). */
export const sortColumns = ['name'] as const;
export type SortColumn = (typeof sortColumns)[number];

export const filterNames = ['name'] as const;
export type FilterName = (typeof filterNames)[number];

export type ListState = ListUrlState<SortColumn, FilterName>;

function isSortColumn(value: string): value is SortColumn {
  return (sortColumns as readonly string[]).includes(value);
}

export const listCodec = listUrlState<SortColumn, FilterName>({ isSortColumn, filterNames, defaultSort: 'name', defaultDirection: 'asc' });
