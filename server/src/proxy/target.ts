// Where a browser's call below /api/os goes: the service type and path, checked, and the endpoint and token to use.
import { ApiError } from '../http/errors.js';
import { selectEndpoint } from '../openstack/catalog.js';
import type { EndpointInterface } from '../openstack/keystone-types.js';
import type { AuthState } from '../session/session.js';
import { checkProxyPath } from './path-safety.js';

/** Where one browser request goes, decided before http-proxy-middleware sees it. */
export interface ProxyTarget {
  serviceType: string;
  endpoint: string;
  /** Path and query to append to the endpoint, already checked by checkProxyPath. */
  upstreamPath: string;
  token: string;
  /** The token is one of the session's project tokens (a call in a row's scope), not the session's own. */
  projectToken?: boolean;
}

const serviceTypePattern = /^[a-z0-9][a-z0-9_-]*$/;

/** `/<serviceType>/<path>?<query>` (the URL below /api/os), checked: 400 for a path that could leave the endpoint. */
export function splitProxyUrl(url: string): { serviceType: string; upstreamPath: string } {
  const queryStart = url.indexOf('?');
  const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? '' : url.slice(queryStart);
  const check = checkProxyPath(rawPath);
  if (!check.safe) throw new ApiError(400, `Refused proxy path: ${check.reason}`, { code: 'unsafe_path' });
  const [, serviceType = '', ...rest] = rawPath.split('/');
  if (!serviceTypePattern.test(serviceType)) {
    throw new ApiError(404, `"${serviceType}" is not a service type`, { code: 'unknown_service' });
  }
  const path = rest.length ? `/${rest.join('/')}` : '';
  return { serviceType, upstreamPath: `${path}${query}` };
}

/**
 * Splits `/<serviceType>/<path>?<query>` (the URL below /api/os) and maps it onto the session's catalog.
 * 400 for a path that could leave the endpoint, 404 for a service the catalog does not have here.
 */
export function resolveProxyTarget(url: string, auth: AuthState, endpointInterface: EndpointInterface): ProxyTarget {
  const { serviceType, upstreamPath } = splitProxyUrl(url);
  const endpoint = selectEndpoint(auth.catalog, { serviceType, region: auth.region, interface: endpointInterface });
  if (endpoint === undefined) {
    throw new ApiError(404, `No ${endpointInterface} ${serviceType} endpoint in region ${auth.region}`, {
      code: 'unknown_service',
    });
  }
  return { serviceType, endpoint, upstreamPath, token: auth.token };
}
