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

/** Body of POST /v3/auth/tokens with the token method: a rescope of an existing token. */
export interface KeystoneTokenAuthRequest {
  auth: {
    identity: { methods: ['token']; token: { id: string } };
    scope: KeystoneScope;
  };
}
