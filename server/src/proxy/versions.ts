import express, { type Router } from 'express';
import { selectEndpoint } from '../openstack/catalog.js';
import type { EndpointInterface } from '../openstack/keystone-types.js';
import { ApiError, isRecord, upstreamFailure } from '../http/errors.js';
import { openStackRequestIdHeader } from '../contract/request-id.js';
import { requestIdOf } from '../http/request-id.js';
import { upstreamRequestId, UpstreamTimeoutError, type UpstreamClient } from '../http/upstream.js';
import { requireAuth, type AuthState } from '../session/session.js';
import type { ServiceVersions } from '../contract/versions.js';

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

export function serviceVersion(serviceType: string, descriptor: OpenStackVersionDescriptor): ServiceVersions {
  const result: ServiceVersions = { serviceType };
  if (descriptor.id) result.version = descriptor.id;
  if (descriptor.min_version) result.minMicroversion = descriptor.min_version;
  const max = descriptor.version || descriptor.max_version;
  if (max) result.maxMicroversion = max;
  return result;
}

interface CacheEntry {
  expiresAt: number;
  descriptor: Promise<OpenStackVersionDescriptor>;
  /** The answer once it came: what can be used without waiting. */
  settled?: OpenStackVersionDescriptor;
}

/**
 * Version documents per endpoint URL: they describe a deployment, not a user, and change only on upgrades. Read
 * once an hour per endpoint, by the first session that needs them (its token, its request id); sign-in and scope
 * switches start the reads the SPA's first page will need, so serving a page never waits for a service.
 */
export class ServiceVersionCache {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly upstream: UpstreamClient,
    private readonly endpointInterface: EndpointInterface,
  ) {}

  /** The service's version for this session's region; 404 when its catalog has no such endpoint there. */
  async read(auth: AuthState, serviceType: string, requestId: string): Promise<ServiceVersions> {
    const endpoint = this.endpointOf(auth, serviceType);
    if (endpoint === undefined) {
      throw new ApiError(404, `No ${this.endpointInterface} ${serviceType} endpoint in region ${auth.region}`, {
        code: 'unknown_service',
      });
    }
    return serviceVersion(serviceType, await this.entry(endpoint, auth, requestId).descriptor);
  }

  /** The service's version if it was already read; otherwise undefined at once, and the read starts. */
  settled(auth: AuthState, serviceType: string, requestId: string): ServiceVersions | undefined {
    const endpoint = this.endpointOf(auth, serviceType);
    if (endpoint === undefined) return undefined;
    const { settled } = this.entry(endpoint, auth, requestId);
    return settled && serviceVersion(serviceType, settled);
  }

  /** Starts reading these services' versions (those not cached yet), so the next askers get them from the cache. */
  warm(auth: AuthState, serviceTypes: readonly string[], requestId: string): void {
    for (const serviceType of serviceTypes) this.settled(auth, serviceType, requestId);
  }

  private endpointOf(auth: AuthState, serviceType: string): string | undefined {
    return selectEndpoint(auth.catalog, { serviceType, region: auth.region, interface: this.endpointInterface });
  }

  private entry(endpoint: string, auth: AuthState, requestId: string): CacheEntry {
    const cached = this.cache.get(endpoint);
    if (cached && cached.expiresAt > Date.now()) return cached;
    const entry: CacheEntry = {
      expiresAt: Date.now() + cacheTtlMs,
      descriptor: this.discover(endpoint, auth, requestId),
      // Pages keep the hour-old answer while the new one comes.
      settled: cached?.settled,
    };
    this.cache.set(endpoint, entry);
    entry.descriptor.then(
      (descriptor) => {
        entry.settled = descriptor;
      },
      // A failure is not remembered: the next request tries again.
      () => {
        if (this.cache.get(endpoint) === entry) this.cache.delete(endpoint);
      },
    );
    return entry;
  }

  private async discover(endpoint: string, auth: AuthState, requestId: string): Promise<OpenStackVersionDescriptor> {
    let lastFailure = 'no answer';
    for (const url of versionDocumentUrls(endpoint, auth.project.id)) {
      try {
        const response = await this.upstream.request(url, {
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
        // No answer at all (refused, reset, silent): the other document URLs are on the same host, and the service
        // is away rather than without a version document. Said as the proxy says it, not in Node's words.
        if (error instanceof UpstreamTimeoutError || (error as NodeJS.ErrnoException).code !== undefined) {
          throw upstreamFailure(`The service at ${new URL(endpoint).host}`, error);
        }
        lastFailure = error instanceof Error ? error.message : String(error);
      }
    }
    throw new ApiError(502, `No version document for ${endpoint}: ${lastFailure}`, { code: 'no_version_document' });
  }
}

export function versionsRoutes(versions: ServiceVersionCache): Router {
  const router = express.Router();
  router.get('/:serviceType', async (req, res) => {
    res.json(await versions.read(requireAuth(req), req.params.serviceType, requestIdOf(req)));
  });
  return router;
}
