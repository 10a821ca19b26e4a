// Neutron floating IP, as GET /v2.0/floatingips returns it (Networking API v2.0 reference): only the fields
// Zenith reads.

export type FloatingIpStatus = 'ACTIVE' | 'DOWN' | 'ERROR';

export interface FloatingIp {
  id: string;
  floating_ip_address: string;
  /** The external network it was allocated from. */
  floating_network_id: string;
  project_id: string;
  router_id: string | null;
  /** The port it is associated with; null when free. */
  port_id: string | null;
  fixed_ip_address: string | null;
  status: FloatingIpStatus;
  description?: string;
  created_at?: string;
  /** fip-port-details extension: what the associated port belongs to. */
  port_details?: { name: string; network_id: string; device_id: string; device_owner: string; status: string } | null;
}

export interface FloatingIpFilters {
  /** Floating IPs associated with any of these ports (e.g. a server's ports). */
  portIds?: readonly string[];
}

export interface FloatingIpAllocation {
  /** External network to allocate from. */
  networkId: string;
  /** A specific address of that network (by default Neutron picks a free one). */
  floatingIpAddress?: string;
  /** Associate at once with this port. */
  portId?: string;
  fixedIpAddress?: string;
  description?: string;
}

export interface FloatingIpAssociation {
  floatingIpId: string;
  portId: string;
  /** Needed only when the port has several fixed IPs. */
  fixedIpAddress?: string;
}
