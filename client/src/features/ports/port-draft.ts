// A port as the create and edit forms hold it, the mistakes Neutron would refuse, and the request body and
// `openstack port` options it stands for.
import type { ParseKeys } from 'i18next';
import { cidrContains, parseCidr, parseIp } from '../../lib/net/ip';
import type { Subnet } from '../../resources/networks/types';
import type { Port } from '../../resources/ports/types';

export interface FixedIpInput {
  subnetId: string;
  /** Empty: Neutron picks a free address of the subnet. */
  ipAddress: string;
}

export interface PortSettings {
  name: string;
  description: string;
  adminStateUp: boolean;
  networkId: string;
  /** Empty: Neutron gives one address on each of the network's subnets it can. */
  fixedIps: FixedIpInput[];
  /** Empty: Neutron generates one. */
  macAddress: string;
  portSecurity: boolean;
  /** Null: Neutron's choice, the project's "default" group. */
  securityGroupIds: string[] | null;
  /** The network's subnets, filled in by the form once read, for the fixed IP checks. */
  subnets: readonly Subnet[];
}

export type PortField = 'networkId' | 'fixedIps' | 'macAddress';
export type PortProblem = 'networkMissing' | 'subnetMissing' | 'ipInvalid' | 'ipOutside' | 'ipRepeated' | 'macInvalid' | 'unchanged';

export interface PortIssue {
  field: PortField;
  problem: PortProblem;
  detail?: string;
}

export function emptyPortSettings(networkId = ''): PortSettings {
  return {
    name: '',
    description: '',
    adminStateUp: true,
    networkId,
    fixedIps: [],
    macAddress: '',
    portSecurity: true,
    securityGroupIds: null,
    subnets: [],
  };
}

export function portSettingsOf(port: Port): PortSettings {
  return {
    name: port.name,
    description: port.description ?? '',
    adminStateUp: port.admin_state_up,
    networkId: port.network_id,
    fixedIps: port.fixed_ips.map((fixedIp) => ({ subnetId: fixedIp.subnet_id, ipAddress: fixedIp.ip_address })),
    macAddress: port.mac_address,
    portSecurity: port.port_security_enabled ?? true,
    securityGroupIds: port.security_groups,
    subnets: [],
  };
}

// A unicast MAC (Neutron refuses multicast ones: the least significant bit of the first octet set).
const macPattern = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
const isUnicastMac = (mac: string) => macPattern.test(mac) && (parseInt(mac.slice(0, 2), 16) & 1) === 0;

export function portIssues(settings: PortSettings): PortIssue[] {
  const issues: PortIssue[] = [];
  if (settings.networkId === '') issues.push({ field: 'networkId', problem: 'networkMissing' });
  const seen = new Set<string>();
  for (const fixedIp of settings.fixedIps) {
    const address = fixedIp.ipAddress.trim();
    if (fixedIp.subnetId === '') {
      issues.push({ field: 'fixedIps', problem: 'subnetMissing', detail: address });
      continue;
    }
    if (address === '') continue;
    const ip = parseIp(address);
    const subnet = settings.subnets.find((candidate) => candidate.id === fixedIp.subnetId);
    const cidr = subnet && parseCidr(subnet.cidr);
    if (!ip) issues.push({ field: 'fixedIps', problem: 'ipInvalid', detail: address });
    else if (cidr && !cidrContains(cidr, ip)) issues.push({ field: 'fixedIps', problem: 'ipOutside', detail: `${address} ∉ ${subnet.cidr}` });
    else if (seen.has(address)) issues.push({ field: 'fixedIps', problem: 'ipRepeated', detail: address });
    seen.add(address);
  }
  const mac = settings.macAddress.trim();
  if (mac !== '' && !isUnicastMac(mac)) issues.push({ field: 'macAddress', problem: 'macInvalid' });
  return issues;
}

const fixedIpsBody = (fixedIps: readonly FixedIpInput[]) =>
  fixedIps.map((fixedIp) => (fixedIp.ipAddress.trim() ? { subnet_id: fixedIp.subnetId, ip_address: fixedIp.ipAddress.trim() } : { subnet_id: fixedIp.subnetId }));

