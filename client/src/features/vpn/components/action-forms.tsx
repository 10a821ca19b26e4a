// The input forms of the VPN actions, rendered inside the action dialog. The choices (routers, subnets, policies,
// services, endpoint groups) come from the resources' hooks; the checks are validation.ts's, shown by the dialog.
import { useTranslation } from 'react-i18next';
import type { ActionFormProps, ProjectTarget } from '../../../lib/actions/types';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { QueryGate } from '../../../lib/ui/query-gate';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { useSubnets } from '../../../resources/networks/networks';
import { useRouterInterfaces, useRouters } from '../../../resources/routers/routers';
import {
  authAlgorithms,
  dpdActions,
  encapsulationModes,
  encryptionAlgorithms,
  endpointTypes,
  ikeVersions,
  initiators,
  pfsGroups,
  phase1NegotiationModes,
  transformProtocols,
  type EndpointGroup,
  type IpsecSiteConnection,
  type VpnService,
} from '../../../resources/vpn/types';
import { endpointGroups, ikePolicies, ipsecPolicies, useVpnList, vpnServices } from '../../../resources/vpn/vpn';
import type {
  EndpointGroupDraft,
  GuidedConnectionDraft,
  IkePolicyDraft,
  IpsecPolicyDraft,
  Named,
  PeerMode,
  SiteConnectionDraft,
  SiteConnectionSettings,
  VpnServiceDraft,
  VpnServiceSettings,
} from '../inputs';

interface EditorProps<Input> {
  value: Input;
  onChange: (value: Input) => void;
}

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

function NamedFields<Input extends Named>({ value, onChange }: EditorProps<Input>) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('vpn.forms.name')} value={value.name} onChange={(name) => onChange({ ...value, name })} testId="vpn-name" />
      <TextField
        label={t('vpn.forms.description')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        testId="vpn-description"
        multiline
      />
    </>
  );
}

function Choice<Value extends string>({
  label,
  value,
  values,
  onChange,
  testId,
  hint,
}: {
  label: string;
  value: Value;
  values: readonly Value[];
  onChange: (value: Value) => void;
  testId: string;
  hint?: string;
}) {
  return <SelectField label={label} hint={hint} value={value} onChange={(chosen) => onChange(chosen as Value)} options={options(values)} testId={testId} />;
}

function LifetimeField<Input extends { lifetime: string }>({ value, onChange }: EditorProps<Input>) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('vpn.forms.lifetime')}
      hint={t('vpn.forms.lifetimeHint')}
      value={value.lifetime}
      onChange={(lifetime) => onChange({ ...value, lifetime })}
      inputMode="numeric"
      testId="vpn-lifetime"
    />
  );
}

export function IkePolicyForm<Resource>({ value, onChange }: ActionFormProps<Resource, IkePolicyDraft>) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3" data-testid="ike-policy-form">
      <NamedFields value={value} onChange={onChange} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Choice label={t('vpn.fields.auth_algorithm')} value={value.authAlgorithm} values={authAlgorithms} onChange={(authAlgorithm) => onChange({ ...value, authAlgorithm })} testId="vpn-auth-algorithm" />
        <Choice label={t('vpn.fields.encryption_algorithm')} value={value.encryptionAlgorithm} values={encryptionAlgorithms} onChange={(encryptionAlgorithm) => onChange({ ...value, encryptionAlgorithm })} testId="vpn-encryption-algorithm" />
        <Choice label={t('vpn.fields.ike_version')} value={value.ikeVersion} values={ikeVersions} onChange={(ikeVersion) => onChange({ ...value, ikeVersion })} testId="vpn-ike-version" />
        <Choice label={t('vpn.fields.phase1_negotiation_mode')} value={value.phase1NegotiationMode} values={phase1NegotiationModes} onChange={(phase1NegotiationMode) => onChange({ ...value, phase1NegotiationMode })} testId="vpn-phase1-mode" />
        <Choice label={t('vpn.fields.pfs')} value={value.pfs} values={pfsGroups} onChange={(pfs) => onChange({ ...value, pfs })} testId="vpn-pfs" />
        <LifetimeField value={value} onChange={onChange} />
      </div>
    </div>
  );
}

