// Octavia's request bodies and the `openstack loadbalancer ...` commands doing the same, built from the drafts (after
// their checks passed): optional fields left empty are left out, so Octavia applies its defaults.
import type { CliArgv } from '../../../lib/actions/types';
import type { L7Rule, L7RuleType, Listener, Pool } from '../../../resources/load-balancers/types';
import type { HealthMonitorDraft, L7PolicyDraft, L7RuleDraft, ListenerDraft, LoadBalancerDraft, MemberDraft, PoolDraft } from './drafts';
import { cidrList } from './validation';

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));
const option = (flag: string, value: string | number | undefined): string[] => (value === undefined ? [] : [flag, String(value)]);

export function loadBalancerBody(draft: LoadBalancerDraft) {
  const bySubnet = draft.vipKind === 'subnet';
  return {
    loadbalancer: {
      name: draft.name.trim(),
      description: optional(draft.description),
      vip_subnet_id: bySubnet ? draft.vipSubnetId : undefined,
      vip_network_id: bySubnet ? undefined : draft.vipNetworkId,
      vip_address: bySubnet ? optional(draft.vipAddress) : undefined,
      flavor_id: optional(draft.flavorId),
      availability_zone: optional(draft.availabilityZone),
    },
  };
}

/** `--wait`: the CLI too waits for the load balancer to leave PENDING_* before the next command. */
export function loadBalancerCli(draft: LoadBalancerDraft): CliArgv {
  const { loadbalancer: body } = loadBalancerBody(draft);
  return [
    'loadbalancer',
    'create',
    ...option('--name', body.name || undefined),
    ...option('--description', body.description),
    ...option('--vip-subnet-id', body.vip_subnet_id),
    ...option('--vip-network-id', body.vip_network_id),
    ...option('--vip-address', body.vip_address),
    ...option('--flavor', body.flavor_id),
    ...option('--availability-zone', body.availability_zone),
    '--wait',
  ];
}

/** The fields a listener update may change (ListenerPUT), '' = back to Octavia's default. */
function listenerSettings(draft: ListenerDraft) {
  return {
    name: draft.name.trim(),
    connection_limit: optionalNumber(draft.connectionLimit) ?? -1,
    timeout_client_data: optionalNumber(draft.timeoutClientData),
    timeout_member_connect: optionalNumber(draft.timeoutMemberConnect),
    timeout_member_data: optionalNumber(draft.timeoutMemberData),
    timeout_tcp_inspect: optionalNumber(draft.timeoutTcpInspect),
    allowed_cidrs: cidrList(draft.allowedCidrs),
  };
}

export function listenerBody(loadBalancerId: string, draft: ListenerDraft) {
  const settings = listenerSettings(draft);
  return {
    listener: {
      ...settings,
      allowed_cidrs: settings.allowed_cidrs.length > 0 ? settings.allowed_cidrs : undefined,
      loadbalancer_id: loadBalancerId,
      protocol: draft.protocol,
      protocol_port: Number(draft.port.trim()),
      default_tls_container_ref: draft.protocol === 'TERMINATED_HTTPS' ? optional(draft.tlsContainerRef) : undefined,
    },
  };
}

function listenerSettingsCli(draft: ListenerDraft): string[] {
  const settings = listenerSettings(draft);
  return [
    ...option('--name', settings.name || undefined),
    ...option('--connection-limit', settings.connection_limit === -1 ? undefined : settings.connection_limit),
    ...option('--timeout-client-data', settings.timeout_client_data),
    ...option('--timeout-member-connect', settings.timeout_member_connect),
    ...option('--timeout-member-data', settings.timeout_member_data),
    ...option('--timeout-tcp-inspect', settings.timeout_tcp_inspect),
    ...settings.allowed_cidrs.flatMap((cidr) => ['--allowed-cidr', cidr]),
  ];
}

export function listenerCli(loadBalancer: string, draft: ListenerDraft): CliArgv {
  return [
    'loadbalancer',
    'listener',
    'create',
    '--protocol',
    draft.protocol,
    '--protocol-port',
    draft.port.trim(),
    ...listenerSettingsCli(draft),
    ...(draft.protocol === 'TERMINATED_HTTPS' ? option('--default-tls-container-ref', optional(draft.tlsContainerRef)) : []),
    '--wait',
    loadBalancer,
  ];
}

export const listenerUpdateBody = (draft: ListenerDraft) => ({ listener: listenerSettings(draft) });

export function listenerUpdateCli(listener: Listener, draft: ListenerDraft): CliArgv {
  const cidrs = cidrList(draft.allowedCidrs);
  return [
    'loadbalancer',
    'listener',
    'set',
    ...listenerSettingsCli(draft),
    ...(optionalNumber(draft.connectionLimit) === undefined ? ['--connection-limit', '-1'] : []),
    ...(cidrs.length === 0 && (listener.allowed_cidrs ?? []).length > 0 ? ['--allowed-cidr', '0.0.0.0/0'] : []),
    '--wait',
    listener.id,
  ];
}

