import type { CatalogService } from '../contract/session.js';
import { serviceTypeCandidates } from '../contract/service-types.js';
import type { EndpointInterface, KeystoneCatalogEntry } from './keystone-types.js';

export interface EndpointQuery {
  serviceType: string;
  region: string;
  interface: EndpointInterface;
}

function endpointRegion(endpoint: { region: string | null; region_id: string | null }): string | undefined {
  return endpoint.region_id ?? endpoint.region ?? undefined;
}

/** The URL of the service's endpoint for that interface and region, without a trailing slash. */
export function selectEndpoint(catalog: readonly KeystoneCatalogEntry[], query: EndpointQuery): string | undefined {
  for (const type of serviceTypeCandidates(query.serviceType)) {
    for (const entry of catalog) {
      if (entry.type !== type) continue;
      const endpoint = entry.endpoints.find(
        (candidate) => candidate.interface === query.interface && endpointRegion(candidate) === query.region,
      );
      if (endpoint) return endpoint.url.replace(/\/+$/, '');
    }
  }
  return undefined;
}

/** Every region of the catalog, in the order Keystone lists them. */
export function catalogRegions(catalog: readonly KeystoneCatalogEntry[]): string[] {
  const regions = catalog.flatMap((entry) => entry.endpoints.map(endpointRegion));
  return [...new Set(regions.filter((region): region is string => region !== undefined))];
}

/** The services usable from the browser in this region: those with an endpoint of the configured interface. */
export function catalogServices(
  catalog: readonly KeystoneCatalogEntry[],
  region: string,
  endpointInterface: EndpointInterface,
): CatalogService[] {
  return catalog.flatMap((entry) => {
    const endpoint = entry.endpoints.find(
      (candidate) => candidate.interface === endpointInterface && endpointRegion(candidate) === region,
    );
    return endpoint ? [{ type: entry.type, name: entry.name ?? entry.type, url: endpoint.url.replace(/\/+$/, '') }] : [];
  });
}

/**
 * The region a session uses: the one asked for (undefined when the catalog lacks it), else the first of the
 * preferred ones the catalog has (the current region, the configured one), else the catalog's first region.
 */
export function chooseRegion(
  catalog: readonly KeystoneCatalogEntry[],
  requested: string | undefined,
  ...preferred: (string | undefined)[]
): string | undefined {
  const regions = catalogRegions(catalog);
  if (requested !== undefined) return regions.includes(requested) ? requested : undefined;
  return preferred.find((region) => region !== undefined && regions.includes(region)) ?? regions[0];
}
