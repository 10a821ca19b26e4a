// A subnet as the form edits it (text as typed), the checks Neutron would otherwise make after the round trip,
// and the request body and `openstack subnet` options the draft stands for. Lists are one entry per line:
// allocation pools "start-end", DNS name servers one address, host routes "destination,nexthop".
import type { ParseKeys } from 'i18next';
import type { ActionRequest } from '../../lib/actions/types';
import { cidrContains, cidrsOverlap, isNetworkAddress, normalizedCidr, parseCidr, parseIp, rangesOverlap, type Cidr, type IpAddress, type IpVersion } from '../../lib/net/ip';
import { subnetsPath } from '../../resources/networks/networks';
import type { AllocationPool, HostRoute, Ipv6Mode, Subnet } from '../../resources/networks/types';

export const ipv6Modes: readonly Ipv6Mode[] = ['slaac', 'dhcpv6-stateful', 'dhcpv6-stateless'];

export type GatewayMode = 'auto' | 'custom' | 'none';

export interface SubnetDraft {
  name: string;
  description: string;
  ipVersion: IpVersion;
  /** A CIDR typed by the user, or a prefix taken from a subnet pool. */
  source: 'cidr' | 'pool';
  cidr: string;
  subnetPoolId: string;
  /** Empty for the pool's default prefix length. */
  prefixLength: string;
  gatewayMode: GatewayMode;
  gatewayIp: string;
  enableDhcp: boolean;
  allocationPools: string;
  dnsNameservers: string;
  hostRoutes: string;
  ipv6AddressMode: Ipv6Mode | '';
  ipv6RaMode: Ipv6Mode | '';
}

export type SubnetField = 'name' | 'cidr' | 'subnetPoolId' | 'prefixLength' | 'gatewayIp' | 'allocationPools' | 'dnsNameservers' | 'hostRoutes' | 'ipv6Modes';

export type SubnetProblem =
  | 'cidrMissing'
  | 'cidrInvalid'
  | 'cidrVersion'
  | 'cidrHostBits'
  | 'cidrOverlaps'
  | 'poolMissing'
  | 'poolAffinity'
  | 'prefixLengthInvalid'
  | 'gatewayInvalid'
  | 'gatewayOutside'
  | 'gatewayReserved'
  | 'gatewayInPool'
  | 'allocationPoolInvalid'
  | 'allocationPoolReversed'
  | 'allocationPoolOutside'
  | 'allocationPoolsOverlap'
  | 'dnsInvalid'
  | 'dnsDuplicate'
  | 'dnsTooMany'
  | 'hostRouteInvalid'
  | 'hostRouteVersion'
  | 'hostRouteTooMany'
  | 'ipv6ModesDiffer'
  | 'ipv6ModeNeeds64';

export interface SubnetIssue {
  field: SubnetField;
  problem: SubnetProblem;
  /** What the message names: the line at fault, the subnet overlapped, the CIDR Neutron would recommend. */
  detail?: string;
}

// Neutron's defaults for max_dns_nameservers and max_subnet_host_routes (neutron.conf).
export const maxDnsNameservers = 5;
export const maxHostRoutes = 20;

export function emptySubnetDraft(ipVersion: IpVersion = 4): SubnetDraft {
  return {
    name: '',
    description: '',
    ipVersion,
    source: 'cidr',
    cidr: '',
    subnetPoolId: '',
    prefixLength: '',
    gatewayMode: 'auto',
    gatewayIp: '',
    enableDhcp: true,
    allocationPools: '',
    dnsNameservers: '',
    hostRoutes: '',
    ipv6AddressMode: '',
    ipv6RaMode: '',
  };
}

