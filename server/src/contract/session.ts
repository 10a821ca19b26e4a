// The BFF's sign-in endpoints (/api/auth/*) as both sides see them: what the SPA sends, what the BFF answers.
// The SPA imports these for their types only (`import type`): zod stays out of its first chunk.
import { z } from 'zod';

const name = z.string().trim().min(1).max(255);

/** Body of POST /api/auth/login. */
export const LoginRequest = z.object({
  username: name,
  // Passwords are taken exactly as typed: trimming would change them.
  password: z.string().min(1).max(4096),
  userDomain: name.default('Default'),
  project: name.optional(),
  projectDomain: name.optional(),
  region: name.optional(),
});
/** What the SPA may send: the user's domain defaults to Default. */
export type LoginInput = z.input<typeof LoginRequest>;

/** Body of POST /api/auth/scope: switch project, region, or both. */
export const ScopeRequest = z
  .object({ projectId: name.optional(), region: name.optional() })
  .refine((body) => body.projectId !== undefined || body.region !== undefined, {
    message: 'Give a projectId, a region, or both',
  });
export type ScopeTarget = z.input<typeof ScopeRequest>;

const NamedInDomain = z.object({ id: z.string(), name: z.string(), domain: z.object({ id: z.string(), name: z.string() }) });

/**
 * A service of the session's catalog usable from the browser in its region, with the URL of its endpoint for the
 * session's region and interface: the BFF's proxy sends `/api/os/<type>/<path>` to `<url>/<path>`. Endpoint URLs are
 * not secrets; showing them teaches where each request really goes.
 */
export const CatalogService = z.object({ type: z.string(), name: z.string(), url: z.string() });
export type CatalogService = z.infer<typeof CatalogService>;

/** The answer of login, GET /api/auth/session and scope: what the browser may know about its sign-in. */
export const SessionView = z.object({
  user: NamedInDomain,
  project: NamedInDomain,
  roles: z.array(z.string()),
  region: z.string(),
  regions: z.array(z.string()),
  /** The catalog interface the BFF uses (public, internal or admin), as configured. */
  interface: z.enum(['public', 'internal', 'admin']),
  services: z.array(CatalogService),
  /** ISO 8601; the session ends no later than its Keystone token. */
  expiresAt: z.iso.datetime(),
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;