export function IpsecPolicyForm<Resource>({ value, onChange }: ActionFormProps<Resource, IpsecPolicyDraft>) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3" data-testid="ipsec-policy-form">
      <NamedFields value={value} onChange={onChange} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Choice label={t('vpn.fields.transform_protocol')} value={value.transformProtocol} values={transformProtocols} onChange={(transformProtocol) => onChange({ ...value, transformProtocol })} testId="vpn-transform-protocol" />
        <Choice label={t('vpn.fields.encapsulation_mode')} value={value.encapsulationMode} values={encapsulationModes} onChange={(encapsulationMode) => onChange({ ...value, encapsulationMode })} testId="vpn-encapsulation-mode" />
        <Choice label={t('vpn.fields.auth_algorithm')} value={value.authAlgorithm} values={authAlgorithms} onChange={(authAlgorithm) => onChange({ ...value, authAlgorithm })} testId="vpn-auth-algorithm" />
        <Choice label={t('vpn.fields.encryption_algorithm')} value={value.encryptionAlgorithm} values={encryptionAlgorithms} onChange={(encryptionAlgorithm) => onChange({ ...value, encryptionAlgorithm })} testId="vpn-encryption-algorithm" />
        <Choice label={t('vpn.fields.pfs')} value={value.pfs} values={pfsGroups} onChange={(pfs) => onChange({ ...value, pfs })} testId="vpn-pfs" />
        <LifetimeField value={value} onChange={onChange} />
      </div>
    </div>
  );
}

function AdminStateField<Input extends { adminStateUp: boolean }>({ value, onChange }: EditorProps<Input>) {
  const { t } = useTranslation();
  return <CheckboxField label={t('vpn.forms.adminStateUp')} checked={value.adminStateUp} onChange={(adminStateUp) => onChange({ ...value, adminStateUp })} testId="vpn-admin-state" />;
}

/** The subnets a router has interfaces on: a VPN service's subnets must be some of them. */
function useRouterSubnetIds(routerId: string): ReadonlySet<string> {
  const interfaces = useRouterInterfaces(routerId);
  return new Set((interfaces.data ?? []).flatMap((port) => port.fixed_ips.map((ip) => ip.subnet_id)));
}

function RouterSubnetField({ routerId, value, onChange }: { routerId: string; value: string; onChange: (subnetId: string) => void }) {
  const { t } = useTranslation();
  const subnets = useSubnets();
  const attached = useRouterSubnetIds(routerId);
  return (
    <QueryGate query={subnets} loading={t('vpn.forms.loading')}>
      {(list) => (
        <SelectField
          label={t('vpn.forms.subnet')}
          hint={t('vpn.forms.subnetHint')}
          value={value}
          onChange={onChange}
          placeholder={t('vpn.forms.noSubnet')}
          options={list.filter((subnet) => attached.has(subnet.id)).map((subnet) => ({ value: subnet.id, label: `${subnet.name || subnet.id} (${subnet.cidr})` }))}
          testId="vpn-service-subnet"
        />
      )}
    </QueryGate>
  );
}

/** The routers of the project, those without external gateway offered but unavailable. */
function RouterField({ value, onChange }: { value: string; onChange: (routerId: string) => void }) {
  const { t } = useTranslation();
  const routers = useRouters();
  return (
    <QueryGate query={routers} loading={t('vpn.forms.loading')}>
      {(list) => (
        <SelectField
          label={t('vpn.forms.router')}
          hint={t('vpn.forms.routerHint')}
          value={value}
          onChange={onChange}
          placeholder={t('vpn.forms.chooseRouter')}
          options={list.map((router) => {
            // Neutron refuses a VPN service on a router without external gateway: the tunnel's local end.
            const label = router.name || router.id;
            return router.external_gateway_info
              ? { value: router.id, label }
              : { value: router.id, label: `${label} — ${t('vpn.forms.routerWithoutGateway')}`, disabled: true };
          })}
          testId="vpn-service-router"
        />
      )}
    </QueryGate>
  );
}

