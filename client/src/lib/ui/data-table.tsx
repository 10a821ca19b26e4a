// A table of one server-side page: the API sorts and pages (marker/limit), the table only shows the page, lets
// the user pick the sort and select rows for bulk actions. Built on @tanstack/react-table in manual mode.
//
// A page holds up to 1000 rows. Beyond `virtualizeAbove` rows the body is virtualized (@tanstack/react-virtual):
// only the rows in view, plus `overscan` on each side, are in the DOM, in a scroll box of its own under a sticky
// header; spacer rows stand for the others, so the table stays a real <table> (aria-rowcount on it, aria-rowindex on
// each row, as the ARIA table pattern asks when rows are missing from the DOM). Row heights are measured as rows
// mount (an IP list makes a row taller); the column widths are those of the first rows laid out, then fixed, so
// they do not change while scrolling. Selection is by row id over every row of the page, rendered or not: "select
// all" and the bulk bar cover all of them. Keyboard: Tab walks the controls row by row (the next rows are always in
// the overscan, and the row holding the focus stays rendered); ArrowUp/ArrowDown, PageUp/PageDown and
// Ctrl+Home/Ctrl+End move to the same column of another row, scrolling it into view.
//
// Caveats of the virtualized body, by design: the browser's find-in-page sees only the rendered rows (the list's
// filters search the whole collection), and printing renders every row only because the table listens to
// `beforeprint` and drops the virtualization until `afterprint`. Pages of 100 rows or fewer are plain DOM.
//
// Over the table: the "Columns" menu (which columns show, in what order, kept per user and list: column-preferences)
// and the CSV export of every row of the list (table-export). The row menu column can be neither hidden nor moved;
// the selection column is not one of the table's columns at all.
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Row as TableRow,
  type VisibilityState,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import clsx from 'clsx';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { useColumnChoice, type ColumnSlot } from './column-preferences';
import { columnIdOf, columnLabelOf } from './columns';
import { ColumnsMenu } from './columns-menu';
import { ChevronDownIcon } from './icons';
import { TableExport, type ExportColumns, type ReadAllRows } from './table-export';

/** Up to this many rows the body is plain DOM; above, it is virtualized. */
export const virtualizeAbove = 100;
/** Rows rendered beyond each edge of the view: Tab and the arrows always find the next row there. */
const overscan = 10;
/** A one-line row (py-2, 20 px line, border) until it is measured. */
const estimatedRowHeight = 41;
// A collapsed border would scroll away under a sticky header: the header's bottom line is drawn as a shadow.
const headCell = 'px-3 py-2 shadow-[inset_0_-1px_0_var(--color-line)]';

export interface TablePagination<Row> {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  pageSize: number;
  pageSizes: readonly number[];
  onPageSizeChange: (size: number) => void;
  /** "Rows 1–20" or similar, already translated. */
  summary?: ReactNode;
  /** Every row of every page, in the list's order, for the export; without it the export has the rows shown. */
  readAll?: ReadAllRows<Row>;
}

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
  pagination: TablePagination<Row>;
  /** Shown instead of the rows (loading, empty, error). */
  placeholder?: ReactNode;
  testId?: string;
  /** Names the list in the stored column choice and the export's file name; by default the test id less `-table`. */
  listId?: string;
  /** False where the page offers its own download of the same rows (the usage report). */
  exportable?: boolean;
  /** The columns with their looked-up names read over the exported rows: see lib/ui/table-export. */
  exportColumns?: ExportColumns<Row>;
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

/**
 * The row a key moves to from row `from` of `count` (`page`: rows per screen), or undefined when the key is not a
 * row move or the row would not change.
 */
export function rowMove(key: string, ctrl: boolean, from: number, count: number, page: number): number | undefined {
  const last = count - 1;
  const moves: Record<string, number | undefined> = {
    ArrowDown: from + 1,
    ArrowUp: from - 1,
    PageDown: from + page,
    PageUp: from - page,
    Home: ctrl ? 0 : undefined,
    End: ctrl ? last : undefined,
  };
  const to = moves[key];
  if (to === undefined) return undefined;
  const clamped = Math.min(Math.max(to, 0), last);
  return clamped === from ? undefined : clamped;
}

const focusable = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Focuses the control in column `cell` of a row, or the row's first control when that cell has none. */
function focusInRow(row: HTMLTableRowElement, cell: number): boolean {
  const target = row.cells[cell]?.querySelector<HTMLElement>(focusable) ?? row.querySelector<HTMLElement>(focusable);
  target?.focus();
  return target !== null;
}

const estimateSize = () => estimatedRowHeight;

