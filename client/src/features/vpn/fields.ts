// Each VPN object's writable attributes, described once: the body attribute Neutron takes, the value from the
// form's input, and the `openstack vpn ... create|set` option saying the same. The create body and command, the
// edit (only what changed) and its command are all read from these lists, so the HTTP and CLI views cannot drift.
import { shellVariable } from '../../lib/ui/shell-quote';
import type { IkePolicy, IpsecPolicy, IpsecSiteConnection, VpnService, EndpointGroup } from '../../resources/vpn/types';
import type {
  EndpointGroupDraft,
  IkePolicyDraft,
  IpsecPolicyDraft,
  Named,
  SiteConnectionDraft,
  SiteConnectionSettings,
  VpnServiceDraft,
  VpnServiceSettings,
} from './inputs';
import { endpointsOf, listOf } from './validation';

export interface Field<Input> {
  /** The body attribute. */
  api: string;
  value: (input: Input) => unknown;
  /** The CLI's options for that value. */
  cli: (input: Input) => string[];
}

/** Where the CLI reads the pre-shared key from: the command line shows `--psk "$PSK"`, never the key. */
export const pskVariable = 'PSK';

const text = <Input>(api: string, option: string, pick: (input: Input) => string): Field<Input> => ({
  api,
  value: (input) => pick(input).trim(),
  cli: (input) => [option, pick(input).trim()],
});

const choice = <Input>(api: string, option: string, pick: (input: Input) => string): Field<Input> => ({
  api,
  value: pick,
  cli: (input) => [option, pick(input)],
});

const whole = <Input>(api: string, option: string, pick: (input: Input) => string): Field<Input> => ({
  api,
  value: (input) => Number(pick(input).trim()),
  cli: (input) => [option, String(Number(pick(input).trim()))],
});

const enabled = <Input>(pick: (input: Input) => boolean): Field<Input> => ({
  api: 'admin_state_up',
  value: pick,
  cli: (input) => [pick(input) ? '--enable' : '--disable'],
});

const lifetime = <Input extends { lifetime: string }>(): Field<Input> => ({
  api: 'lifetime',
  value: (input) => ({ units: 'seconds', value: Number(input.lifetime.trim()) }),
  cli: (input) => ['--lifetime', `units=seconds,value=${Number(input.lifetime.trim())}`],
});

const named = <Input extends Named>(): Field<Input>[] => [
  text('name', '--name', (input) => input.name),
  text('description', '--description', (input) => input.description),
];

export const ikePolicyFields: Field<IkePolicyDraft>[] = [
  ...named<IkePolicyDraft>(),
  choice('auth_algorithm', '--auth-algorithm', (draft) => draft.authAlgorithm),
  choice('encryption_algorithm', '--encryption-algorithm', (draft) => draft.encryptionAlgorithm),
  choice('phase1_negotiation_mode', '--phase1-negotiation-mode', (draft) => draft.phase1NegotiationMode),
  choice('ike_version', '--ike-version', (draft) => draft.ikeVersion),
  choice('pfs', '--pfs', (draft) => draft.pfs),
  lifetime<IkePolicyDraft>(),
];

export const ipsecPolicyFields: Field<IpsecPolicyDraft>[] = [
  ...named<IpsecPolicyDraft>(),
  choice('transform_protocol', '--transform-protocol', (draft) => draft.transformProtocol),
  choice('auth_algorithm', '--auth-algorithm', (draft) => draft.authAlgorithm),
  choice('encryption_algorithm', '--encryption-algorithm', (draft) => draft.encryptionAlgorithm),
  choice('encapsulation_mode', '--encapsulation-mode', (draft) => draft.encapsulationMode),
  choice('pfs', '--pfs', (draft) => draft.pfs),
  lifetime<IpsecPolicyDraft>(),
];

export const vpnServiceSettingsFields: Field<VpnServiceSettings>[] = [...named<VpnServiceSettings>(), enabled((settings) => settings.adminStateUp)];

/** The router and subnet are chosen once: Neutron takes them on create only. */
export const vpnServiceFields: Field<VpnServiceDraft>[] = [
  ...vpnServiceSettingsFields,
  choice('router_id', '--router', (draft) => draft.routerId),
  choice('subnet_id', '--subnet', (draft) => draft.subnetId),
];

export const endpointGroupSettingsFields: Field<Named>[] = named<Named>();

/** The type and endpoints are fixed once made (Neutron's endpoint groups take only a name and description after). */
export const endpointGroupFields: Field<EndpointGroupDraft>[] = [
  ...named<EndpointGroupDraft>(),
  choice('type', '--type', (draft) => draft.type),
  { api: 'endpoints', value: endpointsOf, cli: (draft) => endpointsOf(draft).flatMap((endpoint) => ['--value', endpoint]) },
];

export const siteConnectionSettingsFields: Field<SiteConnectionSettings>[] = [
  ...named<SiteConnectionSettings>(),
  text('peer_address', '--peer-address', (settings) => settings.peerAddress),
  text('peer_id', '--peer-id', (settings) => settings.peerId),
  text('local_id', '--local-id', (settings) => settings.localId),
  whole('mtu', '--mtu', (settings) => settings.mtu),
  choice('initiator', '--initiator', (settings) => settings.initiator),
  {
    api: 'dpd',
    value: (settings) => ({ action: settings.dpdAction, interval: Number(settings.dpdInterval.trim()), timeout: Number(settings.dpdTimeout.trim()) }),
    cli: (settings) => ['--dpd', `action=${settings.dpdAction},interval=${Number(settings.dpdInterval.trim())},timeout=${Number(settings.dpdTimeout.trim())}`],
  },
  enabled((settings) => settings.adminStateUp),
];

const usesGroups = (draft: SiteConnectionDraft) => draft.peerMode === 'groups';

