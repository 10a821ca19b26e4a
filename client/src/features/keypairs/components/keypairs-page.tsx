// The user's key pairs (they belong to the user, not to the project): all of them at once — Nova lists them in
// one call — sorted and paged here, with the create/import form, row menus and bulk delete.
import type { ColumnDef, RowSelectionState, SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { Button } from '../../../lib/ui/button';
import { DataTable } from '../../../lib/ui/data-table';
import { EmptyState } from '../../../lib/ui/empty-state';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { RefreshIcon } from '../../../lib/ui/icons';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Menu } from '../../../lib/ui/menu';
import { Spinner } from '../../../lib/ui/spinner';
import { bulkKeypairActions } from '../actions';
import { useKeypairs } from '../api/keypairs';
import type { Keypair } from '../types';
import { KeypairCreator } from './keypair-creator';
import { useKeypairActions } from './use-keypair-actions';

const pageSizes = [20, 50, 100] as const;

export function KeypairsPage() {
  const { t } = useTranslation();
  const keypairs = useKeypairs();
  const actions = useKeypairActions();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [pageSize, setPageSize] = useState<number>(pageSizes[0]);
  const [pageIndex, setPageIndex] = useState(0);

  const sorted = useMemo(() => {
    const { id = 'name', desc = false } = sorting[0] ?? {};
    const key = (keypair: Keypair) => (id === 'type' ? keypair.type : keypair.name);
    const list = [...(keypairs.data ?? [])].sort((a, b) => key(a).localeCompare(key(b)) || a.name.localeCompare(b.name));
    return desc ? list.reverse() : list;
  }, [keypairs.data, sorting]);
  const lastPage = Math.max(0, Math.ceil(sorted.length / pageSize) - 1);
  const page = Math.min(pageIndex, lastPage);
  const rows = sorted.slice(page * pageSize, (page + 1) * pageSize);
  const selected = sorted.filter((keypair) => selection[keypair.name]);

  const columns = useMemo<ColumnDef<Keypair>[]>(
    () => [
      {
        id: 'name',
        header: t('keypairs.columns.name'),
        enableSorting: true,
        cell: ({ row }) => (
          <Link to={`/keypairs/${encodeURIComponent(row.original.name)}`} className="font-medium text-brand hover:underline" data-testid="keypair-name">
            {row.original.name}
          </Link>
        ),
      },
      {
        id: 'type',
        header: t('keypairs.columns.type'),
        enableSorting: true,
        cell: ({ row }) => <span data-testid="keypair-type">{t(`keypairs.type.${row.original.type}`)}</span>,
      },
      {
        id: 'fingerprint',
        header: t('keypairs.columns.fingerprint'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="font-mono text-xs break-all" data-testid="keypair-fingerprint">
            {row.original.fingerprint}
          </span>
        ),
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('keypairs.columns.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <div className="text-right">
            <Menu label={t('keypairs.list.rowActions', { name: row.original.name })} items={actions.menuItems(row.original)} testId="row-actions" />
          </div>
        ),
      },
    ],
    [t, actions],
  );

  const placeholder = keypairs.error ? (
    <ErrorNotice error={keypairs.error} onRetry={() => void keypairs.refetch()} className="my-2" />
  ) : keypairs.isPending ? (
    <LoadingState label={t('keypairs.list.loading')} />
  ) : rows.length === 0 ? (
    <EmptyState title={t('keypairs.list.empty')} className="my-2 border-0">
      {t('keypairs.list.emptyHint')}
    </EmptyState>
  ) : undefined;

  return (
    <div className="px-6 py-6">
      <div className="mb-4 flex items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold text-fg">{t('keypairs.list.title')}</h1>
          <p className="mt-1 text-sm text-fg-muted">{t('keypairs.list.subtitle')}</p>
        </div>
        <Button onClick={() => void keypairs.refetch()} disabled={keypairs.isFetching} data-testid="refresh-list">
          {keypairs.isFetching ? <Spinner /> : <RefreshIcon />}
          {t('keypairs.list.refresh')}
        </Button>
      </div>

      <div className="mb-4">
        <KeypairCreator onCreated={() => undefined} />
      </div>

      {selected.length > 0 && (
        <div className="mb-3 flex items-center gap-2 rounded-md border border-line bg-brand-soft px-3 py-2 text-sm" role="region" aria-label={t('keypairs.list.bulkActions')} data-testid="bulk-bar">
          <span className="mr-2 font-medium text-fg">{t('keypairs.list.selected', { count: selected.length })}</span>
          {bulkKeypairActions.map((action) => (
            <Button
              key={action.id}
              onClick={() => {
                actions.trigger(action, selected);
                setSelection({});
              }}
              data-testid={`bulk-${action.id}`}
            >
              {t(action.label)}
            </Button>
          ))}
        </div>
      )}

      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      <div className={actions.failures.length > 0 ? 'mt-3' : undefined}>
        <DataTable
          testId="keypairs-table"
          columns={columns}
          rows={rows}
          rowId={(keypair) => keypair.name}
          rowName={(keypair) => keypair.name}
          sorting={sorting}
          onSortingChange={setSorting}
          selection={selection}
          onSelectionChange={setSelection}
          placeholder={placeholder}
          labels={{
            table: t('keypairs.list.table'),
            selectAll: t('keypairs.list.selectAll'),
            selectRow: (name) => t('keypairs.list.selectRow', { name }),
            previousPage: t('keypairs.list.previous'),
            nextPage: t('keypairs.list.next'),
            pageSize: t('keypairs.list.pageSize'),
            sortAscending: t('keypairs.list.sortAscending'),
            sortDescending: t('keypairs.list.sortDescending'),
          }}
          pagination={{
            hasPrevious: page > 0,
            hasNext: page < lastPage,
            onPrevious: () => setPageIndex(page - 1),
            onNext: () => setPageIndex(page + 1),
            pageSize,
            pageSizes,
            onPageSizeChange: (size) => {
              setPageSize(size);
              setPageIndex(0);
            },
          }}
        />
      </div>
      {actions.dialogElement}
    </div>
  );
}
