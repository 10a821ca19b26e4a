// Service types as the OpenStack service-types-authority defines them: a catalog may still list a service under
// an older alias (volumev3 for block-storage), and Zenith must treat both names as the same service.

const aliasesByType: Record<string, readonly string[]> = {
  'block-storage': ['volumev3', 'volumev2', 'volume', 'block-store'],
  compute: [],
  image: [],
  network: [],
  orchestration: [],
  placement: [],
  identity: [],
  'object-store': [],
  'load-balancer': [],
  'key-manager': [],
  dns: [],
  'shared-file-system': ['sharev2', 'share'],
  baremetal: [],
};

const canonicalByAlias = new Map<string, string>(
  Object.entries(aliasesByType).flatMap(([type, aliases]) => [type, ...aliases].map((name) => [name, type])),
);

export function canonicalServiceType(type: string): string {
  return canonicalByAlias.get(type) ?? type;
}

export interface CatalogService {
  type: string;
  name: string;
}

/** True when the catalog offers `type` under its official name or any of its aliases. */
export function hasService(services: readonly CatalogService[], type: string): boolean {
  const wanted = canonicalServiceType(type);
  return services.some((service) => canonicalServiceType(service.type) === wanted);
}
