// Each part of a load balancer checked before anything is sent, with Octavia's own rules (octavia/api/v2/types and
// controllers, constants.py): ranges, the protocols a listener and a pool may pair, the monitor types a pool takes,
// and what only the project's own state tells (a listener port already used on the load balancer, a member address
// outside its subnet). Each problem names the field it is about, so a form shows it there.
import { cidrContains, parseCidr, parseIp } from '../../../lib/net/ip';
import type { Subnet } from '../../../resources/networks/types';
import { octaviaLimits, type ListenerProtocol, type PoolProtocol } from '../../../resources/load-balancers/types';
import type { HealthMonitorDraft, L7PolicyDraft, L7RuleDraft, ListenerDraft, LoadBalancerDraft, LoadBalancerFlow, MemberDraft, PoolDraft } from './drafts';

export type ProblemCode =
  | 'vipMissing'
  | 'vipAddressInvalid'
  | 'vipAddressOutsideSubnet'
  | 'portInvalid'
  | 'portInUse'
  | 'connectionLimitInvalid'
  | 'timeoutInvalid'
  | 'cidrInvalid'
  | 'tlsNeedsKeyManager'
  | 'tlsContainerMissing'
  | 'poolProtocolMismatch'
  | 'cookieNameMissing'
  | 'memberAddressInvalid'
  | 'memberOutsideSubnet'
  | 'memberDuplicate'
  | 'weightInvalid'
  | 'delayInvalid'
  | 'monitorTimeoutInvalid'
  | 'monitorTimeoutOverDelay'
  | 'retriesInvalid'
  | 'monitorTypeMismatch'
  | 'urlPathInvalid'
  | 'expectedCodesInvalid'
  | 'redirectUrlInvalid'
  | 'redirectPoolMissing'
  | 'positionInvalid'
  | 'ruleValueMissing'
  | 'ruleKeyMissing'
  | 'nothingToSend';

export interface Problem {
  field: string;
  code: ProblemCode;
}

/** What the checks need to know of the cloud and the project. */
export interface CheckContext {
  /** Subnets the VIP and members may be on (to check an address against its subnet's CIDR). */
  subnets: readonly Pick<Subnet, 'id' | 'cidr'>[];
  /** Whether the catalog has a key-manager (Barbican): TERMINATED_HTTPS needs its certificates. */
  keyManager: boolean;
}

