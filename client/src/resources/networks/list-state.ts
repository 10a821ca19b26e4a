// The networks list's state lives in the URL (deep links, reload, back button): page size, position, sort, and
// which networks: the project's own, the shared ones, or the external ones. Neutron's filters combine with AND,
// so each view is its own server-side paged list.
import { listUrlState, type ListUrlState } from '../../lib/api/page-window';

/** The network attributes Neutron sorts by (is_sort_key in neutron-lib's network definition). */
export const sortColumns = ['name', 'status', 'admin_state_up'] as const;
export type SortColumn = (typeof sortColumns)[number];

export const networkViews = ['mine', 'shared', 'external'] as const;
export type NetworkView = (typeof networkViews)[number];

export const filterNames = ['view'] as const;
export type FilterName = (typeof filterNames)[number];

export type ListState = ListUrlState<SortColumn, FilterName>;

function isSortColumn(value: string): value is SortColumn {
  return (sortColumns as readonly string[]).includes(value);
}

export const listCodec = listUrlState<SortColumn, FilterName>({ isSortColumn, filterNames, defaultSort: 'name', defaultDirection: 'asc' });

export function viewOf(state: ListState): NetworkView {
  const view = state.filters.view;
  return (networkViews as readonly (string | undefined)[]).includes(view) ? (view as NetworkView) : 'mine';
}
