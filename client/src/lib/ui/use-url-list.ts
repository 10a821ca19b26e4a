// A server-paged list driven by its URL: the state read from the query string, and the table's sort, filter and
// page controls writing it back (each change of sort, filters or size starts again from the first page).
import { useQueryClient, type FetchQueryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readEveryPage, type ListUrlCodec, type ListUrlState, type PagePosition, type PageReader, type PageWindow } from '../api/page-window';
import type { TablePagination } from './data-table';

const firstPage = { marker: undefined, before: undefined };

/** How a list reads any of its pages: its own query at a position, and the page window it makes of the answer. */
export interface ListPages<State, Data, Key extends QueryKey, Row> {
  query: (state: State) => FetchQueryOptions<Data, Error, Data, Key>;
  windowOf: (state: State, data: Data) => PageWindow<Row>;
}

/** One page through the query cache (the list's own fetcher); cancelling the export cancels the read in flight. */
function pageReader<State extends PagePosition, Data, Key extends QueryKey, Row>(queryClient: QueryClient, { query, windowOf }: ListPages<State, Data, Key, Row>): PageReader<Row, State> {
  return async (state, signal) => {
    const options = query(state);
    const cancel = () => void queryClient.cancelQueries({ queryKey: options.queryKey });
    signal.addEventListener('abort', cancel);
    try {
      return windowOf(state, await queryClient.fetchQuery(options));
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  };
}

export function useUrlList<Sort extends string, Filter extends string>(codec: ListUrlCodec<Sort, Filter>) {
  type State = ListUrlState<Sort, Filter>;
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => codec.parse(search), [codec, search]);
  const navigateTo = useCallback((next: ListUrlState<Sort, Filter>) => setSearch(codec.serialize(next)), [codec, setSearch]);

  const sorting: SortingState = [{ id: state.sort, desc: state.direction === 'desc' }];
  const onSortingChange = (next: SortingState) => {
    const first = next[0];
    if (!first || !codec.isSortColumn(first.id)) return;
    navigateTo({ ...state, ...firstPage, sort: first.id, direction: first.desc ? 'desc' : 'asc' });
  };

  /**
   * The table's page controls for the page shown; `idOf` gives the marker of a row. With `pages`, the export
   * reads every page under the same sort and filters, in the largest pages the list offers.
   */
  const pagination = <Row, Data, Key extends QueryKey>(shown: PageWindow<Row>, idOf: (row: Row) => string, pages?: ListPages<State, Data, Key, Row>): TablePagination<Row> => ({
    hasPrevious: shown.hasPrevious,
    hasNext: shown.hasNext,
    onPrevious: () => navigateTo({ ...state, marker: undefined, before: shown.rows[0] && idOf(shown.rows[0]) }),
    onNext: () => navigateTo({ ...state, before: undefined, marker: shown.rows.at(-1) && idOf(shown.rows.at(-1)!) }),
    pageSize: state.limit,
    pageSizes: codec.pageSizes,
    onPageSizeChange: (limit: number) => navigateTo({ ...state, ...firstPage, limit }),
    readAll: pages && ((progress, signal) => readEveryPage({ ...state, limit: Math.max(...codec.pageSizes) }, pageReader(queryClient, pages), idOf, progress, signal)),
  });

  /** The table's rows, row ids, sort and page controls for the page shown (and every page, with `pages`). */
  const table = <Row, Data, Key extends QueryKey>(shown: PageWindow<Row>, rowId: (row: Row) => string, pages?: ListPages<State, Data, Key, Row>) => ({
    rows: shown.rows,
    rowId,
    sorting,
    onSortingChange,
    pagination: pagination(shown, rowId, pages),
  });

  return {
    state,
    table,
    filtered: Object.keys(state.filters).length > 0,
    applyFilters: (filters: ListUrlState<Sort, Filter>['filters']) => navigateTo({ ...state, ...firstPage, filters }),
    clearFilters: () => navigateTo({ ...state, ...firstPage, filters: {} }),
  };
}

