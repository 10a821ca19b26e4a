// Neutron networks, subnets and subnet pools, as the Networking API v2.0 reference (and neutron-lib's API
// definitions) describe them: only the fields Zenith reads.

export type NetworkStatus = 'ACTIVE' | 'DOWN' | 'BUILD' | 'ERROR';

export interface Network {
  id: string;
  name: string;
  status: NetworkStatus;
  admin_state_up: boolean;
  project_id: string;
  /** Usable by every project. */
  shared: boolean;
  /** Reaches outside the cloud: the pool floating IPs come from (external-net extension). */
  'router:external'?: boolean;
  /** Ids of the network's subnets. */
  subnets: string[];
  description?: string;
  /** Neutron's tags (standard-attr-tag extension). */
  tags?: string[];
  mtu?: number;
  port_security_enabled?: boolean;
  availability_zones?: string[];
  'provider:network_type'?: string | null;
  created_at?: string;
  updated_at?: string;
}

export type Ipv6Mode = 'slaac' | 'dhcpv6-stateful' | 'dhcpv6-stateless';

export interface AllocationPool {
  start: string;
  end: string;
}

export interface HostRoute {
  destination: string;
  nexthop: string;
}

export interface Subnet {
  id: string;
  name: string;
  network_id: string;
  project_id: string;
  ip_version: 4 | 6;
  cidr: string;
  gateway_ip: string | null;
  enable_dhcp: boolean;
  allocation_pools: AllocationPool[];
  dns_nameservers?: string[];
  host_routes?: HostRoute[];
  ipv6_address_mode?: Ipv6Mode | null;
  ipv6_ra_mode?: Ipv6Mode | null;
  subnetpool_id?: string | null;
  description?: string;
  /** Neutron's tags (standard-attr-tag extension). */
  tags?: string[];
  created_at?: string;
}

/** A pool of prefixes subnets can be carved from (subnet_allocation extension). */
export interface SubnetPool {
  id: string;
  name: string;
  ip_version: 4 | 6;
  prefixes: string[];
  default_prefixlen: number;
  min_prefixlen: number;
  max_prefixlen: number;
  shared: boolean;
  is_default: boolean;
  project_id: string;
}
