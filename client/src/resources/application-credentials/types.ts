// Keystone's application credentials (Identity API v3: /v3/users/{user_id}/application_credentials): a secret that
// authenticates as the user in one project, with some or all of the user's roles there, optionally an expiry and
// access rules. Keystone keeps only a hash of the secret: it is in the create answer and nowhere else.

export interface ApplicationCredentialRole {
  id: string;
  name: string;
  domain_id?: string | null;
}

export type AccessRuleMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An API call the credential may make: method, path (may end with `*` or `**`) and service type. */
export interface AccessRule {
  id?: string;
  method: AccessRuleMethod;
  path: string;
  service: string;
}

/** As GET /v3/users/{user_id}/application_credentials lists it. */
export interface ApplicationCredential {
  id: string;
  name: string;
  description: string | null;
  /** ISO 8601 in UTC (Keystone writes it without a zone); null: never expires. */
  expires_at: string | null;
  project_id: string;
  roles: ApplicationCredentialRole[];
  /** May create and delete other application credentials and trusts; null (restricted) when created without saying. */
  unrestricted: boolean | null;
  access_rules?: AccessRule[];
  links?: { self: string };
}

/** A listed credential with the user it belongs to (Keystone leaves it out: it is in the list's path). */
export interface OwnedApplicationCredential extends ApplicationCredential {
  user_id: string;
}

/** The create answer (201): the only one that carries the secret. */
export interface CreatedApplicationCredential extends ApplicationCredential {
  secret: string;
}

/** Body of POST /v3/users/{user_id}/application_credentials (the secret is left to Keystone to generate). */
export interface ApplicationCredentialCreate {
  application_credential: {
    name: string;
    description?: string;
    /** YYYY-MM-DDTHH:MM:SS in UTC, as the CLI sends it. */
    expires_at?: string;
    roles: { name: string }[];
    unrestricted: boolean;
    access_rules?: Omit<AccessRule, 'id'>[];
  };
}