const fixedIpOption = (fixedIp: FixedIpInput) => [
  '--fixed-ip',
  fixedIp.ipAddress.trim() ? `subnet=${fixedIp.subnetId},ip-address=${fixedIp.ipAddress.trim()}` : `subnet=${fixedIp.subnetId}`,
];

/** A port without port security has no group (Neutron refuses both together): its groups are dropped with it. */
const groupsToSend = (settings: PortSettings) => (settings.portSecurity ? settings.securityGroupIds : []);

export function portCreateBody(settings: PortSettings) {
  const groups = groupsToSend(settings);
  return {
    port: {
      network_id: settings.networkId,
      name: settings.name.trim(),
      description: settings.description.trim() || undefined,
      admin_state_up: settings.adminStateUp,
      fixed_ips: settings.fixedIps.length > 0 ? fixedIpsBody(settings.fixedIps) : undefined,
      mac_address: settings.macAddress.trim() || undefined,
      port_security_enabled: settings.portSecurity,
      security_groups: groups ?? undefined,
    },
  };
}

export function portCreateCli(settings: PortSettings): string[] {
  const groups = groupsToSend(settings);
  return [
    'port',
    'create',
    '--network',
    settings.networkId,
    ...settings.fixedIps.flatMap(fixedIpOption),
    ...(settings.macAddress.trim() ? ['--mac-address', settings.macAddress.trim()] : []),
    ...(settings.portSecurity ? [] : ['--disable-port-security']),
    ...(groups === null ? [] : groups.length === 0 ? ['--no-security-group'] : groups.flatMap((id) => ['--security-group', id])),
    ...(settings.adminStateUp ? [] : ['--disable']),
    ...(settings.description.trim() ? ['--description', settings.description.trim()] : []),
    settings.name.trim(),
  ];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));
const fixedIpKey = (fixedIp: FixedIpInput) => `${fixedIp.subnetId}/${fixedIp.ipAddress.trim()}`;

/** What an edit changes; only that is sent. */
export function portChanges(port: Port, settings: PortSettings) {
  const current = portSettingsOf(port);
  const groups = groupsToSend(settings) ?? current.securityGroupIds ?? [];
  return {
    name: settings.name.trim() !== current.name ? settings.name.trim() : undefined,
    description: settings.description.trim() !== current.description ? settings.description.trim() : undefined,
    admin_state_up: settings.adminStateUp !== current.adminStateUp ? settings.adminStateUp : undefined,
    port_security_enabled: settings.portSecurity !== current.portSecurity ? settings.portSecurity : undefined,
    security_groups: sameSet(groups, port.security_groups) ? undefined : groups,
    fixed_ips: sameSet(settings.fixedIps.map(fixedIpKey), current.fixedIps.map(fixedIpKey)) ? undefined : fixedIpsBody(settings.fixedIps),
  };
}

export type PortChanges = ReturnType<typeof portChanges>;

export function hasPortChanges(changes: PortChanges): boolean {
  return Object.values(changes).some((value) => value !== undefined);
}

export function portUpdateCli(port: Port, changes: PortChanges): string[] {
  const flag = (value: boolean | undefined, on: string, off: string) => (value === undefined ? [] : [value ? on : off]);
  return [
    'port',
    'set',
    ...(changes.name !== undefined ? ['--name', changes.name] : []),
    ...(changes.description !== undefined ? ['--description', changes.description] : []),
    ...flag(changes.admin_state_up, '--enable', '--disable'),
    // Groups go before port security is disabled: Neutron refuses to disable it while groups remain.
    ...(changes.security_groups ? ['--no-security-group', ...changes.security_groups.flatMap((id) => ['--security-group', id])] : []),
    ...flag(changes.port_security_enabled, '--enable-port-security', '--disable-port-security'),
    ...(changes.fixed_ips
      ? ['--no-fixed-ip', ...changes.fixed_ips.flatMap((fixedIp) => fixedIpOption({ subnetId: fixedIp.subnet_id, ipAddress: fixedIp.ip_address ?? '' }))]
      : []),
    port.id,
  ];
}

/** The i18n key of a problem, for the forms and the actions' invalid reasons. */
export const portProblemKey = (problem: string) => `ports.problems.${problem}` as ParseKeys;
