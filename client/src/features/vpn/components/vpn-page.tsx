// /vpn: the project's site-to-site VPN, one tab per VPNaaS object (the tab in the URL, `?tab=`), each a list read
// whole from Neutron, sorted and paged here, with row menus, bulk delete and its "Create" button.
import type { ColumnDef } from '@tanstack/react-table';
import clsx from 'clsx';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { identifyProject, projectTarget, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionButton } from '../../../lib/capabilities/action-button';
import { useScope } from '../../../lib/scope';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import { routersPath, useRouters } from '../../../resources/routers/routers';
import { subnetsPath, useSubnets } from '../../../resources/networks/networks';
import type { EndpointGroup, IkePolicy, IpsecPolicy, IpsecSiteConnection, VpnService } from '../../../resources/vpn/types';
import { endpointGroups, ikePolicies, ipsecPolicies, siteConnections, useVpnList, vpnServices, type VpnCollection } from '../../../resources/vpn/vpn';
import {
  endpointGroupActions,
  identifyVpnObject,
  ikePolicyActions,
  ipsecPolicyActions,
  siteConnectionActions,
  vpnServiceActions,
  type VpnKindActions,
} from '../actions';
import { createGuidedConnection } from '../guided';
import { cliNoun, isVpnTab, vpnDetailHref, vpnListHref, vpnTabs, type VpnTab } from '../tabs';
import { GuidedConnectionDialog } from './guided-connection-dialog';
import { VpnStatusBadge } from './vpn-status';

const muted = <span className="text-fg-muted">—</span>;

/** The tabs as links (each tab is its own list page, with its own header and API panel). */
function VpnTabNav({ current }: { current: VpnTab }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('vpn.list.tabs')} className="flex gap-1 border-b border-line">
      {vpnTabs.map((tab) => (
        <Link
          key={tab}
          to={vpnListHref(tab)}
          replace
          aria-current={tab === current ? 'page' : undefined}
          className={clsx('-mb-px border-b-2 px-3 py-2 text-sm font-medium', tab === current ? 'border-brand text-fg' : 'border-transparent text-fg-muted hover:text-fg')}
          data-testid={`tab-${tab}`}
        >
          {t(`vpn.tabs.${tab}`)}
        </Link>
      ))}
    </nav>
  );
}

interface Named {
  id: string;
  name: string;
}

function VpnListTab<Item extends Named>({
  tab,
  kind,
  actions: declared,
  columns,
  sortValues = {},
  alsoReads = [],
  guided = false,
}: {
  tab: VpnTab;
  kind: VpnCollection<Item>;
  actions: VpnKindActions<Item>;
  /** Between the name and the row menu. */
  columns: ColumnDef<Item>[];
  sortValues?: Record<string, SortValue<Item>>;
  /** Other reads the tab's columns come from (names of routers, subnets). */
  alsoReads?: string[];
  /** Offers the guided site connection, which makes what a connection needs along with it. */
  guided?: boolean;
}) {
  const { t } = useTranslation();
  const scope = useScope();
  const list = useVpnList(kind);
  const actions = useResourceActions({ actions: declared.actions, identify: identifyVpnObject });
  const creation = useResourceActions({ actions: [], identify: identifyProject });
  const [guiding, setGuiding] = useState(false);
  const allSortValues = useMemo(() => ({ name: (item: Item) => item.name, ...sortValues }), [sortValues]);
  const table = useClientPages(list.data, { sortValues: allSortValues, initialSort: { id: 'name', desc: false }, tieBreak: allSortValues.name });
  const allColumns = useMemo<ColumnDef<Item>[]>(
    () => [
      nameLinkColumn({ header: t('vpn.fields.name'), href: (item) => vpnDetailHref(tab, item.id), text: (item) => item.name || item.id, testId: 'vpn-object-name' }),
      ...columns,
      rowActionsColumn({
        header: t('vpn.list.rowActionsColumn'),
        label: (item) => t('vpn.list.rowActions', { name: item.name || item.id }),
        items: (item) => actions.menuItems(item),
      }),
    ],
    [t, tab, columns, actions],
  );
  return (
    <ResourceListPage
      title={t('vpn.list.title')}
      subtitle={t(`vpn.subtitles.${tab}`, { project: scope.projectName, region: scope.region })}
      toolbar={<VpnTabNav current={tab} />}
      query={list}
      reads={{ commands: [[...cliNoun[tab], 'list', '--long']], requests: [{ path: kind.path, params: { project_id: scope.projectId } }, ...alsoReads] }}
      headerActions={
        <>
          {guided && (
            <ActionButton action={createGuidedConnection} onClick={() => setGuiding(true)} data-testid="create-guided-connection">
              {t('vpn.actions.guided')}
            </ActionButton>
          )}
          <ActionButton action={declared.create} variant="primary" onClick={() => creation.trigger(declared.create, [projectTarget(scope)])} data-testid={`create-${tab}`}>
            {t(`vpn.actions.create.${tab}`)}
          </ActionButton>
        </>
      }
      rowActions={actions}
      bulkActions={declared.bulk}
      otherActions={[creation]}
      table={{
        testId: `vpn-${tab}-table`,
        label: t(`vpn.tabs.${tab}`),
        columns: allColumns,
        rows: table.rows,
        selectable: table.sorted,
        rowId: (item) => item.id,
        rowName: (item) => item.name || item.id,
        sorting: table.sorting,
        onSortingChange: table.onSortingChange,
        pagination: table.pagination,
      }}
      empty={{ loading: t('vpn.list.loading'), title: t(`vpn.empty.${tab}`), hint: t(`vpn.emptyHints.${tab}`) }}
      dialogs={guiding && <GuidedConnectionDialog onClose={() => setGuiding(false)} />}
    />
  );
}

