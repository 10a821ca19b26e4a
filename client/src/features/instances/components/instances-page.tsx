// The instances list: one page of `servers/detail` as the URL says (size, position, sort, filters), image names in
// one batched Glance call, rows that change polled one by one, row menus and bulk actions.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useScope } from '../../../lib/scope';
import { BulkBar } from '../../../lib/ui/bulk-bar';
import { DataTable } from '../../../lib/ui/data-table';
import { listPlaceholder } from '../../../lib/ui/list-placeholder';
import { Menu } from '../../../lib/ui/menu';
import { Spinner } from '../../../lib/ui/spinner';
import { PageHeader, RefreshButton } from '../../../lib/ui/page-header';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { useImagesByIds } from '../../../resources/images/images-by-ids';
import { bulkServerActions } from '../actions';
import { serverIps } from '../../../resources/servers/addresses';
import { relativeAge } from '../../../lib/relative-age';
import { serverPageQueryOptions } from '../../../resources/servers/servers';
import { useWatchedServers } from '../../../resources/servers/server-watch';
import { pageWindow } from '../../../lib/api/page-window';
import { listCodec } from '../../../resources/servers/list-state';
import { isSettled } from '../../../resources/servers/server-state';
import type { Server } from '../../../resources/servers/types';
import { InstanceFilters } from './instance-filters';
import { ServerPoller } from './server-poller';
import { StatusBadge } from './status-badge';
import { useServerActions } from './use-server-actions';

export function InstancesPage() {
  const { t, i18n } = useTranslation();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;

  const page = useQuery(serverPageQueryOptions(scope, state));
  const shown = useMemo(() => pageWindow(state, page.data?.servers ?? []), [state, page.data]);
  const rows = shown.rows;
  const images = useImagesByIds(rows.map((server) => (server.image === '' ? null : server.image.id)));
  const watched = useWatchedServers();
  const actions = useServerActions();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const selected = rows.filter((server) => selection[server.id]);
  // Ages count from when the page was read, so they do not shift while the user looks at them.
  const now = page.dataUpdatedAt;

  const changing = rows.filter((server) => watched.has(server.id) || !isSettled(server)).map((server) => server.id);

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
          const name = images.data?.get(image.id)?.name;
          if (name) return <span data-testid="server-image">{name}</span>;
          return images.isPending ? <Spinner className="size-3 text-fg-muted" /> : <span className="text-fg-muted" title={image.id}>{t('instances.list.unknownImage')}</span>;
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
        cell: ({ row }) => {
          const ips = serverIps(row.original.addresses);
          return (
            <div className="font-mono text-xs leading-5" data-testid="server-ips">
              {ips.fixed.map((ip) => (
                <div key={ip}>{ip}</div>
              ))}
              {ips.floating.map((ip) => (
                <div key={ip}>
                  {ip} <span className="font-sans text-fg-muted">({t('instances.list.floating')})</span>
                </div>
              ))}
            </div>
          );
        },
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
          <time dateTime={row.original.created} title={new Date(row.original.created).toLocaleString(i18n.resolvedLanguage)} className="whitespace-nowrap">
            {relativeAge(row.original.created, now, i18n.resolvedLanguage ?? 'en')}
          </time>
        ),
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('instances.list.columns.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <div className="text-right">
            <Menu
              label={t('instances.list.rowActions', { name: row.original.name })}
              items={actions.menuItems(row.original)}
              testId="row-actions"
            />
          </div>
        ),
      },
    ],
    [t, i18n.resolvedLanguage, images.data, images.isPending, watched, actions, now],
  );

  const placeholder = listPlaceholder({
    query: page,
    empty: rows.length === 0,
    loading: t('instances.list.loading'),
    emptyTitle: list.filtered ? t('instances.list.noMatch') : t('instances.list.empty'),
    emptyHint: list.filtered ? (
      <button type="button" className="text-brand underline" onClick={list.clearFilters}>
        {t('instances.list.clearFilters')}
      </button>
    ) : (
      t('instances.list.emptyHint')
    ),
  });

  return (
    <div className="px-6 py-6">
      {changing.map((id) => (
        <ServerPoller key={id} scope={scope} id={id} />
      ))}
      <PageHeader
        title={t('instances.list.title')}
        subtitle={t('instances.list.subtitle', { project: scope.projectName, region: scope.region })}
        actions={
          <>
            <RefreshButton query={page} />
            <Link
              to="/instances/launch"
              className="inline-flex items-center rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-hover"
              data-testid="launch-instance"
            >
              {t('instances.list.launch')}
            </Link>
          </>
        }
      />

      <InstanceFilters filters={state.filters} onApply={list.applyFilters} />

      <BulkBar count={selected.length} actions={bulkServerActions} onAction={(action) => actions.trigger(action, selected)} />

      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      <div className={actions.failures.length > 0 ? 'mt-3' : undefined}>
        <DataTable
          testId="instances-table"
          columns={columns}
          rows={rows}
          rowId={(server) => server.id}
          rowName={(server) => server.name}
          sorting={list.sorting}
          onSortingChange={list.onSortingChange}
          selection={selection}
          onSelectionChange={setSelection}
          placeholder={placeholder}
          label={t('instances.list.table')}
          pagination={list.pagination(shown, (server) => server.id)}
        />
      </div>
      {actions.dialogElement}
    </div>
  );
}
