// A security group rule as the add-rule form edits it, the mistakes that form catches before anything is sent, and
// Neutron's duplicate test. The checks follow neutron/db/securitygroups_db.py (_validate_port_range,
// _validate_ip_prefix, _validate_ethertype_and_protocol) and the duplicate key follows its _rule_to_key, so what the
// form refuses is what Neutron would refuse, said before the round trip and next to the field at fault.
import { parseIp } from '../../lib/net/ip';
import type { Ethertype, RuleDirection, SecurityGroupRule } from '../../resources/security-groups/types';

/** The protocols offered by name; `number` is any other IP protocol, by its number. */
export const protocolChoices = ['any', 'tcp', 'udp', 'icmp', 'ipv6-icmp', 'number'] as const;
export type ProtocolChoice = (typeof protocolChoices)[number];

export interface RuleDraft {
  direction: RuleDirection;
  ethertype: Ethertype;
  protocol: ProtocolChoice;
  /** The IP protocol number when `protocol` is `number`. */
  protocolNumber: string;
  /** TCP/UDP destination ports; both empty = every port, `portMax` empty = the one port `portMin`. */
  portMin: string;
  portMax: string;
  /** ICMP type and code; empty = any. */
  icmpType: string;
  icmpCode: string;
  remote: 'cidr' | 'group';
  /** Empty = anywhere (0.0.0.0/0 or ::/0). */
  remoteCidr: string;
  remoteGroupId: string;
  description: string;
}

export type RuleField = 'protocolNumber' | 'portMin' | 'portMax' | 'icmpType' | 'icmpCode' | 'remoteCidr' | 'remoteGroupId' | 'protocol';

export type RuleProblem =
  | 'protocolNumberInvalid'
  | 'protocolEthertypeMismatch'
  | 'portInvalid'
  | 'portMissing'
  | 'portRangeReversed'
  | 'icmpTypeInvalid'
  | 'icmpCodeInvalid'
  | 'icmpCodeWithoutType'
  | 'cidrInvalid'
  | 'cidrHostBits'
  | 'cidrEthertypeMismatch'
  | 'groupMissing';

export type RuleProblems = Partial<Record<RuleField, RuleProblem>>;

export const emptyRuleDraft: RuleDraft = {
  direction: 'ingress',
  ethertype: 'IPv4',
  protocol: 'tcp',
  protocolNumber: '',
  portMin: '',
  portMax: '',
  icmpType: '',
  icmpCode: '',
  remote: 'cidr',
  remoteCidr: '',
  remoteGroupId: '',
  description: '',
};

export const ruleTemplates = ['ssh', 'http', 'https', 'icmp', 'rdp', 'same-group'] as const;
export type RuleTemplate = (typeof ruleTemplates)[number];

/** The usual rules, applied over the draft's ethertype: a template only sets what it is about. */
export function applyTemplate(draft: RuleDraft, template: RuleTemplate, groupId: string): RuleDraft {
  const fresh: RuleDraft = { ...emptyRuleDraft, ethertype: draft.ethertype, description: draft.description };
  const tcpPort = (port: number): RuleDraft => ({ ...fresh, protocol: 'tcp', portMin: String(port) });
  switch (template) {
    case 'ssh':
      return tcpPort(22);
    case 'http':
      return tcpPort(80);
    case 'https':
      return tcpPort(443);
    case 'rdp':
      return tcpPort(3389);
    case 'icmp':
      return { ...fresh, protocol: draft.ethertype === 'IPv6' ? 'ipv6-icmp' : 'icmp' };
    case 'same-group':
      return { ...fresh, protocol: 'any', remote: 'group', remoteGroupId: groupId };
  }
}

const portProtocols: readonly ProtocolChoice[] = ['tcp', 'udp'];
const icmpProtocols: readonly ProtocolChoice[] = ['icmp', 'ipv6-icmp'];
export const hasPorts = (protocol: ProtocolChoice) => portProtocols.includes(protocol);
export const hasIcmpFields = (protocol: ProtocolChoice) => icmpProtocols.includes(protocol);

/** IPv6 extension headers and ICMPv6: Neutron refuses them on an IPv4 rule (_validate_ethertype_and_protocol). */
const ipv6OnlyProtocols: readonly number[] = [41, 43, 44, 58, 59, 60];

/** A whole number within bounds, or undefined (empty text included). */
function integerIn(text: string, min: number, max: number): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : undefined;
}

interface ParsedCidr {
  version: 4 | 6;
  value: bigint;
  prefix: number;
}

