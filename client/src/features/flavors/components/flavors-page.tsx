// Every flavor the project may use (an admin sees all), with its sizes and extra specs, and the create form for
// those the cloud lets manage flavors. Nova lists them in one call; sorted and paged here.
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { nameLinkColumn } from '../../../lib/ui/columns';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import type { PageReads } from '../../../lib/ui/api-reads';
import { flavorsPath, useFlavorManagement, useFlavors } from '../../../resources/flavors/flavors';
import type { Flavor } from '../../../resources/flavors/types';
import { FlavorCreator } from './flavor-creator';
import { ExtraSpecs, useFlavorSizes } from './flavor-sizes';

const sortValues: Record<string, SortValue<Flavor>> = {
  name: (flavor) => flavor.name,
  vcpus: (flavor) => flavor.vcpus,
  ram: (flavor) => flavor.ram,
  disk: (flavor) => flavor.disk,
};
const initialSort = { id: 'vcpus', desc: false };

// `--all` is Nova's is_public=None: the public flavors and the private ones the project may use (all, for an admin).
const reads: PageReads = {
  commands: [['flavor', 'list', '--all', '--long']],
  requests: [`${flavorsPath}/detail`, '/api/os/compute/os-hypervisors'],
};

export function FlavorsPage() {
  const { t } = useTranslation();
  const flavors = useFlavors();
  const manageable = useFlavorManagement();
  const sizes = useFlavorSizes();
  const table = useClientPages(flavors.data, { sortValues, initialSort, tieBreak: sortValues.name! });

  const columns = useMemo<ColumnDef<Flavor>[]>(
    () => [
      nameLinkColumn({ header: t('flavors.columns.name'), href: (flavor) => `/flavors/${encodeURIComponent(flavor.id)}`, text: (flavor) => flavor.name, testId: 'flavor-name' }),
      { id: 'vcpus', header: t('flavors.columns.vcpus'), enableSorting: true, cell: ({ row }) => row.original.vcpus },
      { id: 'ram', header: t('flavors.columns.ram'), enableSorting: true, cell: ({ row }) => sizes.ram(row.original) },
      { id: 'disk', header: t('flavors.columns.disk'), enableSorting: true, cell: ({ row }) => <span data-testid="flavor-disk">{sizes.disk(row.original)}</span> },
      { id: 'ephemeral', header: t('flavors.columns.ephemeral'), enableSorting: false, cell: ({ row }) => sizes.ephemeral(row.original) },
      { id: 'swap', header: t('flavors.columns.swap'), enableSorting: false, cell: ({ row }) => sizes.swap(row.original) },
      { id: 'rxtx', header: t('flavors.columns.rxtx'), enableSorting: false, cell: ({ row }) => row.original.rxtx_factor ?? '—' },
      {
        id: 'public',
        header: t('flavors.columns.public'),
        enableSorting: false,
        cell: ({ row }) => <span data-testid="flavor-public">{t(row.original['os-flavor-access:is_public'] ? 'flavors.public' : 'flavors.private')}</span>,
      },
      { id: 'extraSpecs', header: t('flavors.columns.extraSpecs'), enableSorting: false, cell: ({ row }) => <ExtraSpecs specs={row.original.extra_specs} /> },
    ],
    [t, sizes],
  );

  return (
    <ResourceListPage
      title={t('flavors.list.title')}
      subtitle={t('flavors.list.subtitle')}
      query={flavors}
      reads={reads}
      headerActions={manageable.data === true && <FlavorCreator />}
      table={{
        testId: 'flavors-table',
        label: t('flavors.list.title'),
        columns,
        rows: table.rows,
        rowId: (flavor) => flavor.id,
        rowName: (flavor) => flavor.name,
        sorting: table.sorting,
        onSortingChange: table.onSortingChange,
        pagination: table.pagination,
      }}
      empty={{ loading: t('flavors.list.loading'), title: t('flavors.list.empty') }}
    />
  );
}
