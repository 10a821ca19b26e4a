// The project's routers: one Neutron page as the URL says (size, position, sort), their gateways, row menus,
// bulk delete, and "Create router".
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { identifyProject, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { neutronPageWindow } from '../../../lib/api/neutron-paging';
import { useScope } from '../../../lib/scope';
import { BulkBar } from '../../../lib/ui/bulk-bar';
import { Button } from '../../../lib/ui/button';
import { DataTable } from '../../../lib/ui/data-table';
import { listPlaceholder } from '../../../lib/ui/list-placeholder';
import { Menu } from '../../../lib/ui/menu';
import { PageHeader, RefreshButton } from '../../../lib/ui/page-header';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { useExternalNetworks } from '../../../resources/networks/networks';
import { bulkRouterActions, createRouter, identifyRouter, routerActions } from '../actions';
import { useRouterPage } from '../../../resources/routers/routers';
import { listCodec } from '../../../resources/routers/list-state';
import type { Router } from '../../../resources/routers/types';
import { RouterStatusBadge } from './router-status';

const muted = <span className="text-fg-muted">—</span>;

export function RoutersPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;
  const page = useRouterPage(state);
  const shown = useMemo(() => neutronPageWindow(state, page.data?.items ?? []), [state, page.data]);
  const rows = shown.rows;
  const externalNetworks = useExternalNetworks();
  const actions = useResourceActions({ actions: routerActions, identify: identifyRouter });
  const creation = useResourceActions({ actions: [], identify: identifyProject });
  const [selection, setSelection] = useState<RowSelectionState>({});
  const selected = rows.filter((router) => selection[router.id]);

  const columns = useMemo<ColumnDef<Router>[]>(() => {
    const networkName = (id: string) => externalNetworks.data?.find((network) => network.id === id)?.name || id;
    return [
      {
        id: 'name',
        header: t('routers.columns.name'),
        enableSorting: true,
        cell: ({ row }) => (
          <Link to={`/routers/${row.original.id}`} className="font-medium text-brand hover:underline" data-testid="router-name">
            {row.original.name || row.original.id}
          </Link>
        ),
      },
      {
        id: 'status',
        header: t('routers.columns.status'),
        enableSorting: true,
        cell: ({ row }) => <RouterStatusBadge status={row.original.status} adminStateUp={row.original.admin_state_up} />,
      },
      {
        id: 'gateway',
        header: t('routers.columns.gateway'),
        enableSorting: false,
        cell: ({ row }) => {
          const gateway = row.original.external_gateway_info;
          if (!gateway) return <span className="text-fg-muted" data-testid="router-gateway">{t('routers.noGateway')}</span>;
          return (
            <span data-testid="router-gateway">
              {networkName(gateway.network_id)}
              {gateway.external_fixed_ips && gateway.external_fixed_ips.length > 0 && (
                <span className="ml-1 font-mono text-xs text-fg-muted">{gateway.external_fixed_ips.map((ip) => ip.ip_address).join(', ')}</span>
              )}
            </span>
          );
        },
      },
      {
        id: 'routes',
        header: t('routers.columns.routes'),
        enableSorting: false,
        cell: ({ row }) => (row.original.routes?.length ? t('routers.routeCount', { count: row.original.routes.length }) : muted),
      },
      {
        id: 'description',
        header: t('routers.columns.description'),
        enableSorting: false,
        cell: ({ row }) => <span className="line-clamp-1 max-w-64 text-fg-muted">{row.original.description || '—'}</span>,
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('routers.list.rowActionsColumn')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <div className="text-right">
            <Menu
              label={t('routers.list.rowActions', { name: row.original.name || row.original.id })}
              items={actions.menuItems(row.original, routerActions)}
              testId="row-actions"
            />
          </div>
        ),
      },
    ];
  }, [t, actions, externalNetworks.data]);

  const placeholder = listPlaceholder({
    query: page,
    empty: rows.length === 0,
    loading: t('routers.list.loading'),
    emptyTitle: t('routers.list.empty'),
    emptyHint: t('routers.list.emptyHint'),
  });

  return (
    <div className="px-6 py-6">
      <PageHeader
        title={t('routers.list.title')}
        subtitle={t('routers.list.subtitle', { project: scope.projectName, region: scope.region })}
        actions={
          <>
            <RefreshButton query={page} />
            <Button
              variant="primary"
              onClick={() => creation.trigger(createRouter, [{ id: scope.projectId, name: scope.projectName }])}
              data-testid="create-router"
            >
              {t('routers.actions.create.label')}
            </Button>
          </>
        }
      />

      <BulkBar
        count={selected.length}
        actions={bulkRouterActions}
        onAction={(action) => {
          actions.trigger(action, selected);
          setSelection({});
        }}
      />

      <div className="space-y-3">
        <ActionFailures failures={creation.failures} onDismiss={creation.dismissFailure} />
        <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
        <DataTable
          testId="routers-table"
          columns={columns}
          rows={rows}
          rowId={(router) => router.id}
          rowName={(router) => router.name || router.id}
          sorting={list.sorting}
          onSortingChange={list.onSortingChange}
          selection={selection}
          onSelectionChange={setSelection}
          placeholder={placeholder}
          label={t('routers.list.table')}
          pagination={list.pagination(shown, (router) => router.id)}
        />
      </div>
      {creation.dialogElement}
      {actions.dialogElement}
    </div>
  );
}
