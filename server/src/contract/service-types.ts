// Service types as the OpenStack service-types-authority (service-types.yaml) defines them. Clouds still
// register Cinder as volumev3 or volumev2, Manila as sharev2, and so on: the BFF must route any member of a
// family to the service, and the SPA must treat all of them as the same service. Shared by both.

/** Each family: the official type first, then its historical aliases in authority order. */
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

function familyOf(serviceType: string): readonly string[] | undefined {
  return serviceTypeFamilies.find((members) => members.includes(serviceType));
}

/** The types to look for, best first: the one asked for, then the rest of its family in authority order. */
export function serviceTypeCandidates(serviceType: string): string[] {
  const family = familyOf(serviceType);
  return family ? [serviceType, ...family.filter((member) => member !== serviceType)] : [serviceType];
}

/** The official name of a service type (block-storage for volumev3); a type outside every family is its own. */
export function canonicalServiceType(serviceType: string): string {
  return familyOf(serviceType)?.[0] ?? serviceType;
}

/** True when the catalog offers `serviceType` under its official name or any of its aliases. */
export function hasService(services: readonly { type: string }[], serviceType: string): boolean {
  const wanted = canonicalServiceType(serviceType);
  return services.some((service) => canonicalServiceType(service.type) === wanted);
}
