// The load balancers list's state lives in the URL (deep links, reload, back button): page size, position, sort and
// Octavia's filters (any attribute, compared for equality).
import { listUrlState, type ListUrlState } from '../../lib/api/page-window';

/** Attributes Octavia sorts by (its pagination helper accepts any column of the load balancer). */
export const sortColumns = ['name', 'provisioning_status', 'operating_status', 'vip_address', 'created_at'] as const;
export type SortColumn = (typeof sortColumns)[number];

export const filterNames = ['name', 'provisioning_status', 'operating_status', 'vip_address'] as const;
export type FilterName = (typeof filterNames)[number];

export type ListState = ListUrlState<SortColumn, FilterName>;

function isSortColumn(value: string): value is SortColumn {
  return (sortColumns as readonly string[]).includes(value);
}

export const listCodec = listUrlState<SortColumn, FilterName>({ isSortColumn, filterNames, defaultSort: 'name', defaultDirection: 'asc' });
