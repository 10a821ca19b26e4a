// What the API access page reads from the BFF: the session's whole service catalog (GET /api/auth/catalog), every
// service with every endpoint in every region and interface, as Keystone listed it in the session's token (endpoint
// URLs are not secrets; the token that came with them never leaves the BFF), and the user's EC2 credentials without
// their secrets (GET /api/auth/ec2-credentials).
import { z } from 'zod';

export const CatalogEndpoint = z.object({
  id: z.string(),
  /** The endpoint's region (Keystone's region_id, else region); null for an endpoint in no region. */
  region: z.string().nullable(),
  interface: z.enum(['public', 'internal', 'admin']),
  url: z.string(),
});
export type CatalogEndpoint = z.infer<typeof CatalogEndpoint>;

export const CatalogEntry = z.object({
  type: z.string(),
  /** The service's name, or its type when Keystone has no name for it. */
  name: z.string(),
  endpoints: z.array(CatalogEndpoint),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

export const CatalogResponse = z.object({
  /**
   * Keystone's URL for tools outside the dashboard (clouds.yaml `auth_url`, `OS_AUTH_URL`): the catalog's identity
   * endpoint for the session's region and interface, else the URL the BFF itself signs in with.
   */
  authUrl: z.string(),
  region: z.string(),
  interface: z.enum(['public', 'internal', 'admin']),
  entries: z.array(CatalogEntry),
});
export type CatalogResponse = z.infer<typeof CatalogResponse>;

/**
 * An EC2 credential as Keystone lists it (GET /v3/users/{user_id}/credentials/OS-EC2), without its secret: the
 * BFF drops it, so the secret reaches the browser only in the answer to the POST that created it
 * (GET /api/auth/ec2-credentials).
 */
export const ListedEc2Credential = z.object({
  access: z.string(),
  /** The project the credential is bound to. */
  tenant_id: z.string().nullable(),
  user_id: z.string(),
  trust_id: z.string().nullable(),
});
export type ListedEc2Credential = z.infer<typeof ListedEc2Credential>;

export const Ec2CredentialsResponse = z.object({ credentials: z.array(ListedEc2Credential) });
export type Ec2CredentialsResponse = z.infer<typeof Ec2CredentialsResponse>;