/** A column showing one value, not sortable. */
function valueColumn<Item>(id: string, header: string, cell: (item: Item) => ReactNode): ColumnDef<Item> {
  return { id, header, enableSorting: false, cell: ({ row }) => cell(row.original) };
}

const lifetimeText = (item: { lifetime: { value: number } }) => `${item.lifetime.value} s`;

function IkePoliciesTab() {
  const { t } = useTranslation();
  const columns = useMemo<ColumnDef<IkePolicy>[]>(
    () => [
      valueColumn('auth', t('vpn.fields.auth_algorithm'), (policy) => policy.auth_algorithm),
      valueColumn('encryption', t('vpn.fields.encryption_algorithm'), (policy) => policy.encryption_algorithm),
      valueColumn('version', t('vpn.fields.ike_version'), (policy) => policy.ike_version),
      valueColumn('pfs', t('vpn.fields.pfs'), (policy) => policy.pfs),
      valueColumn<IkePolicy>('lifetime', t('vpn.fields.lifetime'), lifetimeText),
    ],
    [t],
  );
  return <VpnListTab tab="ike-policies" kind={ikePolicies} actions={ikePolicyActions} columns={columns} />;
}

function IpsecPoliciesTab() {
  const { t } = useTranslation();
  const columns = useMemo<ColumnDef<IpsecPolicy>[]>(
    () => [
      valueColumn('transform', t('vpn.fields.transform_protocol'), (policy) => policy.transform_protocol),
      valueColumn('auth', t('vpn.fields.auth_algorithm'), (policy) => policy.auth_algorithm),
      valueColumn('encryption', t('vpn.fields.encryption_algorithm'), (policy) => policy.encryption_algorithm),
      valueColumn('mode', t('vpn.fields.encapsulation_mode'), (policy) => policy.encapsulation_mode),
      valueColumn('pfs', t('vpn.fields.pfs'), (policy) => policy.pfs),
      valueColumn<IpsecPolicy>('lifetime', t('vpn.fields.lifetime'), lifetimeText),
    ],
    [t],
  );
  return <VpnListTab tab="ipsec-policies" kind={ipsecPolicies} actions={ipsecPolicyActions} columns={columns} />;
}

const statusSort: Record<string, SortValue<{ status: string }>> = { status: (item) => item.status };

