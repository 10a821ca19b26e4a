// Where Zenith shows what a stack's resource made: the page of its physical resource, by Heat resource type, and
// the page of a nested stack (the resource's `nested` link). A subnet has no page of its own: it shows on its
// network's page, which one Neutron read of all the stack's subnets gives.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { useScope } from '../../lib/scope';
import { subnetKeys, subnetsPath } from '../networks/networks';
import { stackPagePath, type StackRef } from './stacks';
import type { HeatLink, StackResource } from './types';

const page = (base: string) => (id: string) => `${base}/${encodeURIComponent(id)}`;

/** Heat types whose physical id is the id (a key pair: the name) of a resource with a Zenith page. */
const pageOfType: Readonly<Record<string, (physicalId: string) => string>> = {
  'OS::Nova::Server': page('/instances'),
  'OS::Nova::KeyPair': page('/keypairs'),
  'OS::Nova::ServerGroup': page('/server-groups'),
  'OS::Nova::Flavor': page('/flavors'),
  'OS::Cinder::Volume': page('/volumes'),
  'OS::Glance::WebImage': page('/images'),
  'OS::Neutron::Net': page('/networks'),
  'OS::Neutron::ProviderNet': page('/networks'),
  'OS::Neutron::Port': page('/ports'),
  'OS::Neutron::Router': page('/routers'),
  'OS::Neutron::SecurityGroup': page('/security-groups'),
  // Floating IPs have a list and no page each.
  'OS::Neutron::FloatingIP': () => '/floating-ips',
};

export const subnetType = 'OS::Neutron::Subnet';

/** The stack a Heat link points to (`.../stacks/<name>/<id>[/...]`). */
export function stackOfLink(link: HeatLink | undefined): StackRef | undefined {
  const match = link && /\/stacks\/([^/?#]+)\/([^/?#]+)/.exec(link.href);
  return match ? { name: decodeURIComponent(match[1]!), id: decodeURIComponent(match[2]!) } : undefined;
}

const linkOf = (resource: Pick<StackResource, 'links'>, rel: string) => resource.links.find((link) => link.rel === rel);

/** The nested stack a resource holds (a template resource, a resource group...), if any. */
export const nestedStackOf = (resource: Pick<StackResource, 'links'>) => stackOfLink(linkOf(resource, 'nested'));

/** The stack a resource (or an event) belongs to: the page's stack, or one nested in it. */
export const owningStackOf = (resource: Pick<StackResource, 'links'>) => stackOfLink(linkOf(resource, 'stack'));

/**
 * The Zenith page of what a resource made; `subnetNetworks` (subnet id → network id) for subnets. Undefined before
 * the resource exists (no physical id) and for types Zenith has no page for.
 */
export function resourcePagePath(
  resource: Pick<StackResource, 'resource_type' | 'physical_resource_id' | 'links'>,
  subnetNetworks?: ReadonlyMap<string, string>,
): string | undefined {
  const nested = nestedStackOf(resource);
  if (nested) return stackPagePath(nested);
  const id = resource.physical_resource_id;
  if (!id) return undefined;
  if (resource.resource_type === subnetType) {
    const network = subnetNetworks?.get(id);
    return network ? `/networks/${encodeURIComponent(network)}` : undefined;
  }
  return pageOfType[resource.resource_type]?.(id);
}

/** The network of each subnet, in one Neutron read (only the two fields needed). */
export async function fetchSubnetNetworks(subnetIds: readonly string[], signal?: AbortSignal): Promise<Map<string, string>> {
  const { subnets } = await api.get<{ subnets: { id: string; network_id: string }[] }>(subnetsPath, {
    params: { id: [...subnetIds], fields: ['id', 'network_id'] },
    signal,
  });
  return new Map(subnets.map((subnet) => [subnet.id, subnet.network_id]));
}

/** The networks of the subnets among `resources`; no read when there are none. */
export function useSubnetNetworks(resources: readonly StackResource[] | undefined) {
  const scope = useScope();
  const ids = [...new Set((resources ?? []).filter((resource) => resource.resource_type === subnetType && resource.physical_resource_id).map((resource) => resource.physical_resource_id))].sort();
  return useQuery({
    queryKey: subnetKeys.list(scope, { id: ids, fields: 'network_id' }),
    queryFn: ({ signal }) => fetchSubnetNetworks(ids, signal),
    enabled: ids.length > 0,
  });
}
