// Admin: every project's instances, one Nova page at a time (all_tenants), with the project's name and the compute
// host each runs on. Read here; each row opens the instance's own page, where its actions are.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pageWindow } from '../../../lib/api/page-window';
import { useScope } from '../../../lib/scope';
import { DataTable } from '../../../lib/ui/data-table';
import { listPlaceholder } from '../../../lib/ui/list-placeholder';
import { PageHeader, RefreshButton } from '../../../lib/ui/page-header';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { useProjectsAndDomains } from '../../../resources/identity/identity';
import { serverPageQueryOptions } from '../../../resources/servers/servers';
import { listCodec } from '../../../resources/servers/list-state';
import type { Server } from '../../../resources/servers/types';
import { InstanceFilters } from './instance-filters';
import { StatusBadge } from './status-badge';

export function AllInstancesPage() {
  const { t, i18n } = useTranslation();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const page = useQuery(serverPageQueryOptions(scope, list.state, 'all-projects'));
  const shown = useMemo(() => pageWindow(list.state, page.data?.servers ?? []), [list.state, page.data]);
  const identity = useProjectsAndDomains();
  const projectNames = useMemo(() => new Map(identity.data?.projects.map((project) => [project.id, project.name])), [identity.data]);

  const columns = useMemo<ColumnDef<Server>[]>(
    () => [
      {
        id: 'name',
        header: t('instances.list.columns.name'),
        enableSorting: true,
        cell: ({ row }) => (
          <Link to={`/instances/${row.original.id}`} className="font-medium text-brand hover:underline" data-testid="server-name">
            {row.original.name || row.original.id}
          </Link>
        ),
      },
      { id: 'status', header: t('instances.list.columns.status'), enableSorting: true, cell: ({ row }) => <StatusBadge server={row.original} pending={false} /> },
      {
        id: 'project',
        header: t('instances.all.project'),
        enableSorting: false,
        cell: ({ row }) => <span data-testid="server-project">{projectNames.get(row.original.tenant_id) ?? row.original.tenant_id}</span>,
      },
      { id: 'host', header: t('instances.all.host'), enableSorting: false, cell: ({ row }) => <span data-testid="server-host">{row.original['OS-EXT-SRV-ATTR:host'] ?? '—'}</span> },
      { id: 'availability_zone', header: t('instances.list.columns.availability_zone'), enableSorting: true, cell: ({ row }) => row.original['OS-EXT-AZ:availability_zone'] || '—' },
      { id: 'flavor', header: t('instances.list.columns.flavor'), enableSorting: false, cell: ({ row }) => row.original.flavor.original_name },
      {
        id: 'created',
        header: t('instances.all.created'),
        enableSorting: true,
        cell: ({ row }) => new Date(row.original.created).toLocaleString(i18n.resolvedLanguage),
      },
    ],
    [t, i18n.resolvedLanguage, projectNames],
  );

  return (
    <div className="px-6 py-6">
      <PageHeader title={t('instances.all.title')} subtitle={t('instances.all.subtitle')} actions={<RefreshButton query={page} />} />
      <InstanceFilters filters={list.state.filters} onApply={list.applyFilters} />
      <DataTable
        testId="all-instances-table"
        label={t('instances.all.title')}
        columns={columns}
        rows={shown.rows}
        rowId={(server) => server.id}
        rowName={(server) => server.name}
        sorting={list.sorting}
        onSortingChange={list.onSortingChange}
        placeholder={listPlaceholder({
          query: page,
          empty: shown.rows.length === 0,
          loading: t('instances.list.loading'),
          emptyTitle: list.filtered ? t('instances.list.noMatch') : t('instances.all.empty'),
        })}
        pagination={list.pagination(shown, (server) => server.id)}
      />
    </div>
  );
}
