// The session's whole catalog as the BFF answers it (GET /api/auth/catalog), and the table's view of it: one group
// per service, its endpoints filtered by region and interface.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CatalogEndpoint, CatalogEntry, CatalogResponse } from '@contract/catalog';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';

// Under the scope's keys: a project or region switch drops it with the rest of the scope's data.
export const catalogKeys = scopedQueryKeys('identity', 'catalog');

export const catalogQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: catalogKeys.all(scope),
    queryFn: ({ signal }) => api.get<CatalogResponse>('/api/auth/catalog', { signal }),
    // The catalog changes with the token only: the session's lifetime.
    staleTime: Infinity,
  });

export function useCatalog() {
  return useQuery(catalogQueryOptions(useScope()));
}

export interface CatalogFilter {
  /** '' for every region. */
  region: string;
  /** '' for every interface. */
  interface: string;
}

const interfaceOrder: Record<CatalogEndpoint['interface'], number> = { public: 0, internal: 1, admin: 2 };

/** Every region of the catalog's endpoints, sorted. */
export function catalogRegions(entries: readonly CatalogEntry[]): string[] {
  const regions = entries.flatMap((entry) => entry.endpoints.flatMap((endpoint) => (endpoint.region === null ? [] : [endpoint.region])));
  return [...new Set(regions)].sort((a, b) => a.localeCompare(b));
}

/**
 * The services sorted by type, each with its endpoints that pass the filter (by region, then public, internal,
 * admin); services left with none are left out.
 */
export function catalogGroups(entries: readonly CatalogEntry[], filter: CatalogFilter): CatalogEntry[] {
  return [...entries]
    .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name))
    .map((entry) => ({
      ...entry,
      endpoints: entry.endpoints
        .filter((endpoint) => (filter.region === '' || endpoint.region === filter.region) && (filter.interface === '' || endpoint.interface === filter.interface))
        .sort(
          (a, b) =>
            (a.region ?? '').localeCompare(b.region ?? '') || interfaceOrder[a.interface] - interfaceOrder[b.interface] || a.url.localeCompare(b.url),
        ),
    }))
    .filter((entry) => entry.endpoints.length > 0);
}
