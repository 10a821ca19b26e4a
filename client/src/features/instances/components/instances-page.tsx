// The instances list: one page of `servers/detail` as the URL says (size, position, sort, filters), image names in
// one batched Glance call started once the rows are shown (their cells fill in: lib/ui/lookup-cell; the export reads
// them for its own rows the same way), rows that change polled one by one, row menus and bulk actions.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTimeFormat } from '../../../lib/format';
import { useScope } from '../../../lib/scope';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { exportTemplateLink } from '../../../lib/template-export';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useExportColumns } from '../../../lib/ui/table-export';
import { lookup, LookupText, useLookupSource, type LookupSource } from '../../../lib/ui/lookup-cell';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { readImagesLookup, useImagesByIds } from '../../../resources/images/images-by-ids';
import type { Image } from '../../../resources/images/types';
import { bulkServerActions } from '../actions';
import { ServerIpList } from '../../../resources/servers/components/server-ips';
import { relativeAge } from '../../../lib/relative-age';
import { serverPageQueryOptions } from '../../../resources/servers/servers';
import { useWatchedServers } from '../../../resources/servers/server-watch';
import { pageWindow, type PagePosition } from '../../../lib/api/page-window';
import { linksNextPage } from '../../../lib/api/openstack-list';
import { listCodec } from '../../../resources/servers/list-state';
import { isSettled } from '../../../resources/servers/server-state';
import type { Server, ServerPage } from '../../../resources/servers/types';
import { InstanceFilters } from './instance-filters';
import { ServerPoller } from './server-poller';
import { serverListReads } from './server-reads';
import { StatusBadge } from '../../../resources/servers/components/server-status';
import { useServerActions } from './use-server-actions';

// The selected rows handed to the template export page.
const exportLinks = [exportTemplateLink<Server>('server', (server) => server.id)];

/** The images the rows boot from (none for a server booted from a volume). */
const imageIdsOf = (servers: readonly Server[]) => servers.map((server) => (server.image === '' ? null : server.image.id));

const windowOf = (state: PagePosition, page: ServerPage | undefined) => pageWindow(state, page?.servers ?? [], linksNextPage(page, 'servers'));

export function InstancesPage() {
  const { t, i18n } = useTranslation();
  // One formatter for every row's date (making one per row costs more than a frame allows on a big page).
  const dateTime = useDateTimeFormat();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;

  const page = useQuery(serverPageQueryOptions(scope, state));
  const shown = useMemo(() => windowOf(state, page.data), [state, page.data]);
  const rows = shown.rows;
  const images = useLookupSource(useImagesByIds(imageIdsOf(rows)));
  const queryClient = useQueryClient();
  const watched = useWatchedServers();
  const actions = useServerActions();
  // Ages count from when the page was read, so they do not shift while the user looks at them.
  const now = page.dataUpdatedAt;

  const changing = rows.filter((server) => watched.has(server.id) || !isSettled(server)).map((server) => server.id);

  // The columns over a source of image names: the shown rows' read for the table, the exported rows' for the export.
  const columnsWith = useCallback(
    (images: LookupSource<string, Image>): ColumnDef<Server>[] => [
      nameLinkColumn({ header: t('instances.list.columns.name'), href: (server) => `/instances/${server.id}`, text: (server) => server.name || server.id, testId: 'server-name' }),
      {
        id: 'status',
        header: t('instances.list.columns.status'),
        enableSorting: true,
        cell: ({ row }) => (
          <span className="inline-flex items-center gap-2">
            <StatusBadge server={row.original} pending={watched.has(row.original.id)} />
            {row.original.locked && <span className="rounded bg-sunken px-1.5 text-xs text-fg-muted">{t('instances.list.locked')}</span>}
          </span>
        ),
      },
      {
        id: 'image',
        header: t('instances.list.columns.image'),
        enableSorting: false,
        cell: ({ row }) => {
          const image = row.original.image;
          if (image === '') return <span className="text-fg-muted">{t('instances.list.bootVolume')}</span>;
          return <LookupText lookup={lookup(images, image.id, (found) => found.name)} id={image.id} missing={t('instances.list.unknownImage')} testId="server-image" />;
        },
      },
      {
        id: 'flavor',
        header: t('instances.list.columns.flavor'),
        enableSorting: false,
        cell: ({ row }) => <span data-testid="server-flavor">{row.original.flavor.original_name}</span>,
      },
      {
        id: 'ips',
        header: t('instances.list.columns.ips'),
        enableSorting: false,
        cell: ({ row }) => <ServerIpList addresses={row.original.addresses} />,
      },
      {
        id: 'availability_zone',
        header: t('instances.list.columns.availability_zone'),
        enableSorting: true,
        cell: ({ row }) => row.original['OS-EXT-AZ:availability_zone'],
      },
      {
        id: 'key_name',
        header: t('instances.list.columns.key_name'),
        enableSorting: true,
        cell: ({ row }) => row.original.key_name ?? <span className="text-fg-muted">—</span>,
      },
      {
        id: 'created',
        header: t('instances.list.columns.created'),
        enableSorting: true,
        cell: ({ row }) => (
          <time dateTime={row.original.created} title={dateTime(row.original.created)} className="whitespace-nowrap">
            {relativeAge(row.original.created, now, i18n.resolvedLanguage ?? 'en')}
          </time>
        ),
      },
      rowActionsColumn({
        header: t('instances.list.columns.actions'),
        label: (server) => t('instances.list.rowActions', { name: server.name }),
        items: (server) => actions.menuItems(server),
      }),
    ],
    [t, i18n.resolvedLanguage, dateTime, watched, actions, now],
  );
  const columns = useMemo(() => columnsWith(images), [columnsWith, images]);
  const exportColumns = useExportColumns(columnsWith, (servers) => readImagesLookup(queryClient, scope, imageIdsOf(servers)));

  return (
    <ResourceListPage
      title={t('instances.list.title')}
      subtitle={t('instances.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={page}
      reads={serverListReads(state)}
      headerActions={
        <Link
          to="/instances/launch"
          className="inline-flex items-center rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-hover"
          data-testid="launch-instance"
        >
          {t('instances.list.launch')}
        </Link>
      }
      toolbar={<InstanceFilters filters={state.filters} onApply={list.applyFilters} />}
      rowActions={actions}
      bulkActions={bulkServerActions}
      selectionLinks={exportLinks}
      table={{ testId: 'instances-table', label: t('instances.list.table'), columns, exportColumns, rowName: (server) => server.name, ...list.table(shown, (server) => server.id, { query: (position) => serverPageQueryOptions(scope, position), windowOf }) }}
      empty={{
        loading: t('instances.list.loading'),
        title: t('instances.list.empty'),
        hint: t('instances.list.emptyHint'),
        filtered: list.filtered ? { noMatch: t('instances.list.noMatch'), clear: { label: t('instances.list.clearFilters'), onClear: list.clearFilters } } : undefined,
      }}
    >
      {changing.map((id) => (
        <ServerPoller key={id} scope={scope} id={id} />
      ))}
    </ResourceListPage>
  );
}
