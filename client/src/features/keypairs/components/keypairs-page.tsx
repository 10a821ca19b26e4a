// The user's key pairs (they belong to the user, not to the project): all of them at once — Nova lists them in
// one call — sorted and paged here, with the create/import form, row menus and bulk delete.
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { exportTemplateLink } from '../../../lib/template-export';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import { bulkKeypairActions, identifyKeypair, keypairActions } from '../actions';
import type { PageReads } from '../../../lib/ui/api-reads';
import { keypairsPath, useKeypairs } from '../../../resources/keypairs/keypairs';
import type { Keypair } from '../../../resources/keypairs/types';
import { KeypairCreator } from '../../../resources/keypairs/components/keypair-creator';

const sortValues: Record<string, SortValue<Keypair>> = {
  name: (keypair) => keypair.name,
  type: (keypair) => keypair.type,
};
const initialSort = { id: 'name', desc: false };

const reads: PageReads = { commands: [['keypair', 'list']], requests: [keypairsPath] };

// The selected rows handed to the template export page.
const exportLinks = [exportTemplateLink<Keypair>('keypair', (keypair) => keypair.name)];

export function KeypairsPage() {
  const { t } = useTranslation();
  const keypairs = useKeypairs();
  const actions = useResourceActions({ actions: keypairActions, identify: identifyKeypair });
  const table = useClientPages(keypairs.data, { sortValues, initialSort, tieBreak: sortValues.name! });

  const columns = useMemo<ColumnDef<Keypair>[]>(
    () => [
      nameLinkColumn({ header: t('keypairs.columns.name'), href: (keypair) => `/keypairs/${encodeURIComponent(keypair.name)}`, text: (keypair) => keypair.name, testId: 'keypair-name' }),
      {
        id: 'type',
        header: t('keypairs.columns.type'),
        enableSorting: true,
        cell: ({ row }) => <span data-testid="keypair-type">{t(`resources.keypairs.type.${row.original.type}`)}</span>,
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
      rowActionsColumn({
        header: t('keypairs.columns.actions'),
        label: (keypair) => t('keypairs.list.rowActions', { name: keypair.name }),
        items: (keypair) => actions.menuItems(keypair),
      }),
    ],
    [t, actions],
  );

  return (
    <ResourceListPage
      title={t('keypairs.list.title')}
      subtitle={t('keypairs.list.subtitle')}
      query={keypairs}
      reads={reads}
      toolbar={<KeypairCreator onCreated={() => undefined} />}
      rowActions={actions}
      bulkActions={bulkKeypairActions}
      selectionLinks={exportLinks}
      table={{
        testId: 'keypairs-table',
        label: t('keypairs.list.table'),
        columns,
        rows: table.rows,
        selectable: table.sorted,
        rowId: (keypair) => keypair.name,
        rowName: (keypair) => keypair.name,
        sorting: table.sorting,
        onSortingChange: table.onSortingChange,
        pagination: table.pagination,
      }}
      empty={{ loading: t('keypairs.list.loading'), title: t('keypairs.list.empty'), hint: t('keypairs.list.emptyHint') }}
    />
  );
}
