// The ports list's state lives in the URL (deep links, reload, back button): page size, position, sort, and
// the network whose ports are shown (all the project's ports without one).
import { bigPageSizes, listUrlState, type ListUrlState } from '../../lib/api/page-window';

/** The port attributes Neutron sorts by (is_sort_key in neutron-lib's port definition). */
export const sortColumns = ['name', 'status', 'admin_state_up', 'mac_address', 'device_owner', 'network_id'] as const;
export type SortColumn = (typeof sortColumns)[number];

export const filterNames = ['network'] as const;
export type FilterName = (typeof filterNames)[number];

export type ListState = ListUrlState<SortColumn, FilterName>;

function isSortColumn(value: string): value is SortColumn {
  return (sortColumns as readonly string[]).includes(value);
}

export const listCodec = listUrlState<SortColumn, FilterName>({ isSortColumn, filterNames, defaultSort: 'name', defaultDirection: 'asc', pageSizes: bigPageSizes });