/** An address with or without a prefix length (Neutron reads a bare address as /32 or /128). */
function parseCidr(text: string): ParsedCidr | undefined {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const parsed = parseIp(address);
  if (!parsed) return undefined;
  const bits = parsed.version === 4 ? 32 : 128;
  if (prefixText === undefined) return { ...parsed, prefix: bits };
  const prefix = integerIn(prefixText, 0, bits);
  return prefix === undefined ? undefined : { ...parsed, prefix };
}

function hostBitsOf({ version, value, prefix }: ParsedCidr): bigint {
  const bits = version === 4 ? 32 : 128;
  return value & ((1n << BigInt(bits - prefix)) - 1n);
}

function formatAddress(version: 4 | 6, value: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  return Array.from({ length: 8 }, (_, index) => ((value >> BigInt(112 - index * 16)) & 0xffffn).toString(16)).join(':');
}

/** The network a CIDR with host bits set was probably meant to be ("10.0.0.5/24" → "10.0.0.0/24"). */
export function networkOfCidr(text: string): string | undefined {
  const cidr = parseCidr(text);
  if (!cidr) return undefined;
  return `${formatAddress(cidr.version, cidr.value - hostBitsOf(cidr))}/${cidr.prefix}`;
}

/** Each field's mistake, if any; an empty object means the rule can be sent. */
export function ruleProblems(draft: RuleDraft): RuleProblems {
  const problems: RuleProblems = {};
  if (draft.protocol === 'number') {
    const number = integerIn(draft.protocolNumber, 0, 255);
    if (number === undefined) problems.protocolNumber = 'protocolNumberInvalid';
    else if (draft.ethertype === 'IPv4' && ipv6OnlyProtocols.includes(number)) problems.protocolNumber = 'protocolEthertypeMismatch';
  }
  if (draft.protocol === 'ipv6-icmp' && draft.ethertype === 'IPv4') problems.protocol = 'protocolEthertypeMismatch';

  if (hasPorts(draft.protocol)) {
    const min = draft.portMin.trim();
    const max = draft.portMax.trim();
    if (min !== '' && integerIn(min, 1, 65535) === undefined) problems.portMin = 'portInvalid';
    if (max !== '' && integerIn(max, 1, 65535) === undefined) problems.portMax = 'portInvalid';
    if (min === '' && max !== '') problems.portMin = 'portMissing';
    if (!problems.portMin && !problems.portMax && min !== '' && max !== '' && Number(max) < Number(min)) {
      problems.portMax = 'portRangeReversed';
    }
  }

  if (hasIcmpFields(draft.protocol)) {
    const type = draft.icmpType.trim();
    const code = draft.icmpCode.trim();
    if (type !== '' && integerIn(type, 0, 255) === undefined) problems.icmpType = 'icmpTypeInvalid';
    if (code !== '' && integerIn(code, 0, 255) === undefined) problems.icmpCode = 'icmpCodeInvalid';
    else if (code !== '' && type === '') problems.icmpCode = 'icmpCodeWithoutType';
  }

  if (draft.remote === 'group') {
    if (draft.remoteGroupId === '') problems.remoteGroupId = 'groupMissing';
  } else if (draft.remoteCidr.trim() !== '') {
    const cidr = parseCidr(draft.remoteCidr);
    if (!cidr) problems.remoteCidr = 'cidrInvalid';
    else if (`IPv${cidr.version}` !== draft.ethertype) problems.remoteCidr = 'cidrEthertypeMismatch';
    else if (hostBitsOf(cidr) !== 0n) problems.remoteCidr = 'cidrHostBits';
  }
  return problems;
}

/** The rule Neutron would store for the draft (the draft must have no problems). */
export function ruleOfDraft(draft: RuleDraft): Omit<SecurityGroupRule, 'id' | 'security_group_id'> {
  const number = (text: string) => (text.trim() === '' ? null : Number(text.trim()));
  const protocol = draft.protocol === 'any' ? null : draft.protocol === 'number' ? String(Number(draft.protocolNumber.trim())) : draft.protocol;
  let portMin: number | null = null;
  let portMax: number | null = null;
  if (hasPorts(draft.protocol)) {
    portMin = number(draft.portMin);
    portMax = number(draft.portMax) ?? portMin;
  } else if (hasIcmpFields(draft.protocol)) {
    portMin = number(draft.icmpType);
    portMax = number(draft.icmpCode);
  }
  const anywhere = draft.ethertype === 'IPv4' ? '0.0.0.0/0' : '::/0';
  return {
    direction: draft.direction,
    ethertype: draft.ethertype,
    protocol,
    port_range_min: portMin,
    port_range_max: portMax,
    // Like `openstack security group rule create`: no remote at all means anywhere, said explicitly.
    remote_ip_prefix: draft.remote === 'cidr' ? draft.remoteCidr.trim() || anywhere : null,
    remote_group_id: draft.remote === 'group' ? draft.remoteGroupId : null,
    description: draft.description.trim(),
  };
}

