// The cloud's compute capacity and how it is grouped, as admins read it (API references): Nova hypervisors
// (GET /os-hypervisors/detail, 2.88), compute services, availability zones with their hosts, host aggregates;
// Placement resource provider inventories and usages. Only the fields Zenith reads.

export interface Hypervisor {
  /** The compute node's UUID (2.53+), which is also its Placement resource provider's. */
  id: string;
  hypervisor_hostname: string;
  hypervisor_type: string;
  host_ip: string;
  state: 'up' | 'down';
  status: 'enabled' | 'disabled';
  service: { host: string; id: string; disabled_reason: string | null };
}

export interface ComputeService {
  id: string;
  binary: string;
  host: string;
  zone: string;
  status: 'enabled' | 'disabled';
  state: 'up' | 'down';
  updated_at: string | null;
  disabled_reason: string | null;
}

export type ResourceClass = 'VCPU' | 'MEMORY_MB' | 'DISK_GB';
export const resourceClasses: readonly ResourceClass[] = ['VCPU', 'MEMORY_MB', 'DISK_GB'];

export interface Inventory {
  total: number;
  reserved: number;
  allocation_ratio: number;
}

export interface ProviderCapacity {
  inventories: Partial<Record<ResourceClass, Inventory>>;
  usages: Partial<Record<ResourceClass, number>>;
}

export interface ZoneDetail {
  zoneName: string;
  zoneState: { available: boolean };
  /** Host → service binary → its state; null in the non-detailed list. */
  hosts: Record<string, Record<string, { available: boolean; active: boolean; updated_at: string | null }>> | null;
}

export interface NetworkZone {
  name: string;
  /** "network" (DHCP, L2) or "router" (L3). */
  resource: string;
  state: 'available' | 'unavailable';
}

export interface Aggregate {
  id: number;
  name: string;
  availability_zone: string | null;
  hosts: string[];
  metadata: Record<string, string>;
}
