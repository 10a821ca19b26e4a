// A server-paged list driven by its URL: the state read from the query string, and the table's sort, filter and
// page controls writing it back (each change of sort, filters or size starts again from the first page).
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type ListUrlCodec, type ListUrlState, type PageWindow } from '../api/page-window';

const firstPage = { marker: undefined, before: undefined };

export function useUrlList<Sort extends string, Filter extends string>(codec: ListUrlCodec<Sort, Filter>) {
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => codec.parse(search), [codec, search]);
  const navigateTo = useCallback((next: ListUrlState<Sort, Filter>) => setSearch(codec.serialize(next)), [codec, setSearch]);

  const sorting: SortingState = [{ id: state.sort, desc: state.direction === 'desc' }];
  const onSortingChange = (next: SortingState) => {
    const first = next[0];
    if (!first || !codec.isSortColumn(first.id)) return;
    navigateTo({ ...state, ...firstPage, sort: first.id, direction: first.desc ? 'desc' : 'asc' });
  };

  /** The table's page controls for the page shown; `idOf` gives the marker of a row. */
  const pagination = <Row>(shown: PageWindow<Row>, idOf: (row: Row) => string) => ({
    hasPrevious: shown.hasPrevious,
    hasNext: shown.hasNext,
    onPrevious: () => navigateTo({ ...state, marker: undefined, before: shown.rows[0] && idOf(shown.rows[0]) }),
    onNext: () => navigateTo({ ...state, before: undefined, marker: shown.rows.at(-1) && idOf(shown.rows.at(-1)!) }),
    pageSize: state.limit,
    pageSizes: codec.pageSizes,
    onPageSizeChange: (limit: number) => navigateTo({ ...state, ...firstPage, limit }),
  });

  /** The table's rows, row ids, sort and page controls for the page shown. */
  const table = <Row>(shown: PageWindow<Row>, rowId: (row: Row) => string) => ({
    rows: shown.rows,
    rowId,
    sorting,
    onSortingChange,
    pagination: pagination(shown, rowId),
  });

  return {
    state,
    table,
    filtered: Object.keys(state.filters).length > 0,
    applyFilters: (filters: ListUrlState<Sort, Filter>['filters']) => navigateTo({ ...state, ...firstPage, filters }),
    clearFilters: () => navigateTo({ ...state, ...firstPage, filters: {} }),
  };
}