/** POST /v2.0/security-group-rules body. */
export function ruleCreateBody(groupId: string, draft: RuleDraft) {
  const { description, ...rule } = ruleOfDraft(draft);
  return { security_group_rule: { security_group_id: groupId, ...rule, ...(description ? { description } : {}) } };
}

/** The same rule as `openstack security group rule create` arguments. */
export function ruleCreateCli(groupId: string, draft: RuleDraft): string[] {
  const rule = ruleOfDraft(draft);
  const args = ['security', 'group', 'rule', 'create', `--${rule.direction}`, '--ethertype', rule.ethertype, '--protocol', rule.protocol ?? 'any'];
  if (hasPorts(draft.protocol) && rule.port_range_min !== null) args.push('--dst-port', `${rule.port_range_min}:${rule.port_range_max}`);
  if (hasIcmpFields(draft.protocol)) {
    if (rule.port_range_min !== null) args.push('--icmp-type', String(rule.port_range_min));
    if (rule.port_range_max !== null) args.push('--icmp-code', String(rule.port_range_max));
  }
  if (rule.remote_group_id) args.push('--remote-group', rule.remote_group_id);
  if (rule.remote_ip_prefix) args.push('--remote-ip', rule.remote_ip_prefix);
  if (rule.description) args.push('--description', rule.description);
  args.push(groupId);
  return args;
}

// neutron_lib.constants.IP_PROTOCOL_MAP: names Neutron accepts, by number (its duplicate test compares numbers).
const protocolNumbers: Readonly<Record<string, number>> = {
  ah: 51, dccp: 33, egp: 8, esp: 50, gre: 47, hopopt: 0, icmp: 1, igmp: 2, ip: 0, ipip: 4, 'ipv6-encap': 41,
  'ipv6-frag': 44, 'ipv6-icmp': 58, icmpv6: 58, 'ipv6-nonxt': 59, 'ipv6-opts': 60, 'ipv6-route': 43, ospf: 89,
  pgm: 113, rsvp: 46, sctp: 132, tcp: 6, udp: 17, udplite: 136, vrrp: 112,
};

type RuleFacts = Pick<
  SecurityGroupRule,
  'direction' | 'ethertype' | 'protocol' | 'port_range_min' | 'port_range_max' | 'remote_ip_prefix' | 'remote_group_id' | 'remote_address_group_id'
>;

function protocolKey(protocol: string | null, ethertype: Ethertype): string {
  if (protocol === null) return '+';
  // For IPv6 Neutron stores ICMP (by name or as 1) as ipv6-icmp.
  const canonical = ethertype === 'IPv6' && (protocol === 'icmp' || protocol === 'icmpv6' || protocol === '1') ? 'ipv6-icmp' : protocol;
  return String(protocolNumbers[canonical] ?? canonical);
}

function remoteIpKey(prefix: string | null | undefined): string {
  if (!prefix || prefix === '0.0.0.0/0' || prefix === '::/0') return '+';
  const cidr = parseCidr(prefix);
  return cidr ? `${cidr.version}:${cidr.value.toString(16)}/${cidr.prefix}` : prefix;
}

/** What makes two rules of a group the same rule for Neutron (description and id aside). */
export function ruleKey(rule: RuleFacts): string {
  // Neutron drops an explicit full range (1-65535): it means every port, like no range.
  const fullRange = rule.port_range_min === 1 && rule.port_range_max === 65535;
  return [
    rule.direction,
    rule.ethertype,
    fullRange ? '+' : (rule.port_range_max ?? '+'),
    fullRange ? '+' : (rule.port_range_min ?? '+'),
    protocolKey(rule.protocol, rule.ethertype),
    rule.remote_group_id ?? '+',
    rule.remote_address_group_id ?? '+',
    remoteIpKey(rule.remote_ip_prefix),
  ].join('_');
}

/** The existing rule the draft would duplicate (Neutron answers 409 SecurityGroupRuleExists for it). */
export function duplicateOf(draft: RuleDraft, existing: readonly SecurityGroupRule[]): SecurityGroupRule | undefined {
  const key = ruleKey(ruleOfDraft(draft));
  return existing.find((rule) => ruleKey(rule) === key);
}
