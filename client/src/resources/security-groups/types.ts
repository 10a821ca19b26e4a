// Neutron security group and its rules, as GET /v2.0/security-groups returns them (Networking API v2.0 reference):
// only the fields Zenith reads.

export type RuleDirection = 'ingress' | 'egress';
export type Ethertype = 'IPv4' | 'IPv6';

export interface SecurityGroupRule {
  id: string;
  security_group_id: string;
  direction: RuleDirection;
  ethertype: Ethertype;
  /** A protocol name (tcp, icmp, ipv6-icmp...) or number as text; null = any protocol. */
  protocol: string | null;
  /** First port for port protocols, ICMP type for ICMP; null = every port (or type). */
  port_range_min: number | null;
  /** Last port for port protocols, ICMP code for ICMP; null = every port (or code). */
  port_range_max: number | null;
  /** The peer's addresses; null (with no remote group) = anywhere. */
  remote_ip_prefix: string | null;
  /** The peer is any port in this group. */
  remote_group_id: string | null;
  /** The peer is an address group (remote_address_group_id extension); shown, not edited. */
  remote_address_group_id?: string | null;
  /** Neutron answers null for a rule made without one (the default group's rules). */
  description?: string | null;
  created_at?: string;
}

export interface SecurityGroup {
  id: string;
  /** "default" is the group every project has, given to servers launched without one. */
  name: string;
  description: string;
  project_id: string;
  stateful?: boolean;
  /** Shared with other projects through RBAC (security-groups-shared-filtering extension). */
  shared?: boolean;
  security_group_rules: SecurityGroupRule[];
  created_at?: string;
  updated_at?: string;
}

/** A server using a group, through one or more of its ports. */
export interface GroupMember {
  serverId: string;
  /** Undefined when Nova does not list the server in this project (another project's port, or just deleted). */
  serverName: string | undefined;
  portIds: string[];
}
