// What Neutron's VPNaaS would refuse, checked before anything is sent (neutron-lib's vpn definitions and
// neutron-vpnaas' reference validator): lifetimes of at least 60 s, an MTU no IP version allows, a dead peer timeout
// not longer than its interval, a peer that is neither an address nor a host name, CIDRs with host bits or mixed
// IP versions. Each check names its problem; actions.ts turns it into the form's message.
import { isNetworkAddress, parseCidr, parseIp, type IpVersion } from '../../lib/net/ip';
import type { EndpointType } from '../../resources/vpn/types';
import type { EndpointGroupDraft, IkePolicyDraft, IpsecPolicyDraft, Named, PeerMode, SiteConnectionDraft, SiteConnectionSettings } from './inputs';

export type VpnProblem =
  | 'nameMissing'
  | 'unchanged'
  | 'lifetimeInvalid'
  | 'routerMissing'
  | 'localSubnetsMissing'
  | 'endpointsMissing'
  | 'endpointCidrInvalid'
  | 'endpointCidrsMixed'
  | 'endpointInvalid'
  | 'serviceMissing'
  | 'ikePolicyMissing'
  | 'ipsecPolicyMissing'
  | 'peerAddressMissing'
  | 'peerAddressInvalid'
  | 'peerIdMissing'
  | 'pskMissing'
  | 'localGroupMissing'
  | 'peerGroupMissing'
  | 'peerCidrsMissing'
  | 'peerCidrInvalid'
  | 'peerCidrsMixed'
  | 'mtuInvalid'
  | 'mtuTooSmallForIpv6'
  | 'dpdIntervalInvalid'
  | 'dpdTimeoutInvalid'
  | 'dpdTimeoutNotLonger';

/** Neutron's least lifetime of a security association (seconds). */
export const minimumLifetime = 60;
/** The least MTU of each IP version (neutron-vpnaas IP_MIN_MTU) and the largest an IP packet allows. */
export const minimumMtu: Record<IpVersion, number> = { 4: 68, 6: 1280 };
export const maximumMtu = 65535;

const wholeNumber = (text: string): number | null => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null);

export function nameProblem(draft: Named): VpnProblem | null {
  // The CLI takes the name as its positional argument: a nameless object has no command line.
  return draft.name.trim() === '' ? 'nameMissing' : null;
}

export function lifetimeProblem(text: string): VpnProblem | null {
  const seconds = wholeNumber(text);
  return seconds === null || seconds < minimumLifetime ? 'lifetimeInvalid' : null;
}

export function policyProblem(draft: IkePolicyDraft | IpsecPolicyDraft): VpnProblem | null {
  return nameProblem(draft) ?? lifetimeProblem(draft.lifetime);
}

/** A list typed one a line or comma-separated, without blanks. */
export function listOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** CIDRs with no host bits set, all of one IP version (Neutron refuses mixed versions on one side of a tunnel). */
function cidrsProblem(cidrs: readonly string[], invalid: VpnProblem, mixed: VpnProblem): VpnProblem | null {
  const parsed = cidrs.map(parseCidr);
  if (parsed.some((cidr) => cidr === null || !isNetworkAddress(cidr))) return invalid;
  return new Set(parsed.map((cidr) => cidr!.version)).size > 1 ? mixed : null;
}

const hostLabel = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** A peer gateway: an IPv4 or IPv6 address, or a fully qualified host name Neutron can resolve. */
export function isPeerAddress(text: string): boolean {
  const address = text.trim();
  if (parseIp(address)) return true;
  const labels = address.replace(/\.$/, '').split('.');
  // A name of digits and dots only is a mistyped address, not a host.
  return address.length <= 253 && labels.length >= 2 && labels.every((label) => hostLabel.test(label)) && !/^\d+$/.test(labels.at(-1)!);
}

export function endpointsOf(draft: EndpointGroupDraft): string[] {
  return draft.type === 'subnet' ? draft.subnetIds : listOf(draft.endpoints);
}

function endpointProblem(type: EndpointType, endpoint: string): boolean {
  if (type === 'vlan') {
    const vlan = wholeNumber(endpoint);
    return vlan === null || vlan < 1 || vlan > 4094;
  }
  return false;
}

export function endpointGroupProblem(draft: EndpointGroupDraft): VpnProblem | null {
  const endpoints = endpointsOf(draft);
  if (nameProblem(draft)) return 'nameMissing';
  if (endpoints.length === 0) return 'endpointsMissing';
  if (draft.type === 'cidr') return cidrsProblem(endpoints, 'endpointCidrInvalid', 'endpointCidrsMixed');
  return endpoints.some((endpoint) => endpointProblem(draft.type, endpoint)) ? 'endpointInvalid' : null;
}

/** The checks a connection's settings owe whether it is being made or changed. */
export function connectionSettingsProblem(settings: SiteConnectionSettings): VpnProblem | null {
  if (nameProblem(settings)) return 'nameMissing';
  if (settings.peerAddress.trim() === '') return 'peerAddressMissing';
  if (!isPeerAddress(settings.peerAddress)) return 'peerAddressInvalid';
  if (settings.peerId.trim() === '') return 'peerIdMissing';
  const mtu = wholeNumber(settings.mtu);
  if (mtu === null || mtu < minimumMtu[4] || mtu > maximumMtu) return 'mtuInvalid';
  if (parseIp(settings.peerAddress.trim())?.version === 6 && mtu < minimumMtu[6]) return 'mtuTooSmallForIpv6';
  const interval = wholeNumber(settings.dpdInterval);
  const timeout = wholeNumber(settings.dpdTimeout);
  if (interval === null || interval === 0) return 'dpdIntervalInvalid';
  if (timeout === null || timeout === 0) return 'dpdTimeoutInvalid';
  // Neutron wants the peer given up on only after several probes have gone unanswered.
  return timeout <= interval ? 'dpdTimeoutNotLonger' : null;
}

function peersProblem(mode: PeerMode, draft: SiteConnectionDraft): VpnProblem | null {
  if (mode === 'groups') {
    if (draft.localEpGroupId === '') return 'localGroupMissing';
    return draft.peerEpGroupId === '' ? 'peerGroupMissing' : null;
  }
  const cidrs = listOf(draft.peerCidrs);
  if (cidrs.length === 0) return 'peerCidrsMissing';
  return cidrsProblem(cidrs, 'peerCidrInvalid', 'peerCidrsMixed');
}

export function siteConnectionProblem(draft: SiteConnectionDraft): VpnProblem | null {
  if (nameProblem(draft)) return 'nameMissing';
  if (draft.vpnServiceId === '') return 'serviceMissing';
  if (draft.ikePolicyId === '') return 'ikePolicyMissing';
  if (draft.ipsecPolicyId === '') return 'ipsecPolicyMissing';
  return connectionSettingsProblem(draft) ?? (draft.psk.trim() === '' ? 'pskMissing' : null) ?? peersProblem(draft.peerMode, draft);
}
