// Octavia's load balancers and their children as the v2 API answers them (Load Balancer API v2 reference; fields
// and limits as octavia/api/v2/types/*.py and octavia_lib/common/constants.py declare them): only the fields Zenith
// reads or sends.

/** Every Octavia object moves through these; writes on a load balancer are refused (409) while it is PENDING_*. */
export type ProvisioningStatus = 'ACTIVE' | 'PENDING_CREATE' | 'PENDING_UPDATE' | 'PENDING_DELETE' | 'DELETED' | 'ERROR';
/** What the health checks say; stays OFFLINE with Octavia's no-op drivers. */
export type OperatingStatus = 'ONLINE' | 'OFFLINE' | 'DEGRADED' | 'ERROR' | 'DRAINING' | 'NO_MONITOR';

export const listenerProtocols = ['HTTP', 'HTTPS', 'TCP', 'UDP', 'TERMINATED_HTTPS'] as const;
export type ListenerProtocol = (typeof listenerProtocols)[number];

export const poolProtocols = ['HTTP', 'HTTPS', 'TCP', 'UDP', 'PROXY', 'PROXYV2'] as const;
export type PoolProtocol = (typeof poolProtocols)[number];

export const lbAlgorithms = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP', 'SOURCE_IP_PORT'] as const;
export type LbAlgorithm = (typeof lbAlgorithms)[number];

export const sessionPersistenceTypes = ['SOURCE_IP', 'HTTP_COOKIE', 'APP_COOKIE'] as const;
export type SessionPersistenceType = (typeof sessionPersistenceTypes)[number];

export const healthMonitorTypes = ['HTTP', 'HTTPS', 'PING', 'TCP', 'TLS-HELLO', 'UDP-CONNECT'] as const;
export type HealthMonitorType = (typeof healthMonitorTypes)[number];

export const healthMonitorHttpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'OPTIONS', 'CONNECT', 'PATCH'] as const;
export type HealthMonitorHttpMethod = (typeof healthMonitorHttpMethods)[number];

export const l7PolicyActions = ['REJECT', 'REDIRECT_TO_URL', 'REDIRECT_TO_POOL', 'REDIRECT_PREFIX'] as const;
export type L7PolicyAction = (typeof l7PolicyActions)[number];

export const l7RuleTypes = ['HOST_NAME', 'PATH', 'FILE_TYPE', 'HEADER', 'COOKIE'] as const;
export type L7RuleType = (typeof l7RuleTypes)[number];

export const l7RuleCompareTypes = ['REGEX', 'STARTS_WITH', 'ENDS_WITH', 'CONTAINS', 'EQUAL_TO'] as const;
export type L7RuleCompareType = (typeof l7RuleCompareTypes)[number];

/** Octavia's own bounds (constants.py): ports, connection limit (-1 = unlimited), timeouts in ms, weights, retries. */
export const octaviaLimits = {
  port: { min: 1, max: 65535 },
  connectionLimit: { min: -1 },
  timeoutMs: { min: 0, max: 24 * 24 * 60 * 60 * 1000 },
  weight: { min: 0, max: 256 },
  retries: { min: 1, max: 10 },
} as const;

interface IdRef {
  id: string;
}

interface OctaviaObject {
  id: string;
  name: string;
  provisioning_status: ProvisioningStatus;
  operating_status: OperatingStatus;
  admin_state_up: boolean;
  project_id: string;
  created_at?: string;
  updated_at?: string | null;
  tags?: string[];
}

export interface LoadBalancer extends OctaviaObject {
  description: string;
  vip_address: string;
  /** The Neutron port holding the VIP: a floating IP is associated to it. Null with drivers that make no port. */
  vip_port_id: string | null;
  vip_subnet_id: string;
  vip_network_id: string;
  listeners: IdRef[];
  pools: IdRef[];
  provider: string;
  flavor_id: string | null;
  availability_zone: string | null;
}