function ServicesTab() {
  const { t } = useTranslation();
  const routers = useRouters();
  const subnets = useSubnets();
  const columns = useMemo<ColumnDef<VpnService>[]>(() => {
    const routerName = (id: string) => routers.data?.find((router) => router.id === id)?.name || id;
    const subnet = (id: string) => subnets.data?.find((candidate) => candidate.id === id);
    return [
      { id: 'status', header: t('vpn.fields.status'), enableSorting: true, cell: ({ row }) => <VpnStatusBadge status={row.original.status} adminStateUp={row.original.admin_state_up} /> },
      valueColumn('router', t('vpn.fields.router_id'), (service) => <span data-testid="vpn-service-router">{routerName(service.router_id)}</span>),
      valueColumn('subnet', t('vpn.fields.subnet_id'), (service) => {
        if (!service.subnet_id) return <span className="text-fg-muted">{t('vpn.byEndpointGroups')}</span>;
        const found = subnet(service.subnet_id);
        return found ? `${found.name || found.id} (${found.cidr})` : service.subnet_id;
      }),
      valueColumn('external', t('vpn.fields.external_v4_ip'), (service) => (service.external_v4_ip || service.external_v6_ip ? <span className="font-mono text-xs">{[service.external_v4_ip, service.external_v6_ip].filter(Boolean).join(', ')}</span> : muted)),
    ];
  }, [t, routers.data, subnets.data]);
  return <VpnListTab tab="services" kind={vpnServices} actions={vpnServiceActions} columns={columns} sortValues={statusSort} alsoReads={[routersPath, subnetsPath]} />;
}

function EndpointGroupsTab() {
  const { t } = useTranslation();
  const subnets = useSubnets();
  const columns = useMemo<ColumnDef<EndpointGroup>[]>(() => {
    const endpointText = (group: EndpointGroup, endpoint: string) => {
      if (group.type !== 'subnet') return endpoint;
      const found = subnets.data?.find((subnet) => subnet.id === endpoint);
      return found ? `${found.name || found.id} (${found.cidr})` : endpoint;
    };
    return [
      valueColumn('type', t('vpn.fields.type'), (group) => t(`vpn.endpointTypes.${group.type}`)),
      valueColumn('endpoints', t('vpn.fields.endpoints'), (group) => (
        <span className="line-clamp-2 max-w-96 text-sm" data-testid="endpoint-group-endpoints">
          {group.endpoints.map((endpoint) => endpointText(group, endpoint)).join(', ')}
        </span>
      )),
    ];
  }, [t, subnets.data]);
  return <VpnListTab tab="endpoint-groups" kind={endpointGroups} actions={endpointGroupActions} columns={columns} alsoReads={[subnetsPath]} />;
}

function SiteConnectionsTab() {
  const { t } = useTranslation();
  const services = useVpnList(vpnServices);
  const columns = useMemo<ColumnDef<IpsecSiteConnection>[]>(() => {
    const serviceName = (id: string) => services.data?.find((service) => service.id === id)?.name || id;
    return [
      { id: 'status', header: t('vpn.fields.status'), enableSorting: true, cell: ({ row }) => <VpnStatusBadge status={row.original.status} adminStateUp={row.original.admin_state_up} explain /> },
      valueColumn('peer', t('vpn.fields.peer_address'), (connection) => <span className="font-mono text-xs" data-testid="connection-peer">{connection.peer_address}</span>),
      valueColumn('service', t('vpn.fields.vpnservice_id'), (connection) => serviceName(connection.vpnservice_id)),
      valueColumn('mtu', t('vpn.fields.mtu'), (connection) => connection.mtu),
      valueColumn('initiator', t('vpn.fields.initiator'), (connection) => connection.initiator),
    ];
  }, [t, services.data]);
  return (
    <VpnListTab
      tab="site-connections"
      kind={siteConnections}
      actions={siteConnectionActions}
     
      columns={columns}
      sortValues={statusSort}
      alsoReads={[vpnServices.path]}
      guided
    />
  );
}

const tabPages: Record<VpnTab, () => ReactNode> = {
  'site-connections': SiteConnectionsTab,
  'ike-policies': IkePoliciesTab,
  'ipsec-policies': IpsecPoliciesTab,
  services: ServicesTab,
  'endpoint-groups': EndpointGroupsTab,
};

export function VpnPage() {
  const [search] = useSearchParams();
  const asked = search.get('tab') ?? '';
  const Tab = tabPages[isVpnTab(asked) ? asked : vpnTabs[0]];
  return <Tab />;
}
