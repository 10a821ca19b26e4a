// Every flavor the project may use (an admin sees all), with its sizes and extra specs. Nova lists them in one
// call; sorted and paged here.
import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../lib/ui/data-table';
import { EmptyState } from '../../../lib/ui/empty-state';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { useFlavors } from '../api/flavors';
import type { Flavor } from '../types';
import { ExtraSpecs, useFlavorSizes } from './flavor-sizes';

const pageSizes = [20, 50, 100] as const;
const sortValues: Record<string, (flavor: Flavor) => string | number> = {
  name: (flavor) => flavor.name,
  vcpus: (flavor) => flavor.vcpus,
  ram: (flavor) => flavor.ram,
  disk: (flavor) => flavor.disk,
};

export function FlavorsPage() {
  const { t } = useTranslation();
  const flavors = useFlavors();
  const sizes = useFlavorSizes();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'vcpus', desc: false }]);
  const [pageSize, setPageSize] = useState<number>(pageSizes[0]);
  const [pageIndex, setPageIndex] = useState(0);

  const sorted = useMemo(() => {
    const { id = 'name', desc = false } = sorting[0] ?? {};
    const value = sortValues[id] ?? sortValues.name!;
    const list = [...(flavors.data ?? [])].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return order || a.name.localeCompare(b.name);
    });
    return desc ? list.reverse() : list;
  }, [flavors.data, sorting]);
  const lastPage = Math.max(0, Math.ceil(sorted.length / pageSize) - 1);
  const page = Math.min(pageIndex, lastPage);
  const rows = sorted.slice(page * pageSize, (page + 1) * pageSize);

  const columns = useMemo<ColumnDef<Flavor>[]>(
    () => [
      {
        id: 'name',
        header: t('flavors.columns.name'),
        enableSorting: true,
        cell: ({ row }) => (
          <Link to={`/flavors/${encodeURIComponent(row.original.id)}`} className="font-medium text-brand hover:underline" data-testid="flavor-name">
            {row.original.name}
          </Link>
        ),
      },
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

  const placeholder = flavors.error ? (
    <ErrorNotice error={flavors.error} onRetry={() => void flavors.refetch()} className="my-2" />
  ) : flavors.isPending ? (
    <LoadingState label={t('flavors.list.loading')} />
  ) : rows.length === 0 ? (
    <EmptyState title={t('flavors.list.empty')} className="my-2 border-0" />
  ) : undefined;

  return (
    <div className="px-6 py-6">
      <div className="mb-4">
        <h1 className="text-xl font-semibold text-fg">{t('flavors.list.title')}</h1>
        <p className="mt-1 text-sm text-fg-muted">{t('flavors.list.subtitle')}</p>
      </div>
      <DataTable
        testId="flavors-table"
        columns={columns}
        rows={rows}
        rowId={(flavor) => flavor.id}
        rowName={(flavor) => flavor.name}
        sorting={sorting}
        onSortingChange={setSorting}
        placeholder={placeholder}
        labels={{
          table: t('flavors.list.title'),
          selectAll: t('flavors.list.selectAll'),
          selectRow: (name) => t('flavors.list.selectRow', { name }),
          previousPage: t('flavors.list.previous'),
          nextPage: t('flavors.list.next'),
          pageSize: t('flavors.list.pageSize'),
          sortAscending: t('flavors.list.sortAscending'),
          sortDescending: t('flavors.list.sortDescending'),
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
  );
}
