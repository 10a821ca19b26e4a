import type { KeystoneProject } from '../contract/projects.js';
import { openStackRequestIdHeader } from '../contract/request-id.js';
import { ApiError, upstreamErrorMessage } from '../http/errors.js';
import {
  headerValue,
  upstreamRequestId,
  type UpstreamClient,
  type UpstreamRequest,
  type UpstreamResponse,
} from '../http/upstream.js';
import type {
  KeystonePasswordAuthRequest,
  KeystoneProjectsResponse,
  KeystoneScope,
  KeystoneToken,
  KeystoneTokenAuthRequest,
  KeystoneTokenResponse,
} from './keystone-types.js';

/** A token Keystone issued, with the body that describes it. The id only ever lives in the session store. */
export interface IssuedToken {
  id: string;
  token: KeystoneToken;
}

export interface PasswordCredentials {
  username: string;
  password: string;
  userDomain: string;
  project?: { name: string; domain: string };
}

/** Keystone's own words and request id, with the status the BFF answers with. */
export function keystoneError(response: UpstreamResponse): ApiError {
  const requestId = upstreamRequestId(response.headers);
  const message = upstreamErrorMessage(response, `Keystone answered ${response.status}`);
  if (response.status === 401 && headerValue(response.headers, 'openstack-auth-receipt')) {
    // Multi-factor rules: the password was right but another method is required, which Zenith does not offer yet.
    return new ApiError(401, message, { requestId, code: 'mfa_required' });
  }
  if (response.status === 401) return new ApiError(401, message, { requestId, code: 'unauthorized' });
  if (response.status >= 400 && response.status < 500) return new ApiError(response.status, message, { requestId });
  return new ApiError(502, `Keystone failed: ${message}`, { requestId, code: 'upstream_error' });
}

/** What the sign-in and scope rules need from Keystone; unit tests give them a fake. */
export type KeystoneAuth = Pick<KeystoneClient, 'passwordLogin' | 'rescope' | 'listAuthProjects' | 'revoke'>;

export class KeystoneClient {
  readonly #base: string;
  readonly #upstream: UpstreamClient;
  readonly #requestId: string | undefined;

  constructor(authUrl: string, upstream: UpstreamClient, requestId?: string) {
    this.#base = authUrl.replace(/\/+$/, '');
    this.#upstream = upstream;
    this.#requestId = requestId;
  }

  /** The same client, sending the BFF's request id so that Keystone logs its calls under it. */
  forRequest(requestId: string): KeystoneClient {
    return new KeystoneClient(this.#base, this.#upstream, requestId);
  }

  /** Without a project, Keystone scopes the token to the user's default project when there is one. */
  passwordLogin(credentials: PasswordCredentials): Promise<IssuedToken> {
    const body: KeystonePasswordAuthRequest = {
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: credentials.username, password: credentials.password, domain: { name: credentials.userDomain } },
          },
        },
      },
    };
    if (credentials.project) {
      body.auth.scope = { project: { name: credentials.project.name, domain: { name: credentials.project.domain } } };
    }
    return this.#issue(body);
  }

  /** A token for another project from the current one; it keeps the original expiry. */
  rescope(tokenId: string, projectId: string): Promise<IssuedToken> {
    const scope: KeystoneScope = { project: { id: projectId } };
    const body: KeystoneTokenAuthRequest = { auth: { identity: { methods: ['token'], token: { id: tokenId } }, scope } };
    return this.#issue(body);
  }

  async listAuthProjects(tokenId: string): Promise<KeystoneProject[]> {
    const response = await this.#call('/auth/projects', { headers: { 'x-auth-token': tokenId } });
    if (response.status !== 200) throw keystoneError(response);
    return parseJson<KeystoneProjectsResponse>(response).projects;
  }

  async revoke(tokenId: string): Promise<void> {
    const response = await this.#call('/auth/tokens', {
      method: 'DELETE',
      headers: { 'x-auth-token': tokenId, 'x-subject-token': tokenId },
    });
    // 404: already revoked or expired, which is what was wanted.
    if (response.status !== 204 && response.status !== 404) throw keystoneError(response);
  }

  async #issue(body: KeystonePasswordAuthRequest | KeystoneTokenAuthRequest): Promise<IssuedToken> {
    const response = await this.#call('/auth/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw keystoneError(response);
    const id = headerValue(response.headers, 'x-subject-token');
    const { token } = parseJson<KeystoneTokenResponse>(response);
    if (!id || !token || Number.isNaN(Date.parse(token.expires_at))) {
      throw new ApiError(502, 'Keystone issued a token Zenith cannot read', { requestId: upstreamRequestId(response.headers), code: 'upstream_error' });
    }
    return { id, token };
  }

  async #call(path: string, init: UpstreamRequest): Promise<UpstreamResponse> {
    const headers = this.#requestId ? { ...init.headers, [openStackRequestIdHeader]: this.#requestId } : init.headers;
    try {
      return await this.#upstream.request(new URL(`${this.#base}${path}`), { ...init, headers });
    } catch (error) {
      throw new ApiError(502, `Keystone is unreachable: ${error instanceof Error ? error.message : String(error)}`, {
        code: 'upstream_unreachable',
      });
    }
  }
}

function parseJson<T>(response: UpstreamResponse): T {
  try {
    return JSON.parse(response.body) as T;
  } catch {
    throw new ApiError(502, 'Keystone answered with something other than JSON', {
      requestId: upstreamRequestId(response.headers),
      code: 'upstream_error',
    });
  }
}