export const siteConnectionFields: Field<SiteConnectionDraft>[] = [
  ...siteConnectionSettingsFields,
  choice('vpnservice_id', '--vpnservice', (draft) => draft.vpnServiceId),
  choice('ikepolicy_id', '--ikepolicy', (draft) => draft.ikePolicyId),
  choice('ipsecpolicy_id', '--ipsecpolicy', (draft) => draft.ipsecPolicyId),
  choice('local_ep_group_id', '--local-endpoint-group', (draft) => (usesGroups(draft) ? draft.localEpGroupId : '')),
  choice('peer_ep_group_id', '--peer-endpoint-group', (draft) => (usesGroups(draft) ? draft.peerEpGroupId : '')),
  {
    api: 'peer_cidrs',
    value: (draft) => (usesGroups(draft) ? [] : listOf(draft.peerCidrs)),
    cli: (draft) => (usesGroups(draft) ? [] : listOf(draft.peerCidrs).flatMap((cidr) => ['--peer-cidr', cidr])),
  },
  // The key goes in the body only; the log and the HTTP views mask it (lib/api/log-redaction), the CLI reads $PSK.
  { api: 'psk', value: (draft) => draft.psk, cli: () => ['--psk', shellVariable(pskVariable)] },
];

/** Left out of a create: an empty text or list, which Neutron would take as its default anyway. */
const isBlank = (value: unknown) => value === '' || (Array.isArray(value) && value.length === 0);

/** The create body's attributes. */
export function createBody<Input>(fields: readonly Field<Input>[], input: Input): Record<string, unknown> {
  return Object.fromEntries(fields.flatMap((field) => (isBlank(field.value(input)) ? [] : [[field.api, field.value(input)]])));
}

/** `openstack <noun> create ... <name>`: the name is the CLI's positional argument. */
export function createCli<Input extends Named>(noun: readonly string[], fields: readonly Field<Input>[], input: Input): string[] {
  const options = fields.filter((field) => field.api !== 'name' && !isBlank(field.value(input))).flatMap((field) => field.cli(input));
  return [...noun, 'create', ...options, input.name.trim()];
}

/** The fields whose value differs from what the object holds now. */
export function changedFields<Input>(fields: readonly Field<Input>[], current: Input, input: Input): Field<Input>[] {
  return fields.filter((field) => JSON.stringify(field.value(input)) !== JSON.stringify(field.value(current)));
}

export function updateBody<Input>(fields: readonly Field<Input>[], current: Input, input: Input): Record<string, unknown> {
  return Object.fromEntries(changedFields(fields, current, input).map((field) => [field.api, field.value(input)]));
}

export function setCli<Input>(noun: readonly string[], fields: readonly Field<Input>[], current: Input, input: Input, id: string): string[] {
  return [...noun, 'set', ...changedFields(fields, current, input).flatMap((field) => field.cli(input)), id];
}

/** Neutron's defaults (neutron-lib's vpn definition), as the forms start from them. */
const policyDefaults = { name: '', description: '', authAlgorithm: 'sha1', encryptionAlgorithm: 'aes-128', pfs: 'group5', lifetime: '3600' } as const;

export const newIkePolicyDraft = (): IkePolicyDraft => ({ ...policyDefaults, phase1NegotiationMode: 'main', ikeVersion: 'v1' });
export const newIpsecPolicyDraft = (): IpsecPolicyDraft => ({ ...policyDefaults, transformProtocol: 'esp', encapsulationMode: 'tunnel' });

/** A connection's settings with Neutron's defaults: MTU 1500, bi-directional, DPD hold every 30 s, given up after 120 s. */
export const newConnectionSettings = (): SiteConnectionSettings => ({
  name: '',
  description: '',
  peerAddress: '',
  peerId: '',
  localId: '',
  mtu: '1500',
  initiator: 'bi-directional',
  dpdAction: 'hold',
  dpdInterval: '30',
  dpdTimeout: '120',
  adminStateUp: true,
});

/** An object's editable settings as the edit form starts from them. */
export const ikePolicyDraftOf = (policy: IkePolicy): IkePolicyDraft => ({
  name: policy.name,
  description: policy.description,
  authAlgorithm: policy.auth_algorithm,
  encryptionAlgorithm: policy.encryption_algorithm,
  phase1NegotiationMode: policy.phase1_negotiation_mode,
  ikeVersion: policy.ike_version,
  pfs: policy.pfs,
  lifetime: String(policy.lifetime.value),
});

export const ipsecPolicyDraftOf = (policy: IpsecPolicy): IpsecPolicyDraft => ({
  name: policy.name,
  description: policy.description,
  transformProtocol: policy.transform_protocol,
  authAlgorithm: policy.auth_algorithm,
  encryptionAlgorithm: policy.encryption_algorithm,
  encapsulationMode: policy.encapsulation_mode,
  pfs: policy.pfs,
  lifetime: String(policy.lifetime.value),
});

export const vpnServiceSettingsOf = (service: VpnService): VpnServiceSettings => ({
  name: service.name,
  description: service.description,
  adminStateUp: service.admin_state_up,
});

export const endpointGroupSettingsOf = (group: EndpointGroup): Named => ({ name: group.name, description: group.description });

export const siteConnectionSettingsOf = (connection: IpsecSiteConnection): SiteConnectionSettings => ({
  name: connection.name,
  description: connection.description,
  peerAddress: connection.peer_address,
  peerId: connection.peer_id,
  localId: connection.local_id,
  mtu: String(connection.mtu),
  initiator: connection.initiator,
  dpdAction: connection.dpd.action,
  dpdInterval: String(connection.dpd.interval),
  dpdTimeout: String(connection.dpd.timeout),
  adminStateUp: connection.admin_state_up,
});
