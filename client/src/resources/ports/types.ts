// Neutron port, as GET /v2.0/ports returns it (Networking API v2.0 reference): only the fields Zenith reads.

export type PortStatus = 'ACTIVE' | 'DOWN' | 'BUILD' | 'ERROR';

export interface FixedIp {
  subnet_id: string;
  ip_address: string;
}

export interface Port {
  id: string;
  name: string;
  network_id: string;
  project_id: string;
  /** The server (or router, DHCP agent...) using the port; "" when free. */
  device_id: string;
  /** "compute:<az>" for a server's port, "network:router_interface", "network:dhcp"...; "" when free. */
  device_owner: string;
  mac_address: string;
  fixed_ips: FixedIp[];
  /** Security group ids. */
  security_groups: string[];
  status: PortStatus;
  admin_state_up: boolean;
  port_security_enabled?: boolean;
  /** Addresses the port may also send from (allowed-address-pairs extension); a pair without a MAC uses the port's. */
  allowed_address_pairs?: { ip_address: string; mac_address?: string }[];
  /** Neutron's tags (standard-attr-tag extension). */
  tags?: string[];
  description?: string;
  created_at?: string;
}

export interface PortFilters {
  networkId?: string;
  /** Ports of one server (or other device). */
  deviceId?: string;
}
