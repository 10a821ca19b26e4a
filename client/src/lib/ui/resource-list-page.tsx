// The frame of a resource list page: its header (title, Refresh, the page's create buttons, "API"), a toolbar (filters,
// views, an inline form), the bulk bar over the selected rows, the failures of the actions run from the page, the
// table with its sort and paging, and the dialogs the page opens. Each page gives its columns and its words.
import type { RowSelectionState } from '@tanstack/react-table';
import { Fragment, useState, type ReactNode } from 'react';
import { ActionFailures } from '../actions/action-failures';
import type { AnyActionDeclaration } from '../actions/types';
import type { ActionFailure } from '../actions/use-action-runner';
import { BulkBar, type SelectionLink, type SelectionRefusal } from './bulk-bar';
import { DataTable, type DataTableProps } from './data-table';
import type { PageReads } from './api-reads';
import { listPlaceholder, type ListQueryState } from './list-placeholder';
import { PageHeader, RefreshButton } from './page-header';

/** What the page shows of an action runner: the failures of its attempts and its open dialog. */
export interface ActionOutlet {
  failures: readonly ActionFailure[];
  dismissFailure: (key: string) => void;
  dialogElement: ReactNode;
}

/** The row actions: an outlet that can also run an action on the selected rows, and say what the cloud refused there. */
export interface RowActions<Row> extends ActionOutlet {
  trigger: (action: AnyActionDeclaration<Row>, rows: Row[]) => void;
  selectionRefusal: (action: AnyActionDeclaration<Row>, rows: readonly Row[]) => SelectionRefusal | null;
}

export interface ListEmptyState {
  loading: string;
  title: string;
  hint?: ReactNode;
  /** Set while filters narrow the list: what to say when nothing matches, and the way back. */
  filtered?: { noMatch: string; clear?: { label: string; onClear: () => void } };
}

export interface ResourceListPageProps<Row> {
  title: string;
  subtitle?: string;
  /** The list's query: Refresh reads it again, the table shows its loading and error states. */
  query: ListQueryState & { isFetching: boolean };
  /** What the page reads (the "API" button): the `openstack ... list` command and the calls that belong to it. */
  reads: PageReads;
  /** The page's own buttons, after Refresh (create, upload...). */
  headerActions?: ReactNode;
  /** Between the header and the table: filters, a view switch, an inline form. */
  toolbar?: ReactNode;
  rowActions?: RowActions<Row>;
  /** The actions offered on several rows at once; rows are selectable only when there are some. */
  bulkActions?: readonly AnyActionDeclaration<Row>[];
  /** Pages the selected rows can be handed to (links in the bulk bar); rows are selectable when there are some. */
  selectionLinks?: readonly SelectionLink<Row>[];
  /** The page's other runners (an action on the project, such as create): their failures and dialogs. */
  otherActions?: readonly ActionOutlet[];
  /** Shown under the failures (what explains them). */
  notices?: ReactNode;
  table: Omit<DataTableProps<Row>, 'selection' | 'onSelectionChange' | 'placeholder'> & {
    /** Where the selected rows are looked up (every row of a list paged here); defaults to the rows shown. */
    selectable?: readonly Row[];
  };
  empty: ListEmptyState;
  /** Dialogs the page opens itself. */
  dialogs?: ReactNode;
  /** Rendered first: parts without a view of their own (pollers). */
  children?: ReactNode;
}

function emptyHint({ hint, filtered }: ListEmptyState): ReactNode {
  if (!filtered) return hint;
  const clear = filtered.clear;
  return (
    clear && (
      <button type="button" className="text-brand underline" onClick={clear.onClear}>
        {clear.label}
      </button>
    )
  );
}

export function ResourceListPage<Row>({
  title,
  subtitle,
  query,
  reads,
  headerActions,
  toolbar,
  rowActions,
  bulkActions = [],
  selectionLinks = [],
  otherActions = [],
  notices,
  table,
  empty,
  dialogs,
  children,
}: ResourceListPageProps<Row>) {
  const [selection, setSelection] = useState<RowSelectionState>({});
  const { selectable = table.rows, ...tableProps } = table;
  const selected = selectable.filter((row) => selection[table.rowId(row)]);
  const outlets = rowActions ? [...otherActions, rowActions] : otherActions;
  const bulkRunner = rowActions && bulkActions.length > 0 ? rowActions : undefined;
  const selecting = bulkRunner !== undefined || selectionLinks.length > 0;

  return (
    <div className="px-6 py-6">
      {children}
      <PageHeader
        title={title}
        subtitle={subtitle}
        reads={reads}
        actions={
          <>
            <RefreshButton query={query} />
            {headerActions}
          </>
        }
      />
      {toolbar && <div className="mb-4 space-y-3">{toolbar}</div>}
      {selecting && (
        <BulkBar
          count={selected.length}
          actions={bulkRunner ? bulkActions : []}
          onAction={(action) => {
            // The dialog keeps the rows it acts on: the selection is done with.
            bulkRunner?.trigger(action, selected);
            setSelection({});
          }}
          refusal={(action) => bulkRunner?.selectionRefusal(action, selected) ?? null}
          links={selectionLinks}
          selected={selected}
        />
      )}
      <div className="space-y-3">
        <ActionFailures
          failures={outlets.flatMap((outlet) => outlet.failures)}
          onDismiss={(key) => outlets.forEach((outlet) => outlet.dismissFailure(key))}
        />
        {notices}
        <DataTable
          {...tableProps}
          selection={selecting ? selection : undefined}
          onSelectionChange={selecting ? setSelection : undefined}
          placeholder={listPlaceholder({
            query,
            empty: table.rows.length === 0,
            loading: empty.loading,
            emptyTitle: empty.filtered?.noMatch ?? empty.title,
            emptyHint: emptyHint(empty),
          })}
        />
      </div>
      {outlets.map((outlet, index) => (
        <Fragment key={index}>{outlet.dialogElement}</Fragment>
      ))}
      {dialogs}
    </div>
  );
}
