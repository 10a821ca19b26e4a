// The availability zones a new server (compute) or volume (block-storage) can be placed in: the available ones.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { AvailabilityZone, ZoneService } from './types';

const zoneKeys = (service: ZoneService) => scopedQueryKeys(service, 'availability-zones');

/** Names of the zones that are up, sorted. Nova leaves its "internal" zone out of this (non-detail) list. */
export async function fetchAvailableZoneNames(service: ZoneService, signal?: AbortSignal): Promise<string[]> {
  const { availabilityZoneInfo } = await api.get<{ availabilityZoneInfo: AvailabilityZone[] }>(
    `/api/os/${service}/os-availability-zone`,
    { signal },
  );
  return availabilityZoneInfo
    .filter((zone) => zone.zoneState.available)
    .map((zone) => zone.zoneName)
    .sort((a, b) => a.localeCompare(b));
}

export const availableZonesQueryOptions = (scope: QueryScope, service: ZoneService) =>
  queryOptions({
    queryKey: zoneKeys(service).all(scope),
    queryFn: ({ signal }) => fetchAvailableZoneNames(service, signal),
    staleTime: 5 * 60_000,
  });

export function useAvailableZones(service: ZoneService) {
  return useQuery(availableZonesQueryOptions(useScope(), service));
}
