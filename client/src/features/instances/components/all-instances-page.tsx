// Admin: every project's instances, one Nova page at a time (all_tenants), with the project's name and the compute
// host each runs on. Read here; each row opens the instance's own page, where its actions are.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { linksNextPage } from '../../../lib/api/openstack-list';
import { pageWindow, type PagePosition } from '../../../lib/api/page-window';
import { useDateTimeFormat } from '../../../lib/format';
import { useScope } from '../../../lib/scope';
import { nameLinkColumn } from '../../../lib/ui/columns';
import { lookup, LookupText, useLookupSource } from '../../../lib/ui/lookup-cell';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { useProjectsAndDomains } from '../../../resources/identity/identity';
import { serverPageQueryOptions, serversPath } from '../../../resources/servers/servers';
import { listCodec } from '../../../resources/servers/list-state';
import type { Server, ServerPage } from '../../../resources/servers/types';
import { InstanceFilters } from './instance-filters';
import { serverListReads } from './server-reads';
import { StatusBadge } from '../../../resources/servers/components/server-status';

const windowOf = (state: PagePosition, page: ServerPage | undefined) => pageWindow(state, page?.servers ?? [], linksNextPage(page, 'servers'));

export function AllInstancesPage() {
  const { t } = useTranslation();
  // One formatter for every row's date (making one per row costs more than a frame allows on a big page).
  const dateTime = useDateTimeFormat();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const page = useQuery(serverPageQueryOptions(scope, list.state, 'all-projects'));
  const shown = useMemo(() => windowOf(list.state, page.data), [list.state, page.data]);
  const identity = useProjectsAndDomains();
  // The projects' names come from Keystone, read beside the page: the rows show first, the names fill in.
  const projectNames = useLookupSource({
    data: useMemo(() => identity.data && new Map(identity.data.projects.map((project) => [project.id, project.name])), [identity.data]),
    isPending: identity.isPending,
  });

  const columns = useMemo<ColumnDef<Server>[]>(
    () => [
      nameLinkColumn({ header: t('instances.list.columns.name'), href: (server) => `/instances/${server.id}`, text: (server) => server.name || server.id, testId: 'server-name' }),
      { id: 'status', header: t('instances.list.columns.status'), enableSorting: true, cell: ({ row }) => <StatusBadge server={row.original} pending={false} /> },
      {
        id: 'project',
        header: t('instances.all.project'),
        enableSorting: false,
        cell: ({ row }) => <LookupText lookup={lookup(projectNames, row.original.tenant_id)} id={row.original.tenant_id} missing={row.original.tenant_id} testId="server-project" />,
      },
      { id: 'host', header: t('instances.all.host'), enableSorting: false, cell: ({ row }) => <span data-testid="server-host">{row.original['OS-EXT-SRV-ATTR:host'] ?? '—'}</span> },
      { id: 'availability_zone', header: t('instances.list.columns.availability_zone'), enableSorting: true, cell: ({ row }) => row.original['OS-EXT-AZ:availability_zone'] || '—' },
      { id: 'flavor', header: t('instances.list.columns.flavor'), enableSorting: false, cell: ({ row }) => row.original.flavor.original_name },
      {
        id: 'created',
        header: t('instances.all.created'),
        enableSorting: true,
        cell: ({ row }) => dateTime(row.original.created),
      },
    ],
    [t, dateTime, projectNames],
  );

  return (
    <ResourceListPage
      title={t('instances.all.title')}
      subtitle={t('instances.all.subtitle')}
      query={page}
      reads={{ ...serverListReads(list.state, 'all-projects'), requests: [`${serversPath}/detail`, '/api/os/identity/projects', '/api/os/identity/domains'] }}
      toolbar={<InstanceFilters filters={list.state.filters} onApply={list.applyFilters} />}
      table={{ testId: 'all-instances-table', label: t('instances.all.title'), columns, rowName: (server) => server.name, ...list.table(shown, (server) => server.id, { query: (position) => serverPageQueryOptions(scope, position, 'all-projects'), windowOf }) }}
      empty={{ loading: t('instances.list.loading'), title: t('instances.all.empty'), filtered: list.filtered ? { noMatch: t('instances.list.noMatch') } : undefined }}
    />
  );
}
