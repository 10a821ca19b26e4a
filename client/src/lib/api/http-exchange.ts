// A call as OpenStack sees it, not as the browser sent it to the BFF: the real endpoint URL from the session's catalog
// (region and interface), the headers that change what the service does, the JSON body, and the token as the
// placeholder `$OS_TOKEN` (never the token: the browser does not have it). What the HTTP views show and copy as curl,
// like `openstack --debug` prints it.
import type { CatalogService } from '@contract/session';
import { serviceTypeCandidates } from '@contract/service-types';
import { shellQuote } from '../ui/shell-quote';
import { microversionHeaders, negotiateMicroversion, parseMicroversion, type ServiceVersions } from './microversions';

export interface HttpExchange {
  method: string;
  /** The endpoint URL with the path and query string, or the BFF path when the catalog has no such service. */
  url: string;
  /** In order, the token placeholder first. */
  headers: [string, string][];
  /** The JSON body, pretty-printed. */
  body?: string;
}

/** The environment variable the token placeholder names: `export OS_TOKEN=$(openstack token issue -f value -c id)`. */
export const tokenVariable = 'OS_TOKEN';
export const tokenPlaceholder = `$${tokenVariable}`;

/** Headers the browser sends that are the BFF's business, not OpenStack's, or that carry a secret. */
const unshownHeaders = new Set(['x-auth-token', 'x-csrf-token', 'x-zenith-scope', 'cookie', 'authorization', 'accept']);

/** `/api/os/<type>/<rest>` → `<endpoint of type>/<rest>`, the query kept; any other path is returned unchanged. */
export function endpointUrl(path: string, services: readonly CatalogService[]): string {
  const match = /^\/api\/os\/([^/?#]+)(.*)$/s.exec(path);
  if (!match) return path;
  const type = decodeURIComponent(match[1]!);
  const rest = match[2] ?? '';
  // The alias the catalog registered (volumev3 for block-storage), best first, as the proxy picks it.
  for (const candidate of serviceTypeCandidates(type)) {
    const service = services.find((entry) => entry.type === candidate);
    if (service) return `${service.url}${rest}`;
  }
  return path;
}

/**
 * The headers the API client sends with a call that change what the service does, as the request log keeps them:
 * Content-Type for a body, and the microversion negotiated against the service's versions (the one asked for while
 * they are not known yet).
 */
export function requestHeaders(
  service: string,
  request: { body?: unknown; contentType?: string; microversion?: string },
  versions?: ServiceVersions,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (request.body !== undefined) headers['Content-Type'] = request.contentType ?? 'application/json';
  if (request.microversion) {
    const version = versions
      ? negotiateMicroversion(versions, request.microversion)
      : parseMicroversion(request.microversion) && request.microversion;
    if (version) Object.assign(headers, microversionHeaders(service, version));
  }
  return headers;
}

function prettyBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  return JSON.stringify(body, null, 2);
}

export function httpExchange(
  request: { method: string; path: string; headers: Readonly<Record<string, string>>; body?: unknown },
  services: readonly CatalogService[],
): HttpExchange {
  const headers: [string, string][] = [['X-Auth-Token', tokenPlaceholder]];
  for (const [name, value] of Object.entries(request.headers)) {
    if (!unshownHeaders.has(name.toLowerCase())) headers.push([name, value]);
  }
  const body = prettyBody(request.body);
  if (body !== undefined && !headers.some(([name]) => name.toLowerCase() === 'content-type')) {
    headers.push(['Content-Type', 'application/json']);
  }
  return { method: request.method.toUpperCase(), url: endpointUrl(request.path, services), headers, ...(body === undefined ? {} : { body }) };
}

/**
 * The exchange as a curl command line, each word quoted for any POSIX shell; the token header in double quotes so
 * the shell puts the token in from `$OS_TOKEN`.
 */
export function curlCommand(exchange: HttpExchange): string {
  const words = ['curl', '-g', '-i'];
  if (exchange.method === 'HEAD') words.push('--head');
  else if (exchange.method !== 'GET' || exchange.body !== undefined) words.push('-X', shellQuote(exchange.method));
  words.push(shellQuote(exchange.url));
  const lines = [words.join(' ')];
  for (const [name, value] of exchange.headers) {
    const header = `${name}: ${value}`;
    lines.push(`-H ${value === tokenPlaceholder ? `"${name}: ${tokenPlaceholder}"` : shellQuote(header)}`);
  }
  if (exchange.body !== undefined) lines.push(`--data-binary ${shellQuote(exchange.body)}`);
  return lines.join(' \\\n  ');
}
