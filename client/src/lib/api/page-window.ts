// Marker paging in both directions over any OpenStack collection: ask for one row more than the page, and read
// backwards (sort reversed, marker = the first row of the next page) to go back.

export interface PagePosition {
  limit: number;
  /** The last row of the previous page (going forward). */
  marker?: string;
  /** The first row of the next page (going back). */
  before?: string;
}

export interface PageWindow<Row> {
  rows: Row[];
  hasPrevious: boolean;
  hasNext: boolean;
}

/**
 * The rows to show from the answer (limit + 1 rows, reversed when going back) and where the user can go.
 * `serviceHasMore` is the answer's own next link: a service caps `limit` at its maximum (Nova's `max_limit`, Cinder's
 * `osapi_max_limit`, Glance's `api_limit_max`: 1000 by default, maybe less) and then answers fewer rows than asked,
 * with a next link, so the extra row alone cannot tell. (When exactly that many rows exist, the next page is empty.)
 */
export function pageWindow<Row>(position: PagePosition, answer: readonly Row[], serviceHasMore = false): PageWindow<Row> {
  const more = answer.length > position.limit || serviceHasMore;
  const rows = answer.slice(0, position.limit);
  if (position.before !== undefined) return { rows: rows.reverse(), hasPrevious: more, hasNext: true };
  return { rows, hasPrevious: position.marker !== undefined, hasNext: more };
}

/** The page sizes a list offers unless it says otherwise. */
export const pageSizes = [10, 20, 50, 100] as const;
/**
 * The sizes of the lists where "show everything" is a choice (as in Horizon, whose largest page is 1000, the default
 * maximum of Nova, Cinder and Glance): the table renders only the rows on screen beyond 100 (lib/ui/data-table).
 */
export const bigPageSizes = [10, 20, 50, 100, 200, 500, 1000] as const;
export const defaultPageSize = 20;

/** A list page's state as its URL holds it (deep links, reload, back button): position, sort and filters. */
export interface ListUrlState<Sort extends string, Filter extends string> extends PagePosition {
  sort: Sort;
  direction: 'asc' | 'desc';
  filters: Partial<Record<Filter, string>>;
}

/** Reads and writes one list's URL state; each list names its sortable columns, its filters and its default sort. */
export function listUrlState<Sort extends string, Filter extends string>(options: {
  isSortColumn: (value: string) => value is Sort;
  filterNames: readonly Filter[];
  defaultSort: Sort;
  /** Newest first suits dates; names read A to Z. */
  defaultDirection?: 'asc' | 'desc';
  /** The page sizes offered (and accepted from a URL); `pageSizes` by default. */
  pageSizes?: readonly number[];
}) {
  const sizes = options.pageSizes ?? pageSizes;
  const defaults: ListUrlState<Sort, Filter> = {
    limit: defaultPageSize,
    sort: options.defaultSort,
    direction: options.defaultDirection ?? 'desc',
    filters: {},
  };

  function parse(search: URLSearchParams): ListUrlState<Sort, Filter> {
    const limit = Number(search.get('limit'));
    const sort = search.get('sort');
    const filters: Partial<Record<Filter, string>> = {};
    for (const name of options.filterNames) {
      const value = search.get(name)?.trim();
      if (value) filters[name] = value;
    }
    const marker = search.get('marker') || undefined;
    const direction = search.get('dir');
    return {
      limit: sizes.includes(limit) ? limit : defaultPageSize,
      marker,
      // A link can only go one way at a time.
      before: marker ? undefined : search.get('before') || undefined,
      sort: sort !== null && options.isSortColumn(sort) ? sort : defaults.sort,
      direction: direction === 'asc' || direction === 'desc' ? direction : defaults.direction,
      filters,
    };
  }

  /** The URL query of a state; defaults are left out so plain links stay plain. */
  function serialize(state: ListUrlState<Sort, Filter>): URLSearchParams {
    const search = new URLSearchParams();
    if (state.limit !== defaultPageSize) search.set('limit', String(state.limit));
    if (state.sort !== defaults.sort || state.direction !== defaults.direction) {
      search.set('sort', state.sort);
      search.set('dir', state.direction);
    }
    for (const name of options.filterNames) {
      const value = state.filters[name];
      if (value) search.set(name, value);
    }
    if (state.marker) search.set('marker', state.marker);
    else if (state.before) search.set('before', state.before);
    return search;
  }

  return { defaults, parse, serialize, isSortColumn: options.isSortColumn, pageSizes: sizes };
}

export type ListUrlCodec<Sort extends string, Filter extends string> = ReturnType<typeof listUrlState<Sort, Filter>>;

/** The rows of one page at a position, as the list's page window shows them. */
export type PageReader<Row, Position extends PagePosition> = (position: Position, signal: AbortSignal) => Promise<PageWindow<Row>>;

/**
 * Every row from `first` on, page after page (each marker the last row of the page before), for an export.
 * `progress` hears the count after each page; an abort stops between pages (and the reader stops the page in flight).
 */
export async function readEveryPage<Row, Position extends PagePosition>(
  first: Position,
  readPage: PageReader<Row, Position>,
  idOf: (row: Row) => string,
  progress: (count: number) => void,
  signal: AbortSignal,
): Promise<Row[]> {
  const rows: Row[] = [];
  let position: Position = { ...first, marker: undefined, before: undefined };
  for (;;) {
    signal.throwIfAborted();
    const page = await readPage(position, signal);
    rows.push(...page.rows);
    progress(rows.length);
    const last = page.rows.at(-1);
    // A marker given back unchanged would read the same page forever: a service doing so has no more to give.
    if (!page.hasNext || !last || idOf(last) === position.marker) return rows;
    position = { ...position, marker: idOf(last) };
  }
}
