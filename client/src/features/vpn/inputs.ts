// The inputs of the VPN actions, declared apart from actions.ts so the forms that edit them need not import the
// declarations that render those forms. Numbers are kept as typed (strings) and checked by validation.ts.
import type {
  AuthAlgorithm,
  DpdAction,
  EncapsulationMode,
  EncryptionAlgorithm,
  EndpointType,
  IkeVersion,
  Initiator,
  PfsGroup,
  Phase1NegotiationMode,
  TransformProtocol,
} from '../../resources/vpn/types';

export interface Named {
  name: string;
  description: string;
}

export interface IkePolicyDraft extends Named {
  authAlgorithm: AuthAlgorithm;
  encryptionAlgorithm: EncryptionAlgorithm;
  phase1NegotiationMode: Phase1NegotiationMode;
  ikeVersion: IkeVersion;
  pfs: PfsGroup;
  /** Seconds, as typed. */
  lifetime: string;
}

export interface IpsecPolicyDraft extends Named {
  transformProtocol: TransformProtocol;
  authAlgorithm: AuthAlgorithm;
  encryptionAlgorithm: EncryptionAlgorithm;
  encapsulationMode: EncapsulationMode;
  pfs: PfsGroup;
  lifetime: string;
}

export interface VpnServiceSettings extends Named {
  adminStateUp: boolean;
}

export interface VpnServiceDraft extends VpnServiceSettings {
  routerId: string;
  /** '' when the connections name their local subnets with endpoint groups. */
  subnetId: string;
}

export interface EndpointGroupDraft extends Named {
  type: EndpointType;
  /** Subnet ids chosen (type subnet), or one endpoint a line as typed (the other types). */
  subnetIds: string[];
  endpoints: string;
}

/** How a connection names the subnets at both ends: endpoint groups, or (legacy) the service's subnet and peer CIDRs. */
export type PeerMode = 'groups' | 'cidrs';

/** What a site connection's edit may change (the service, the policies and the key are fixed once made). */
export interface SiteConnectionSettings extends Named {
  peerAddress: string;
  peerId: string;
  localId: string;
  mtu: string;
  initiator: Initiator;
  dpdAction: DpdAction;
  dpdInterval: string;
  dpdTimeout: string;
  adminStateUp: boolean;
}

export interface SiteConnectionDraft extends SiteConnectionSettings {
  vpnServiceId: string;
  ikePolicyId: string;
  ipsecPolicyId: string;
  peerMode: PeerMode;
  localEpGroupId: string;
  peerEpGroupId: string;
  /** One CIDR a line or comma-separated, as typed. */
  peerCidrs: string;
  /** The pre-shared key: sent once in the create body, never shown back, logged or put in a command line. */
  psk: string;
}

/**
 * The guided site connection: what a connection needs, made in one go: an IKE and an IPsec policy with Neutron's
 * defaults, a VPN service on the router, a subnet group of the router's chosen subnets and a CIDR group of the peer's.
 */
export interface GuidedConnectionDraft extends SiteConnectionSettings {
  routerId: string;
  localSubnetIds: string[];
  /** One CIDR a line or comma-separated, as typed. */
  peerCidrs: string;
  psk: string;
}
