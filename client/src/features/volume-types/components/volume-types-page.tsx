// The volume types the project can create volumes of (public ones and private ones shared with it), as Cinder lists
// them to a member: name, description, public or private. Cinder answers them whole: sorted and paged here.
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../../lib/scope';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import type { VolumeType } from '../../../resources/volume-types/types';
import type { PageReads } from '../../../lib/ui/api-reads';
import { useVolumeTypes, volumeTypesPath } from '../../../resources/volume-types/volume-types';
import { TypeVisibility } from './type-visibility';

const sortValues: Record<string, SortValue<VolumeType>> = { name: (type) => type.name };
const initialSort = { id: 'name', desc: false };

const reads: PageReads = { commands: [['volume', 'type', 'list', '--long']], requests: [volumeTypesPath] };

export function VolumeTypesPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const types = useVolumeTypes();
  const table = useClientPages(types.data, { sortValues, initialSort, tieBreak: sortValues.name! });

  const columns = useMemo<ColumnDef<VolumeType>[]>(
    () => [
      { id: 'name', header: t('volume-types.columns.name'), enableSorting: true, cell: ({ row }) => <span className="font-medium" data-testid="type-name">{row.original.name}</span> },
      { id: 'description', header: t('volume-types.columns.description'), enableSorting: false, cell: ({ row }) => row.original.description || <span className="text-fg-muted">—</span> },
      { id: 'visibility', header: t('volume-types.columns.visibility'), enableSorting: false, cell: ({ row }) => <TypeVisibility type={row.original} /> },
    ],
    [t],
  );

  return (
    <ResourceListPage
      title={t('volume-types.list.title')}
      subtitle={t('volume-types.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={types}
      reads={reads}
      table={{
        testId: 'volume-types-table',
        label: t('volume-types.list.title'),
        columns,
        rows: table.rows,
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
