// The stacks list's state lives in the URL (deep links, reload, back button): page size, position, sort, filters.
// Position is a Heat marker (a stack id): `marker` = the last row of the previous page, `before` = the first row of
// the next page (going back, read with the sort reversed).
//
// Heat filters stacks by exact column values: `name`, `status` (its outcome column: COMPLETE, FAILED, IN_PROGRESS)
// and `action` (CREATE, UPDATE...); a status filter of CREATE_FAILED is sent as both.
import { listUrlState, type ListUrlState } from '../../lib/api/page-window';
import { splitStatus } from './stack-state';

/** Heat's sort keys (heat/db/sqlalchemy/api.py _filter_and_page_query). */
export const sortColumns = ['stack_name', 'stack_status', 'creation_time', 'updated_time'] as const;
export type SortColumn = (typeof sortColumns)[number];

export const actions = ['CREATE', 'UPDATE', 'DELETE', 'ROLLBACK', 'SUSPEND', 'RESUME', 'CHECK', 'ADOPT'] as const;
export const outcomes = ['IN_PROGRESS', 'COMPLETE', 'FAILED'] as const;
/** The statuses a user filters by: every action with every outcome. */
export const statuses: readonly string[] = actions.flatMap((action) => outcomes.map((outcome) => `${action}_${outcome}`));

export const filterNames = ['name', 'status'] as const;
export type FilterName = (typeof filterNames)[number];

export type ListState = ListUrlState<SortColumn, FilterName>;

function isSortColumn(value: string): value is SortColumn {
  return (sortColumns as readonly string[]).includes(value);
}

export const listCodec = listUrlState<SortColumn, FilterName>({ isSortColumn, filterNames, defaultSort: 'creation_time' });

/** Heat's query for a state: one row more than the page, so the answer says whether another page follows. */
export function stackListParams(state: ListState): Record<string, string | number> {
  const reversed = state.before !== undefined;
  const direction = reversed ? (state.direction === 'asc' ? 'desc' : 'asc') : state.direction;
  const params: Record<string, string | number> = { limit: state.limit + 1, sort_keys: state.sort, sort_dir: direction };
  const marker = state.marker ?? state.before;
  if (marker) params.marker = marker;
  const { name, status } = state.filters;
  if (name) params.name = name;
  if (status && statuses.includes(status)) {
    const { action, outcome } = splitStatus(status);
    params.action = action;
    if (outcome) params.status = outcome;
  }
  return params;
}
