// The two columns most resource tables have: the resource's name linking to its page, and its row menu; and what
// the shared table reads of any column (its id, its name).
import type { CellContext, ColumnDef, RowData } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Menu, type MenuItem } from './menu';

/** The name column: sortable unless told, a link to the resource's page. */
export function nameLinkColumn<Row>({
  id = 'name',
  header,
  href,
  text,
  testId,
  sortable = true,
}: {
  id?: string;
  header: string;
  href: (row: Row) => string;
  text: (row: Row) => ReactNode;
  testId: string;
  sortable?: boolean;
}): ColumnDef<Row> {
  return {
    id,
    header,
    enableSorting: sortable,
    cell: ({ row }) => (
      <Link to={href(row.original)} className="font-medium text-brand hover:underline" data-testid={testId}>
        {text(row.original)}
      </Link>
    ),
  };
}

interface RowMenu<Row> {
  label: (row: Row) => string;
  items: (row: Row) => MenuItem[];
}

declare module '@tanstack/react-table' {
  // The row menu a row-actions column carries to its cell (TanStack's declared extension point for column data).
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration keeps the original's parameters
  interface ColumnMeta<TData extends RowData, TValue> {
    rowMenu?: RowMenu<TData>;
  }
}

/**
 * One component for every table's row menus, reading the menu from the column. Its identity never changes, so a page
 * remaking its columns (enrichment arriving: names, gateways) re-renders an open menu instead of remounting it:
 * a fresh cell function each time made React unmount the cell, and the menu the user had just opened closed.
 */
function RowActionsCell<Row>({ row, column }: CellContext<Row, unknown>) {
  const menu = column.columnDef.meta?.rowMenu;
  if (!menu) return null;
  return (
    <div className="text-right">
      <Menu label={menu.label(row.original)} items={() => menu.items(row.original)} testId="row-actions" />
    </div>
  );
}

/** The last column: each row's action menu (its items made when it opens); the header is for screen readers only. */
export function rowActionsColumn<Row>({
  header,
  label,
  items,
}: {
  header: string;
  /** The menu button's accessible name for this row ("Actions for web-1"). */
  label: (row: Row) => string;
  items: (row: Row) => MenuItem[];
}): ColumnDef<Row> {
  return {
    id: 'actions',
    header: () => <span className="sr-only">{header}</span>,
    enableSorting: false,
    // The way to act on a row: always there, always last (the Columns menu leaves it out; so does the export).
    enableHiding: false,
    meta: { rowMenu: { label, items } },
    cell: RowActionsCell,
  };
}

/** A column's id: its own, or its accessor key (react-table's rule). */
export function columnIdOf<Row>(column: ColumnDef<Row>): string {
  return column.id ?? ('accessorKey' in column ? String(column.accessorKey) : '');
}

/** A column's name for the Columns menu and the export's header row: its header when that is text, else its id. */
export function columnLabelOf<Row>(column: ColumnDef<Row>): string {
  return typeof column.header === 'string' ? column.header : columnIdOf(column);
}