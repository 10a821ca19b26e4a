// Neutron security group and its rules, as GET /v2.0/security-groups returns them (Networking API v2.0 reference):
// only the fields Zenith reads.

export interface SecurityGroupRule {
  id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  /** null = any protocol. */
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  description?: string;
}

export interface SecurityGroup {
  id: string;
  /** "default" is the group every project has, given to servers launched without one. */
  name: string;
  description: string;
  project_id: string;
  stateful?: boolean;
  security_group_rules: SecurityGroupRule[];
}
