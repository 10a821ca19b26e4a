// The flavors the project may use, with their sizes, and one flavor by id.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { fetchAllPages } from '../../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../../lib/api/query-keys';
import { useScope } from '../../../lib/scope';
import type { Flavor } from '../types';

export const flavorKeys = scopedQueryKeys('compute', 'flavors');

// 2.55 adds the description, 2.75 makes swap a number (0) instead of "" when there is none.
const flavorMicroversion = '2.75';
const flavorsPath = '/api/os/compute/flavors';

type FlavorBody = Omit<Flavor, 'swap'> & { swap: number | '' };

function fromBody(flavor: FlavorBody): Flavor {
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
  const { flavor } = await api.get<{ flavor: FlavorBody }>(`${flavorsPath}/${encodeURIComponent(id)}`, {
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
