// Checks a static route before Neutron sees it, as Neutron's extraroute plugin would refuse it: the destination a
// network in CIDR notation (host bits zero: neutron_lib's subnet validator), the next hop an address of a subnet the
// router is connected to, not one of the router's own addresses, and the route not already there.
import { cidrContains, isNetworkAddress, normalizedCidr, parseCidr, parseIp } from '../../lib/net/ip';
import type { StaticRoute } from '../../resources/routers/types';

export type StaticRouteProblem =
  | 'destinationInvalid'
  | 'destinationHostBits'
  | 'nexthopInvalid'
  | 'familyMismatch'
  | 'nexthopNotConnected'
  | 'nexthopIsRouter'
  | 'duplicate';

/** The subnets the router is connected to and its own addresses on them, as far as the project can see them. */
export interface RouterConnections {
  /** CIDRs of the router's subnets; undefined when some of them are not visible (e.g. an external subnet). */
  cidrs: readonly string[] | undefined;
  addresses: readonly string[];
}

/** The network address a destination with host bits set should have been ("10.1.0.5/24" → "10.1.0.0/24"). */
export function suggestedDestination(text: string): string | undefined {
  const cidr = parseCidr(text);
  return cidr && !isNetworkAddress(cidr) ? normalizedCidr(cidr) : undefined;
}

/** Same destination and next hop, however written (spaces, IPv6 compression). */
function sameRoute(a: StaticRoute, b: StaticRoute): boolean {
  const [destinationA, destinationB] = [parseCidr(a.destination), parseCidr(b.destination)];
  const [hopA, hopB] = [parseIp(a.nexthop), parseIp(b.nexthop)];
  if (!destinationA || !destinationB || !hopA || !hopB) return false;
  return (
    destinationA.version === destinationB.version &&
    destinationA.first === destinationB.first &&
    destinationA.prefix === destinationB.prefix &&
    hopA.version === hopB.version &&
    hopA.value === hopB.value
  );
}

export function staticRouteProblem(
  route: StaticRoute,
  existing: readonly StaticRoute[],
  connections: RouterConnections,
): StaticRouteProblem | null {
  const destination = parseCidr(route.destination);
  if (!destination) return 'destinationInvalid';
  if (!isNetworkAddress(destination)) return 'destinationHostBits';
  const nexthop = parseIp(route.nexthop);
  if (!nexthop) return 'nexthopInvalid';
  if (nexthop.version !== destination.version) return 'familyMismatch';
  const isNexthop = (address: string) => {
    const parsed = parseIp(address);
    return parsed?.version === nexthop.version && parsed.value === nexthop.value;
  };
  if (connections.addresses.some(isNexthop)) return 'nexthopIsRouter';
  const connected = (text: string) => {
    const cidr = parseCidr(text);
    return cidr !== null && cidrContains(cidr, nexthop);
  };
  if (connections.cidrs && !connections.cidrs.some(connected)) return 'nexthopNotConnected';
  if (existing.some((other) => sameRoute(other, route))) return 'duplicate';
  return null;
}

/** The route as Neutron and the CLI get it: trimmed. */
export function normalizedRoute(route: StaticRoute): StaticRoute {
  return { destination: route.destination.trim(), nexthop: route.nexthop.trim() };
}
