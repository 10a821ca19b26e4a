// The project's floating IPs: one Neutron page as the URL says (size, position, sort), which instance (or port)
// holds each, row menus, bulk disassociate/release, and "Allocate IP". The pools' and instances' names come from
// their own reads and fill in their cells (lib/ui/lookup-cell); the instances' only when an IP of the page (or of the
// export's rows) has one.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { identifyProject, projectTarget, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionButton } from '../../../lib/capabilities/action-button';
import { neutronPageWindow } from '../../../lib/api/neutron-paging';
import type { ListPage } from '../../../lib/api/openstack-list';
import type { ListUrlState } from '../../../lib/api/page-window';
import { useScope } from '../../../lib/scope';
import { rowActionsColumn } from '../../../lib/ui/columns';
import { byId, lookup, LookupText, useLookupSource, type LookupSource } from '../../../lib/ui/lookup-cell';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useExportColumns } from '../../../lib/ui/table-export';
import { neutronStatusTone, StatusDot } from '../../../lib/ui/status-dot';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { networksPath, useExternalNetworks } from '../../../resources/networks/networks';
import { allocateFloatingIp, bulkFloatingIpActions, floatingIpActions, identifyFloatingIp } from '../actions';
import { floatingIpPageQueryOptions, floatingIpsPath, useFloatingIpPage } from '../../../resources/floating-ips/floating-ips';
import { serversPath } from '../../../resources/servers/servers';
import { readServerNamesLookup, serverNamesQueryOptions } from '../../../resources/servers/server-names';
import { listCodec } from '../../../resources/floating-ips/list-state';
import type { FloatingIp } from '../../../resources/floating-ips/types';

const muted = <span className="text-fg-muted">—</span>;

/** Whether an instance holds the IP (its name is then read from Nova). */
const windowOf = (state: ListUrlState<string, string>, page: ListPage<FloatingIp> | undefined) => neutronPageWindow(state, page?.items ?? [], page?.nextMarker);

const heldByInstance = (floatingIp: FloatingIp) => floatingIp.port_details?.device_owner.startsWith('compute:') === true;

function Holder({ floatingIp, serverNames }: { floatingIp: FloatingIp; serverNames: LookupSource<string, string> }) {
  const { t } = useTranslation();
  if (!floatingIp.port_id) return <span className="text-fg-muted" data-testid="fip-holder">{t('floating-ips.free')}</span>;
  const details = floatingIp.port_details;
  if (details && heldByInstance(floatingIp)) {
    return (
      <Link to={`/instances/${details.device_id}`} className="text-brand hover:underline" data-testid="fip-holder" data-kind="instance">
        <LookupText lookup={lookup(serverNames, details.device_id)} id={details.device_id} missing={details.device_id} width="lg" />
      </Link>
    );
  }
  return (
    <span data-testid="fip-holder" data-kind="port">
      <Link to={`/ports/${floatingIp.port_id}`} className="text-brand hover:underline">
        {details?.name || floatingIp.port_id.slice(0, 8)}
      </Link>
      {details?.device_owner && <span className="ml-1 text-xs text-fg-muted">({details.device_owner})</span>}
    </span>
  );
}

