// The ports list: one Neutron page of the project's ports (all of them, or one network's) as the URL says, with
// what each is plugged into, row menus, bulk delete and "Create port". The networks' and instances' names come from
// their own reads and fill in their cells (lib/ui/lookup-cell); the instances' only when a port of the page (or of
// the export's rows) has one.
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
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { byId, lookup, LookupText, useLookupSource, type LookupSource } from '../../../lib/ui/lookup-cell';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useExportColumns } from '../../../lib/ui/table-export';
import { cliOptions } from '../../../lib/ui/api-reads';
import { SelectField } from '../../../lib/ui/select-field';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { readServerNamesLookup, serverNamesQueryOptions } from '../../../resources/servers/server-names';
import { networksPath, useUsableNetworks } from '../../../resources/networks/networks';
import { bulkPortActions, createPort, identifyPort, portActions } from '../actions';
import { portPageQueryOptions, portsPath } from '../../../resources/ports/ports';
import { serversPath } from '../../../resources/servers/servers';
import { listCodec } from '../../../resources/ports/list-state';
import type { Port } from '../../../resources/ports/types';
import { isInstancePort, PortHolder } from './port-holder';
import { PortStatusBadge } from './port-status';

const windowOf = (state: ListUrlState<string, string>, page: ListPage<Port> | undefined) => neutronPageWindow(state, page?.items ?? [], page?.nextMarker);

export function PortsPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;
  const page = useQuery(portPageQueryOptions(scope, state));
  const shown = useMemo(() => windowOf(state, page.data), [state, page.data]);
  // The networks are read at once (the filter offers them too); the instances' names once a row needs them.
  const networks = useUsableNetworks();
  const networksById = useLookupSource({ data: useMemo(() => byId(networks.data), [networks.data]), isPending: networks.isPending });
  const serverNames = useLookupSource(useQuery({ ...serverNamesQueryOptions(scope), enabled: shown.rows.some(isInstancePort) }));
  const actions = useResourceActions({ actions: portActions, identify: identifyPort });
  const creation = useResourceActions({ actions: [], identify: identifyProject });
  const networkFilter = state.filters.network ?? '';

  const queryClient = useQueryClient();

  // The columns over a source of server names: the page's read for the table, the export's for its rows.
  const columnsWith = useCallback((serverNames: LookupSource<string, string>): ColumnDef<Port>[] => {
    return [
      nameLinkColumn({ header: t('ports.columns.name'), href: (port) => `/ports/${port.id}`, text: (port) => port.name || port.id.slice(0, 8), testId: 'port-name' }),
      {
        id: 'network_id',
        header: t('ports.columns.network'),
        enableSorting: true,
        cell: ({ row }) => (
          <Link to={`/networks/${row.original.network_id}`} className="text-brand hover:underline">
            <LookupText lookup={lookup(networksById, row.original.network_id, (network) => network.name)} id={row.original.network_id} />
          </Link>
        ),
      },
      {
        id: 'fixed_ips',
        header: t('ports.columns.fixedIps'),
        enableSorting: false,
        cell: ({ row }) => <span className="font-mono text-xs" data-testid="port-fixed-ips">{row.original.fixed_ips.map((fixedIp) => fixedIp.ip_address).join(', ') || '—'}</span>,
      },
      { id: 'mac_address', header: t('ports.columns.mac'), enableSorting: true, cell: ({ row }) => <span className="font-mono text-xs">{row.original.mac_address}</span> },
      { id: 'device_owner', header: t('ports.columns.holder'), enableSorting: true, cell: ({ row }) => <PortHolder port={row.original} serverNames={serverNames} /> },
      { id: 'status', header: t('ports.columns.status'), enableSorting: true, cell: ({ row }) => <PortStatusBadge port={row.original} /> },
      rowActionsColumn({
        header: t('ports.list.rowActionsColumn'),
        label: (port) => t('ports.list.rowActions', { name: port.name || port.id }),
        items: (port) => actions.menuItems(port, portActions),
      }),
    ];
  }, [t, networksById, actions]);
  const columns = useMemo(() => columnsWith(serverNames), [columnsWith, serverNames]);
  const exportColumns = useExportColumns(columnsWith, (ports) => readServerNamesLookup(queryClient, scope, ports.some(isInstancePort)));

  return (
    <ResourceListPage
      title={t('ports.list.title')}
      subtitle={t('ports.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={page}
      reads={{
        commands: [['port', 'list', '--long', '--project', scope.projectId, ...cliOptions([['--network', state.filters.network]])]],
        // The page's ports; the networks of the filter and the create form; the instances holding the ports, by name.
        requests: [{ path: portsPath, params: { project_id: scope.projectId } }, networksPath, serversPath],
      }}
      headerActions={
        <ActionButton action={createPort(networkFilter)} variant="primary" onClick={() => creation.trigger(createPort(networkFilter), [projectTarget(scope)])} data-testid="create-port">
          {t('ports.actions.create.label')}
        </ActionButton>
      }
      toolbar={
        <div className="max-w-xs" role="search" aria-label={t('ports.list.filters')}>
          <SelectField
            label={t('ports.columns.network')}
            value={networkFilter}
            onChange={(network) => list.applyFilters(network ? { network } : {})}
            placeholder={t('ports.list.allNetworks')}
            options={(networks.data ?? []).map((network) => ({ value: network.id, label: network.name || network.id }))}
            testId="filter-network"
          />
        </div>
      }
      rowActions={actions}
      bulkActions={bulkPortActions}
      otherActions={[creation]}
      table={{ testId: 'ports-table', label: t('ports.list.table'), columns, exportColumns, rowName: (port) => port.name || port.id, ...list.table(shown, (port) => port.id, { query: (position) => portPageQueryOptions(scope, position), windowOf }) }}
      empty={{
        loading: t('ports.list.loading'),
        title: t('ports.list.empty'),
        hint: t('ports.list.emptyHint'),
        filtered: list.filtered ? { noMatch: t('ports.list.noMatch'), clear: { label: t('ports.list.clearFilters'), onClear: list.clearFilters } } : undefined,
      }}
    />
  );
}
