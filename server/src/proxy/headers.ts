import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/**
 * Browser headers that reach OpenStack. An allow-list, so that cookies, Authorization, a client-chosen
 * X-Auth-Token, the CSRF token, Origin/Referer and anything new a browser invents stay here.
 * Accept-Encoding is left out on purpose: Content-Encoding is not passed back, so bodies must come uncompressed.
 * X-OpenStack-Request-ID too: the proxy sends the id the BFF minted and logged, not one the browser chose.
 */
const forwardedRequestHeaders = new Set([
  'accept',
  'accept-language',
  'content-type',
  'content-length',
  'content-range',
  'transfer-encoding',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
  'range',
  'openstack-api-version',
  'x-openstack-nova-api-version',
]);

/** Set by the proxy itself (changeOrigin) rather than copied from the browser. */
const proxyOwnedRequestHeaders = new Set(['host']);

export function isForwardedRequestHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return forwardedRequestHeaders.has(lower) || proxyOwnedRequestHeaders.has(lower);
}

/** OpenStack headers that reach the browser. Never set-cookie, never a token header such as X-Subject-Token. */
const returnedResponseHeaders = [
  'content-type',
  'content-length',
  'content-range',
  'content-disposition',
  'etag',
  'x-openstack-request-id',
  'x-compute-request-id',
  'openstack-api-version',
  'x-openstack-nova-api-version',
  'vary',
];

export interface EndpointMount {
  /** The catalog endpoint the request went to, without a trailing slash. */
  endpoint: string;
  /** Where the browser sees that endpoint, e.g. /api/os/compute. */
  publicPrefix: string;
}

export function returnedHeaders(upstream: IncomingHttpHeaders, mount: EndpointMount): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const name of returnedResponseHeaders) {
    const value = upstream[name];
    if (value !== undefined) headers[name] = value;
  }
  const location = typeof upstream.location === 'string' ? rewriteLocation(upstream.location, mount) : undefined;
  if (location !== undefined) headers.location = location;
  return headers;
}

/**
 * A Location inside the same endpoint becomes the BFF path of the same resource, so that the browser can
 * follow it; one pointing anywhere else is dropped rather than sending the browser to a backend URL.
 */
export function rewriteLocation(location: string, { endpoint, publicPrefix }: EndpointMount): string | undefined {
  let base: URL;
  let target: URL;
  try {
    base = new URL(endpoint);
    target = new URL(location, `${endpoint}/`);
  } catch {
    return undefined;
  }
  if (target.origin !== base.origin) return undefined;
  const basePath = base.pathname.replace(/\/+$/, '');
  if (target.pathname !== basePath && !target.pathname.startsWith(`${basePath}/`)) return undefined;
  return `${publicPrefix}${target.pathname.slice(basePath.length)}${target.search}`;
}
