// One network (deep link /networks/<id>): its settings, its subnets (added, edited and deleted here: a subnet
// belongs to its network's page) and the project's ports on it, with the same actions as the list's row menu.
import { useTranslation } from 'react-i18next';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { Link, useNavigate, useParams } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { Menu } from '../../../lib/ui/menu';
import { QueryGate } from '../../../lib/ui/query-gate';
import { Tabs, useTabParam } from '../../../lib/ui/tabs';
import type { PageReads } from '../../../lib/ui/api-reads';
import { portsPath, usePorts } from '../../../resources/ports/ports';
import { addSubnet, identifyNetwork, identifySubnet, networkActions, subnetActions } from '../actions';
import { networkPath, subnetsPath, useNetwork, useSubnets } from '../../../resources/networks/networks';
import type { Network, Subnet } from '../../../resources/networks/types';
import { portHolderLink } from './blocking-ports';
import { NetworkKindBadges, NetworkStatusBadge } from './network-flags';

const tabs = ['overview', 'subnets', 'ports'] as const;

function Overview({ network }: { network: Network }) {
  const { t, i18n } = useTranslation();
  const yesNo = (value: boolean | undefined) => (value === undefined ? '—' : value ? t('networks.yes') : t('networks.no'));
  const date = (value?: string) => (value ? new Date(value).toLocaleString(i18n.resolvedLanguage) : '—');
  return (
    <DetailSection title={t('networks.detail.overview')}>
      <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
        <DetailField label={t('networks.detail.id')}>
          <code className="text-xs break-all select-all">{network.id}</code>
        </DetailField>
        <DetailField label={t('networks.detail.project')}>
          <code className="text-xs break-all">{network.project_id}</code>
        </DetailField>
        <DetailField label={t('networks.columns.status')}>
          <NetworkStatusBadge network={network} />
        </DetailField>
        <DetailField label={t('networks.form.adminStateUp')} testId="detail-admin-state">{yesNo(network.admin_state_up)}</DetailField>
        <DetailField label={t('networks.form.shared')} testId="detail-shared">{yesNo(network.shared)}</DetailField>
        <DetailField label={t('networks.form.external')} testId="detail-external">{yesNo(network['router:external'])}</DetailField>
        <DetailField label={t('networks.columns.mtu')} testId="detail-mtu">{network.mtu ?? '—'}</DetailField>
        <DetailField label={t('networks.form.portSecurity')} testId="detail-port-security">{yesNo(network.port_security_enabled)}</DetailField>
        <DetailField label={t('networks.detail.networkType')}>{network['provider:network_type'] ?? '—'}</DetailField>
        <DetailField label={t('networks.detail.zones')}>{network.availability_zones?.join(', ') || '—'}</DetailField>
        <DetailField label={t('networks.detail.created')}>{date(network.created_at)}</DetailField>
        <DetailField label={t('networks.detail.updated')}>{date(network.updated_at)}</DetailField>
        <DetailField label={t('networks.form.description')} testId="detail-description">{network.description || '—'}</DetailField>
      </dl>
    </DetailSection>
  );
}