export function CreateVpnServiceForm({ value, onChange }: ActionFormProps<ProjectTarget, VpnServiceDraft>) {
  return (
    <div className="space-y-3" data-testid="vpn-service-form">
      <NamedFields value={value} onChange={onChange} />
      <RouterField value={value.routerId} onChange={(routerId) => onChange({ ...value, routerId, subnetId: '' })} />
      {value.routerId !== '' && <RouterSubnetField routerId={value.routerId} value={value.subnetId} onChange={(subnetId) => onChange({ ...value, subnetId })} />}
      <AdminStateField value={value} onChange={onChange} />
    </div>
  );
}

export function VpnServiceSettingsForm({ value, onChange }: ActionFormProps<VpnService, VpnServiceSettings>) {
  return (
    <div className="space-y-3" data-testid="vpn-service-form">
      <NamedFields value={value} onChange={onChange} />
      <AdminStateField value={value} onChange={onChange} />
    </div>
  );
}

export function NamedForm({ value, onChange }: ActionFormProps<EndpointGroup, Named>) {
  return (
    <div className="space-y-3" data-testid="vpn-named-form">
      <NamedFields value={value} onChange={onChange} />
    </div>
  );
}

function SubnetChecklist({
  value,
  onChange,
  only,
}: {
  value: readonly string[];
  onChange: (subnetIds: string[]) => void;
  /** Offer only these subnets (a router's), when given. */
  only?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const subnets = useSubnets();
  return (
    <QueryGate query={subnets} loading={t('vpn.forms.loading')}>
      {(all) => {
        const list = only ? all.filter((subnet) => only.has(subnet.id)) : all;
        return (
        <fieldset className="space-y-1" data-testid="endpoint-subnets">
          <legend className="mb-1 text-sm font-medium text-fg">{t('vpn.forms.subnets')}</legend>
          {list.length === 0 && <p className="text-sm text-fg-muted">{t('vpn.forms.noSubnets')}</p>}
          {list.map((subnet) => (
            <CheckboxField
              key={subnet.id}
              label={`${subnet.name || subnet.id} (${subnet.cidr})`}
              checked={value.includes(subnet.id)}
              onChange={(checked) => onChange(checked ? [...value, subnet.id] : value.filter((id) => id !== subnet.id))}
            />
          ))}
          <p className="text-xs text-fg-muted">{t('vpn.forms.subnetsHint')}</p>
        </fieldset>
        );
      }}
    </QueryGate>
  );
}

export function CreateEndpointGroupForm({ value, onChange }: ActionFormProps<ProjectTarget, EndpointGroupDraft>) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3" data-testid="endpoint-group-form">
      <NamedFields value={value} onChange={onChange} />
      <SelectField
        label={t('vpn.fields.type')}
        hint={t(`vpn.forms.endpointTypeHint.${value.type}`)}
        value={value.type}
        onChange={(type) => onChange({ ...value, type: endpointTypes.find((known) => known === type) ?? value.type })}
        options={endpointTypes.map((type) => ({ value: type, label: t(`vpn.endpointTypes.${type}`) }))}
        testId="endpoint-group-type"
      />
      {value.type === 'subnet' ? (
        <SubnetChecklist value={value.subnetIds} onChange={(subnetIds) => onChange({ ...value, subnetIds })} />
      ) : (
        <TextField
          label={t('vpn.forms.endpoints')}
          hint={t('vpn.forms.endpointsHint')}
          placeholder={value.type === 'cidr' ? '192.168.50.0/24' : undefined}
          value={value.endpoints}
          onChange={(endpoints) => onChange({ ...value, endpoints })}
          multiline
          maxLength={4096}
          testId="endpoint-group-endpoints"
        />
      )}
    </div>
  );
}

