// The BFF's part of the API access page: the session's whole catalog, and the user's EC2 credentials listed without
// their secrets. Keystone answers GET .../credentials/OS-EC2 with each secret in clear; relayed by the proxy, every
// secret would reach the browser (and its caches) on every visit, so this list is read here and the secrets dropped.
import express, { type Request, type Response, type Router } from 'express';
import {
  CatalogResponse,
  ListedEc2Credential,
  type CatalogEntry,
  type Ec2CredentialsResponse,
} from '../contract/catalog.js';
import { openStackRequestIdHeader } from '../contract/request-id.js';
import type { CloudConfig } from '../config/config.js';
import { ApiError, upstreamFailure } from '../http/errors.js';
import { requestIdOf } from '../http/request-id.js';
import type { UpstreamClient } from '../http/upstream.js';
import { selectEndpoint } from '../openstack/catalog.js';
import { keystoneError } from '../openstack/keystone.js';
import type { EndpointInterface, KeystoneCatalogEntry } from '../openstack/keystone-types.js';
import { endSession, requireAuth, type AuthState } from '../session/session.js';

export interface ApiAccessRoutesOptions {
  upstream: UpstreamClient;
  cloud: Pick<CloudConfig, 'authUrl' | 'interface'>;
  secureCookies: boolean;
}

/** Every service and endpoint of the catalog, in Keystone's order, URLs without a trailing slash. */
export function catalogEntries(catalog: readonly KeystoneCatalogEntry[]): CatalogEntry[] {
  return catalog.map((entry) => ({
    type: entry.type,
    name: entry.name || entry.type,
    endpoints: entry.endpoints.map((endpoint) => ({
      id: endpoint.id,
      region: endpoint.region_id ?? endpoint.region ?? null,
      interface: endpoint.interface,
      url: endpoint.url.replace(/\/+$/, ''),
    })),
  }));
}

export function catalogResponse(auth: AuthState, cloud: Pick<CloudConfig, 'authUrl'>, endpointInterface: EndpointInterface): CatalogResponse {
  const identity = selectEndpoint(auth.catalog, { serviceType: 'identity', region: auth.region, interface: endpointInterface });
  return {
    authUrl: identity ?? cloud.authUrl.replace(/\/+$/, ''),
    region: auth.region,
    interface: endpointInterface,
    entries: catalogEntries(auth.catalog),
  };
}

/** Keystone's EC2 list, each credential reduced to what may be shown again: never its secret. */
export function withoutSecrets(body: unknown): Ec2CredentialsResponse {
  const credentials = typeof body === 'object' && body !== null && 'credentials' in body ? body.credentials : undefined;
  if (!Array.isArray(credentials)) throw new Error('no credentials array');
  return {
    credentials: credentials.map((credential: unknown) => {
      const { access, tenant_id, user_id, trust_id } = (credential ?? {}) as Record<string, unknown>;
      return ListedEc2Credential.parse({ access, tenant_id: tenant_id ?? null, user_id, trust_id: trust_id ?? null });
    }),
  };
}

export function apiAccessRoutes({ upstream, cloud, secureCookies }: ApiAccessRoutesOptions): Router {
  const router = express.Router();
  const keystoneBase = cloud.authUrl.replace(/\/+$/, '');

  router.get('/catalog', (req, res) => {
    res.json(catalogResponse(requireAuth(req), cloud, cloud.interface));
  });

  router.get('/ec2-credentials', async (req, res) => {
    const auth = requireAuth(req);
    const url = new URL(`${keystoneBase}/users/${encodeURIComponent(auth.user.id)}/credentials/OS-EC2`);
    let response;
    try {
      response = await upstream.request(url, {
        headers: { 'x-auth-token': auth.token, [openStackRequestIdHeader]: requestIdOf(req) },
      });
    } catch (error) {
      throw upstreamFailure('Keystone', error);
    }
    if (response.status !== 200) return rejectWith(req, res, keystoneError(response));
    let body: Ec2CredentialsResponse;
    try {
      body = withoutSecrets(JSON.parse(response.body));
    } catch {
      throw new ApiError(502, 'Keystone answered with an EC2 credential list Zenith cannot read', { code: 'upstream_error' });
    }
    res.json(body);
  });

  /** Keystone refusing the session's token ends the session, as every other BFF call does. */
  async function rejectWith(req: Request, res: Response, error: ApiError): Promise<never> {
    if (error.status === 401) {
      await endSession(req, res, secureCookies);
      throw new ApiError(401, error.message, { requestId: error.requestId, code: 'session_ended' });
    }
    throw error;
  }

  return router;
}
