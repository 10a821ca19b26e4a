// The user's key pairs (they belong to the user, not to the project): all of them at once — Nova lists them in
// one call — sorted and paged here, with the create/import form, row menus and bulk delete.
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { BulkBar } from '../../../lib/ui/bulk-bar';
import { DataTable } from '../../../lib/ui/data-table';
import { listPlaceholder } from '../../../lib/ui/list-placeholder';
import { Menu } from '../../../lib/ui/menu';
import { PageHeader, RefreshButton } from '../../../lib/ui/page-header';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import { bulkKeypairActions, identifyKeypair, keypairActions } from '../actions';
import { useKeypairs } from '../../../resources/keypairs/keypairs';
import type { Keypair } from '../../../resources/keypairs/types';
import { KeypairCreator } from '../../../resources/keypairs/components/keypair-creator';

const sortValues: Record<string, SortValue<Keypair>> = {
  name: (keypair) => keypair.name,
  type: (keypair) => keypair.type,
};
const initialSort = { id: 'name', desc: false };

export function KeypairsPage() {
  const { t } = useTranslation();
  const keypairs = useKeypairs();
  const actions = useResourceActions({ actions: keypairActions, identify: identifyKeypair });
  const [selection, setSelection] = useState<RowSelectionState>({});
  const table = useClientPages(keypairs.data, { sortValues, initialSort, tieBreak: sortValues.name! });
  const selected = table.sorted.filter((keypair) => selection[keypair.name]);

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

  const placeholder = listPlaceholder({
    query: keypairs,
    empty: table.rows.length === 0,
    loading: t('keypairs.list.loading'),
    emptyTitle: t('keypairs.list.empty'),
    emptyHint: t('keypairs.list.emptyHint'),
  });

  return (
    <div className="px-6 py-6">
      <PageHeader title={t('keypairs.list.title')} subtitle={t('keypairs.list.subtitle')} actions={<RefreshButton query={keypairs} />} />

      <div className="mb-4">
        <KeypairCreator onCreated={() => undefined} />
      </div>

      <BulkBar
        count={selected.length}
        actions={bulkKeypairActions}
        onAction={(action) => {
          actions.trigger(action, selected);
          setSelection({});
        }}
      />

      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      <div className={actions.failures.length > 0 ? 'mt-3' : undefined}>
        <DataTable
          testId="keypairs-table"
          columns={columns}
          rows={table.rows}
          rowId={(keypair) => keypair.name}
          rowName={(keypair) => keypair.name}
          sorting={table.sorting}
          onSortingChange={table.onSortingChange}
          selection={selection}
          onSelectionChange={setSelection}
          placeholder={placeholder}
          label={t('keypairs.list.table')}
          pagination={table.pagination}
        />
      </div>
      {actions.dialogElement}
    </div>
  );
}
