// The networks list: one Neutron page of the chosen view (the project's own, the shared, the external networks)
// as the URL says (size, position, sort), each with its subnets' CIDRs and a row menu; "Create network" opens the
// form that can also make the first subnet.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import clsx from 'clsx';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { identifyNetwork, networkActions } from '../actions';
import { neutronPageWindow } from '../../../lib/api/neutron-paging';
import type { ListPage } from '../../../lib/api/openstack-list';
import type { ListUrlState } from '../../../lib/api/page-window';
import { useScope } from '../../../lib/scope';
import { ActionButton } from '../../../lib/capabilities/action-button';
import { usePrefetchCapabilities } from '../../../lib/capabilities/use-capability';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { exportTemplateLink } from '../../../lib/template-export';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import type { PageReads } from '../../../lib/ui/api-reads';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { networkPageQueryOptions, networksPath, subnetsPath, useSubnets } from '../../../resources/networks/networks';
import { listCodec, networkViews, viewOf, type NetworkView } from '../../../resources/networks/list-state';
import type { Network } from '../../../resources/networks/types';
import { createNetwork } from '../new-network';
import { networkOptionProbes } from '../probes';

/** Each view is one Neutron filter, and one option of `openstack network list`. */
const viewReads: Record<NetworkView, { option: (projectId: string) => string[]; params: (projectId: string) => Record<string, string> }> = {
  mine: { option: (projectId) => ['--project', projectId], params: (projectId) => ({ project_id: projectId }) },
  shared: { option: () => ['--share'], params: () => ({ shared: 'true' }) },
  external: { option: () => ['--external'], params: () => ({ 'router:external': 'true' }) },
};

function networkReads(view: NetworkView, projectId: string): PageReads {
  const { option, params } = viewReads[view];
  return {
    commands: [
      ['network', 'list', '--long', ...option(projectId)],
      ['subnet', 'list', '--long'],
    ],
    requests: [{ path: networksPath, params: params(projectId) }, subnetsPath],
  };
}
import { CreateNetworkDialog } from './create-network-dialog';
import { NetworkKindBadges, NetworkStatusBadge } from './network-flags';

// The selected rows handed to the template export page.
const exportLinks = [exportTemplateLink<Network>('network', (network) => network.id)];

const windowOf = (state: ListUrlState<string, string>, page: ListPage<Network> | undefined) => neutronPageWindow(state, page?.items ?? []);

export function NetworksPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;
  const view = viewOf(state);
  const page = useQuery(networkPageQueryOptions(scope, state));
  const shown = useMemo(() => windowOf(state, page.data), [state, page.data]);
  const rows = shown.rows;
  const subnets = useSubnets(rows.map((network) => network.id), { enabled: rows.length > 0 });
  const actions = useResourceActions({ actions: networkActions, identify: identifyNetwork });
  const [creating, setCreating] = useState(false);
  // The create form's shared/external options are the cloud's answer: asked now, so the form opens decided.
  usePrefetchCapabilities(networkOptionProbes);

  const columns = useMemo<ColumnDef<Network>[]>(() => {
    const cidrsOf = (network: Network) => (subnets.data ?? []).filter((subnet) => subnet.network_id === network.id);
    return [
      nameLinkColumn({ header: t('networks.columns.name'), href: (network) => `/networks/${network.id}`, text: (network) => network.name || network.id, testId: 'network-name' }),
      {
        id: 'subnets',
        header: t('networks.columns.subnets'),
        enableSorting: false,
        cell: ({ row }) => {
          const own = cidrsOf(row.original);
          if (row.original.subnets.length === 0) return <span className="text-fg-muted">{t('networks.noSubnet')}</span>;
          return (
            <ul className="space-y-0.5" data-testid="network-subnets">
              {own.map((subnet) => (
                <li key={subnet.id} className="whitespace-nowrap">
                  <span className="font-mono text-xs">{subnet.cidr}</span> <span className="text-fg-muted">{subnet.name}</span>
                </li>
              ))}
            </ul>
          );
        },
      },
      { id: 'kind', header: t('networks.columns.kind'), enableSorting: false, cell: ({ row }) => <NetworkKindBadges network={row.original} projectId={scope.projectId} none={<span className="text-fg-muted">—</span>} /> },
      { id: 'status', header: t('networks.columns.status'), enableSorting: true, cell: ({ row }) => <NetworkStatusBadge network={row.original} /> },
      { id: 'mtu', header: t('networks.columns.mtu'), enableSorting: false, cell: ({ row }) => row.original.mtu ?? '—' },
      rowActionsColumn({
        header: t('networks.list.rowActionsColumn'),
        label: (network) => t('networks.list.rowActions', { name: network.name || network.id }),
        items: (network) => actions.menuItems(network),
      }),
    ];
  }, [t, subnets.data, scope.projectId, actions]);

  return (
    <ResourceListPage
      title={t('networks.list.title')}
      subtitle={t('networks.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={page}
      reads={networkReads(view, scope.projectId)}
      headerActions={
        <ActionButton action={createNetwork} variant="primary" onClick={() => setCreating(true)} data-testid="create-network">
          {t('networks.actions.create.label')}
        </ActionButton>
      }
      toolbar={
        <div role="radiogroup" aria-label={t('networks.list.view')} className="inline-flex rounded-md border border-line bg-surface p-0.5">
          {networkViews.map((name) => (
            <button
              key={name}
              type="button"
              role="radio"
              aria-checked={view === name}
              onClick={() => list.applyFilters(name === 'mine' ? {} : { view: name })}
              className={clsx('rounded px-3 py-1 text-sm font-medium', view === name ? 'bg-brand text-on-brand' : 'text-fg-muted hover:text-fg')}
              data-testid={`view-${name}`}
            >
              {t(`networks.list.views.${name}`)}
            </button>
          ))}
        </div>
      }
      rowActions={actions}
      selectionLinks={exportLinks}
      table={{ testId: 'networks-table', label: t('networks.list.table'), columns, rowName: (network) => network.name || network.id, ...list.table(shown, (network) => network.id, { query: (position) => networkPageQueryOptions(scope, position), windowOf }) }}
      empty={{ loading: t('networks.list.loading'), title: t(`networks.list.empty.${view}`), hint: view === 'mine' ? t('networks.list.emptyHint') : undefined }}
      dialogs={creating && <CreateNetworkDialog onClose={() => setCreating(false)} />}
    />
  );
}
