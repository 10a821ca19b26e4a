import { z } from 'zod';
import type { KeystoneProject } from '../contract/projects.js';
import { openStackRequestIdHeader } from '../contract/request-id.js';
import { ApiError, isRecord, upstreamErrorMessage, upstreamFailure } from '../http/errors.js';
import {
  headerValue,
  upstreamRequestId,
  type UpstreamClient,
  type UpstreamRequest,
  type UpstreamResponse,
} from '../http/upstream.js';
import type {
  KeystoneApplicationCredentialAuthRequest,
  KeystoneCredential,
  KeystonePasswordAuthRequest,
  KeystoneProjectsResponse,
  KeystoneReceiptResponse,
  KeystoneScope,
  KeystoneToken,
  KeystoneTokenAuthRequest,
  KeystoneTokenResponse,
  KeystoneTotpAuthRequest,
  KeystoneUser,
} from './keystone-types.js';

/** A token Keystone issued, with the body that describes it. The id only ever lives in the session store. */
export interface IssuedToken {
  id: string;
  token: KeystoneToken;
}

/** A project named in its domain (what a user types at sign-in), or by id (what a session already holds). */
export type ProjectRef = { name: string; domain: string } | { id: string };

function projectScope(project: ProjectRef): KeystoneScope {
  return 'id' in project ? { project: { id: project.id } } : { project: { name: project.name, domain: { name: project.domain } } };
}

export interface PasswordCredentials {
  username: string;
  password: string;
  userDomain: string;
  project?: ProjectRef;
}

/**
 * Keystone's answer to a sign-in that satisfied only part of the user's multi-factor rules: the receipt (its id
 * only ever lives in the session store), the methods it already covers, and the rules.
 */
export interface AuthReceipt {
  receipt: string;
  methods: string[];
  requiredMethods: string[][];
  user: { id: string; name: string; domain: { id: string; name: string } };
  expiresAt: string;
  requestId: string | undefined;
}

export type ApplicationCredentialSecret =
  | { id: string; secret: string }
  | { name: string; secret: string; user: { name: string; domain: string } };

export function isReceipt(answer: IssuedToken | AuthReceipt): answer is AuthReceipt {
  return 'receipt' in answer;
}

/** Keystone's own words and request id, with the status the BFF answers with. */
export function keystoneError(response: UpstreamResponse): ApiError {
  const requestId = upstreamRequestId(response.headers);
  const message = upstreamErrorMessage(response, `Keystone answered ${response.status}`);
  if (response.status === 401 && headerValue(response.headers, 'openstack-auth-receipt')) {
    // Multi-factor rules: what was given is right, but another method is required (callers that can go on read the receipt).
    return new ApiError(401, message, { requestId, code: 'mfa_required' });
  }
  if (response.status === 401) return new ApiError(401, message, { requestId, code: 'unauthorized' });
  if (response.status >= 400 && response.status < 500) return new ApiError(response.status, message, { requestId });
  return new ApiError(502, `Keystone failed: ${message}`, { requestId, code: 'upstream_error' });
}

/** What the sign-in and scope rules need from Keystone; unit tests give them a fake. */
export type KeystoneAuth = Pick<
  KeystoneClient,
  'passwordLogin' | 'totpLogin' | 'applicationCredentialLogin' | 'rescope' | 'listAuthProjects' | 'revoke'
