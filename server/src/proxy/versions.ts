import express, { type Router } from 'express';
import { selectEndpoint } from '../openstack/catalog.js';
import type { EndpointInterface } from '../openstack/keystone-types.js';
import { ApiError, isRecord } from '../http/errors.js';
import { openStackRequestIdHeader } from '../contract/request-id.js';
import { requestIdOf } from '../http/request-id.js';
import { upstreamRequestId, type UpstreamClient } from '../http/upstream.js';
import { requireAuth, type AuthState } from '../session/session.js';

/**
 * One API version as a service describes itself at its root or versioned endpoint (API-WG microversion
 * guideline; each service's API reference, "API versions").
 */
export interface OpenStackVersionDescriptor {
  id: string;
  status?: string;
  /** Nova and Cinder: the maximum microversion. */
  version?: string;
  /** Placement and Ironic: the maximum microversion. */
  max_version?: string;
  min_version?: string;
}

/**
 * GET on an endpoint's root or version: `{version}` for a single version, `{versions: [...]}` for a list,
 * and Keystone's `{versions: {values: [...]}}`.
 */
export interface OpenStackVersionDocument {
  version?: OpenStackVersionDescriptor;
  versions?: OpenStackVersionDescriptor[] | { values: OpenStackVersionDescriptor[] };
}

/** The answer of GET /api/versions/:serviceType. */
export interface ServiceVersion {
  serviceType: string;
  version?: string;
  minMicroversion?: string;
  maxMicroversion?: string;
}

const cacheTtlMs = 60 * 60_000;

/**
 * Where a service describes itself: its endpoint without the project id that some catalogs append (Cinder,
 * Heat, Swift), with and without a trailing slash (Nova answers either), then its root (Glance, Neutron, Heat).
 */
export function versionDocumentUrls(endpoint: string, projectId: string): URL[] {
  const url = new URL(endpoint);
  const segments = url.pathname.split('/').filter(Boolean);
  const last = segments.at(-1);
  if (last === projectId || last === `AUTH_${projectId}`) segments.pop();
  const path = segments.length ? `/${segments.join('/')}` : '';
  const candidates = [`${url.origin}${path}`, `${url.origin}${path}/`, `${url.origin}/`];
  return [...new Set(candidates.map((candidate) => new URL(candidate).href))].map((href) => new URL(href));
}

/**
 * The version that serves the endpoint: the one named by the endpoint's version segment (v2.1 → "v2.1",
 * v3 → "v3.0"), else the CURRENT one (Keystone says "stable"), else the last listed.
 */
export function pickVersion(document: OpenStackVersionDocument, endpoint: string): OpenStackVersionDescriptor | undefined {
  if (document.version) return document.version;
  const list = Array.isArray(document.versions) ? document.versions : document.versions?.values;
  if (!list?.length) return undefined;
  const endpointVersion = new URL(endpoint).pathname.split('/').find((segment) => /^v\d+(\.\d+)?$/.test(segment));
  const named =
    endpointVersion &&
    (list.find((version) => version.id === endpointVersion) ??
      list.find((version) => version.id.startsWith(`${endpointVersion}.`)));
  return (
    named ||
    list.filter((version) => ['current', 'stable'].includes(version.status?.toLowerCase() ?? '')).at(-1) ||
    list.at(-1)
  );
}

export function serviceVersion(serviceType: string, descriptor: OpenStackVersionDescriptor): ServiceVersion {
  const result: ServiceVersion = { serviceType };
  if (descriptor.id) result.version = descriptor.id;
  if (descriptor.min_version) result.minMicroversion = descriptor.min_version;
  const max = descriptor.version || descriptor.max_version;
  if (max) result.maxMicroversion = max;
  return result;
}

export interface VersionsRouteOptions {
  upstream: UpstreamClient;
  endpointInterface: EndpointInterface;
}

export function versionsRoutes({ upstream, endpointInterface }: VersionsRouteOptions): Router {
  const router = express.Router();
  // Per endpoint URL: version documents describe a deployment, not a user, and change only on upgrades.
  const cache = new Map<string, { expiresAt: number; descriptor: Promise<OpenStackVersionDescriptor> }>();

  const discover = async (endpoint: string, auth: AuthState, requestId: string): Promise<OpenStackVersionDescriptor> => {
    let lastFailure = 'no answer';
    for (const url of versionDocumentUrls(endpoint, auth.project.id)) {
      try {
        const response = await upstream.request(url, {
          headers: { 'x-auth-token': auth.token, [openStackRequestIdHeader]: requestId },
        });
        // 300 Multiple Choices is how Glance and Heat answer at their root.
        if (response.status !== 200 && response.status !== 300) {
          const serviceId = upstreamRequestId(response.headers);
          lastFailure = `${url.pathname} answered ${response.status}${serviceId ? ` (${serviceId})` : ''}`;
          continue;
        }
        const document: unknown = JSON.parse(response.body);
        const descriptor = isRecord(document) ? pickVersion(document, endpoint) : undefined;
        if (descriptor) return descriptor;
        lastFailure = `${url.pathname} is not a version document`;
      } catch (error) {
        lastFailure = error instanceof Error ? error.message : String(error);
      }
    }
    throw new ApiError(502, `No version document for ${endpoint}: ${lastFailure}`, { code: 'no_version_document' });
  };

  router.get('/:serviceType', async (req, res) => {
    const auth = requireAuth(req);
    const { serviceType } = req.params;
    const endpoint = selectEndpoint(auth.catalog, { serviceType, region: auth.region, interface: endpointInterface });
    if (endpoint === undefined) {
      throw new ApiError(404, `No ${endpointInterface} ${serviceType} endpoint in region ${auth.region}`, {
        code: 'unknown_service',
      });
    }
    let cached = cache.get(endpoint);
    if (!cached || cached.expiresAt <= Date.now()) {
      const entry = { expiresAt: Date.now() + cacheTtlMs, descriptor: discover(endpoint, auth, requestIdOf(req)) };
      cache.set(endpoint, entry);
      // A failure is not remembered: the next request tries again.
      entry.descriptor.catch(() => {
        if (cache.get(endpoint) === entry) cache.delete(endpoint);
      });
      cached = entry;
    }
    res.json(serviceVersion(serviceType, await cached.descriptor));
  });

  return router;
}
