// What the load balancer forms edit, as typed (numbers stay text until checked): the create flow's five steps and
// the forms adding or editing one part later. Declared apart from the actions so forms need not import them.
import type {
  HealthMonitor,
  HealthMonitorHttpMethod,
  HealthMonitorType,
  L7Policy,
  L7PolicyAction,
  L7Rule,
  L7RuleCompareType,
  L7RuleType,
  LbAlgorithm,
  Listener,
  ListenerProtocol,
  LoadBalancer,
  Member,
  Pool,
  PoolProtocol,
  SessionPersistenceType,
} from '../../../resources/load-balancers/types';

export interface LoadBalancerDraft {
  name: string;
  description: string;
  /** The VIP comes from a subnet (and an address in it, optional), or from a network Octavia picks a subnet of. */
  vipKind: 'subnet' | 'network';
  vipSubnetId: string;
  vipNetworkId: string;
  vipAddress: string;
  flavorId: string;
  availabilityZone: string;
}

export interface ListenerDraft {
  name: string;
  protocol: ListenerProtocol;
  port: string;
  /** '' = Octavia's default (-1, unlimited). */
  connectionLimit: string;
  /** Milliseconds; '' = Octavia's default. */
  timeoutClientData: string;
  timeoutMemberConnect: string;
  timeoutMemberData: string;
  timeoutTcpInspect: string;
  /** One CIDR per line (or comma-separated); none = every address. */
  allowedCidrs: string;
  /** TERMINATED_HTTPS only: the key manager's certificate container. */
  tlsContainerRef: string;
}

export interface PoolDraft {
  name: string;
  protocol: PoolProtocol;
  algorithm: LbAlgorithm;
  persistence: SessionPersistenceType | '';
  cookieName: string;
}

export interface MemberDraft {
  /** The instance the address was picked from, '' for an address typed by hand. */
  serverId: string;
  name: string;
  address: string;
  port: string;
  weight: string;
  /** The subnet the address is on; '' = the VIP's subnet. */
  subnetId: string;
}

export interface HealthMonitorDraft {
  type: HealthMonitorType;
  delay: string;
  timeout: string;
  maxRetries: string;
  maxRetriesDown: string;
  httpMethod: HealthMonitorHttpMethod;
  urlPath: string;
  expectedCodes: string;
}

export interface L7PolicyDraft {
  name: string;
  action: L7PolicyAction;
  redirectUrl: string;
  redirectPrefix: string;
  redirectPoolId: string;
  position: string;
}

export interface L7RuleDraft {
  type: L7RuleType;
  compareType: L7RuleCompareType;
  key: string;
  value: string;
  invert: boolean;
}

/** The whole guided create: a load balancer and, optionally, its first listener, pool, members and monitor. */
export interface LoadBalancerFlow {
  loadBalancer: LoadBalancerDraft;
  listener: ListenerDraft | null;
  pool: PoolDraft | null;
  members: MemberDraft[];
  healthMonitor: HealthMonitorDraft | null;
}

export const emptyLoadBalancer = (): LoadBalancerDraft => ({
  name: '',
  description: '',
  vipKind: 'subnet',
  vipSubnetId: '',
  vipNetworkId: '',
  vipAddress: '',
  flavorId: '',
  availabilityZone: '',
});

export const emptyListener = (): ListenerDraft => ({
  name: '',
  protocol: 'HTTP',
  port: '80',
  connectionLimit: '',
  timeoutClientData: '',
  timeoutMemberConnect: '',
  timeoutMemberData: '',
  timeoutTcpInspect: '',
  allowedCidrs: '',
  tlsContainerRef: '',
});

export const emptyPool = (protocol: PoolProtocol = 'HTTP'): PoolDraft => ({ name: '', protocol, algorithm: 'ROUND_ROBIN', persistence: '', cookieName: '' });

export const emptyMember = (): MemberDraft => ({ serverId: '', name: '', address: '', port: '80', weight: '1', subnetId: '' });

export const emptyHealthMonitor = (type: HealthMonitorType = 'HTTP'): HealthMonitorDraft => ({
  type,
  delay: '5',
  timeout: '3',
  maxRetries: '3',
  maxRetriesDown: '3',
  httpMethod: 'GET',
  urlPath: '/',
  expectedCodes: '200',
});

export const emptyL7Policy = (): L7PolicyDraft => ({ name: '', action: 'REJECT', redirectUrl: '', redirectPrefix: '', redirectPoolId: '', position: '' });

export const emptyL7Rule = (): L7RuleDraft => ({ type: 'PATH', compareType: 'STARTS_WITH', key: '', value: '', invert: false });

export const emptyFlow = (): LoadBalancerFlow => ({
  loadBalancer: emptyLoadBalancer(),
  listener: emptyListener(),
  pool: emptyPool(),
  members: [],
  healthMonitor: emptyHealthMonitor(),
});

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export const loadBalancerDraftOf = (loadBalancer: LoadBalancer): LoadBalancerDraft => ({
  ...emptyLoadBalancer(),
  name: loadBalancer.name,
  description: loadBalancer.description,
  vipSubnetId: loadBalancer.vip_subnet_id,
  vipAddress: loadBalancer.vip_address,
});

export const listenerDraftOf = (listener: Listener): ListenerDraft => ({
  name: listener.name,
  protocol: listener.protocol,
  port: String(listener.protocol_port),
  connectionLimit: listener.connection_limit === -1 ? '' : String(listener.connection_limit),
  timeoutClientData: text(listener.timeout_client_data),
  timeoutMemberConnect: text(listener.timeout_member_connect),
  timeoutMemberData: text(listener.timeout_member_data),
  timeoutTcpInspect: text(listener.timeout_tcp_inspect),
  allowedCidrs: (listener.allowed_cidrs ?? []).join('\n'),
  tlsContainerRef: listener.default_tls_container_ref ?? '',
});

export const poolDraftOf = (pool: Pool): PoolDraft => ({
  name: pool.name,
  protocol: pool.protocol,
  algorithm: pool.lb_algorithm,
  persistence: pool.session_persistence?.type ?? '',
  cookieName: pool.session_persistence?.cookie_name ?? '',
});

export const memberDraftOf = (member: Member): MemberDraft => ({
  serverId: '',
  name: member.name,
  address: member.address,
  port: String(member.protocol_port),
  weight: String(member.weight),
  subnetId: member.subnet_id ?? '',
});

export const healthMonitorDraftOf = (monitor: HealthMonitor): HealthMonitorDraft => ({
  type: monitor.type,
  delay: String(monitor.delay),
  timeout: String(monitor.timeout),
  maxRetries: String(monitor.max_retries),
  maxRetriesDown: String(monitor.max_retries_down),
  httpMethod: monitor.http_method ?? 'GET',
  urlPath: monitor.url_path ?? '/',
  expectedCodes: monitor.expected_codes ?? '200',
});

export const l7PolicyDraftOf = (policy: L7Policy): L7PolicyDraft => ({
  name: policy.name,
  action: policy.action,
  redirectUrl: policy.redirect_url ?? '',
  redirectPrefix: policy.redirect_prefix ?? '',
  redirectPoolId: policy.redirect_pool_id ?? '',
  position: String(policy.position),
});

export const l7RuleDraftOf = (rule: L7Rule): L7RuleDraft => ({
  type: rule.type,
  compareType: rule.compare_type,
  key: rule.key ?? '',
  value: rule.value,
  invert: rule.invert,
});