>;

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

  /**
   * Without a project, Keystone scopes the token to the user's default project when there is one. A user whose
   * multi-factor rules want more than a password gets an auth receipt instead of a token.
   */
  passwordLogin(credentials: PasswordCredentials): Promise<IssuedToken | AuthReceipt> {
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
    if (credentials.project) body.auth.scope = projectScope(credentials.project);
    return this.#issue(body, { receipts: true });
  }

  /** Completes a sign-in Keystone answered with a receipt: the receipt plus the totp method. */
  totpLogin(
    receipt: string,
    userId: string,
    passcode: string,
    project?: ProjectRef,
  ): Promise<IssuedToken | AuthReceipt> {
    const body: KeystoneTotpAuthRequest = {
      auth: { identity: { methods: ['totp'], totp: { user: { id: userId, passcode } } } },
    };
    if (project) body.auth.scope = projectScope(project);
    return this.#issue(body, { receipts: true, receipt });
  }

  /** A token of the application credential's project (Keystone refuses any other scope for it). */
  applicationCredentialLogin(credential: ApplicationCredentialSecret): Promise<IssuedToken> {
    const body: KeystoneApplicationCredentialAuthRequest = {
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential:
            'id' in credential
              ? { id: credential.id, secret: credential.secret }
              : { name: credential.name, secret: credential.secret, user: { name: credential.user.name, domain: { name: credential.user.domain } } },
        },
      },
    };
    return this.#issue(body);
  }

  /** Keystone's own-password change: no token, the current password is the proof. */
  async changePassword(userId: string, originalPassword: string, password: string): Promise<void> {
    const response = await this.#call(`/users/${encodeURIComponent(userId)}/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: { original_password: originalPassword, password } }),
    });
    if (response.status !== 204) throw keystoneError(response);
  }

  async getUser(tokenId: string, userId: string): Promise<KeystoneUser> {
    const response = await this.#call(`/users/${encodeURIComponent(userId)}`, { headers: { 'x-auth-token': tokenId } });
    if (response.status !== 200) throw keystoneError(response);
    return member<KeystoneUser>(response, 'user', isIdentified);
  }

  async listTotpCredentials(tokenId: string, userId: string): Promise<KeystoneCredential[]> {
    const query = new URLSearchParams({ user_id: userId, type: 'totp' });
    const response = await this.#call(`/credentials?${query.toString()}`, { headers: { 'x-auth-token': tokenId } });
    if (response.status !== 200) throw keystoneError(response);
    return member<KeystoneCredential[]>(response, 'credentials', isListOfIdentified);
  }

  /** Keystone's TOTP credential: type totp, the base32 secret as its blob. */
  async createTotpCredential(tokenId: string, userId: string, secret: string): Promise<KeystoneCredential> {
    const response = await this.#call('/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': tokenId },
      body: JSON.stringify({ credential: { type: 'totp', user_id: userId, blob: secret } }),
    });
    if (response.status !== 201) throw keystoneError(response);
    return member<KeystoneCredential>(response, 'credential', isIdentified);
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
    return member<KeystoneProjectsResponse['projects']>(response, 'projects', isListOfIdentified);
  }

  /**
   * Whether Keystone still honours the token (a token may check itself): false once it is revoked or expired.
   * Any other answer is Keystone's trouble, not the token's, and is thrown.
   */
  async tokenStands(tokenId: string): Promise<boolean> {
    const response = await this.#call('/auth/tokens', {
      method: 'HEAD',
      headers: { 'x-auth-token': tokenId, 'x-subject-token': tokenId },
    });
    if (response.status === 200) return true;
    if (response.status === 401 || response.status === 404) return false;
    throw keystoneError(response);
  }

  async revoke(tokenId: string): Promise<void> {
    const response = await this.#call('/auth/tokens', {
      method: 'DELETE',
      headers: { 'x-auth-token': tokenId, 'x-subject-token': tokenId },
    });
    // 404: already revoked or expired, which is what was wanted.
    if (response.status !== 204 && response.status !== 404) throw keystoneError(response);
  }

  #issue(body: KeystoneTokenAuthRequest | KeystoneApplicationCredentialAuthRequest): Promise<IssuedToken>;
  #issue(
    body: KeystonePasswordAuthRequest | KeystoneTotpAuthRequest,
    options: { receipts: true; receipt?: string },
  ): Promise<IssuedToken | AuthReceipt>;
  async #issue(
    body: KeystonePasswordAuthRequest | KeystoneTotpAuthRequest | KeystoneTokenAuthRequest | KeystoneApplicationCredentialAuthRequest,
    options: { receipts?: boolean; receipt?: string } = {},
  ): Promise<IssuedToken | AuthReceipt> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.receipt) headers['openstack-auth-receipt'] = options.receipt;
    const response = await this.#call('/auth/tokens', { method: 'POST', headers, body: JSON.stringify(body) });
    const receipt = headerValue(response.headers, 'openstack-auth-receipt');
    if (response.status === 401 && receipt && options.receipts) return readReceipt(response, receipt);
    if (response.status !== 201) throw keystoneError(response);
    const id = headerValue(response.headers, 'x-subject-token');
    const issued = parseJson<unknown>(response);
    if (!id || !TokenShape.safeParse(issued).success) {
      throw new ApiError(502, 'Keystone issued a token Zenith cannot read', { requestId: upstreamRequestId(response.headers), code: 'upstream_error' });
    }
    return { id, token: (issued as KeystoneTokenResponse).token };
  }

  async #call(path: string, init: UpstreamRequest): Promise<UpstreamResponse> {
    const headers = this.#requestId ? { ...init.headers, [openStackRequestIdHeader]: this.#requestId } : init.headers;
    try {
      return await this.#upstream.request(new URL(`${this.#base}${path}`), { ...init, headers });
    } catch (error) {
      throw upstreamFailure('Keystone', error);
    }
  }
}