export interface Listener extends OctaviaObject {
  description: string;
  protocol: ListenerProtocol;
  protocol_port: number;
  connection_limit: number;
  default_pool_id: string | null;
  default_tls_container_ref: string | null;
  loadbalancers: IdRef[];
  l7policies: IdRef[];
  timeout_client_data: number | null;
  timeout_member_connect: number | null;
  timeout_member_data: number | null;
  timeout_tcp_inspect: number | null;
  allowed_cidrs: string[] | null;
}

export interface SessionPersistence {
  type: SessionPersistenceType;
  cookie_name?: string | null;
}

export interface Pool extends OctaviaObject {
  description: string;
  protocol: PoolProtocol;
  lb_algorithm: LbAlgorithm;
  session_persistence: SessionPersistence | null;
  loadbalancers: IdRef[];
  listeners: IdRef[];
  healthmonitor_id: string | null;
  members: IdRef[];
}

export interface Member extends OctaviaObject {
  address: string;
  protocol_port: number;
  weight: number;
  backup: boolean;
  subnet_id: string | null;
  monitor_address: string | null;
  monitor_port: number | null;
}

export interface HealthMonitor extends OctaviaObject {
  type: HealthMonitorType;
  /** Seconds between checks, seconds a check may take, checks before a member counts up (and down). */
  delay: number;
  timeout: number;
  max_retries: number;
  max_retries_down: number;
  http_method: HealthMonitorHttpMethod | null;
  url_path: string | null;
  expected_codes: string | null;
  pools: IdRef[];
}

export interface L7Policy extends OctaviaObject {
  description: string;
  action: L7PolicyAction;
  listener_id: string;
  redirect_pool_id: string | null;
  redirect_url: string | null;
  redirect_prefix: string | null;
  redirect_http_code: number | null;
  position: number;
  rules: IdRef[];
}

export interface L7Rule extends Omit<OctaviaObject, 'name'> {
  type: L7RuleType;
  compare_type: L7RuleCompareType;
  key: string | null;
  value: string;
  invert: boolean;
}

/** GET /v2/lbaas/loadbalancers/{id}/status: every child's statuses in one answer. */
export interface StatusTree {
  loadbalancer: {
    id: string;
    name: string;
    provisioning_status: ProvisioningStatus;
    operating_status: OperatingStatus;
    listeners: {
      id: string;
      name: string;
      provisioning_status: ProvisioningStatus;
      operating_status: OperatingStatus;
      pools: {
        id: string;
        name: string;
        provisioning_status: ProvisioningStatus;
        operating_status: OperatingStatus;
        health_monitor?: { id: string; name: string; type: HealthMonitorType; provisioning_status: ProvisioningStatus; operating_status: OperatingStatus };
        members: { id: string; name: string; address: string; protocol_port: number; provisioning_status: ProvisioningStatus; operating_status: OperatingStatus }[];
      }[];
    }[];
  };
}

/** A pool with what hangs from it, as the detail page shows it. */
export interface PoolBranch {
  pool: Pool;
  members: Member[];
  healthMonitor: HealthMonitor | null;
}

export interface L7PolicyBranch {
  policy: L7Policy;
  rules: L7Rule[];
}

/** A load balancer's children, read once for its detail page. */
export interface LoadBalancerTree {
  listeners: Listener[];
  pools: PoolBranch[];
  /** By listener id. */
  l7Policies: Record<string, L7PolicyBranch[]>;
  status: StatusTree;
}

/** Octavia's quota keys (GET /v2/lbaas/quotas/{project_id}); -1 = unlimited. Octavia reports no usage: it is counted. */
export const octaviaQuotaKeys = ['loadbalancer', 'listener', 'pool', 'member', 'healthmonitor'] as const;
export type OctaviaQuotaKey = (typeof octaviaQuotaKeys)[number];
/** With the spellings of before Rocky (load_balancer, health_monitor) that Octavia still answers with. */
export type OctaviaQuota = Partial<Record<OctaviaQuotaKey | 'load_balancer' | 'health_monitor' | 'l7policy' | 'l7rule', number | null>>;

export interface LoadBalancerFilters {
  name?: string;
  provisioning_status?: string;
  operating_status?: string;
  vip_address?: string;
}