function ConnectionSettingsFields<Input extends SiteConnectionSettings>({ value, onChange }: EditorProps<Input>) {
  const { t } = useTranslation();
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t('vpn.fields.peer_address')} hint={t('vpn.forms.peerAddressHint')} placeholder="203.0.113.5" value={value.peerAddress} onChange={(peerAddress) => onChange({ ...value, peerAddress })} testId="connection-peer-address" />
        <TextField label={t('vpn.fields.peer_id')} hint={t('vpn.forms.peerIdHint')} value={value.peerId} onChange={(peerId) => onChange({ ...value, peerId })} testId="connection-peer-id" />
        <TextField label={t('vpn.fields.local_id')} hint={t('vpn.forms.localIdHint')} value={value.localId} onChange={(localId) => onChange({ ...value, localId })} testId="connection-local-id" />
        <TextField label={t('vpn.fields.mtu')} hint={t('vpn.forms.mtuHint')} value={value.mtu} onChange={(mtu) => onChange({ ...value, mtu })} inputMode="numeric" testId="connection-mtu" />
        <Choice label={t('vpn.fields.initiator')} value={value.initiator} values={initiators} onChange={(initiator) => onChange({ ...value, initiator })} testId="connection-initiator" />
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium text-fg">{t('vpn.forms.dpd')}</legend>
        <Choice label={t('vpn.forms.dpdAction')} value={value.dpdAction} values={dpdActions} onChange={(dpdAction) => onChange({ ...value, dpdAction })} testId="connection-dpd-action" />
        <TextField label={t('vpn.forms.dpdInterval')} value={value.dpdInterval} onChange={(dpdInterval) => onChange({ ...value, dpdInterval })} inputMode="numeric" testId="connection-dpd-interval" />
        <TextField label={t('vpn.forms.dpdTimeout')} value={value.dpdTimeout} onChange={(dpdTimeout) => onChange({ ...value, dpdTimeout })} inputMode="numeric" testId="connection-dpd-timeout" />
      </fieldset>
      <AdminStateField value={value} onChange={onChange} />
    </>
  );
}

function ObjectChoice<Item extends { id: string; name: string }>({
  label,
  items,
  value,
  onChange,
  placeholder,
  describe,
  testId,
}: {
  label: string;
  items: readonly Item[] | undefined;
  value: string;
  onChange: (id: string) => void;
  placeholder: string;
  describe?: (item: Item) => string;
  testId: string;
}) {
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      options={(items ?? []).map((item) => ({ value: item.id, label: describe ? `${item.name || item.id} (${describe(item)})` : item.name || item.id }))}
      testId={testId}
    />
  );
}

const peerModes: readonly PeerMode[] = ['groups', 'cidrs'];

export function CreateSiteConnectionForm({ value, onChange }: ActionFormProps<ProjectTarget, SiteConnectionDraft>) {
  const { t } = useTranslation();
  const services = useVpnList(vpnServices);
  const ike = useVpnList(ikePolicies);
  const ipsec = useVpnList(ipsecPolicies);
  const groups = useVpnList(endpointGroups);
  const ofType = (type: EndpointGroup['type']) => groups.data?.filter((group) => group.type === type);
  const chooseService = (vpnServiceId: string) => {
    // A service with a subnet takes peer CIDRs (legacy); one without takes endpoint groups: Neutron refuses the mix.
    const service = services.data?.find((candidate) => candidate.id === vpnServiceId);
    onChange({ ...value, vpnServiceId, peerMode: service?.subnet_id ? 'cidrs' : 'groups' });
  };
  return (
    <div className="space-y-3" data-testid="site-connection-form">
      <NamedFields value={value} onChange={onChange} />
      <div className="grid gap-3 sm:grid-cols-3">
        <ObjectChoice label={t('vpn.fields.vpnservice_id')} items={services.data} value={value.vpnServiceId} onChange={chooseService} placeholder={t('vpn.forms.chooseService')} testId="connection-service" />
        <ObjectChoice label={t('vpn.fields.ikepolicy_id')} items={ike.data} value={value.ikePolicyId} onChange={(ikePolicyId) => onChange({ ...value, ikePolicyId })} placeholder={t('vpn.forms.choosePolicy')} testId="connection-ike-policy" />
        <ObjectChoice label={t('vpn.fields.ipsecpolicy_id')} items={ipsec.data} value={value.ipsecPolicyId} onChange={(ipsecPolicyId) => onChange({ ...value, ipsecPolicyId })} placeholder={t('vpn.forms.choosePolicy')} testId="connection-ipsec-policy" />
      </div>
      <TextField
        label={t('vpn.fields.psk')}
        hint={t('vpn.forms.pskHint')}
        value={value.psk}
        onChange={(psk) => onChange({ ...value, psk })}
        secret
        testId="connection-psk"
      />
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium text-fg">{t('vpn.forms.peerMode')}</legend>
        {peerModes.map((mode) => (
          <label key={mode} className="flex items-center gap-1.5">
            <input type="radio" name="vpn-peer-mode" checked={value.peerMode === mode} onChange={() => onChange({ ...value, peerMode: mode })} className="accent-brand" data-testid={`connection-peer-mode-${mode}`} />
            {t(`vpn.forms.peerModes.${mode}`)}
          </label>
        ))}
      </fieldset>
      {value.peerMode === 'groups' ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <ObjectChoice label={t('vpn.fields.local_ep_group_id')} items={ofType('subnet')} value={value.localEpGroupId} onChange={(localEpGroupId) => onChange({ ...value, localEpGroupId })} placeholder={t('vpn.forms.chooseLocalGroup')} describe={(group) => group.endpoints.length.toString()} testId="connection-local-group" />
          <ObjectChoice label={t('vpn.fields.peer_ep_group_id')} items={ofType('cidr')} value={value.peerEpGroupId} onChange={(peerEpGroupId) => onChange({ ...value, peerEpGroupId })} placeholder={t('vpn.forms.choosePeerGroup')} describe={(group) => group.endpoints.join(', ')} testId="connection-peer-group" />
        </div>
      ) : (
        <TextField label={t('vpn.fields.peer_cidrs')} hint={t('vpn.forms.peerCidrsHint')} placeholder="192.168.50.0/24" value={value.peerCidrs} onChange={(peerCidrs) => onChange({ ...value, peerCidrs })} multiline maxLength={4096} testId="connection-peer-cidrs" />
      )}
      <ConnectionSettingsFields value={value} onChange={onChange} />
    </div>
  );
}