function readReceipt(response: UpstreamResponse, receipt: string): AuthReceipt {
  const answer = parseJson<unknown>(response);
  const requestId = upstreamRequestId(response.headers);
  if (!ReceiptShape.safeParse(answer).success) {
    throw new ApiError(502, 'Keystone answered with a receipt Zenith cannot read', { requestId, code: 'upstream_error' });
  }
  const body = answer as KeystoneReceiptResponse;
  const { user } = body.receipt;
  return {
    receipt,
    methods: body.receipt.methods,
    requiredMethods: body.required_auth_methods ?? [],
    user: { id: user.id, name: user.name, domain: user.domain },
    expiresAt: new Date(body.receipt.expires_at).toISOString(),
    requestId,
  };
}

/**
 * What the BFF reads of a token and of an auth receipt (keystone-types.ts), checked before it is read: a 201 without
 * them (a proxy's page, a truncated body) was a TypeError, a 500, where Keystone is at fault. Unknown members pass.
 */
const DomainShape = z.looseObject({ id: z.string(), name: z.string() });
const validDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)));
const TokenShape = z.looseObject({
  token: z.looseObject({
    methods: z.array(z.string()),
    user: z.looseObject({ id: z.string(), name: z.string(), domain: DomainShape }),
    expires_at: validDate,
    project: z.looseObject({ id: z.string(), name: z.string(), domain: DomainShape }).optional(),
    roles: z.array(z.looseObject({ name: z.string() })).optional(),
    catalog: z
      .array(
        z.looseObject({
          id: z.string(),
          type: z.string(),
          name: z.string().optional(),
          endpoints: z.array(
            z.looseObject({
              id: z.string(),
              interface: z.enum(['public', 'internal', 'admin']),
              region: z.string().nullish(),
              region_id: z.string().nullish(),
              url: z.string(),
            }),
          ),
        }),
      )
      .optional(),
    application_credential: z.looseObject({ id: z.string(), name: z.string() }).optional(),
  }),
});
const ReceiptShape = z.looseObject({
  receipt: z.looseObject({
    methods: z.array(z.string()),
    user: z.looseObject({ id: z.string(), name: z.string(), domain: DomainShape }),
    expires_at: validDate,
  }),
  required_auth_methods: z.array(z.array(z.string())).optional(),
});

const isIdentified = (value: unknown) => isRecord(value) && typeof value.id === 'string';
const isListOfIdentified = (value: unknown) => Array.isArray(value) && value.every(isIdentified);

/**
 * The member of Keystone's answer that a call reads, checked for the shape its readers rely on: an answer without
 * it (a proxy's page, another API) is Keystone's fault (502), not a TypeError in the BFF (500).
 */
function member<T>(response: UpstreamResponse, name: string, hasShape: (value: unknown) => boolean): T {
  const body = parseJson<unknown>(response);
  const value = isRecord(body) ? body[name] : undefined;
  if (!hasShape(value)) {
    throw new ApiError(502, `Keystone answered without the expected "${name}"`, {
      requestId: upstreamRequestId(response.headers),
      code: 'upstream_error',
    });
  }
  return value as T;
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
