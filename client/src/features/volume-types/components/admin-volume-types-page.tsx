// Every volume type of the cloud, public and private (admins: Cinder lists the private ones to them only), with
// their extra specs, the create dialog, row menus and bulk delete. Reached from the admin section of the navigation.
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { identifyProject, projectTarget, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionButton } from '../../../lib/capabilities/action-button';
import { useScope } from '../../../lib/scope';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import type { VolumeType } from '../../../resources/volume-types/types';
import type { PageReads } from '../../../lib/ui/api-reads';
import { useAllVolumeTypes, volumeTypesPath } from '../../../resources/volume-types/volume-types';
import { bulkVolumeTypeActions, createVolumeType, identifyVolumeType, volumeTypeActions } from '../actions';
import { ExtraSpecList, TypeVisibility } from './type-visibility';

const sortValues: Record<string, SortValue<VolumeType>> = { name: (type) => type.name };
const initialSort = { id: 'name', desc: false };

// Cinder's is_public=None: public and private types (the CLI's default for an admin).
const reads: PageReads = { commands: [['volume', 'type', 'list', '--long']], requests: [{ path: volumeTypesPath, params: { is_public: 'None' } }] };

export function AdminVolumeTypesPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const types = useAllVolumeTypes();
  const table = useClientPages(types.data, { sortValues, initialSort, tieBreak: sortValues.name! });
  const actions = useResourceActions({ actions: volumeTypeActions, identify: identifyVolumeType });
  const creation = useResourceActions({ actions: [], identify: identifyProject });

  const columns = useMemo<ColumnDef<VolumeType>[]>(
    () => [
      nameLinkColumn({ header: t('volume-types.columns.name'), href: (type) => `/admin/volume-types/${type.id}`, text: (type) => type.name, testId: 'type-name' }),
      { id: 'description', header: t('volume-types.columns.description'), enableSorting: false, cell: ({ row }) => row.original.description || <span className="text-fg-muted">—</span> },
      { id: 'visibility', header: t('volume-types.columns.visibility'), enableSorting: false, cell: ({ row }) => <TypeVisibility type={row.original} /> },
      { id: 'extra_specs', header: t('volume-types.columns.extraSpecs'), enableSorting: false, cell: ({ row }) => <ExtraSpecList specs={row.original.extra_specs} /> },
      rowActionsColumn({
        header: t('volume-types.list.rowActionsColumn'),
        label: (type) => t('volume-types.list.rowActions', { name: type.name }),
        items: (type) => actions.menuItems(type),
      }),
    ],
    [t, actions],
  );

  return (
    <ResourceListPage
      title={t('volume-types.admin.title')}
      subtitle={t('volume-types.admin.subtitle', { region: scope.region })}
      query={types}
      reads={reads}
      headerActions={
        <ActionButton action={createVolumeType} variant="primary" onClick={() => creation.trigger(createVolumeType, [projectTarget(scope)])} data-testid="create-volume-type">
          {t('volume-types.actions.create.label')}
        </ActionButton>
      }
      rowActions={actions}
      bulkActions={bulkVolumeTypeActions}
      otherActions={[creation]}
      table={{
        testId: 'admin-volume-types-table',
        label: t('volume-types.admin.title'),
        columns,
        rows: table.rows,
        selectable: types.data ?? [],
        rowId: (type) => type.id,
        rowName: (type) => type.name,
        sorting: table.sorting,
        onSortingChange: table.onSortingChange,
        pagination: table.pagination,
      }}
      empty={{ loading: t('volume-types.list.loading'), title: t('volume-types.list.empty') }}
    />
  );
}
