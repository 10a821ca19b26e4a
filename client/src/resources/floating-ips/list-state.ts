// The floating IPs list's state lives in the URL (deep links, reload, back button): page size, position and sort.
import { bigPageSizes, listUrlState, type ListUrlState } from '../../lib/api/page-window';

/** The floating IP attributes Neutron sorts by (is_sort_key in its l3 API definition). */
export const sortColumns = ['floating_ip_address', 'status', 'fixed_ip_address'] as const;
export type SortColumn = (typeof sortColumns)[number];

export type ListState = ListUrlState<SortColumn, never>;

function isSortColumn(value: string): value is SortColumn {
  return (sortColumns as readonly string[]).includes(value);
}

export const listCodec = listUrlState<SortColumn, never>({ isSortColumn, filterNames: [], defaultSort: 'floating_ip_address', defaultDirection: 'asc', pageSizes: bigPageSizes });
