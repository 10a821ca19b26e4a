// The instances list: one page of `servers/detail` as the URL says (size, position, sort, filters), image names in
// one batched Glance call, rows that change polled one by one, row menus and bulk actions.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef, RowSelectionState, SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { DataTable } from '../../../lib/ui/data-table';
import { EmptyState } from '../../../lib/ui/empty-state';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { RefreshIcon } from '../../../lib/ui/icons';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Menu } from '../../../lib/ui/menu';
import { Spinner } from '../../../lib/ui/spinner';
import { useImagesByIds } from '../../images/api/images-by-ids';
import { bulkServerActions } from '../actions';
import { serverIps } from '../addresses';
import { relativeAge } from '../age';
import { serverPageQueryOptions } from '../api/servers';
import { useWatchedServers } from '../api/server-watch';
import { pageSizes, pageWindow } from '../../../lib/api/page-window';
import { parseListState, serializeListState, sortKeys, type ListState, type SortColumn } from '../list-state';
import { isSettled } from '../server-state';
import type { Server } from '../types';
import { InstanceFilters } from './instance-filters';
import { ServerPoller } from './server-poller';
import { StatusBadge } from './status-badge';
import { useServerActions } from './use-server-actions';

export function InstancesPage() {
  const { t, i18n } = useTranslation();
  const scope = useScope();
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => parseListState(search), [search]);
  const navigateTo = (next: ListState) => setSearch(serializeListState(next));

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

  const sorting: SortingState = [{ id: state.sort, desc: state.direction === 'desc' }];
  const onSortingChange = (next: SortingState) => {
    const first = next[0];
    if (!first || !Object.hasOwn(sortKeys, first.id)) return;
    navigateTo({ ...state, sort: first.id as SortColumn, direction: first.desc ? 'desc' : 'asc', marker: undefined, before: undefined });
  };

  const filtered = Object.keys(state.filters).length > 0;
  const placeholder = page.error ? (
    <ErrorNotice error={page.error} onRetry={() => void page.refetch()} className="my-2" />
  ) : page.isPending ? (
    <LoadingState label={t('instances.list.loading')} />
  ) : rows.length === 0 ? (
    <EmptyState title={filtered ? t('instances.list.noMatch') : t('instances.list.empty')} className="my-2 border-0">
      {filtered ? (
        <button type="button" className="text-brand underline" onClick={() => navigateTo({ ...state, filters: {}, marker: undefined, before: undefined })}>
          {t('instances.list.clearFilters')}
        </button>
      ) : (
        t('instances.list.emptyHint')
      )}
    </EmptyState>
  ) : undefined;

  return (
    <div className="px-6 py-6">
      {changing.map((id) => (
        <ServerPoller key={id} scope={scope} id={id} />
      ))}
      <div className="mb-4 flex items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold text-fg">{t('instances.list.title')}</h1>
          <p className="mt-1 text-sm text-fg-muted">{t('instances.list.subtitle', { project: scope.projectName, region: scope.region })}</p>
        </div>
        <div className="flex items-center gap-2">
          <Button onClick={() => void page.refetch()} disabled={page.isFetching} data-testid="refresh-list">
            {page.isFetching ? <Spinner /> : <RefreshIcon />}
            {t('instances.list.refresh')}
          </Button>
          <Link
            to="/instances/launch"
            className="inline-flex items-center rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-hover"
            data-testid="launch-instance"
          >
            {t('instances.list.launch')}
          </Link>
        </div>
      </div>

      <InstanceFilters filters={state.filters} onApply={(filters) => navigateTo({ ...state, filters, marker: undefined, before: undefined })} />

      {selected.length > 0 && (
        <div className="mb-3 flex items-center gap-2 rounded-md border border-line bg-brand-soft px-3 py-2 text-sm" role="region" aria-label={t('instances.list.bulkActions')} data-testid="bulk-bar">
          <span className="mr-2 font-medium text-fg">{t('instances.list.selected', { count: selected.length })}</span>
          {bulkServerActions.map((action) => (
            <Button key={action.id} onClick={() => actions.trigger(action, selected)} data-testid={`bulk-${action.id}`}>
              {t(action.label)}
            </Button>
          ))}
        </div>
      )}

      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      <div className={actions.failures.length > 0 ? 'mt-3' : undefined}>
        <DataTable
          testId="instances-table"
          columns={columns}
          rows={rows}
          rowId={(server) => server.id}
          rowName={(server) => server.name}
          sorting={sorting}
          onSortingChange={onSortingChange}
          selection={selection}
          onSelectionChange={setSelection}
          placeholder={placeholder}
          labels={{
            table: t('instances.list.table'),
            selectAll: t('instances.list.selectAll'),
            selectRow: (name) => t('instances.list.selectRow', { name }),
            previousPage: t('instances.list.previous'),
            nextPage: t('instances.list.next'),
            pageSize: t('instances.list.pageSize'),
            sortAscending: t('instances.list.sortAscending'),
            sortDescending: t('instances.list.sortDescending'),
          }}
          pagination={{
            hasPrevious: shown.hasPrevious,
            hasNext: shown.hasNext,
            onPrevious: () => navigateTo({ ...state, marker: undefined, before: rows[0]?.id }),
            onNext: () => navigateTo({ ...state, before: undefined, marker: rows.at(-1)?.id }),
            pageSize: state.limit,
            pageSizes,
            onPageSizeChange: (limit) => navigateTo({ ...state, limit, marker: undefined, before: undefined }),
          }}
        />
      </div>
      {actions.dialogElement}
    </div>
  );
}