function persistence(draft: PoolDraft) {
  if (draft.persistence === '') return null;
  return draft.persistence === 'APP_COOKIE' ? { type: draft.persistence, cookie_name: draft.cookieName.trim() } : { type: draft.persistence };
}

function persistenceCli(draft: PoolDraft): string[] {
  const value = persistence(draft);
  if (!value) return [];
  return ['--session-persistence', 'cookie_name' in value ? `type=${value.type},cookie_name=${value.cookie_name}` : `type=${value.type}`];
}

/** A pool hangs from a listener (its default pool) or, without one, from the load balancer. */
export type PoolParent = { listenerId: string } | { loadBalancerId: string };

export function poolBody(parent: PoolParent, draft: PoolDraft) {
  return {
    pool: {
      name: draft.name.trim(),
      protocol: draft.protocol,
      lb_algorithm: draft.algorithm,
      session_persistence: persistence(draft) ?? undefined,
      ...('listenerId' in parent ? { listener_id: parent.listenerId } : { loadbalancer_id: parent.loadBalancerId }),
    },
  };
}

export function poolCli(parent: { listener: string } | { loadBalancer: string }, draft: PoolDraft): CliArgv {
  return [
    'loadbalancer',
    'pool',
    'create',
    ...option('--name', draft.name.trim() || undefined),
    '--protocol',
    draft.protocol,
    '--lb-algorithm',
    draft.algorithm,
    ...persistenceCli(draft),
    ...('listener' in parent ? ['--listener', parent.listener] : ['--loadbalancer', parent.loadBalancer]),
    '--wait',
  ];
}

export const poolUpdateBody = (draft: PoolDraft) => ({
  pool: { name: draft.name.trim(), lb_algorithm: draft.algorithm, session_persistence: persistence(draft) },
});

export function poolUpdateCli(pool: Pool, draft: PoolDraft): CliArgv {
  return ['loadbalancer', 'pool', 'set', '--name', draft.name.trim(), '--lb-algorithm', draft.algorithm, ...persistenceCli(draft), '--wait', pool.id];
}

export function memberBody(draft: MemberDraft, vipSubnetId: string) {
  return {
    member: {
      name: optional(draft.name),
      address: draft.address.trim(),
      protocol_port: Number(draft.port.trim()),
      weight: Number(draft.weight.trim()),
      subnet_id: optional(draft.subnetId) ?? optional(vipSubnetId),
    },
  };
}

export function memberCli(pool: string, draft: MemberDraft, vipSubnetId: string): CliArgv {
  const { member } = memberBody(draft, vipSubnetId);
  return [
    'loadbalancer',
    'member',
    'create',
    ...option('--name', member.name),
    '--address',
    member.address,
    '--protocol-port',
    String(member.protocol_port),
    '--weight',
    String(member.weight),
    ...option('--subnet-id', member.subnet_id),
    '--wait',
    pool,
  ];
}

export const memberUpdateBody = (draft: MemberDraft) => ({ member: { name: draft.name.trim(), weight: Number(draft.weight.trim()) } });

export function memberUpdateCli(poolId: string, memberId: string, draft: MemberDraft): CliArgv {
  return ['loadbalancer', 'member', 'set', '--name', draft.name.trim(), '--weight', draft.weight.trim(), '--wait', poolId, memberId];
}

const isHttp = (draft: HealthMonitorDraft) => draft.type === 'HTTP' || draft.type === 'HTTPS';

function monitorSettings(draft: HealthMonitorDraft) {
  return {
    delay: Number(draft.delay.trim()),
    timeout: Number(draft.timeout.trim()),
    max_retries: Number(draft.maxRetries.trim()),
    max_retries_down: Number(draft.maxRetriesDown.trim()),
    http_method: isHttp(draft) ? draft.httpMethod : undefined,
    url_path: isHttp(draft) ? draft.urlPath.trim() : undefined,
    expected_codes: isHttp(draft) ? draft.expectedCodes.trim() : undefined,
  };
}

function monitorSettingsCli(draft: HealthMonitorDraft): string[] {
  const settings = monitorSettings(draft);
  return [
    '--delay',
    String(settings.delay),
    '--timeout',
    String(settings.timeout),
    '--max-retries',
    String(settings.max_retries),
    '--max-retries-down',
    String(settings.max_retries_down),
    ...option('--http-method', settings.http_method),
    ...option('--url-path', settings.url_path),
    ...option('--expected-codes', settings.expected_codes),
  ];
}

export const healthMonitorBody = (poolId: string, draft: HealthMonitorDraft) => ({
  healthmonitor: { pool_id: poolId, type: draft.type, ...monitorSettings(draft) },
});

export function healthMonitorCli(pool: string, draft: HealthMonitorDraft): CliArgv {
  return ['loadbalancer', 'healthmonitor', 'create', '--type', draft.type, ...monitorSettingsCli(draft), '--wait', pool];
}

