// The project's load balancers: one Octavia page as the URL says (size, position, sort, filters), both statuses,
// row menus and bulk (cascade) delete. While a row is PENDING_* or was just written to, the page is read again every
// lbPollInterval until Octavia says it settled.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import clsx from 'clsx';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionSummary } from '../../../lib/actions/use-action-runner';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { pageWindow, type PagePosition } from '../../../lib/api/page-window';
import type { ListPage } from '../../../lib/api/openstack-list';
import { useScope } from '../../../lib/scope';
import { cliOptions } from '../../../lib/ui/api-reads';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { lbPollInterval, loadBalancerPageQueryOptions, loadBalancersPath } from '../../../resources/load-balancers/load-balancers';
import { listCodec } from '../../../resources/load-balancers/list-state';
import { isPending } from '../../../resources/load-balancers/state';
import type { LoadBalancer } from '../../../resources/load-balancers/types';
import { unwatchLoadBalancer, useWatchedLoadBalancers, watchLoadBalancer } from '../../../resources/load-balancers/watch';
import { bulkLoadBalancerActions, identifyLoadBalancer, loadBalancerActions } from '../actions';
import { LoadBalancerFilters } from './load-balancer-filters';
import { OperatingBadge, ProvisioningBadge } from './status';

const linkButton = 'inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium bg-brand text-on-brand hover:bg-brand-hover';

// Octavia gives a next marker going forward only.
const windowOf = (state: PagePosition, page: ListPage<LoadBalancer> | undefined) =>
  pageWindow(state, page?.items ?? [], state.before === undefined && page?.nextMarker !== undefined);

export function LoadBalancersPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;
  const watched = useWatchedLoadBalancers();
  const page = useQuery({
    ...loadBalancerPageQueryOptions(scope, state),
    refetchInterval: (query) => {
      const rows = query.state.data?.items ?? [];
      return rows.some((row) => isPending(row.provisioning_status) || watched.has(row.id)) ? lbPollInterval : false;
    },
  });
  const shown = useMemo(() => windowOf(state, page.data), [state, page.data]);
  // A watch ends once a page read after the write shows the load balancer settled (or gone).
  const { data, dataUpdatedAt } = page;
  useEffect(() => {
    for (const [id, watch] of watched) {
      const row = data?.items.find((candidate) => candidate.id === id);
      if (dataUpdatedAt > watch.since && (!row || !isPending(row.provisioning_status))) unwatchLoadBalancer(id);
    }
  }, [data, dataUpdatedAt, watched]);
  const onAttempted = useCallback((loadBalancer: LoadBalancer, _action: ActionSummary<LoadBalancer>) => watchLoadBalancer(loadBalancer.id), []);
  const actions = useResourceActions({ actions: loadBalancerActions, identify: identifyLoadBalancer, onAttempted });

  const columns = useMemo<ColumnDef<LoadBalancer>[]>(
    () => [
      nameLinkColumn({ header: t('load-balancers.columns.name'), href: (lb) => `/load-balancers/${lb.id}`, text: (lb) => lb.name || lb.id, testId: 'lb-name' }),
      {
        id: 'vip_address',
        header: t('load-balancers.columns.vip'),
        enableSorting: true,
        cell: ({ row }) => <span className="font-mono text-xs" data-testid="lb-vip">{row.original.vip_address}</span>,
      },
      {
        id: 'provisioning_status',
        header: t('load-balancers.columns.provisioning'),
        enableSorting: true,
        cell: ({ row }) => <ProvisioningBadge status={watched.has(row.original.id) && !isPending(row.original.provisioning_status) ? 'PENDING_UPDATE' : row.original.provisioning_status} />,
      },
      {
        id: 'operating_status',
        header: t('load-balancers.columns.operating'),
        enableSorting: true,
        cell: ({ row }) => <OperatingBadge status={row.original.operating_status} />,
      },
      {
        id: 'parts',
        header: t('load-balancers.columns.parts'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="whitespace-nowrap text-fg-muted" data-testid="lb-parts">
            {t('load-balancers.list.parts', { listeners: row.original.listeners.length, pools: row.original.pools.length })}
          </span>
        ),
      },
      { id: 'provider', header: t('load-balancers.columns.provider'), enableSorting: false, cell: ({ row }) => row.original.provider },
      rowActionsColumn({
        header: t('load-balancers.list.rowActionsColumn'),
        label: (lb) => t('load-balancers.list.rowActions', { name: lb.name || lb.id }),
        items: (lb) => actions.menuItems(lb),
      }),
    ],
    [t, actions, watched],
  );

  return (
    <ResourceListPage
      title={t('load-balancers.list.title')}
      subtitle={t('load-balancers.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={page}
      reads={{
        commands: [
          [
            'loadbalancer',
            'list',
            ...cliOptions([
              ['--name', state.filters.name],
              ['--vip-address', state.filters.vip_address],
              ['--provisioning-status', state.filters.provisioning_status],
              ['--operating-status', state.filters.operating_status],
            ]),
          ],
        ],
        requests: [{ path: loadBalancersPath, params: { project_id: scope.projectId } }],
      }}
      headerActions={
        <Link to="/load-balancers/create" className={clsx(linkButton)} data-testid="create-load-balancer">
          {t('load-balancers.actions.create.label')}
        </Link>
      }
      toolbar={<LoadBalancerFilters filters={state.filters} onApply={list.applyFilters} />}
      rowActions={actions}
      bulkActions={bulkLoadBalancerActions}
      table={{ testId: 'load-balancers-table', label: t('load-balancers.list.table'), columns, rowName: (lb) => lb.name || lb.id, ...list.table(shown, (lb) => lb.id, { query: (position) => loadBalancerPageQueryOptions(scope, position), windowOf }) }}
      empty={{
        loading: t('load-balancers.list.loading'),
        title: t('load-balancers.list.empty'),
        hint: t('load-balancers.list.emptyHint'),
        filtered: list.filtered ? { noMatch: t('load-balancers.list.noMatch'), clear: { label: t('load-balancers.list.clearFilters'), onClear: list.clearFilters } } : undefined,
      }}
    />
  );
}
