// Admin reads of the cloud's capacity: hypervisors with their Placement inventories and usages (a few hosts at a
// time), compute services, availability zones of the three services, host aggregates.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { mapBounded } from '../../lib/api/bounded';
import { scopedQueryKeys } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { Aggregate, ComputeService, Hypervisor, NetworkZone, ProviderCapacity, ZoneDetail } from './types';

const capacityKeys = scopedQueryKeys('admin', 'capacity');

export interface HostCapacity {
  hypervisor: Hypervisor;
  /** An Error when Placement could not be read for this host. */
  capacity: ProviderCapacity | Error;
}

async function fetchProviderCapacity(uuid: string, signal?: AbortSignal): Promise<ProviderCapacity> {
  const id = encodeURIComponent(uuid);
  const [{ inventories }, { usages }] = await Promise.all([
    api.get<{ inventories: ProviderCapacity['inventories'] }>(`/api/os/placement/resource_providers/${id}/inventories`, { signal }),
    api.get<{ usages: ProviderCapacity['usages'] }>(`/api/os/placement/resource_providers/${id}/usages`, { signal }),
  ]);
  return { inventories, usages };
}

export async function fetchHostCapacities(signal?: AbortSignal): Promise<HostCapacity[]> {
  const { hypervisors } = await api.get<{ hypervisors: Hypervisor[] }>('/api/os/compute/os-hypervisors/detail', { microversion: '2.88', signal });
  const capacities = await mapBounded(hypervisors, 8, (hypervisor) => fetchProviderCapacity(hypervisor.id, signal), { signal });
  return hypervisors.map((hypervisor, index) => ({ hypervisor, capacity: capacities[index]! }));
}

export function useHostCapacities() {
  const scope = useScope();
  return useQuery({ queryKey: capacityKeys.list(scope, { view: 'hosts' }), queryFn: ({ signal }) => fetchHostCapacities(signal) });
}

export function useComputeServices() {
  const scope = useScope();
  return useQuery({
    queryKey: capacityKeys.list(scope, { view: 'compute-services' }),
    queryFn: async ({ signal }) => (await api.get<{ services: ComputeService[] }>('/api/os/compute/os-services', { microversion: '2.53', signal })).services,
  });
}

export function useZoneDetails(service: 'compute' | 'block-storage') {
  const scope = useScope();
  return useQuery({
    queryKey: capacityKeys.list(scope, { view: 'zones', service }),
    // Cinder has no detailed list; its zones come without hosts.
    queryFn: async ({ signal }) =>
      (await api.get<{ availabilityZoneInfo: ZoneDetail[] }>(`/api/os/${service}/os-availability-zone${service === 'compute' ? '/detail' : ''}`, { signal })).availabilityZoneInfo,
  });
}

export function useNetworkZones() {
  const scope = useScope();
  return useQuery({
    queryKey: capacityKeys.list(scope, { view: 'zones', service: 'network' }),
    queryFn: async ({ signal }) => (await api.get<{ availability_zones: NetworkZone[] }>('/api/os/network/v2.0/availability_zones', { signal })).availability_zones,
  });
}

export function useAggregates() {
  const scope = useScope();
  return useQuery({
    queryKey: capacityKeys.list(scope, { view: 'aggregates' }),
    queryFn: async ({ signal }) => (await api.get<{ aggregates: Aggregate[] }>('/api/os/compute/os-aggregates', { signal })).aggregates,
  });
}
