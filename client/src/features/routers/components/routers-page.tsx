// The project's routers: one Neutron page as the URL says (size, position, sort), their gateways, row menus,
// bulk delete, and "Create router".
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { identifyProject, projectTarget, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionButton } from '../../../lib/capabilities/action-button';
import { neutronPageWindow } from '../../../lib/api/neutron-paging';
import type { ListPage } from '../../../lib/api/openstack-list';
import type { ListUrlState } from '../../../lib/api/page-window';
import { useScope } from '../../../lib/scope';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { exportTemplateLink } from '../../../lib/template-export';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { networksPath, useExternalNetworks } from '../../../resources/networks/networks';
import { bulkRouterActions, createRouter, identifyRouter, routerActions } from '../actions';
import { routerPageQueryOptions, routersPath, useRouterPage } from '../../../resources/routers/routers';
import { listCodec } from '../../../resources/routers/list-state';
import type { Router } from '../../../resources/routers/types';
import { RouterStatusBadge } from './router-status';

const muted = <span className="text-fg-muted">—</span>;

// The selected rows handed to the template export page.
const exportLinks = [exportTemplateLink<Router>('router', (router) => router.id)];

const windowOf = (state: ListUrlState<string, string>, page: ListPage<Router> | undefined) => neutronPageWindow(state, page?.items ?? []);

export function RoutersPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const page = useRouterPage(list.state);
  const shown = useMemo(() => windowOf(list.state, page.data), [list.state, page.data]);
  const externalNetworks = useExternalNetworks();
  const actions = useResourceActions({ actions: routerActions, identify: identifyRouter });
  const creation = useResourceActions({ actions: [], identify: identifyProject });

  const columns = useMemo<ColumnDef<Router>[]>(() => {
    const networkName = (id: string) => externalNetworks.data?.find((network) => network.id === id)?.name || id;
    return [
      nameLinkColumn({ header: t('routers.columns.name'), href: (router) => `/routers/${router.id}`, text: (router) => router.name || router.id, testId: 'router-name' }),
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
      rowActionsColumn({
        header: t('routers.list.rowActionsColumn'),
        label: (router) => t('routers.list.rowActions', { name: router.name || router.id }),
        items: (router) => actions.menuItems(router, routerActions),
      }),
    ];
  }, [t, actions, externalNetworks.data]);

  return (
    <ResourceListPage
      title={t('routers.list.title')}
      subtitle={t('routers.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={page}
      reads={{
        commands: [['router', 'list', '--long', '--project', scope.projectId]],
        requests: [{ path: routersPath, params: { project_id: scope.projectId } }, { path: networksPath, params: { 'router:external': 'true' } }],
      }}
      headerActions={
        <ActionButton action={createRouter} variant="primary" onClick={() => creation.trigger(createRouter, [projectTarget(scope)])} data-testid="create-router">
          {t('routers.actions.create.label')}
        </ActionButton>
      }
      rowActions={actions}
      bulkActions={bulkRouterActions}
      selectionLinks={exportLinks}
      otherActions={[creation]}
      table={{ testId: 'routers-table', label: t('routers.list.table'), columns, rowName: (router) => router.name || router.id, ...list.table(shown, (router) => router.id, { query: (position) => routerPageQueryOptions(scope, position), windowOf }) }}
      empty={{ loading: t('routers.list.loading'), title: t('routers.list.empty'), hint: t('routers.list.emptyHint') }}
    />
  );
}