/** Printing wants every row: true between the browser's `beforeprint` and `afterprint`. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // Synchronously, so the rows are in the DOM before the browser lays out the printed page.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

interface BodyRowProps<Row> {
  row: TableRow<Row>;
  index: number;
  name: string;
  selected: boolean;
  selectable: boolean;
  /** The cells are rendered from these: new columns (new data in a cell, another language) render the row again. */
  columns: ColumnDef<Row>[];
  /** The visible columns' ids in order: a column hidden or moved renders the row again. */
  layout: string;
  virtual: boolean;
  fixedWidths: boolean;
  measure?: (element: HTMLTableRowElement | null) => void;
}

/**
 * One row, rendered again only when what it shows changes: a scroll re-renders the table for the rows coming into
 * view, not the ones already there (a row's cells, menus and dates cost more than a frame allows, times forty).
 */
const BodyRow = memo(function BodyRow<Row>({ row, index, name, selected, selectable, virtual, fixedWidths, measure }: BodyRowProps<Row>) {
  const { t } = useTranslation();
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={virtual ? index + 2 : undefined}
      data-testid="table-row"
      data-row-id={row.id}
      className={clsx('border-b border-line last:border-b-0', selected && 'bg-brand-soft/60')}
    >
      {selectable && (
        <td className="px-3 py-2">
          <input
            type="checkbox"
            aria-label={t('table.selectRow', { name })}
            checked={selected}
            onChange={row.getToggleSelectedHandler()}
            className="size-4 accent-brand"
          />
        </td>
      )}
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={clsx('px-3 py-2 align-middle', fixedWidths && 'break-words')}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}) as <Row>(props: BodyRowProps<Row>) => ReactNode;

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
  listId = testId.replace(/-table$/, ''),
  exportable = true,
  exportColumns,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const selectable = selection !== undefined && onSelectionChange !== undefined;
  const slots: ColumnSlot[] = columns.map((column) => ({ id: columnIdOf(column), movable: column.enableHiding !== false }));
  const choice = useColumnChoice(listId, slots);
  const columnVisibility: VisibilityState = Object.fromEntries(choice.hidden.map((id) => [id, false]));
  // The table instance is rebuilt from props on every render (a page is small): nothing to memoize.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<Row>({
    data: rows as Row[],
    columns,
    getRowId: rowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    state: { sorting, rowSelection: selection ?? {}, columnOrder: choice.order, columnVisibility },
    enableRowSelection: selectable,
    onRowSelectionChange: (updater) => {
      if (!onSelectionChange) return;
      const current = selection ?? {};
      onSelectionChange(typeof updater === 'function' ? updater(current) : updater);
    },
  });
  const tableRows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();
  const layout = visibleColumns.map((column) => column.id).join();
  const columnCount = visibleColumns.length + (selectable ? 1 : 0);
  const printing = usePrinting();
  const virtual = !placeholder && !printing && tableRows.length > virtualizeAbove;

  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(37);
  // The row holding the focus stays rendered when scrolled away, so the focus is not lost with it.
  const focused = useRef<number | undefined>(undefined);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const index = focused.current;
    if (index === undefined || index >= range.count || indexes.includes(index)) return indexes;
    return [...indexes, index].sort((a, b) => a - b);
  }, []);
  // Stable functions: a new one would make the virtualizer recompute every row's position on each scroll.
  const getItemKey = useCallback((index: number) => tableRows[index]?.id ?? index, [tableRows]);
  const virtualizer = useVirtualizer({
    enabled: virtual,
    count: tableRows.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    overscan,
    rangeExtractor,
    // The body starts under the header; a row scrolled to must not hide under the sticky header either.
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    // Before the scroll box is measured: a window's height of rows, so the first paint is not empty.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight },
  });

  // The column widths of the first rows laid out, kept while the same columns show the same page (first row).
  const layoutKey = `${layout}|${selectable}|${tableRows[0]?.id ?? ''}`;
  const [lockedWidths, setLockedWidths] = useState<{ key: string; widths: number[] } | null>(null);
  const widths = virtual && lockedWidths?.key === layoutKey ? lockedWidths.widths : undefined;
  useLayoutEffect(() => {
    if (!virtual) return;
    if (head.current) setHeadHeight(head.current.offsetHeight);
    if (lockedWidths?.key === layoutKey || !head.current) return;
    const cells = [...head.current.querySelectorAll('th')];
    setLockedWidths({ key: layoutKey, widths: cells.map((cell) => cell.offsetWidth) });
  }, [virtual, layoutKey, lockedWidths]);

  // A move to a row not rendered yet: scrolled to first, focused once rendered.
  const pendingFocus = useRef<{ index: number; cell: number } | null>(null);
  const rowElement = (index: number) => body.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${index}"]`) ?? null;
  const virtualItems = virtualizer.getVirtualItems();
  useEffect(() => {
    const pending = pendingFocus.current;
    const row = pending && rowElement(pending.index);
    if (pending && row) {
      pendingFocus.current = null;
      focusInRow(row, pending.cell);
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.defaultPrevented || event.altKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    // Menus and text fields keep their own keys.
    if (target.closest('[role="menu"]') || target.matches('select, textarea, input:not([type="checkbox"])')) return;
    const row = target.closest<HTMLTableRowElement>('tr[data-index]');
    const cell = target.closest('td');
    if (!row || !cell) return;
    const visibleRows = Math.max(1, Math.floor((scroller.current?.clientHeight || window.innerHeight) / estimatedRowHeight) - 1);
    const to = rowMove(event.key, event.ctrlKey, Number(row.dataset.index), tableRows.length, visibleRows);
    if (to === undefined) return;
    event.preventDefault();
    const rendered = rowElement(to);
    if (rendered) focusInRow(rendered, cell.cellIndex);
    else if (virtual) {
      pendingFocus.current = { index: to, cell: cell.cellIndex };
      virtualizer.scrollToIndex(to, { align: 'auto' });
    }
  };

  const renderRow = (row: TableRow<Row>, index: number) => (
    <BodyRow
      key={row.id}
      row={row}
      index={index}
      name={rowName(row.original)}
      selected={row.getIsSelected()}
      selectable={selectable}
      columns={columns}
      layout={layout}
      virtual={virtual}
      fixedWidths={widths !== undefined}
      measure={virtual ? virtualizer.measureElement : undefined}
    />
  );

  const spacer = (key: string, height: number) =>
    height > 0 && (
      <tr key={key} aria-hidden="true">
        <td colSpan={columnCount} style={{ height, padding: 0, border: 0 }} />
      </tr>
    );

  /** The rendered rows, with a spacer for each run of rows that is not (above, between, below). */
  const virtualBody = () => {
    const parts: ReactNode[] = [];
    let end = headHeight;
    for (const item of virtualItems) {
      const row = tableRows[item.index];
      if (!row) continue;
      parts.push(spacer(`gap-${item.index}`, item.start - end));
      parts.push(renderRow(row, item.index));
      end = item.end;
    }
    parts.push(spacer('gap-end', virtualizer.getTotalSize() - end));
    return parts;
  };

  const byId = new Map(columns.map((column) => [columnIdOf(column), column]));
  const choosable = choice.order
    .filter((id) => byId.get(id)?.enableHiding !== false)
    .map((id) => ({ id, label: columnLabelOf(byId.get(id)!), visible: !choice.hidden.includes(id) }));

  return (
    <div className="rounded-lg border border-line bg-surface" data-testid={testId}>
      <div className="flex flex-wrap items-center justify-end gap-2 border-b border-line px-3 py-2" data-testid="table-toolbar">
        {exportable && (
          <TableExport
            listId={listId}
            columns={visibleColumns.map((column) => column.columnDef)}
            rows={rows}
            readAll={pagination.readAll}
            exportColumns={exportColumns}
          />
        )}
        <ColumnsMenu columns={choosable} onVisibleChange={choice.setVisible} onMove={choice.move} onReset={choice.reset} />
      </div>
      <div
        ref={scroller}
        className={clsx(
          'overflow-x-auto',
          // Its own scroll box, about a screen high, so the header can stick and the page controls stay in reach.
          virtual && 'max-h-[calc(100dvh-18rem)] min-h-96 overflow-y-auto print:max-h-none print:overflow-visible',
        )}
        style={virtual ? { scrollPaddingTop: headHeight } : undefined}
        data-testid="table-scroller"
        data-virtual={virtual || undefined}
      >
        <table
          className={clsx('w-full border-collapse text-sm', widths && 'table-fixed')}
          aria-label={label}
          aria-rowcount={virtual ? tableRows.length + 1 : undefined}
        >
          {widths && (
            <colgroup>
              {widths.map((width, index) => (
                <col key={index} style={{ width }} />
              ))}
            </colgroup>
          )}
          <thead ref={head} className={clsx(virtual && 'sticky top-0 z-10 bg-surface')}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={virtual ? 1 : undefined} className="bg-sunken/60 text-left text-xs font-medium text-fg-muted">
                {selectable && (
                  <th scope="col" className={clsx(headCell, 'w-10')}>
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
                      className={clsx(headCell, 'whitespace-nowrap')}
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
          <tbody
            ref={body}
            onKeyDown={onKeyDown}
            onFocus={(event) => {
              const index = event.target.closest<HTMLElement>('tr[data-index]')?.dataset.index;
              focused.current = index === undefined ? undefined : Number(index);
            }}
            onBlur={(event) => {
              if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) focused.current = undefined;
            }}
          >
            {placeholder ? (
              <tr>
                <td colSpan={columnCount} className="px-3 py-2">
                  {placeholder}
                </td>
              </tr>
            ) : virtual ? (
              virtualBody()
            ) : (
              tableRows.map(renderRow)
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
