// One VPN object (deep link /vpn/<tab>/<id>): its attributes, with the names of what it refers to linked, the
// same actions as the list's row menu, and the commands. A site connection's pre-shared key, which Neutron answers
// to every read, is never shown: the page says one is set.
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import type { ActionSummary } from '../../../lib/actions/use-action-runner';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { CliCommand } from '../../../lib/ui/cli-command';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { Menu } from '../../../lib/ui/menu';
import { useRouters } from '../../../resources/routers/routers';
import { useSubnets } from '../../../resources/networks/networks';
import type { EndpointGroup, IkePolicy, IpsecPolicy, IpsecSiteConnection, VpnService } from '../../../resources/vpn/types';
import { endpointGroups, ikePolicies, ipsecPolicies, siteConnections, useVpnList, useVpnObject, vpnServices, type VpnCollection } from '../../../resources/vpn/vpn';
import { endpointGroupActions, identifyVpnObject, ikePolicyActions, ipsecPolicyActions, siteConnectionActions, vpnServiceActions, type VpnKindActions } from '../actions';
import { cliNoun, isVpnTab, vpnDetailHref, vpnListHref, type VpnTab } from '../tabs';
import { VpnStatusBadge } from './vpn-status';

type Shown = readonly (readonly [label: string, value: ReactNode, testId: string])[];

interface Named {
  id: string;
  name: string;
}

function VpnDetail<Item extends Named>({
  tab,
  id,
  kind,
  actions: declared,
  fields,
  status,
}: {
  tab: VpnTab;
  id: string;
  kind: VpnCollection<Item>;
  actions: VpnKindActions<Item>;
  fields: (item: Item) => Shown;
  status?: (item: Item) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const item = useVpnObject(kind, id);
  const onSucceeded = useCallback(
    (_item: Item, action: ActionSummary<Item>) => {
      if (action.id === 'delete') void navigate(vpnListHref(tab));
    },
    [navigate, tab],
  );
  const actions = useResourceActions({ actions: declared.actions, identify: identifyVpnObject, onSucceeded });
  const show = [...cliNoun[tab], 'show', id];
  return (
    <div className="px-6 py-6">
      <BackLink to={vpnListHref(tab)}>{t(`vpn.tabs.${tab}`)}</BackLink>
      <DetailState query={item} loading={t('vpn.detail.loading')} deleted={t('vpn.detail.deleted')} deletedTestId="vpn-deleted">
        {(shown) => (
          <>
            <DetailHeader
              title={shown.name || shown.id}
              status={status?.(shown)}
              reads={{ commands: [show], requests: [kind.itemPath(id)] }}
              actions={
                <Menu label={t('vpn.list.rowActions', { name: shown.name || shown.id })} items={actions.menuItems(shown)} testId="detail-actions" trigger={t('vpn.detail.actions')} />
              }
            />
            <div className="space-y-4">
              <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
              <DetailSection>
                <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                  {[...fields(shown), [t('vpn.detail.id'), <span className="font-mono text-xs">{shown.id}</span>, 'detail-id'] as const].map(([label, value, testId]) => (
                    <DetailField key={testId} label={label} testId={testId}>
                      {value}
                    </DetailField>
                  ))}
                </dl>
              </DetailSection>
              <DetailSection title={t('vpn.detail.cli')}>
                <CliCommand commands={[show, ...declared.actions.filter((action) => !action.input).flatMap((action) => action.cli(shown, undefined))]} />
              </DetailSection>
            </div>
          </>
        )}
      </DetailState>
      {actions.dialogElement}
    </div>
  );
}

const or = (value: string | null | undefined, fallback: ReactNode = '—') => (value ? value : fallback);

/** A link to another VPN object, by its name once the list is read. */
function ObjectLink<Item extends Named>({ tab, kind, id }: { tab: VpnTab; kind: VpnCollection<Item>; id: string | null }) {
  const list = useVpnList(kind, { enabled: id !== null });
  if (!id) return <>—</>;
  const name = list.data?.find((item) => item.id === id)?.name || id;
  return (
    <Link to={vpnDetailHref(tab, id)} className="font-medium text-brand hover:underline">
      {name}
    </Link>
  );
}

function RouterLink({ id }: { id: string }) {
  const routers = useRouters();
  return (
    <Link to={`/routers/${id}`} className="font-medium text-brand hover:underline">
      {routers.data?.find((router) => router.id === id)?.name || id}
    </Link>
  );
}

function SubnetText({ id }: { id: string }) {
  const subnets = useSubnets();
  const subnet = subnets.data?.find((candidate) => candidate.id === id);
  return <>{subnet ? `${subnet.name || subnet.id} (${subnet.cidr})` : id}</>;
}

function IkePolicyDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <VpnDetail<IkePolicy>
      tab="ike-policies"
      id={id}
      kind={ikePolicies}
      actions={ikePolicyActions}
      fields={(policy) => [
        [t('vpn.fields.description'), or(policy.description), 'detail-description'],
        [t('vpn.fields.auth_algorithm'), policy.auth_algorithm, 'detail-auth'],
        [t('vpn.fields.encryption_algorithm'), policy.encryption_algorithm, 'detail-encryption'],
        [t('vpn.fields.ike_version'), policy.ike_version, 'detail-ike-version'],
        [t('vpn.fields.phase1_negotiation_mode'), policy.phase1_negotiation_mode, 'detail-phase1'],
        [t('vpn.fields.pfs'), policy.pfs, 'detail-pfs'],
        [t('vpn.fields.lifetime'), `${policy.lifetime.value} s`, 'detail-lifetime'],
      ]}
    />
  );
}

function IpsecPolicyDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <VpnDetail<IpsecPolicy>
      tab="ipsec-policies"
      id={id}
      kind={ipsecPolicies}
      actions={ipsecPolicyActions}
      fields={(policy) => [
        [t('vpn.fields.description'), or(policy.description), 'detail-description'],
        [t('vpn.fields.transform_protocol'), policy.transform_protocol, 'detail-transform'],
        [t('vpn.fields.encapsulation_mode'), policy.encapsulation_mode, 'detail-encapsulation'],
        [t('vpn.fields.auth_algorithm'), policy.auth_algorithm, 'detail-auth'],
        [t('vpn.fields.encryption_algorithm'), policy.encryption_algorithm, 'detail-encryption'],
        [t('vpn.fields.pfs'), policy.pfs, 'detail-pfs'],
        [t('vpn.fields.lifetime'), `${policy.lifetime.value} s`, 'detail-lifetime'],
      ]}
    />
  );
}

function ServiceDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <VpnDetail<VpnService>
      tab="services"
      id={id}
      kind={vpnServices}
      actions={vpnServiceActions}
      status={(service) => <VpnStatusBadge status={service.status} adminStateUp={service.admin_state_up} explain />}
      fields={(service) => [
        [t('vpn.fields.description'), or(service.description), 'detail-description'],
        [t('vpn.fields.router_id'), <RouterLink id={service.router_id} />, 'detail-router'],
        [t('vpn.fields.subnet_id'), service.subnet_id ? <SubnetText id={service.subnet_id} /> : t('vpn.byEndpointGroups'), 'detail-subnet'],
        [t('vpn.fields.external_v4_ip'), or(service.external_v4_ip), 'detail-external-v4'],
        [t('vpn.fields.external_v6_ip'), or(service.external_v6_ip), 'detail-external-v6'],
      ]}
    />
  );
}

function EndpointGroupDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <VpnDetail<EndpointGroup>
      tab="endpoint-groups"
      id={id}
      kind={endpointGroups}
      actions={endpointGroupActions}
      fields={(group) => [
        [t('vpn.fields.description'), or(group.description), 'detail-description'],
        [t('vpn.fields.type'), t(`vpn.endpointTypes.${group.type}`), 'detail-type'],
        [
          t('vpn.fields.endpoints'),
          <ul>
            {group.endpoints.map((endpoint) => (
              <li key={endpoint}>{group.type === 'subnet' ? <SubnetText id={endpoint} /> : endpoint}</li>
            ))}
          </ul>,
          'detail-endpoints',
        ],
      ]}
    />
  );
}

function SiteConnectionDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <VpnDetail<IpsecSiteConnection>
      tab="site-connections"
      id={id}
      kind={siteConnections}
      actions={siteConnectionActions}
      status={(connection) => <VpnStatusBadge status={connection.status} adminStateUp={connection.admin_state_up} explain />}
      fields={(connection) => [
        [t('vpn.fields.description'), or(connection.description), 'detail-description'],
        [t('vpn.fields.peer_address'), <span className="font-mono text-xs">{connection.peer_address}</span>, 'detail-peer-address'],
        [t('vpn.fields.peer_id'), connection.peer_id, 'detail-peer-id'],
        [t('vpn.fields.local_id'), or(connection.local_id), 'detail-local-id'],
        [t('vpn.fields.vpnservice_id'), <ObjectLink tab="services" kind={vpnServices} id={connection.vpnservice_id} />, 'detail-service'],
        [t('vpn.fields.ikepolicy_id'), <ObjectLink tab="ike-policies" kind={ikePolicies} id={connection.ikepolicy_id} />, 'detail-ike-policy'],
        [t('vpn.fields.ipsecpolicy_id'), <ObjectLink tab="ipsec-policies" kind={ipsecPolicies} id={connection.ipsecpolicy_id} />, 'detail-ipsec-policy'],
        [t('vpn.fields.local_ep_group_id'), <ObjectLink tab="endpoint-groups" kind={endpointGroups} id={connection.local_ep_group_id} />, 'detail-local-group'],
        [t('vpn.fields.peer_ep_group_id'), <ObjectLink tab="endpoint-groups" kind={endpointGroups} id={connection.peer_ep_group_id} />, 'detail-peer-group'],
        [t('vpn.fields.peer_cidrs'), or(connection.peer_cidrs.join(', ')), 'detail-peer-cidrs'],
        // Neutron answers the key to every read; it stays in the answer.
        [t('vpn.fields.psk'), t('vpn.detail.pskSet'), 'detail-psk'],
        [t('vpn.fields.mtu'), connection.mtu, 'detail-mtu'],
        [t('vpn.fields.initiator'), connection.initiator, 'detail-initiator'],
        [t('vpn.fields.dpd'), t('vpn.detail.dpd', { ...connection.dpd }), 'detail-dpd'],
        [t('vpn.fields.route_mode'), connection.route_mode, 'detail-route-mode'],
      ]}
    />
  );
}

const detailPages: Record<VpnTab, (props: { id: string }) => ReactNode> = {
  'site-connections': SiteConnectionDetail,
  'ike-policies': IkePolicyDetail,
  'ipsec-policies': IpsecPolicyDetail,
  services: ServiceDetail,
  'endpoint-groups': EndpointGroupDetail,
};

export function VpnDetailPage() {
  const { t } = useTranslation();
  const { tab = '', id = '' } = useParams();
  if (!isVpnTab(tab)) return <p className="px-6 py-6 text-sm text-fg-muted">{t('vpn.detail.unknownKind')}</p>;
  const Detail = detailPages[tab];
  return <Detail key={`${tab}/${id}`} id={id} />;
}
