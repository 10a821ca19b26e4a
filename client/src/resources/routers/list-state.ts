// The routers list's state lives in the URL (deep links, reload, back button): page size, position and sort.
import { listUrlState, type ListUrlState } from '../../lib/api/page-window';

/** The router attributes Neutron sorts by (is_sort_key in its l3 API definition). */
export const sortColumns = ['name', 'status', 'admin_state_up'] as const;
export type SortColumn = (typeof sortColumns)[number];

export type ListState = ListUrlState<SortColumn, never>;

function isSortColumn(value: string): value is SortColumn {
  return (sortColumns as readonly string[]).includes(value);
}

export const listCodec = listUrlState<SortColumn, never>({ isSortColumn, filterNames: [], defaultSort: 'name', defaultDirection: 'asc' });
