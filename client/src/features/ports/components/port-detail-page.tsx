// One port (deep link /ports/<id>): its network, addresses, MAC, what holds it (device owner and the instance or
// router), its security, and the same actions as the list's row menu.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { Menu } from '../../../lib/ui/menu';
import { useServerNames } from '../../../resources/servers/server-names';
import type { PageReads } from '../../../lib/ui/api-reads';
import { networkPath, subnetsPath, useNetwork, useSubnets } from '../../../resources/networks/networks';
import { securityGroupsPath, useSecurityGroups } from '../../../resources/security-groups/security-groups';
import { serversPath } from '../../../resources/servers/servers';
import { identifyPort, portActions } from '../actions';
import { portPath, usePort } from '../../../resources/ports/ports';
import type { Port } from '../../../resources/ports/types';
import { PortHolder } from './port-holder';
import { PortStatusBadge } from './port-status';

function Overview({ port }: { port: Port }) {
  const { t, i18n } = useTranslation();
  const network = useNetwork(port.network_id);
  const subnets = useSubnets([port.network_id]);
  const groups = useSecurityGroups();
  const serverNames = useServerNames();
  const yesNo = (value: boolean | undefined) => (value === undefined ? '—' : value ? t('ports.yes') : t('ports.no'));
  return (
    <div className="space-y-4">
      <DetailSection title={t('ports.detail.overview')}>
        <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
          <DetailField label={t('ports.detail.id')}>
            <code className="text-xs break-all select-all">{port.id}</code>
          </DetailField>
          <DetailField label={t('ports.columns.network')}>
            <Link to={`/networks/${port.network_id}`} className="text-brand hover:underline" data-testid="detail-network">
              {network.data?.name ?? port.network_id}
            </Link>
          </DetailField>
          <DetailField label={t('ports.columns.status')}>
            <PortStatusBadge port={port} />
          </DetailField>
          <DetailField label={t('ports.columns.mac')} testId="detail-mac">
            <code className="text-xs">{port.mac_address}</code>
          </DetailField>
          <DetailField label={t('ports.columns.holder')} testId="detail-holder">
            <PortHolder port={port} serverNames={serverNames} />
          </DetailField>
          <DetailField label={t('ports.form.portSecurity')} testId="detail-port-security">{yesNo(port.port_security_enabled)}</DetailField>
          <DetailField label={t('ports.form.adminStateUp')}>{yesNo(port.admin_state_up)}</DetailField>
          <DetailField label={t('ports.detail.created')}>{port.created_at ? new Date(port.created_at).toLocaleString(i18n.resolvedLanguage) : '—'}</DetailField>
          <DetailField label={t('ports.form.description')}>{port.description || '—'}</DetailField>
        </dl>
      </DetailSection>
      <div className="grid gap-4 lg:grid-cols-2">
        <DetailSection title={t('ports.form.fixedIps')} testId="detail-fixed-ips">
          {port.fixed_ips.length === 0 ? (
            <p className="text-sm text-fg-muted">{t('ports.detail.noFixedIp')}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {port.fixed_ips.map((fixedIp) => {
                const subnet = subnets.data?.find((candidate) => candidate.id === fixedIp.subnet_id);
                return (
                  <li key={`${fixedIp.subnet_id}/${fixedIp.ip_address}`} data-testid="detail-fixed-ip">
                    <span className="font-mono">{fixedIp.ip_address}</span>{' '}
                    <span className="text-fg-muted">{subnet ? `${subnet.name || subnet.id} (${subnet.cidr})` : fixedIp.subnet_id}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </DetailSection>
        <DetailSection title={t('ports.form.securityGroups')} testId="detail-security-groups">
          {port.security_groups.length === 0 ? (
            <p className="text-sm text-fg-muted">{t('ports.detail.noGroup')}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {port.security_groups.map((groupId) => (
                <li key={groupId}>
                  <Link to={`/security-groups/${groupId}`} className="text-brand hover:underline" data-testid="detail-security-group">
                    {groups.data?.find((group) => group.id === groupId)?.name ?? groupId}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </DetailSection>
      </div>
    </div>
  );
}

export function PortDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = usePort(id);
  // The port, its network and subnets, the groups it may be given, and its instance's name.
  const networkId = query.data?.network_id;
  const reads: PageReads = {
    commands: [['port', 'show', id], ...(networkId ? [['network', 'show', networkId]] : [])],
    requests: [portPath(id), ...(networkId ? [networkPath(networkId), { path: subnetsPath, params: { network_id: networkId } }] : []), securityGroupsPath, serversPath],
  };
  const actions = useResourceActions({
    actions: portActions,
    identify: identifyPort,
    onSucceeded: (_port, action) => {
      if (action.id === 'delete') void navigate('/ports');
    },
  });

  return (
    <div className="px-6 py-6">
      <BackLink to="/ports">{t('ports.detail.back')}</BackLink>
      <DetailState query={query} loading={t('ports.detail.loading')} deleted={t('ports.detail.deleted')} deletedTestId="port-deleted">
        {(port) => (
          <>
            <DetailHeader
              title={port.name || port.id}
              reads={reads}
              status={<PortStatusBadge port={port} />}
              actions={
                <Menu
                  label={t('ports.detail.actions')}
                  trigger={<span className="px-1 font-medium">{t('ports.detail.actions')}</span>}
                  items={actions.menuItems(port, portActions)}
                  testId="detail-actions"
                />
              }
            />
            <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
            <div className={actions.failures.length > 0 ? 'mt-3' : undefined}>
              <Overview port={port} />
            </div>
            {actions.dialogElement}
          </>
        )}
      </DetailState>
    </div>
  );
}
