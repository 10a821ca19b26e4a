// Keystone v3 request and response bodies, written once from the Identity API v3 reference
// (https://docs.openstack.org/api-ref/identity/v3/). Only the fields Zenith reads or sends are listed.
// The project is the SPA's too, so it lives in the shared contract.
import type { KeystoneProject } from '../contract/projects.js';

export type EndpointInterface = 'public' | 'internal' | 'admin';

export interface KeystoneDomainRef {
  id: string;
  name: string;
}

export interface KeystoneUserRef {
  id: string;
  name: string;
  domain: KeystoneDomainRef;
  password_expires_at?: string | null;
}

export interface KeystoneProjectRef {
  id: string;
  name: string;
  domain: KeystoneDomainRef;
}

export interface KeystoneRoleRef {
  id: string;
  name: string;
}

export interface KeystoneEndpoint {
  id: string;
  interface: EndpointInterface;
  /** Deprecated in favour of region_id, but still what most clients display; usually equal. */
  region: string | null;
  region_id: string | null;
  /** Keystone has already substituted `%(project_id)s`/`$(project_id)s` for the token's project. */
  url: string;
}

export interface KeystoneCatalogEntry {
  id: string;
  type: string;
  name?: string;
  endpoints: KeystoneEndpoint[];
}

/** `token` of POST /v3/auth/tokens (201) and GET /v3/auth/tokens (200). */
export interface KeystoneToken {
  methods: string[];
  user: KeystoneUserRef;
  audit_ids: string[];
  expires_at: string;
  issued_at: string;
  project?: KeystoneProjectRef;
  domain?: KeystoneDomainRef;
  roles?: KeystoneRoleRef[];
  catalog?: KeystoneCatalogEntry[];
  is_domain?: boolean;
  /** Present when the token was made with an application credential (the token is bound to its project). */
  application_credential?: { id: string; name: string; restricted: boolean };
}

/**
 * Body of Keystone's 401 to an authentication that satisfied some of the user's multi-factor rules but none whole;
 * the receipt's id is the `Openstack-Auth-Receipt` header, to send back with the missing methods.
 */
export interface KeystoneReceiptResponse {
  receipt: {
    methods: string[];
    user: KeystoneUserRef;
    expires_at: string;
    issued_at: string;
  };
  /** The user's rules: any one list of methods, all given, makes a token. */
  required_auth_methods: string[][];
}

/** `user` of GET /v3/users/{user_id}. */
export interface KeystoneUser {
  id: string;
  name: string;
  domain_id: string;
  email?: string;
  enabled: boolean;
  password_expires_at?: string | null;
  options?: { multi_factor_auth_rules?: string[][]; multi_factor_auth_enabled?: boolean };
}

/** `credential` of GET /v3/credentials and POST /v3/credentials. For type totp, the blob is the base32 secret. */
export interface KeystoneCredential {
  id: string;
  type: string;
  user_id: string;
  project_id?: string | null;
  blob: string;
}

export interface KeystoneTokenResponse {
  token: KeystoneToken;
}

export interface KeystoneProjectsResponse {
  projects: KeystoneProject[];
}

export type KeystoneScope = { project: { id: string } } | { project: { name: string; domain: { name: string } } };

/** Body of POST /v3/auth/tokens with the password method. */
export interface KeystonePasswordAuthRequest {
  auth: {
    identity: {
      methods: ['password'];
      password: { user: { name: string; password: string; domain: { name: string } } };
    };
    scope?: KeystoneScope;
  };
}

/**
 * Body of POST /v3/auth/tokens with the totp method: with the `Openstack-Auth-Receipt` of a password step it completes
 * a multi-factor sign-in (Keystone adds the receipt's methods to this request's).
 */
export interface KeystoneTotpAuthRequest {
  auth: {
    identity: { methods: ['totp']; totp: { user: { id: string; passcode: string } } };
    scope?: KeystoneScope;
  };
}

/**
 * Body of POST /v3/auth/tokens with the application_credential method: by id, or by name with its user. No scope:
 * the token is the credential's project's.
 */
export interface KeystoneApplicationCredentialAuthRequest {
  auth: {
    identity: {
      methods: ['application_credential'];
      application_credential:
        | { id: string; secret: string }
        | { name: string; secret: string; user: { name: string; domain: { name: string } } };
    };
  };
}

/** Body of POST /v3/auth/tokens with the token method: a rescope of an existing token. */
export interface KeystoneTokenAuthRequest {
  auth: {
    identity: { methods: ['token']; token: { id: string } };
    scope: KeystoneScope;
  };
}