export function FloatingIpsPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const page = useFloatingIpPage(list.state);
  const shown = useMemo(() => windowOf(list.state, page.data), [list.state, page.data]);
  const externalNetworks = useExternalNetworks();
  const pools = useLookupSource({ data: useMemo(() => byId(externalNetworks.data), [externalNetworks.data]), isPending: externalNetworks.isPending });
  const serverNames = useLookupSource(useQuery({ ...serverNamesQueryOptions(scope), enabled: shown.rows.some(heldByInstance) }));
  const actions = useResourceActions({ actions: floatingIpActions, identify: identifyFloatingIp });
  const allocation = useResourceActions({ actions: [], identify: identifyProject });

  const queryClient = useQueryClient();

  // The columns over a source of server names: the page's read for the table, the export's for its rows.
  const columnsWith = useCallback((serverNames: LookupSource<string, string>): ColumnDef<FloatingIp>[] => {
    return [
      {
        id: 'floating_ip_address',
        header: t('floating-ips.columns.address'),
        enableSorting: true,
        cell: ({ row }) => (
          <span className="font-mono text-sm font-medium" data-testid="fip-address">
            {row.original.floating_ip_address}
          </span>
        ),
      },
      {
        id: 'status',
        header: t('floating-ips.columns.status'),
        enableSorting: true,
        cell: ({ row }) => (
          <StatusDot
            status={row.original.status}
            tone={neutronStatusTone(row.original.status)}
            label={t(`floating-ips.status.${row.original.status}`, { defaultValue: row.original.status })}
            testId="fip-status"
          />
        ),
      },
      {
        id: 'holder',
        header: t('floating-ips.columns.holder'),
        enableSorting: false,
        cell: ({ row }) => <Holder floatingIp={row.original} serverNames={serverNames} />,
      },
      {
        id: 'fixed_ip_address',
        header: t('floating-ips.columns.fixedIp'),
        enableSorting: true,
        cell: ({ row }) =>
          row.original.fixed_ip_address ? (
            <span className="font-mono text-xs" data-testid="fip-fixed-ip">{row.original.fixed_ip_address}</span>
          ) : (
            muted
          ),
      },
      {
        id: 'pool',
        header: t('floating-ips.columns.pool'),
        enableSorting: false,
        cell: ({ row }) => (
          <LookupText lookup={lookup(pools, row.original.floating_network_id, (network) => network.name)} id={row.original.floating_network_id} missing={row.original.floating_network_id} />
        ),
      },
      {
        id: 'description',
        header: t('floating-ips.columns.description'),
        enableSorting: false,
        cell: ({ row }) => <span className="line-clamp-1 max-w-56 text-fg-muted">{row.original.description || '—'}</span>,
      },
      rowActionsColumn({
        header: t('floating-ips.list.rowActionsColumn'),
        label: (floatingIp) => t('floating-ips.list.rowActions', { address: floatingIp.floating_ip_address }),
        items: (floatingIp) => actions.menuItems(floatingIp, floatingIpActions),
      }),
    ];
  }, [t, actions, pools]);
  const columns = useMemo(() => columnsWith(serverNames), [columnsWith, serverNames]);
  const exportColumns = useExportColumns(columnsWith, (floatingIps) => readServerNamesLookup(queryClient, scope, floatingIps.some(heldByInstance)));

  return (
    <ResourceListPage
      title={t('floating-ips.list.title')}
      subtitle={t('floating-ips.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={page}
      reads={{
        commands: [['floating', 'ip', 'list', '--long', '--project', scope.projectId]],
        // The project's floating IPs, the external networks they come from, the instances holding them by name.
        requests: [{ path: floatingIpsPath, params: { project_id: scope.projectId } }, { path: networksPath, params: { 'router:external': 'true' } }, serversPath],
      }}
      headerActions={
        <ActionButton
          action={allocateFloatingIp}
          variant="primary"
          onClick={() => allocation.trigger(allocateFloatingIp, [projectTarget(scope)])}
          data-testid="allocate-floating-ip"
        >
          {t('floating-ips.actions.allocate.label')}
        </ActionButton>
      }
      rowActions={actions}
      bulkActions={bulkFloatingIpActions}
      otherActions={[allocation]}
      table={{ testId: 'floating-ips-table', label: t('floating-ips.list.table'), columns, exportColumns, rowName: (floatingIp) => floatingIp.floating_ip_address, ...list.table(shown, (floatingIp) => floatingIp.id, { query: (position) => floatingIpPageQueryOptions(scope, position), windowOf }) }}
      empty={{ loading: t('floating-ips.list.loading'), title: t('floating-ips.list.empty'), hint: t('floating-ips.list.emptyHint') }}
    />
  );
}
