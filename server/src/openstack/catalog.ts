import type { EndpointInterface, KeystoneCatalogEntry } from './keystone-types.js';

/**
 * Families of service types from the OpenStack service-types-authority (service-types.yaml): the official
 * type first, then its historical aliases. Clouds still register Cinder as volumev3 or volumev2, Manila as
 * sharev2, and so on; a client asking for any member of a family must find the service.
 */
const serviceTypeFamilies: readonly (readonly string[])[] = [
  ['block-storage', 'volumev3', 'volumev2', 'volume', 'block-store'],
  ['shared-file-system', 'sharev2', 'share'],
  ['container-infrastructure-management', 'container-infrastructure', 'container-infra'],
  ['baremetal', 'bare-metal'],
  ['clustering', 'resource-cluster', 'cluster'],
  ['resource-optimization', 'infra-optim'],
  ['message', 'messaging'],
  ['workflow', 'workflowv2'],
  ['operator-policy', 'policy'],
  ['alarm', 'alarming'],
  ['meter', 'metering', 'telemetry'],
  ['event', 'events'],
  ['application-deployment', 'application_deployment'],
  ['multi-region-network-automation', 'tricircle'],
  ['application-container', 'container'],
  ['root-cause-analysis', 'rca'],
  ['monitoring-logging', 'monitoring-log-api'],
  ['instance-ha', 'ha'],
  ['admin-logic', 'registration'],
];

/** The types to look for, best first: the one asked for, then the rest of its family in authority order. */
export function serviceTypeCandidates(serviceType: string): string[] {
  const family = serviceTypeFamilies.find((members) => members.includes(serviceType));
  return family ? [serviceType, ...family.filter((member) => member !== serviceType)] : [serviceType];
}

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

export interface CatalogService {
  type: string;
  name: string;
}

/** The services usable from the browser in this region: those with an endpoint of the configured interface. */
export function catalogServices(
  catalog: readonly KeystoneCatalogEntry[],
  region: string,
  endpointInterface: EndpointInterface,
): CatalogService[] {
  return catalog
    .filter((entry) =>
      entry.endpoints.some((endpoint) => endpoint.interface === endpointInterface && endpointRegion(endpoint) === region),
    )
    .map((entry) => ({ type: entry.type, name: entry.name ?? entry.type }));
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
