// A table of one server-side page: the API sorts and pages (marker/limit), the table only shows the page, lets
// the user pick the sort and select rows for bulk actions. Built on @tanstack/react-table in manual mode.
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import clsx from 'clsx';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { ChevronDownIcon } from './icons';

export interface DataTableProps<Row> {
  columns: ColumnDef<Row>[];
  rows: readonly Row[];
  rowId: (row: Row) => string;
  rowName: (row: Row) => string;
  /** Accessible name of the table; the controls' own labels come from the shell catalog (`table.*`). */
  label: string;
  /** At most one sort key: the API sorts. */
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  selection?: RowSelectionState;
  onSelectionChange?: (selection: RowSelectionState) => void;
  pagination: {
    hasPrevious: boolean;
    hasNext: boolean;
    onPrevious: () => void;
    onNext: () => void;
    pageSize: number;
    pageSizes: readonly number[];
    onPageSizeChange: (size: number) => void;
    /** "Rows 1–20" or similar, already translated. */
    summary?: ReactNode;
  };
  /** Shown instead of the rows (loading, empty, error). */
  placeholder?: ReactNode;
  testId?: string;
}

function SelectAllCheckbox({ checked, indeterminate, onChange, label }: { checked: boolean; indeterminate: boolean; onChange: (value: boolean) => void; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      checked={checked}
      onChange={(event) => onChange(event.target.checked)}
      className="size-4 accent-brand"
    />
  );
}

export function DataTable<Row>({
  columns,
  rows,
  rowId,
  rowName,
  label,
  sorting,
  onSortingChange,
  selection,
  onSelectionChange,
  pagination,
  placeholder,
  testId = 'data-table',
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const selectable = selection !== undefined && onSelectionChange !== undefined;
  // The table instance is rebuilt from props on every render (a page is small): nothing to memoize.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<Row>({
    data: rows as Row[],
    columns,
    getRowId: rowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    state: { sorting, rowSelection: selection ?? {} },
    enableRowSelection: selectable,
    onRowSelectionChange: (updater) => {
      if (!onSelectionChange) return;
      const current = selection ?? {};
      onSelectionChange(typeof updater === 'function' ? updater(current) : updater);
    },
  });

  const columnCount = columns.length + (selectable ? 1 : 0);
  return (
    <div className="rounded-lg border border-line bg-surface" data-testid={testId}>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" aria-label={label}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="border-b border-line bg-sunken/60 text-left text-xs font-medium text-fg-muted">
                {selectable && (
                  <th scope="col" className="w-10 px-3 py-2">
                    <SelectAllCheckbox
                      label={t('table.selectAll')}
                      checked={table.getIsAllRowsSelected()}
                      indeterminate={table.getIsSomeRowsSelected()}
                      onChange={(value) => table.toggleAllRowsSelected(value)}
                    />
                  </th>
                )}
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const content = flexRender(header.column.columnDef.header, header.getContext());
                  // react-table sorts only columns with an accessor; the API sorts here, so the column's own flag
                  // says whether it offers a sort: unsorted or descending → ascending, ascending → descending.
                  const sortable = header.column.columnDef.enableSorting === true;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className="px-3 py-2 whitespace-nowrap"
                    >
                      {sortable ? (
                        <button
                          type="button"
                          onClick={() => onSortingChange([{ id: header.column.id, desc: sorted === 'asc' }])}
                          className="inline-flex items-center gap-1 rounded hover:text-fg"
                          title={sorted === 'asc' ? t('table.sortDescending') : t('table.sortAscending')}
                        >
                          {content}
                          <ChevronDownIcon
                            className={clsx('size-3.5', !sorted && 'opacity-30', sorted === 'asc' && 'rotate-180')}
                          />
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {placeholder ? (
              <tr>
                <td colSpan={columnCount} className="px-3 py-2">
                  {placeholder}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  data-testid="table-row"
                  data-row-id={row.id}
                  className={clsx('border-b border-line last:border-b-0', row.getIsSelected() && 'bg-brand-soft/60')}
                >
                  {selectable && (
                    <td className="px-3 py-2">
                      <input
                        type="checkbox"
                        aria-label={t('table.selectRow', { name: rowName(row.original) })}
                        checked={row.getIsSelected()}
                        onChange={row.getToggleSelectedHandler()}
                        className="size-4 accent-brand"
                      />
                    </td>
                  )}
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2 align-middle">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-between gap-3 border-t border-line px-3 py-2 text-sm text-fg-muted">
        <label className="flex items-center gap-2">
          {t('table.pageSize')}
          <select
            value={pagination.pageSize}
            onChange={(event) => pagination.onPageSizeChange(Number(event.target.value))}
            className="rounded-md border border-line-strong bg-surface px-2 py-1 text-fg"
            data-testid="page-size"
          >
            {pagination.pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-center gap-2">
          {pagination.summary}
          <Button onClick={pagination.onPrevious} disabled={!pagination.hasPrevious} data-testid="previous-page">
            {t('table.previous')}
          </Button>
          <Button onClick={pagination.onNext} disabled={!pagination.hasNext} data-testid="next-page">
            {t('table.next')}
          </Button>
        </div>
      </div>
    </div>
  );
}