function SubnetsTab({ network, onAdd }: { network: Network; onAdd: () => void }) {
  const { t } = useTranslation();
  const subnets = useSubnets([network.id]);
  const actions = useResourceActions({ actions: subnetActions, identify: identifySubnet });
  const list = (items: readonly string[] | undefined) => (items && items.length > 0 ? items.join(', ') : '—');
  return (
    <DetailSection title={t('networks.detail.subnets')} testId="subnets-section">
      <div className="mb-3 flex justify-end">
        <Button variant="primary" onClick={onAdd} data-testid="add-subnet">
          {t('networks.actions.add-subnet.label')}
        </Button>
      </div>
      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      <QueryGate query={subnets} loading={t('networks.detail.subnetsLoading')}>
        {(rows: Subnet[]) =>
          rows.length === 0 ? (
            <p className="text-sm text-fg-muted">{t('networks.noSubnet')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" aria-label={t('networks.detail.subnets')} data-testid="subnets-table">
                <thead>
                  <tr className="text-left text-xs text-fg-muted">
                    {(['name', 'cidr', 'gateway', 'dhcp', 'pools', 'dns', 'routes', 'modes'] as const).map((column) => (
                      <th key={column} scope="col" className="py-1 pr-3 font-medium whitespace-nowrap">
                        {t(`networks.subnetColumns.${column}`)}
                      </th>
                    ))}
                    <th scope="col">
                      <span className="sr-only">{t('networks.list.rowActionsColumn')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((subnet) => (
                    <tr key={subnet.id} className="border-t border-line align-top" data-testid="subnet-row" data-subnet-id={subnet.id} data-subnet-name={subnet.name}>
                      <td className="py-1.5 pr-3 font-medium">{subnet.name || '—'}</td>
                      <td className="py-1.5 pr-3 font-mono text-xs whitespace-nowrap" data-testid="subnet-cidr">
                        {subnet.cidr} <span className="font-sans text-fg-muted">IPv{subnet.ip_version}</span>
                      </td>
                      <td className="py-1.5 pr-3 font-mono text-xs" data-testid="subnet-gateway">{subnet.gateway_ip ?? t('networks.subnet.gatewayNone')}</td>
                      <td className="py-1.5 pr-3" data-testid="subnet-dhcp">{subnet.enable_dhcp ? t('networks.yes') : t('networks.no')}</td>
                      <td className="py-1.5 pr-3 font-mono text-xs" data-testid="subnet-pools">{list(subnet.allocation_pools.map((pool) => `${pool.start}–${pool.end}`))}</td>
                      <td className="py-1.5 pr-3 font-mono text-xs" data-testid="subnet-dns">{list(subnet.dns_nameservers)}</td>
                      <td className="py-1.5 pr-3 font-mono text-xs" data-testid="subnet-routes">{list(subnet.host_routes?.map((route) => `${route.destination} → ${route.nexthop}`))}</td>
                      <td className="py-1.5 pr-3 text-xs" data-testid="subnet-modes">
                        {subnet.ip_version === 6 ? `${subnet.ipv6_address_mode ?? '—'} / ${subnet.ipv6_ra_mode ?? '—'}` : '—'}
                      </td>
                      <td className="py-1.5 text-right">
                        <Menu label={t('networks.list.rowActions', { name: subnet.name || subnet.cidr })} items={actions.menuItems(subnet)} testId="subnet-actions" />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryGate>
      {actions.dialogElement}
    </DetailSection>
  );
}

function PortsTab({ network }: { network: Network }) {
  const { t } = useTranslation();
  const ports = usePorts({ networkId: network.id });
  return (
    <DetailSection title={t('networks.detail.ports')} testId="ports-section">
      <div className="mb-3 flex justify-end">
        <Link to={`/ports?network=${encodeURIComponent(network.id)}`} className="text-sm text-brand hover:underline" data-testid="manage-ports">
          {t('networks.detail.managePorts')}
        </Link>
      </div>
      <QueryGate query={ports} loading={t('networks.detail.portsLoading')}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="text-sm text-fg-muted">{t('networks.detail.noPorts')}</p>
          ) : (
            <table className="w-full text-sm" aria-label={t('networks.detail.ports')} data-testid="network-ports-table">
              <thead>
                <tr className="text-left text-xs text-fg-muted">
                  {(['name', 'fixedIps', 'mac', 'owner', 'status'] as const).map((column) => (
                    <th key={column} scope="col" className="py-1 pr-3 font-medium">
                      {t(`networks.portColumns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((port) => {
                  const holder = portHolderLink(port);
                  return (
                    <tr key={port.id} className="border-t border-line" data-testid="network-port-row" data-port-id={port.id}>
                      <td className="py-1.5 pr-3">
                        <Link to={`/ports/${port.id}`} className="font-medium text-brand hover:underline">
                          {port.name || port.id.slice(0, 8)}
                        </Link>
                      </td>
                      <td className="py-1.5 pr-3 font-mono text-xs">{port.fixed_ips.map((fixedIp) => fixedIp.ip_address).join(', ') || '—'}</td>
                      <td className="py-1.5 pr-3 font-mono text-xs">{port.mac_address}</td>
                      <td className="py-1.5 pr-3 text-xs">
                        {holder ? (
                          <Link to={holder} className="font-mono text-brand hover:underline">
                            {port.device_owner}
                          </Link>
                        ) : (
                          <span className="font-mono">{port.device_owner || '—'}</span>
                        )}
                      </td>
                      <td className="py-1.5 pr-3">{port.status}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </QueryGate>
    </DetailSection>
  );
}

export function NetworkDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const scope = useScope();
  const navigate = useNavigate();
  const [tab, selectTab] = useTabParam(tabs);
  const query = useNetwork(id);
  const reads: PageReads = {
    commands: [
      ['network', 'show', id],
      ['subnet', 'list', '--long', '--network', id],
      ['port', 'list', '--long', '--network', id],
    ],
    requests: [networkPath(id), { path: subnetsPath, params: { network_id: id } }, { path: portsPath, params: { network_id: id } }],
  };
  const actions = useResourceActions({
    actions: networkActions,
    identify: identifyNetwork,
    onSucceeded: (_network, action) => {
      if (action.id === 'delete') void navigate('/networks');
    },
  });

  return (
    <div className="px-6 py-6">
      <BackLink to="/networks">{t('networks.detail.back')}</BackLink>
      <DetailState query={query} loading={t('networks.detail.loading')} deleted={t('networks.detail.deleted')} deletedTestId="network-deleted">
        {(network) => (
          <>
            <DetailHeader
              title={network.name || network.id}
              reads={reads}
              status={
                <div className="flex flex-wrap items-center gap-3">
                  <NetworkStatusBadge network={network} />
                  <NetworkKindBadges network={network} projectId={scope.projectId} />
                </div>
              }
              actions={
                <Menu
                  label={t('networks.detail.actions')}
                  trigger={<span className="px-1 font-medium">{t('networks.detail.actions')}</span>}
                  items={actions.menuItems(network, networkActions)}
                  testId="detail-actions"
                />
              }
            />
            <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
            <Tabs
              tabs={tabs}
              current={tab}
              onSelect={selectTab}
              label={network.name || network.id}
              tabLabel={(name) => t(`networks.detail.tabs.${name}`, { count: name === 'subnets' ? network.subnets.length : undefined })}
            >
              {tab === 'overview' && <Overview network={network} />}
              {tab === 'subnets' && <SubnetsTab network={network} onAdd={() => actions.trigger(addSubnet, [network])} />}
              {tab === 'ports' && <PortsTab network={network} />}
            </Tabs>
            {actions.dialogElement}
          </>
        )}
      </DetailState>
    </div>
  );
}
