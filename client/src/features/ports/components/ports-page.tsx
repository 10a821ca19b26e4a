// The ports list: one Neutron page of the project's ports (all of them, or one network's) as the URL says, with
// what each is plugged into, row menus, bulk delete and "Create port".
import { useQuery } from '@tanstack/react-query';
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
import { SelectField } from '../../../lib/ui/select-field';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { useServerNames } from '../../../resources/servers/server-names';
import { useUsableNetworks } from '../../../resources/networks/networks';
import { bulkPortActions, createPort, identifyPort, portActions } from '../actions';
import { portPageQueryOptions } from '../../../resources/ports/ports';
import { listCodec } from '../../../resources/ports/list-state';
import type { Port } from '../../../resources/ports/types';
import { PortHolder } from './port-holder';
import { PortStatusBadge } from './port-status';

export function PortsPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;
  const page = useQuery(portPageQueryOptions(scope, state));
  const shown = useMemo(() => neutronPageWindow(state, page.data?.items ?? []), [state, page.data]);
  const rows = shown.rows;
  const networks = useUsableNetworks();
  const serverNames = useServerNames();
  const actions = useResourceActions({ actions: portActions, identify: identifyPort });
  const creation = useResourceActions({ actions: [], identify: identifyProject });
  const [selection, setSelection] = useState<RowSelectionState>({});
  const selected = rows.filter((port) => selection[port.id]);
  const networkFilter = state.filters.network ?? '';

  const columns = useMemo<ColumnDef<Port>[]>(() => {
    const networkName = (id: string) => networks.data?.find((network) => network.id === id)?.name ?? id.slice(0, 8);
    return [
      {
        id: 'name',
        header: t('ports.columns.name'),
        enableSorting: true,
        cell: ({ row }) => (
          <Link to={`/ports/${row.original.id}`} className="font-medium text-brand hover:underline" data-testid="port-name">
            {row.original.name || row.original.id.slice(0, 8)}
          </Link>
        ),
      },
      {
        id: 'network_id',
        header: t('ports.columns.network'),
        enableSorting: true,
        cell: ({ row }) => (
          <Link to={`/networks/${row.original.network_id}`} className="text-brand hover:underline">
            {networkName(row.original.network_id)}
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
      { id: 'device_owner', header: t('ports.columns.holder'), enableSorting: true, cell: ({ row }) => <PortHolder port={row.original} serverNames={serverNames.data} /> },
      { id: 'status', header: t('ports.columns.status'), enableSorting: true, cell: ({ row }) => <PortStatusBadge port={row.original} /> },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('ports.list.rowActionsColumn')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <div className="text-right">
            <Menu label={t('ports.list.rowActions', { name: row.original.name || row.original.id })} items={actions.menuItems(row.original, portActions)} testId="row-actions" />
          </div>
        ),
      },
    ];
  }, [t, networks.data, serverNames.data, actions]);

  const placeholder = listPlaceholder({
    query: page,
    empty: rows.length === 0,
    loading: t('ports.list.loading'),
    emptyTitle: list.filtered ? t('ports.list.noMatch') : t('ports.list.empty'),
    emptyHint: list.filtered ? (
      <button type="button" className="text-brand underline" onClick={list.clearFilters}>
        {t('ports.list.clearFilters')}
      </button>
    ) : (
      t('ports.list.emptyHint')
    ),
  });

  return (
    <div className="px-6 py-6">
      <PageHeader
        title={t('ports.list.title')}
        subtitle={t('ports.list.subtitle', { project: scope.projectName, region: scope.region })}
        actions={
          <>
            <RefreshButton query={page} />
            <Button variant="primary" onClick={() => creation.trigger(createPort(networkFilter), [{ id: scope.projectId, name: scope.projectName }])} data-testid="create-port">
              {t('ports.actions.create.label')}
            </Button>
          </>
        }
      />
      <div className="mb-4 max-w-xs" role="search" aria-label={t('ports.list.filters')}>
        <SelectField
          label={t('ports.columns.network')}
          value={networkFilter}
          onChange={(network) => list.applyFilters(network ? { network } : {})}
          placeholder={t('ports.list.allNetworks')}
          options={(networks.data ?? []).map((network) => ({ value: network.id, label: network.name || network.id }))}
          testId="filter-network"
        />
      </div>
      <BulkBar count={selected.length} actions={bulkPortActions} onAction={(action) => actions.trigger(action, selected)} />
      <ActionFailures failures={[...creation.failures, ...actions.failures]} onDismiss={(key) => {
          creation.dismissFailure(key);
          actions.dismissFailure(key);
        }} />
      <div className={actions.failures.length + creation.failures.length > 0 ? 'mt-3' : undefined}>
        <DataTable
          testId="ports-table"
          columns={columns}
          rows={rows}
          rowId={(port) => port.id}
          rowName={(port) => port.name || port.id}
          sorting={list.sorting}
          onSortingChange={list.onSortingChange}
          selection={selection}
          onSelectionChange={setSelection}
          placeholder={placeholder}
          label={t('ports.list.table')}
          pagination={list.pagination(shown, (port) => port.id)}
        />
      </div>
      {actions.dialogElement}
      {creation.dialogElement}
    </div>
  );
}
