// Neutron networks and subnets, as GET /v2.0/networks and GET /v2.0/subnets return them (Networking API v2.0
// reference): only the fields Zenith reads.

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
  mtu?: number;
  port_security_enabled?: boolean;
  availability_zones?: string[];
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
  allocation_pools: { start: string; end: string }[];
}
