// The two columns most resource tables have: the resource's name linking to its page, and its row menu.
import type { ColumnDef } from '@tanstack/react-table';
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
    cell: ({ row }) => (
      <div className="text-right">
        <Menu label={label(row.original)} items={() => items(row.original)} testId="row-actions" />
      </div>
    ),
  };
}
