// The flavors the project may use, with their sizes, and one flavor by id.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { Flavor, FlavorAccess } from './types';

export const flavorKeys = scopedQueryKeys('compute', 'flavors');
export const flavorAccessKeys = scopedQueryKeys('compute', 'flavor-access');

// 2.55 adds the description, 2.61 embeds the extra specs, 2.75 makes swap a number (0) instead of "" when there
// is none.
export const flavorMicroversion = '2.75';
export const flavorsPath = '/api/os/compute/flavors';
export const flavorPath = (id: string) => `${flavorsPath}/${encodeURIComponent(id)}`;

export type FlavorBody = Omit<Flavor, 'swap'> & { swap: number | '' };

export function fromBody(flavor: FlavorBody): Flavor {
  return { ...flavor, swap: flavor.swap === '' ? 0 : flavor.swap };
}

export async function fetchFlavors(signal?: AbortSignal): Promise<Flavor[]> {
  const flavors = await fetchAllPages<FlavorBody>({
    path: `${flavorsPath}/detail`,
    collection: 'flavors',
    // None = public flavors and the private ones shared with the project (for an admin: every flavor).
    params: { is_public: 'None' },
    microversion: flavorMicroversion,
    signal,
  });
  return flavors.map(fromBody);
}

export async function fetchFlavor(id: string, signal?: AbortSignal): Promise<Flavor> {
  const { flavor } = await api.get<{ flavor: FlavorBody }>(flavorPath(id), {
    microversion: flavorMicroversion,
    signal,
  });
  return fromBody(flavor);
}

export const flavorsQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: flavorKeys.all(scope),
    queryFn: ({ signal }) => fetchFlavors(signal),
    staleTime: 5 * 60_000,
  });

export const flavorQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: flavorKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchFlavor(id, signal),
    staleTime: 5 * 60_000,
  });

export function useFlavors() {
  return useQuery(flavorsQueryOptions(useScope()));
}

export function useFlavor(id: string | undefined) {
  const scope = useScope();
  return useQuery({ ...flavorQueryOptions(scope, id ?? ''), enabled: id !== undefined && id !== '' });
}

/**
 * Whether the caller may manage flavors, as the cloud answers it rather than a client-side copy of its policy.
 * Flavor writes have no dry run; they share Nova's admin rule (rule:admin_api in the legacy defaults, ADMIN in the
 * new ones) with the read-only hypervisor list, so its 403 is the probe. The flavor access list was not usable:
 * under the legacy defaults (this cloud) any project member may read it.
 */
export async function fetchFlavorManagement(signal?: AbortSignal): Promise<boolean> {
  try {
    await api.get('/api/os/compute/os-hypervisors', { params: { limit: '1' }, microversion: flavorMicroversion, signal });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return false;
    throw error;
  }
}

/** The projects of a private flavor; null for a public one (Nova answers 404: every project may use it). */
export async function fetchFlavorAccess(id: string, signal?: AbortSignal): Promise<FlavorAccess[] | null> {
  try {
    const { flavor_access } = await api.get<{ flavor_access: FlavorAccess[] }>(`${flavorPath(id)}/os-flavor-access`, {
      microversion: flavorMicroversion,
      signal,
    });
    return flavor_access;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

const flavorManagementKeys = scopedQueryKeys('compute', 'flavor-management');

export function useFlavorManagement() {
  return useQuery({ queryKey: flavorManagementKeys.all(useScope()), queryFn: ({ signal }) => fetchFlavorManagement(signal), staleTime: 5 * 60_000 });
}

export const flavorAccessQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: flavorAccessKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchFlavorAccess(id, signal),
  });

export function useFlavorAccess(id: string | undefined) {
  const scope = useScope();
  return useQuery({ ...flavorAccessQueryOptions(scope, id ?? ''), enabled: id !== undefined && id !== '' });
}