export const healthMonitorUpdateBody = (draft: HealthMonitorDraft) => ({ healthmonitor: monitorSettings(draft) });

export function healthMonitorUpdateCli(monitorId: string, draft: HealthMonitorDraft): CliArgv {
  return ['loadbalancer', 'healthmonitor', 'set', ...monitorSettingsCli(draft), '--wait', monitorId];
}

function policySettings(draft: L7PolicyDraft) {
  return {
    name: draft.name.trim(),
    action: draft.action,
    redirect_url: draft.action === 'REDIRECT_TO_URL' ? draft.redirectUrl.trim() : undefined,
    redirect_prefix: draft.action === 'REDIRECT_PREFIX' ? draft.redirectPrefix.trim() : undefined,
    redirect_pool_id: draft.action === 'REDIRECT_TO_POOL' ? draft.redirectPoolId : undefined,
    position: optionalNumber(draft.position),
  };
}

function policySettingsCli(draft: L7PolicyDraft): string[] {
  const settings = policySettings(draft);
  return [
    ...option('--name', settings.name || undefined),
    '--action',
    settings.action,
    ...option('--redirect-url', settings.redirect_url),
    ...option('--redirect-prefix', settings.redirect_prefix),
    ...option('--redirect-pool', settings.redirect_pool_id),
    ...option('--position', settings.position),
  ];
}

export const l7PolicyBody = (listenerId: string, draft: L7PolicyDraft) => ({ l7policy: { listener_id: listenerId, ...policySettings(draft) } });

export const l7PolicyCli = (listenerId: string, draft: L7PolicyDraft): CliArgv => ['loadbalancer', 'l7policy', 'create', ...policySettingsCli(draft), '--wait', listenerId];

export const l7PolicyUpdateBody = (draft: L7PolicyDraft) => ({ l7policy: policySettings(draft) });

export const l7PolicyUpdateCli = (policyId: string, draft: L7PolicyDraft): CliArgv => ['loadbalancer', 'l7policy', 'set', ...policySettingsCli(draft), '--wait', policyId];

export const l7RuleBody = (draft: L7RuleDraft) => ({
  rule: { type: draft.type, compare_type: draft.compareType, key: optional(draft.key), value: draft.value.trim(), invert: draft.invert },
});

export function l7RuleCli(policyId: string, draft: L7RuleDraft): CliArgv {
  return [
    'loadbalancer',
    'l7rule',
    'create',
    '--type',
    draft.type,
    '--compare-type',
    draft.compareType,
    ...option('--key', optional(draft.key)),
    '--value',
    draft.value.trim(),
    ...(draft.invert ? ['--invert'] : []),
    // No --wait: python-octaviaclient 3.1's wait reads the new rule at a wrong URL and fails with a 404 after Octavia
    // made it.
    policyId,
  ];
}

const keyed = (type: L7RuleType) => type === 'HEADER' || type === 'COOKIE';

/**
 * Only what the edit changes (L7RulePUT), except `invert`: Octavia's PUT resets a left-out `invert` to false, so an
 * inverted rule sends it every time. The key goes only with the types that have one (always with a new type, as the
 * CLI demands), and is cleared (null) when the new type has none.
 */
export function l7RuleUpdateBody(rule: L7Rule, draft: L7RuleDraft) {
  const typeChanged = draft.type !== rule.type;
  const key = draft.key.trim();
  const value = draft.value.trim();
  return {
    rule: {
      type: typeChanged ? draft.type : undefined,
      compare_type: draft.compareType === rule.compare_type ? undefined : draft.compareType,
      key: keyed(draft.type) ? (typeChanged || key !== (rule.key ?? '') ? key : undefined) : rule.key ? null : undefined,
      value: value === rule.value ? undefined : value,
      invert: draft.invert || rule.invert ? draft.invert : undefined,
    },
  };
}

export const l7RuleUpdateIsEmpty = (rule: L7Rule, draft: L7RuleDraft) =>
  Object.values(l7RuleUpdateBody(rule, draft).rule).every((field) => field === undefined);

/** `l7rule set` cannot clear: a key dropped or an invert turned off take an `l7rule unset` after it. */
export function l7RuleUpdateCli(policyId: string, rule: L7Rule, draft: L7RuleDraft): CliArgv[] {
  const { rule: body } = l7RuleUpdateBody(rule, draft);
  const settings = [
    ...option('--type', body.type),
    ...option('--compare-type', body.compare_type),
    ...option('--key', body.key ?? undefined),
    ...option('--value', body.value),
    ...(body.invert ? ['--invert'] : []),
  ];
  const cleared = [...(body.invert === false ? ['--invert'] : []), ...(body.key === null ? ['--key'] : [])];
  return [
    ...(settings.length > 0 ? [['loadbalancer', 'l7rule', 'set', ...settings, '--wait', policyId, rule.id]] : []),
    ...(cleared.length > 0 ? [['loadbalancer', 'l7rule', 'unset', ...cleared, '--wait', policyId, rule.id]] : []),
  ];
}
