// The list page's state lives in the URL (deep links, reload, back button): page size, position, sort, filters.
// Position is a Nova marker: `marker` = the last row of the previous page (going forward), `before` = the first
// row of the next page (going back, read with the sort reversed).

export const pageSizes = [10, 20, 50, 100] as const;
export const defaultPageSize = 20;

/** The columns the API can sort by, with Nova's sort key for each. */
export const sortKeys = {
  name: 'display_name',
  status: 'vm_state',
  availability_zone: 'availability_zone',
  key_name: 'key_name',
  created: 'created_at',
} as const;
export type SortColumn = keyof typeof sortKeys;

export const filterNames = ['name', 'status', 'flavor', 'image', 'ip', 'availability_zone'] as const;
export type FilterName = (typeof filterNames)[number];

export interface ListState {
  limit: number;
  marker?: string;
  before?: string;
  sort: SortColumn;
  direction: 'asc' | 'desc';
  filters: Partial<Record<FilterName, string>>;
}

export const defaultListState: ListState = { limit: defaultPageSize, sort: 'created', direction: 'desc', filters: {} };

function isSortColumn(value: string | null): value is SortColumn {
  return value !== null && Object.hasOwn(sortKeys, value);
}

export function parseListState(search: URLSearchParams): ListState {
  const limit = Number(search.get('limit'));
  const sort = search.get('sort');
  const filters: ListState['filters'] = {};
  for (const name of filterNames) {
    const value = search.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const marker = search.get('marker') || undefined;
  return {
    limit: (pageSizes as readonly number[]).includes(limit) ? limit : defaultPageSize,
    marker,
    // A link can only go one way at a time.
    before: marker ? undefined : search.get('before') || undefined,
    sort: isSortColumn(sort) ? sort : defaultListState.sort,
    direction: search.get('dir') === 'asc' ? 'asc' : search.get('dir') === 'desc' ? 'desc' : defaultListState.direction,
    filters,
  };
}

/** The URL query of a state; defaults are left out so plain links stay plain. */
export function serializeListState(state: ListState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.limit !== defaultPageSize) search.set('limit', String(state.limit));
  if (state.sort !== defaultListState.sort || state.direction !== defaultListState.direction) {
    search.set('sort', state.sort);
    search.set('dir', state.direction);
  }
  for (const name of filterNames) {
    const value = state.filters[name];
    if (value) search.set(name, value);
  }
  if (state.marker) search.set('marker', state.marker);
  else if (state.before) search.set('before', state.before);
  return search;
}

/** Nova's query for a state: one row more than the page, so the answer says whether another page follows. */
export function serverListParams(state: ListState): Record<string, string | number> {
  const reversed = state.before !== undefined;
  const direction = reversed ? (state.direction === 'asc' ? 'desc' : 'asc') : state.direction;
  const params: Record<string, string | number> = {
    limit: state.limit + 1,
    sort_key: sortKeys[state.sort],
    sort_dir: direction,
  };
  const marker = state.marker ?? state.before;
  if (marker) params.marker = marker;
  for (const name of filterNames) {
    const value = state.filters[name];
    if (!value) continue;
    // Nova's name and ip filters are regular expressions: what the user types is matched literally.
    params[name] = name === 'name' || name === 'ip' ? escapeRegExp(value) : name === 'status' ? value.toUpperCase() : value;
  }
  return params;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface PageWindow<Row> {
  rows: Row[];
  hasPrevious: boolean;
  hasNext: boolean;
}

/** The rows to show from Nova's answer (limit + 1 rows, reversed when going back) and where the user can go. */
export function pageWindow<Row>(state: ListState, answer: readonly Row[]): PageWindow<Row> {
  const more = answer.length > state.limit;
  const rows = answer.slice(0, state.limit);
  if (state.before !== undefined) return { rows: rows.reverse(), hasPrevious: more, hasNext: true };
  return { rows, hasPrevious: state.marker !== undefined, hasNext: more };
}
