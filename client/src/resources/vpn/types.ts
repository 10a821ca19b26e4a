// Neutron VPNaaS (site-to-site IPsec), as GET /v2.0/vpn/<collection> returns it: the `vpnaas` and
// `vpn-endpoint-groups` extensions of the Networking API v2.0 reference, values and defaults from neutron-lib's
// api/definitions/vpn.py and vpn_endpoint_groups.py.

export const authAlgorithms = ['sha1', 'sha256', 'sha384', 'sha512'] as const;
export type AuthAlgorithm = (typeof authAlgorithms)[number];

export const encryptionAlgorithms = ['aes-128', 'aes-192', 'aes-256', '3des'] as const;
export type EncryptionAlgorithm = (typeof encryptionAlgorithms)[number];

export const pfsGroups = ['group2', 'group5', 'group14'] as const;
export type PfsGroup = (typeof pfsGroups)[number];

export const ikeVersions = ['v1', 'v2'] as const;
export type IkeVersion = (typeof ikeVersions)[number];

export const phase1NegotiationModes = ['main', 'aggressive'] as const;
export type Phase1NegotiationMode = (typeof phase1NegotiationModes)[number];

export const transformProtocols = ['esp', 'ah', 'ah-esp'] as const;
export type TransformProtocol = (typeof transformProtocols)[number];

export const encapsulationModes = ['tunnel', 'transport'] as const;
export type EncapsulationMode = (typeof encapsulationModes)[number];

export const initiators = ['bi-directional', 'response-only'] as const;
export type Initiator = (typeof initiators)[number];

export const dpdActions = ['hold', 'clear', 'disabled', 'restart', 'restart-by-peer'] as const;
export type DpdAction = (typeof dpdActions)[number];

/** Neutron's endpoint types; a site connection takes `subnet` groups as its local side and `cidr` groups as its peer. */
export const endpointTypes = ['subnet', 'cidr', 'network', 'router', 'vlan'] as const;
export type EndpointType = (typeof endpointTypes)[number];

/** A security association's lifetime: seconds is the only unit, 60 the least (3600 by default). */
export interface Lifetime {
  units: 'seconds';
  value: number;
}

interface VpnObject {
  id: string;
  name: string;
  description: string;
  project_id: string;
}

/** Phase 1: how the two gateways authenticate each other and protect their key exchange. */
export interface IkePolicy extends VpnObject {
  auth_algorithm: AuthAlgorithm;
  encryption_algorithm: EncryptionAlgorithm;
  phase1_negotiation_mode: Phase1NegotiationMode;
  ike_version: IkeVersion;
  pfs: PfsGroup;
  lifetime: Lifetime;
}

/** Phase 2: how the traffic between the sites is protected. */
export interface IpsecPolicy extends VpnObject {
  transform_protocol: TransformProtocol;
  auth_algorithm: AuthAlgorithm;
  encryption_algorithm: EncryptionAlgorithm;
  encapsulation_mode: EncapsulationMode;
  pfs: PfsGroup;
  lifetime: Lifetime;
}

/**
 * Neutron's VPN statuses. The service plugin writes PENDING_* and the VPN agent on the router's node reports the
 * rest: with no agent running, services and connections stay PENDING_CREATE.
 */
export type VpnStatus = 'ACTIVE' | 'DOWN' | 'BUILD' | 'ERROR' | 'PENDING_CREATE' | 'PENDING_UPDATE' | 'PENDING_DELETE';

/** The VPN side of a router: the router (which needs an external gateway) and, in the legacy mode, one local subnet. */
export interface VpnService extends VpnObject {
  router_id: string;
  /** Null when the connections name their local subnets through endpoint groups. */
  subnet_id: string | null;
  admin_state_up: boolean;
  status: VpnStatus;
  /** The router's gateway addresses, the local end of every tunnel. */
  external_v4_ip: string | null;
  external_v6_ip: string | null;
  flavor_id?: string | null;
}

/** A named set of endpoints: subnet ids, CIDRs, network or router ids, or VLANs, after `type`. */
export interface EndpointGroup extends VpnObject {
  type: EndpointType;
  endpoints: string[];
}

/** Dead peer detection: probe the peer every `interval` seconds, give up after `timeout`, then do `action`. */
export interface Dpd {
  action: DpdAction;
  interval: number;
  timeout: number;
}

export interface IpsecSiteConnection extends VpnObject {
  vpnservice_id: string;
  ikepolicy_id: string;
  ipsecpolicy_id: string;
  /** The peer gateway's public address or FQDN (Neutron resolves a name when the connection is made). */
  peer_address: string;
  /** How the peer identifies itself in IKE: its address, an FQDN, an email or a key id. */
  peer_id: string;
  local_id: string;
  /** Legacy mode: the peer's subnets, with the service's one subnet as the local side. */
  peer_cidrs: string[];
  local_ep_group_id: string | null;
  peer_ep_group_id: string | null;
  /**
   * The pre-shared key. Neutron answers it to every read of the connection: pages must never show it, and it is
   * never kept anywhere but the query cache.
   */
  psk: string;
  auth_mode: 'psk';
  mtu: number;
  initiator: Initiator;
  dpd: Dpd;
  route_mode: string;
  admin_state_up: boolean;
  status: VpnStatus;
}
