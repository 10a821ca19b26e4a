// Neutron router, as GET /v2.0/routers returns it (Networking API v2.0 reference, router + extraroute +
// ext-gw-mode extensions): only the fields Zenith reads.
import type { Port } from '../ports/types';

export type RouterStatus = 'ACTIVE' | 'DOWN' | 'BUILD' | 'ERROR' | 'ALLOCATING';

export interface ExternalFixedIp {
  subnet_id: string;
  ip_address: string;
}

/** The router's uplink to an external network: where its source NAT and its floating IPs go out. */
export interface ExternalGatewayInfo {
  network_id: string;
  /** Source NAT of the internal subnets' traffic (ext-gw-mode); changing it is admin-only by default policy. */
  enable_snat?: boolean;
  external_fixed_ips?: ExternalFixedIp[];
}

/** A static route (extraroute extension): traffic to `destination` goes through `nexthop`. */
export interface StaticRoute {
  destination: string;
  nexthop: string;
}

export interface Router {
  id: string;
  name: string;
  description?: string;
  status: RouterStatus;
  admin_state_up: boolean;
  project_id: string;
  /** Null when the router has no gateway. */
  external_gateway_info: ExternalGatewayInfo | null;
  routes?: StaticRoute[];
  /** Neutron's tags (standard-attr-tag extension). */
  tags?: string[];
  /** Admin-only attributes (dvr / l3-ha extensions); absent for other users. */
  distributed?: boolean;
  ha?: boolean;
  availability_zones?: string[];
  created_at?: string;
  updated_at?: string;
}

/** One interface of a router: the port Neutron made (or was given) on an internal subnet. */
export interface RouterInterface {
  router: Router;
  port: Port;
}

export interface RouterStaticRoute {
  router: Router;
  route: StaticRoute;
}