export function EditSiteConnectionForm({ value, onChange }: ActionFormProps<IpsecSiteConnection, SiteConnectionSettings>) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3" data-testid="site-connection-form">
      <NamedFields value={value} onChange={onChange} />
      <ConnectionSettingsFields value={value} onChange={onChange} />
      {/* Neither Neutron's CLI nor this form changes the key: a new key means a new connection. */}
      <p className="text-xs text-fg-muted">{t('vpn.forms.pskUnchanged')}</p>
    </div>
  );
}


/** The guided connection: where it starts (router and its subnets), where it goes (peer and its CIDRs), the key. */
export function GuidedConnectionForm({ value, onChange }: ActionFormProps<ProjectTarget, GuidedConnectionDraft>) {
  const { t } = useTranslation();
  const routerSubnets = useRouterSubnetIds(value.routerId);
  const name = value.name.trim() || '…';
  return (
    <div className="space-y-3" data-testid="guided-connection-form">
      <p className="text-sm text-fg-muted" data-testid="guided-connection-plan">
        {t('vpn.guided.plan', { ike: `${name}-ike`, ipsec: `${name}-ipsec`, service: `${name}-service`, local: `${name}-local`, peer: `${name}-peer` })}
      </p>
      <NamedFields value={value} onChange={onChange} />
      <RouterField value={value.routerId} onChange={(routerId) => onChange({ ...value, routerId, localSubnetIds: [] })} />
      {value.routerId !== '' && (
        <SubnetChecklist value={value.localSubnetIds} onChange={(localSubnetIds) => onChange({ ...value, localSubnetIds })} only={routerSubnets} />
      )}
      <TextField label={t('vpn.fields.peer_cidrs')} hint={t('vpn.forms.peerCidrsHint')} placeholder="192.168.50.0/24" value={value.peerCidrs} onChange={(peerCidrs) => onChange({ ...value, peerCidrs })} multiline maxLength={4096} testId="connection-peer-cidrs" />
      <TextField label={t('vpn.fields.psk')} hint={t('vpn.forms.pskHint')} value={value.psk} onChange={(psk) => onChange({ ...value, psk })} secret testId="connection-psk" />
      <ConnectionSettingsFields value={value} onChange={onChange} />
    </div>
  );
}