/** The draft an existing subnet is edited from. */
export function subnetDraftOf(subnet: Subnet): SubnetDraft {
  return {
    ...emptySubnetDraft(subnet.ip_version),
    name: subnet.name,
    description: subnet.description ?? '',
    cidr: subnet.cidr,
    gatewayMode: subnet.gateway_ip ? 'custom' : 'none',
    gatewayIp: subnet.gateway_ip ?? '',
    enableDhcp: subnet.enable_dhcp,
    allocationPools: subnet.allocation_pools.map((pool) => `${pool.start}-${pool.end}`).join('\n'),
    dnsNameservers: (subnet.dns_nameservers ?? []).join('\n'),
    hostRoutes: (subnet.host_routes ?? []).map((route) => `${route.destination},${route.nexthop}`).join('\n'),
    ipv6AddressMode: subnet.ipv6_address_mode ?? '',
    ipv6RaMode: subnet.ipv6_ra_mode ?? '',
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const splitPair = (line: string) => line.split(/[\s,]+/).filter(Boolean);

export function allocationPoolsOf(draft: SubnetDraft): AllocationPool[] {
  return lines(draft.allocationPools).map((line) => {
    const [start = '', end = ''] = line.split(/[\s,-]+/).filter(Boolean);
    return { start, end };
  });
}

export function dnsNameserversOf(draft: SubnetDraft): string[] {
  return lines(draft.dnsNameservers);
}

export function hostRoutesOf(draft: SubnetDraft): HostRoute[] {
  return lines(draft.hostRoutes).map((line) => {
    const [destination = '', nexthop = ''] = splitPair(line);
    return { destination, nexthop };
  });
}

/** Neutron's subnet pool affinity: a network's subnets of one IP version all come from the same pool, or none. */
function checkPoolAffinity(draft: SubnetDraft, siblings: readonly Subnet[], issues: SubnetIssue[]) {
  const pool = draft.source === 'pool' ? draft.subnetPoolId : '';
  const other = siblings.find((sibling) => sibling.ip_version === draft.ipVersion && (sibling.subnetpool_id ?? '') !== pool);
  if (other) issues.push({ field: draft.source === 'pool' ? 'subnetPoolId' : 'cidr', problem: 'poolAffinity', detail: other.name || other.cidr });
}

function checkCidr(draft: SubnetDraft, siblings: readonly Subnet[], issues: SubnetIssue[]): Cidr | null {
  if (draft.source === 'pool') {
    if (draft.subnetPoolId === '') issues.push({ field: 'subnetPoolId', problem: 'poolMissing' });
    else checkPoolAffinity(draft, siblings, issues);
    const length = draft.prefixLength.trim();
    if (length !== '' && !(/^\d{1,3}$/.test(length) && Number(length) <= (draft.ipVersion === 4 ? 32 : 128))) {
      issues.push({ field: 'prefixLength', problem: 'prefixLengthInvalid' });
    }
    return null;
  }
  if (draft.cidr.trim() === '') {
    issues.push({ field: 'cidr', problem: 'cidrMissing' });
    return null;
  }
  const cidr = parseCidr(draft.cidr);
  if (!cidr) {
    issues.push({ field: 'cidr', problem: 'cidrInvalid' });
    return null;
  }
  if (cidr.version !== draft.ipVersion) {
    issues.push({ field: 'cidr', problem: 'cidrVersion' });
    return null;
  }
  if (!isNetworkAddress(cidr)) {
    issues.push({ field: 'cidr', problem: 'cidrHostBits', detail: normalizedCidr(cidr) });
    return cidr;
  }
  checkPoolAffinity(draft, siblings, issues);
  for (const sibling of siblings) {
    const other = parseCidr(sibling.cidr);
    if (other && cidrsOverlap(cidr, other)) {
      issues.push({ field: 'cidr', problem: 'cidrOverlaps', detail: `${sibling.name || sibling.id} (${sibling.cidr})` });
      break;
    }
  }
  return cidr;
}

/**
 * Neutron refuses the network and broadcast addresses of an IPv4 subnet as gateway; IPv6 has no broadcast, and
 * its first address (the subnet-router anycast address) is Neutron's own default gateway.
 */
function isReserved(cidr: Cidr, address: IpAddress): boolean {
  return cidr.version === 4 && (address.value === cidr.first || address.value === cidr.last);
}

/**
 * Every mistake in the draft, in form order. `siblings` are the network's other subnets (a new CIDR must not
 * overlap theirs); when the CIDR comes from a pool it is unknown here and Neutron checks what depends on it.
 */
export function subnetIssues(draft: SubnetDraft, siblings: readonly Subnet[] = []): SubnetIssue[] {
  const issues: SubnetIssue[] = [];
  const cidr = checkCidr(draft, siblings, issues);
  const within = (address: IpAddress) => cidr === null || cidrContains(cidr, address);
  const ofVersion = (text: string) => {
    const address = parseIp(text);
    return address && address.version === draft.ipVersion ? address : null;
  };

  let gateway: IpAddress | null = null;
  if (draft.gatewayMode === 'custom') {
    gateway = ofVersion(draft.gatewayIp);
    if (!gateway) issues.push({ field: 'gatewayIp', problem: 'gatewayInvalid' });
    else if (!within(gateway)) issues.push({ field: 'gatewayIp', problem: 'gatewayOutside' });
    else if (cidr && isReserved(cidr, gateway)) issues.push({ field: 'gatewayIp', problem: 'gatewayReserved' });
  }

  const pools: { first: bigint; last: bigint; line: string }[] = [];
  for (const pool of allocationPoolsOf(draft)) {
    const line = `${pool.start}-${pool.end}`;
    const start = ofVersion(pool.start);
    const end = ofVersion(pool.end);
    if (!start || !end) issues.push({ field: 'allocationPools', problem: 'allocationPoolInvalid', detail: line });
    else if (start.value > end.value) issues.push({ field: 'allocationPools', problem: 'allocationPoolReversed', detail: line });
    else if (!within(start) || !within(end)) issues.push({ field: 'allocationPools', problem: 'allocationPoolOutside', detail: line });
    else {
      const overlapped = pools.find((other) => rangesOverlap(other, { first: start.value, last: end.value }));
      if (overlapped) issues.push({ field: 'allocationPools', problem: 'allocationPoolsOverlap', detail: `${overlapped.line}, ${line}` });
      pools.push({ first: start.value, last: end.value, line });
    }
  }
  if (gateway) {
    const holding = pools.find((pool) => gateway.value >= pool.first && gateway.value <= pool.last);
    if (holding) issues.push({ field: 'gatewayIp', problem: 'gatewayInPool', detail: holding.line });
  }

  const servers = dnsNameserversOf(draft);
  const invalidServer = servers.find((server) => parseIp(server) === null);
  if (invalidServer !== undefined) issues.push({ field: 'dnsNameservers', problem: 'dnsInvalid', detail: invalidServer });
  const repeated = servers.find((server, index) => servers.indexOf(server) !== index);
  if (repeated !== undefined) issues.push({ field: 'dnsNameservers', problem: 'dnsDuplicate', detail: repeated });
  if (servers.length > maxDnsNameservers) issues.push({ field: 'dnsNameservers', problem: 'dnsTooMany', detail: String(maxDnsNameservers) });

  const routes = hostRoutesOf(draft);
  for (const route of routes) {
    const line = `${route.destination},${route.nexthop}`;
    const destination = parseCidr(route.destination);
    const nexthop = parseIp(route.nexthop);
    if (!destination || !isNetworkAddress(destination) || !nexthop) {
      issues.push({ field: 'hostRoutes', problem: 'hostRouteInvalid', detail: line });
    } else if (destination.version !== draft.ipVersion || nexthop.version !== draft.ipVersion) {
      issues.push({ field: 'hostRoutes', problem: 'hostRouteVersion', detail: line });
    }
  }
  if (routes.length > maxHostRoutes) issues.push({ field: 'hostRoutes', problem: 'hostRouteTooMany', detail: String(maxHostRoutes) });

  if (draft.ipVersion === 6) {
    const { ipv6AddressMode: address, ipv6RaMode: ra } = draft;
    if (address !== '' && ra !== '' && address !== ra) issues.push({ field: 'ipv6Modes', problem: 'ipv6ModesDiffer' });
    // SLAAC addresses are EUI-64: the interface identifier takes the last 64 bits.
    const eui64 = [address, ra].some((mode) => mode === 'slaac' || mode === 'dhcpv6-stateless');
    if (eui64 && cidr && cidr.prefix !== 64) issues.push({ field: 'ipv6Modes', problem: 'ipv6ModeNeeds64' });
  }
  return issues;
}

const poolBody = (draft: SubnetDraft) => allocationPoolsOf(draft);

/** POST /v2.0/subnets body. */
/** The POST creating the draft's subnet in a network: the add-subnet action's, and the network create's second call. */
export function subnetCreateRequest(networkId: string, draft: SubnetDraft): ActionRequest {
  return { method: 'POST', path: subnetsPath, body: subnetCreateBody(networkId, draft) };
}

export function subnetCreateBody(networkId: string, draft: SubnetDraft) {
  const pools = poolBody(draft);
  const servers = dnsNameserversOf(draft);
  const routes = hostRoutesOf(draft);
  return {
    subnet: {
      network_id: networkId,
      name: draft.name.trim(),
      description: draft.description.trim() || undefined,
      ip_version: draft.ipVersion,
      ...(draft.source === 'cidr'
        ? { cidr: draft.cidr.trim() }
        : { subnetpool_id: draft.subnetPoolId, prefixlen: draft.prefixLength.trim() ? Number(draft.prefixLength) : undefined }),
      // Omitted: Neutron takes the first address. null: no gateway at all.
      gateway_ip: draft.gatewayMode === 'custom' ? draft.gatewayIp.trim() : draft.gatewayMode === 'none' ? null : undefined,
      enable_dhcp: draft.enableDhcp,
      allocation_pools: pools.length > 0 ? pools : undefined,
      dns_nameservers: servers.length > 0 ? servers : undefined,
      host_routes: routes.length > 0 ? routes : undefined,
      ...(draft.ipVersion === 6
        ? { ipv6_address_mode: draft.ipv6AddressMode || undefined, ipv6_ra_mode: draft.ipv6RaMode || undefined }
        : {}),
    },
  };
}

const poolOption = (pool: AllocationPool) => ['--allocation-pool', `start=${pool.start},end=${pool.end}`];
const routeOption = (route: HostRoute) => ['--host-route', `destination=${route.destination},gateway=${route.nexthop}`];

/** `openstack subnet create` for the draft on the network named (or id'd) `network`. */
export function subnetCreateCli(network: string, draft: SubnetDraft): string[] {
  return [
    'subnet',
    'create',
    '--network',
    network,
    ...(draft.ipVersion === 6 ? ['--ip-version', '6'] : []),
    ...(draft.source === 'cidr'
      ? ['--subnet-range', draft.cidr.trim()]
      : ['--subnet-pool', draft.subnetPoolId, ...(draft.prefixLength.trim() ? ['--prefix-length', draft.prefixLength.trim()] : [])]),
    ...(draft.gatewayMode === 'custom' ? ['--gateway', draft.gatewayIp.trim()] : draft.gatewayMode === 'none' ? ['--gateway', 'none'] : []),
    draft.enableDhcp ? '--dhcp' : '--no-dhcp',
    ...poolBody(draft).flatMap(poolOption),
    ...dnsNameserversOf(draft).flatMap((server) => ['--dns-nameserver', server]),
    ...hostRoutesOf(draft).flatMap(routeOption),
    ...(draft.ipVersion === 6 && draft.ipv6AddressMode ? ['--ipv6-address-mode', draft.ipv6AddressMode] : []),
    ...(draft.ipVersion === 6 && draft.ipv6RaMode ? ['--ipv6-ra-mode', draft.ipv6RaMode] : []),
    ...(draft.description.trim() ? ['--description', draft.description.trim()] : []),
    draft.name.trim(),
  ];
}

const sameList = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string) =>
  a.length === b.length && a.every((item, index) => key(item) === key(b[index]!));

/** What an edit changes on an existing subnet (the attributes Neutron lets change); only those are sent. */
export function subnetChanges(subnet: Subnet, draft: SubnetDraft) {
  const gateway = draft.gatewayMode === 'none' ? null : draft.gatewayIp.trim();
  const pools = allocationPoolsOf(draft);
  const servers = dnsNameserversOf(draft);
  const routes = hostRoutesOf(draft);
  const poolKey = (pool: AllocationPool) => `${pool.start}-${pool.end}`;
  const routeKey = (route: HostRoute) => `${route.destination},${route.nexthop}`;
  return {
    name: draft.name.trim() !== subnet.name ? draft.name.trim() : undefined,
    description: draft.description.trim() !== (subnet.description ?? '') ? draft.description.trim() : undefined,
    gateway_ip: gateway !== subnet.gateway_ip ? gateway : undefined,
    enable_dhcp: draft.enableDhcp !== subnet.enable_dhcp ? draft.enableDhcp : undefined,
    allocation_pools: sameList(pools, subnet.allocation_pools, poolKey) ? undefined : pools,
    dns_nameservers: sameList(servers, subnet.dns_nameservers ?? [], String) ? undefined : servers,
    host_routes: sameList(routes, subnet.host_routes ?? [], routeKey) ? undefined : routes,
  };
}

export function hasSubnetChanges(changes: ReturnType<typeof subnetChanges>): boolean {
  return Object.values(changes).some((value) => value !== undefined);
}

/** `openstack subnet set` for an edit: lists are replaced whole (cleared, then given again). */
export function subnetUpdateCli(subnet: Subnet, changes: ReturnType<typeof subnetChanges>): string[] {
  return [
    'subnet',
    'set',
    ...(changes.name !== undefined ? ['--name', changes.name] : []),
    ...(changes.description !== undefined ? ['--description', changes.description] : []),
    ...(changes.gateway_ip !== undefined ? ['--gateway', changes.gateway_ip ?? 'none'] : []),
    ...(changes.enable_dhcp === undefined ? [] : [changes.enable_dhcp ? '--dhcp' : '--no-dhcp']),
    ...(changes.allocation_pools ? ['--no-allocation-pool', ...changes.allocation_pools.flatMap(poolOption)] : []),
    ...(changes.dns_nameservers ? ['--no-dns-nameservers', ...changes.dns_nameservers.flatMap((server) => ['--dns-nameserver', server])] : []),
    ...(changes.host_routes ? ['--no-host-route', ...changes.host_routes.flatMap(routeOption)] : []),
    subnet.id,
  ];
}

/** The i18n key of a problem, for the forms and the actions' invalid reasons. */
export const subnetProblemKey = (problem: string) => `networks.subnet.problems.${problem}` as ParseKeys;
