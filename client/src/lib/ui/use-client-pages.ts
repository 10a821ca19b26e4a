// Sorting and paging in the browser, for the collections an API returns whole (key pairs, flavors, security
// group rules): the table's sort and page controls work as they do on server-paged lists.
import type { SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { pageSizes } from '../api/page-window';

export type SortValue<Row> = (row: Row) => string | number;

export interface ClientPagesOptions<Row> {
  /** Sort value per sortable column id. */
  sortValues: Record<string, SortValue<Row>>;
  initialSort: { id: string; desc: boolean };
  /** Breaks ties (e.g. by name) so the order is stable. */
  tieBreak: SortValue<Row>;
}

function compare(x: string | number, y: string | number): number {
  return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
}

export function sortRows<Row>(rows: readonly Row[], value: SortValue<Row>, desc: boolean, tieBreak: SortValue<Row>): Row[] {
  const sorted = [...rows].sort((a, b) => compare(value(a), value(b)) || compare(tieBreak(a), tieBreak(b)));
  return desc ? sorted.reverse() : sorted;
}

export function useClientPages<Row>(all: readonly Row[] | undefined, { sortValues, initialSort, tieBreak }: ClientPagesOptions<Row>) {
  const [sorting, setSorting] = useState<SortingState>([initialSort]);
  const [pageSize, setPageSize] = useState<number>(pageSizes[1]);
  const [pageIndex, setPageIndex] = useState(0);

  const sorted = useMemo(() => {
    const { id, desc } = sorting[0] ?? initialSort;
    return sortRows(all ?? [], sortValues[id] ?? tieBreak, desc, tieBreak);
  }, [all, sorting, sortValues, initialSort, tieBreak]);
  const lastPage = Math.max(0, Math.ceil(sorted.length / pageSize) - 1);
  // A deletion can leave the user past the last page.
  const page = Math.min(pageIndex, lastPage);

  return {
    sorted,
    rows: sorted.slice(page * pageSize, (page + 1) * pageSize),
    sorting,
    onSortingChange: setSorting,
    pagination: {
      hasPrevious: page > 0,
      hasNext: page < lastPage,
      onPrevious: () => setPageIndex(page - 1),
      onNext: () => setPageIndex(page + 1),
      pageSize,
      pageSizes,
      onPageSizeChange: (size: number) => {
        setPageSize(size);
        setPageIndex(0);
      },
      // Every page is already here.
      readAll: () => Promise.resolve(sorted),
    },
  };
}