/** A whole number within bounds, or null; '' reads as `empty` (undefined when the field is required). */
export function wholeNumber(text: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/** The CIDRs of a free-text list (lines or commas). */
export function cidrList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

const isUdp = (protocol: ListenerProtocol | PoolProtocol) => protocol === 'UDP';

/** The pool protocols Octavia accepts under each listener protocol (VALID_LISTENER_POOL_PROTOCOL_MAP). */
export const poolProtocolsFor: Record<ListenerProtocol, readonly PoolProtocol[]> = {
  HTTP: ['HTTP', 'PROXY', 'PROXYV2'],
  HTTPS: ['HTTPS', 'PROXY', 'PROXYV2', 'TCP'],
  TCP: ['HTTP', 'HTTPS', 'PROXY', 'PROXYV2', 'TCP'],
  TERMINATED_HTTPS: ['HTTP', 'PROXY', 'PROXYV2'],
  UDP: ['UDP'],
};

function addressProblem(address: string, subnetId: string, context: CheckContext, invalid: ProblemCode, outside: ProblemCode): ProblemCode | null {
  const ip = parseIp(address.trim());
  if (!ip) return invalid;
  const subnet = context.subnets.find((candidate) => candidate.id === subnetId);
  const cidr = subnet && parseCidr(subnet.cidr);
  return cidr && !cidrContains(cidr, ip) ? outside : null;
}

export function loadBalancerProblems(draft: LoadBalancerDraft, context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  if (draft.vipKind === 'subnet' && draft.vipSubnetId === '') problems.push({ field: 'vipSubnetId', code: 'vipMissing' });
  if (draft.vipKind === 'network' && draft.vipNetworkId === '') problems.push({ field: 'vipNetworkId', code: 'vipMissing' });
  if (draft.vipKind === 'subnet' && draft.vipSubnetId !== '' && draft.vipAddress.trim() !== '') {
    const problem = addressProblem(draft.vipAddress, draft.vipSubnetId, context, 'vipAddressInvalid', 'vipAddressOutsideSubnet');
    if (problem) problems.push({ field: 'vipAddress', code: problem });
  }
  return problems;
}

/** A listener port is taken when another listener of the load balancer uses it on the same transport (UDP or TCP). */
export interface UsedPort {
  protocol: ListenerProtocol;
  port: number;
}

const timeoutFields = ['timeoutClientData', 'timeoutMemberConnect', 'timeoutMemberData', 'timeoutTcpInspect'] as const;

export function listenerProblems(draft: ListenerDraft, context: CheckContext, usedPorts: readonly UsedPort[] = []): Problem[] {
  const problems: Problem[] = [];
  const port = wholeNumber(draft.port, octaviaLimits.port.min, octaviaLimits.port.max);
  if (port === null) problems.push({ field: 'port', code: 'portInvalid' });
  else if (usedPorts.some((used) => used.port === port && isUdp(used.protocol) === isUdp(draft.protocol))) problems.push({ field: 'port', code: 'portInUse' });
  if (draft.connectionLimit.trim() !== '' && wholeNumber(draft.connectionLimit, octaviaLimits.connectionLimit.min) === null) {
    problems.push({ field: 'connectionLimit', code: 'connectionLimitInvalid' });
  }
  for (const field of timeoutFields) {
    if (draft[field].trim() !== '' && wholeNumber(draft[field], octaviaLimits.timeoutMs.min, octaviaLimits.timeoutMs.max) === null) {
      problems.push({ field, code: 'timeoutInvalid' });
    }
  }
  if (cidrList(draft.allowedCidrs).some((cidr) => parseCidr(cidr) === null)) problems.push({ field: 'allowedCidrs', code: 'cidrInvalid' });
  if (draft.protocol === 'TERMINATED_HTTPS') {
    if (!context.keyManager) problems.push({ field: 'protocol', code: 'tlsNeedsKeyManager' });
    else if (draft.tlsContainerRef.trim() === '') problems.push({ field: 'tlsContainerRef', code: 'tlsContainerMissing' });
  }
  return problems;
}

export function poolProblems(draft: PoolDraft, listenerProtocol: ListenerProtocol | undefined): Problem[] {
  const problems: Problem[] = [];
  if (listenerProtocol && !poolProtocolsFor[listenerProtocol].includes(draft.protocol)) problems.push({ field: 'protocol', code: 'poolProtocolMismatch' });
  if (draft.persistence === 'APP_COOKIE' && draft.cookieName.trim() === '') problems.push({ field: 'cookieName', code: 'cookieNameMissing' });
  return problems;
}

/** `index` names the member's fields in a list (`members.2.address`); `others` are the pool's other members. */
export function memberProblems(
  draft: MemberDraft,
  subnetId: string,
  context: CheckContext,
  others: readonly Pick<MemberDraft, 'address' | 'port'>[] = [],
  prefix = '',
): Problem[] {
  const problems: Problem[] = [];
  const address = addressProblem(draft.address, draft.subnetId || subnetId, context, 'memberAddressInvalid', 'memberOutsideSubnet');
  if (address) problems.push({ field: `${prefix}address`, code: address });
  const port = wholeNumber(draft.port, octaviaLimits.port.min, octaviaLimits.port.max);
  if (port === null) problems.push({ field: `${prefix}port`, code: 'portInvalid' });
  if (wholeNumber(draft.weight, octaviaLimits.weight.min, octaviaLimits.weight.max) === null) problems.push({ field: `${prefix}weight`, code: 'weightInvalid' });
  const ip = parseIp(draft.address.trim());
  if (ip && port !== null && others.some((other) => parseIp(other.address.trim())?.value === ip.value && wholeNumber(other.port, 1) === port)) {
    problems.push({ field: `${prefix}address`, code: 'memberDuplicate' });
  }
  return problems;
}

const expectedCodesPattern = /^(\d{3}(\s*,\s*\d{3})*)$|^(\d{3}-\d{3})$/;
const isHttpMonitor = (type: HealthMonitorDraft['type']) => type === 'HTTP' || type === 'HTTPS';

export function healthMonitorProblems(draft: HealthMonitorDraft, poolProtocol: PoolProtocol | undefined): Problem[] {
  const problems: Problem[] = [];
  const delay = wholeNumber(draft.delay, 1);
  const timeout = wholeNumber(draft.timeout, 1);
  if (delay === null) problems.push({ field: 'delay', code: 'delayInvalid' });
  if (timeout === null) problems.push({ field: 'timeout', code: 'monitorTimeoutInvalid' });
  else if (delay !== null && timeout > delay) problems.push({ field: 'timeout', code: 'monitorTimeoutOverDelay' });
  if (wholeNumber(draft.maxRetries, octaviaLimits.retries.min, octaviaLimits.retries.max) === null) problems.push({ field: 'maxRetries', code: 'retriesInvalid' });
  if (wholeNumber(draft.maxRetriesDown, octaviaLimits.retries.min, octaviaLimits.retries.max) === null) problems.push({ field: 'maxRetriesDown', code: 'retriesInvalid' });
  if (poolProtocol !== undefined) {
    const udpPool = poolProtocol === 'UDP';
    const allowed = udpPool ? ['UDP-CONNECT', 'TCP', 'HTTP'].includes(draft.type) : draft.type !== 'UDP-CONNECT';
    if (!allowed) problems.push({ field: 'type', code: 'monitorTypeMismatch' });
  }
  if (isHttpMonitor(draft.type)) {
    if (!draft.urlPath.trim().startsWith('/')) problems.push({ field: 'urlPath', code: 'urlPathInvalid' });
    if (!expectedCodesPattern.test(draft.expectedCodes.trim())) problems.push({ field: 'expectedCodes', code: 'expectedCodesInvalid' });
  }
  return problems;
}

export function l7PolicyProblems(draft: L7PolicyDraft): Problem[] {
  const problems: Problem[] = [];
  const url = draft.action === 'REDIRECT_TO_URL' ? draft.redirectUrl : draft.action === 'REDIRECT_PREFIX' ? draft.redirectPrefix : null;
  if (url !== null && !/^https?:\/\/\S+$/.test(url.trim())) problems.push({ field: draft.action === 'REDIRECT_TO_URL' ? 'redirectUrl' : 'redirectPrefix', code: 'redirectUrlInvalid' });
  if (draft.action === 'REDIRECT_TO_POOL' && draft.redirectPoolId === '') problems.push({ field: 'redirectPoolId', code: 'redirectPoolMissing' });
  if (draft.position.trim() !== '' && wholeNumber(draft.position, 1, 2147483647) === null) problems.push({ field: 'position', code: 'positionInvalid' });
  return problems;
}

export function l7RuleProblems(draft: L7RuleDraft): Problem[] {
  const problems: Problem[] = [];
  if (draft.value.trim() === '' || /[\r\n]/.test(draft.value)) problems.push({ field: 'value', code: 'ruleValueMissing' });
  if ((draft.type === 'HEADER' || draft.type === 'COOKIE') && draft.key.trim() === '') problems.push({ field: 'key', code: 'ruleKeyMissing' });
  return problems;
}

/** The create flow's steps, in order, and the problems of each (a step left out has none). */
export const flowSteps = ['loadBalancer', 'listener', 'pool', 'members', 'healthMonitor', 'review'] as const;
export type FlowStep = (typeof flowSteps)[number];

export function flowProblems(flow: LoadBalancerFlow, context: CheckContext): Record<FlowStep, Problem[]> {
  const vipSubnet = flow.loadBalancer.vipKind === 'subnet' ? flow.loadBalancer.vipSubnetId : '';
  return {
    loadBalancer: loadBalancerProblems(flow.loadBalancer, context),
    listener: flow.listener ? listenerProblems(flow.listener, context) : [],
    pool: flow.pool ? poolProblems(flow.pool, flow.listener?.protocol) : [],
    members: flow.pool
      ? flow.members.flatMap((member, index) =>
          memberProblems(member, vipSubnet, context, flow.members.slice(0, index), `members.${index}.`),
        )
      : [],
    healthMonitor: flow.pool && flow.healthMonitor ? healthMonitorProblems(flow.healthMonitor, flow.pool.protocol) : [],
    review: [],
  };
}
